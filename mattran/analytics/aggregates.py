"""Build, invalidate and read the pre-aggregated yearly figures (`YearAggregate`).

Build, per indicator and year: one SQL query reduces the raw values to one row per
reporting unit (its latest figure in the window, its total for flows, whether it answered
"có", the latest month it reported), then each unit's figure is judged once (does it meet
the indicator's condition?) and added into every committee above it. Read: a large scope
(the Central Committee, a province) takes its figures from those rows when its tree did
not change during the year (no merge, no unit opened or closed); otherwise the exact
roll-up runs over the raw values.
"""

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.utils import timezone

from mattran.analytics.models import AggregateState, YearAggregate
from mattran.analytics.rollup import (
    HUNDRED,
    Rollup,
    UnitFigure,
    meets,
    unit_condition,
)
from mattran.core.periods import PeriodKind
from mattran.programmes.models import Aggregation, Indicator, Programme, ValueType
from mattran.reporting.models import DataValue
from mattran.units.models import PATH_END, PATH_STEP, Tier, Unit, UnitSuccession
from mattran.units.selectors import reference_date

LARGE_TIERS = (Tier.CENTRAL, Tier.PROVINCE)


def mark_stale_ids(pairs: Iterable[tuple[int, int]]) -> None:
    """Written values of these (indicator id, year): their aggregates must be rebuilt.

    Every year from the value's year on is marked: a later year of a cumulative indicator
    depends on it; for the others the later years are rebuilt once more than needed, which
    is harmless."""
    first: dict[int, int] = {}
    for indicator_id, year in pairs:
        first[indicator_id] = min(year, first.get(indicator_id, year))
    for indicator_id, year in first.items():
        AggregateState.objects.filter(
            indicator_id=indicator_id, year__gte=year, stale=False
        ).update(stale=True)


def mark_indicator_stale(indicator_ids: Iterable[int]) -> None:
    AggregateState.objects.filter(indicator_id__in=list(indicator_ids)).update(stale=True)


_UNIT_ROWS = """
SELECT unit_id, path, number, numerator, denominator, boolean, rating, total, any_true,
       last_start, last_month_end
FROM (
    SELECT v.unit_id, u.path, v.number, v.numerator, v.denominator, v.boolean, v.rating,
           SUM(COALESCE(v.number, 0)) OVER w AS total,
           MAX(CASE WHEN v.boolean THEN 1 ELSE 0 END) OVER w AS any_true,
           MAX(p.start) OVER w AS last_start,
           MAX(CASE WHEN p.kind = 'month' THEN p."end" END) OVER w AS last_month_end,
           ROW_NUMBER() OVER (PARTITION BY v.unit_id ORDER BY p.start DESC) AS rn
    FROM {values} v
    JOIN {periods} p ON p.id = v.period_id
    JOIN {units} u ON u.id = v.unit_id
    WHERE v.indicator_id = %s AND p.kind = %s AND p.start >= %s AND p."end" <= %s
      AND u.tier = %s AND u.path >= %s AND u.path < %s
    WINDOW w AS (PARTITION BY v.unit_id)
) ranked
WHERE rn = 1
"""


def _unit_rows(indicator: Indicator, start: date, end: date) -> list[tuple]:
    issuer = indicator.programme.unit
    sql = _UNIT_ROWS.format(
        values=DataValue._meta.db_table,
        periods="reporting_period",
        units=Unit._meta.db_table,
    )
    params = [
        indicator.pk,
        indicator.frequency,
        start,
        end,
        indicator.reported_by,
        issuer.path,
        issuer.path + PATH_END,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _figure(indicator: Indicator, row: tuple, year_start: date) -> UnitFigure:
    """One reporting unit's figure over the window, by the same rules as the roll-up."""
    _, _, number, numerator, denominator, boolean, rating, total, any_true, last_start, _ = row
    last_start = _as_date(last_start)
    figure = UnitFigure(latest_start=last_start, reported_in_period=last_start >= year_start)
    flow = indicator.value_type in (ValueType.COUNT, ValueType.AMOUNT) and (
        indicator.aggregation in (Aggregation.SUM, Aggregation.COUNT_UNITS)
    )
    if indicator.aggregation == Aggregation.EVENT:
        figure.boolean = bool(any_true)
    elif flow:
        figure.number = _decimal(total)
    else:
        figure.number = _decimal(number)
        figure.numerator = _decimal(numerator)
        figure.denominator = _decimal(denominator)
        figure.boolean = None if boolean is None else bool(boolean)
        figure.rating = rating
    return figure


def _decimal(value) -> Decimal | None:
    """SQLite hands back floats for decimal columns: read them through their shortest text."""
    if value is None:
        return None
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass
class _Totals:
    n_figures: int = 0
    n_reported: int = 0
    n_number: int = 0
    sum_number: Decimal = Decimal(0)
    sum_numerator: Decimal = Decimal(0)
    sum_denominator: Decimal = Decimal(0)
    n_true: int = 0
    min_rating: int | None = None
    n_met: int = 0
    latest_month_end: date | None = None

    def add(self, figure: UnitFigure, met: bool, month_end: date | None) -> None:
        self.n_figures += 1
        self.n_reported += figure.reported_in_period
        if figure.number is not None:
            self.n_number += 1
            self.sum_number += figure.number
        if figure.numerator is not None:
            self.sum_numerator += figure.numerator
            self.sum_denominator += figure.denominator or 0
        self.n_true += bool(figure.boolean)
        if figure.rating is not None:
            self.min_rating = (
                figure.rating if self.min_rating is None else min(self.min_rating, figure.rating)
            )
        self.n_met += met
        if month_end and (self.latest_month_end is None or month_end > self.latest_month_end):
            self.latest_month_end = month_end


@transaction.atomic
def build(indicator: Indicator, year: int) -> int:
    """Rebuild one indicator's aggregates of one year; returns the rows written."""
    started = time.perf_counter()
    state, _ = AggregateState.objects.select_for_update().get_or_create(
        indicator=indicator, year=year
    )
    first = indicator.programme.first_year if indicator.cumulative else year
    year_start = date(year, 1, 1)
    condition = unit_condition(indicator)
    totals: dict[str, _Totals] = defaultdict(_Totals)
    root_depth = len(indicator.programme.unit.path)
    for row in _unit_rows(indicator, date(first, 1, 1), date(year, 12, 31)):
        path = row[1]
        figure = _figure(indicator, row, year_start)
        met = meets(indicator, figure, condition)
        month_end = _as_date(row[10])
        for end in range(root_depth, len(path), PATH_STEP):  # every committee above it
            totals[path[:end]].add(figure, met, month_end)
    ids = dict(Unit.objects.filter(path__in=list(totals)).values_list("path", "pk"))
    YearAggregate.objects.filter(indicator=indicator, year=year).delete()
    YearAggregate.objects.bulk_create(
        [
            YearAggregate(indicator=indicator, unit_id=ids[path], year=year, **vars(t))
            for path, t in totals.items()
            if path in ids
        ],
        batch_size=5000,
    )
    state.stale = False
    state.built_at = timezone.now()
    state.build_seconds = time.perf_counter() - started
    state.save()
    return len(totals)


def refresh(programme: Programme, years: Iterable[int] | None = None) -> int:
    """Rebuild every stale (or never built) indicator-year of a programme; returns how many."""
    years = list(years or programme.years)
    indicators = list(programme.indicators.select_related("programme__unit"))
    fresh = set(
        AggregateState.objects.filter(
            indicator__in=indicators, year__in=years, stale=False
        ).values_list("indicator_id", "year")
    )
    rebuilt = 0
    for indicator in indicators:
        for year in years:
            if (indicator.pk, year) not in fresh:
                build(indicator, year)
                rebuilt += 1
    return rebuilt


def stable(unit: Unit, start: date, end: date) -> bool:
    """Did the unit's tree stay the same over the window: no unit of it opened or closed,
    no merge into or out of it taking effect, strictly inside [start, end]? Units closed
    before the window (an earlier reorganisation) or opened after it matter only if they
    have figures inside it (a merge recorded after the old units had reported on)."""
    below = Unit.objects.subtree(unit)
    if below.filter(
        Q(valid_from__gt=start, valid_from__lte=end) | Q(valid_to__gte=start, valid_to__lt=end)
    ).exists():
        return False
    if UnitSuccession.objects.filter(
        Q(successor__path__gte=unit.path, successor__path__lt=unit.path + PATH_END)
        | Q(predecessor__path__gte=unit.path, predecessor__path__lt=unit.path + PATH_END),
        effective_on__gt=start,
        effective_on__lte=end,
    ).exists():
        return False
    outside = list(
        below.filter(Q(valid_to__lt=start) | Q(valid_from__gt=end)).values_list("pk", flat=True)
    )
    return not (
        outside
        and DataValue.objects.filter(
            unit_id__in=outside, period__start__gte=start, period__end__lte=end
        ).exists()
    )


def uses_aggregates(unit: Unit, year: int) -> bool:
    """Is the unit large enough (a province, the country) to read pre-aggregated figures?"""
    return unit.tier in LARGE_TIERS


def aggregated(unit: Unit, year: int, indicators: list[Indicator]) -> list[Indicator]:
    """Those of `indicators` whose figure for `unit` over `year` the aggregates give exactly:
    the tree did not change within the indicator's window (the year, or from the first
    year of the term for a cumulative one). The others are rolled up from raw figures,
    which fold merged units into their successors."""
    end = date(year, 12, 31)
    windows: dict[int, bool] = {}
    chosen = []
    for indicator in indicators:
        first = indicator.programme.first_year if indicator.cumulative else year
        if first not in windows:
            windows[first] = stable(unit, date(first, 1, 1), end)
        if windows[first]:
            chosen.append(indicator)
    return chosen


def year_rollups(
    programme: Programme, unit: Unit, year: int, indicators: list[Indicator]
) -> dict[int, Rollup]:
    """The roll-ups of `indicators` for `unit` over `year`, from the aggregates (rebuilt first
    where stale). Only for indicators reported below the unit."""
    return year_rollups_of(programme, [unit], year, indicators)[unit.pk]


def year_rollups_of(
    programme: Programme, units: list[Unit], year: int, indicators: list[Indicator]
) -> dict[int, dict[int, Rollup]]:
    """`year_rollups` of several units at once (the provinces below the Central Committee),
    with a fixed number of queries."""
    refresh(programme, [year])
    rows: dict[int, dict[int, YearAggregate]] = defaultdict(dict)
    for a in YearAggregate.objects.filter(unit__in=units, year=year, indicator__in=indicators):
        rows[a.unit_id][a.indicator_id] = a
    counts = _units_per_tier(units, {i.reported_by for i in indicators}, date(year, 12, 31))
    return {
        unit.pk: {
            i.pk: rollup_from(i, rows[unit.pk].get(i.pk), counts.get((unit.pk, i.reported_by), 0))
            for i in indicators
        }
        for unit in units
    }


def _units_per_tier(units: list[Unit], tiers: set[str], end: date) -> dict[tuple[int, str], int]:
    """How many units of each tier each unit has below it on its reference day: one
    grouped count per tier and kind of unit (same path length, same day)."""
    groups: dict[tuple[int, date], list[Unit]] = defaultdict(list)
    for unit in units:
        groups[(len(unit.path), reference_date(unit, end))].append(unit)
    counts: dict[tuple[int, str], int] = {}
    for (cut, ref), members in groups.items():
        by_path = {u.path: u.pk for u in members}
        within = Q()
        for unit in members:
            within |= Q(path__gte=unit.path, path__lt=unit.path + PATH_END)
        for tier in tiers:
            found = (
                Unit.objects.filter(within, tier=tier)
                .valid_on(ref)
                .annotate(top=Substr("path", 1, cut))
                .values("top")
                .annotate(n=Count("pk"))
                .values_list("top", "n")
            )
            for top, n in found:
                if top in by_path:
                    counts[(by_path[top], tier)] = n
    return counts


def rollup_from(indicator: Indicator, row: YearAggregate | None, units_total: int) -> Rollup:
    """A roll-up out of one aggregate row, by the rules of `rollup.combine`."""
    agg = indicator.aggregation
    result = Rollup(has_data=bool(row and row.n_figures))
    result.units_total = units_total or None
    if not result.has_data:
        result.units_reporting = 0 if units_total else None
        return result
    result.units_reporting = row.n_reported
    if agg == Aggregation.SUM:
        result.value = row.sum_number
    elif agg == Aggregation.EVENT:
        result.value = Decimal(1 if row.n_true else 0)
    elif agg == Aggregation.RATIO:
        result.numerator, result.denominator = row.sum_numerator, row.sum_denominator
        if result.denominator:
            result.percent = result.numerator / result.denominator * HUNDRED
            result.value = result.percent
    elif agg == Aggregation.LATEST:
        result.value = _latest(indicator, row)
        if indicator.value_type == ValueType.PERCENT:
            result.percent = result.value
    elif agg == Aggregation.COUNT_UNITS:
        result.value = Decimal(row.n_met)
        if units_total:
            result.percent = Decimal(row.n_met) / Decimal(units_total) * HUNDRED
    return result


def _latest(indicator: Indicator, row: YearAggregate) -> Decimal | None:
    if indicator.value_type == ValueType.RATING:
        return None if row.min_rating is None else Decimal(row.min_rating)
    if indicator.value_type == ValueType.YES_NO:
        return Decimal(row.n_true)
    if not row.n_number:
        return None
    if indicator.value_type == ValueType.PERCENT:
        return row.sum_number / row.n_number
    return row.sum_number


def latest_month_end(programme: Programme, unit: Unit, year: int) -> date | None:
    return latest_month_ends(programme, [unit], year).get(unit.pk)


def latest_month_ends(programme: Programme, units: list[Unit], year: int) -> dict[int, date]:
    """The end of the latest month reported below each unit in the year (aggregates)."""
    return dict(
        YearAggregate.objects.filter(
            unit__in=units,
            year=year,
            indicator__programme=programme,
            indicator__frequency=PeriodKind.MONTH,
        )
        .values("unit")
        .annotate(latest=Max("latest_month_end"))
        .values_list("unit", "latest")
    )

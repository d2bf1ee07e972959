"""Progress: each indicator's target for a year, what was achieved, and a computed status."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from mattran.analytics import aggregates
from mattran.analytics.rollup import (
    HUNDRED,
    MonthsSeen,
    Rollup,
    ScopeCache,
    cached_scope,
    rollup,
    rollups_below,
    unit_condition,
)
from mattran.core.numbers import format_count, format_number
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.core.ratings import Rating
from mattran.programmes.models import Aggregation, Indicator, Programme, Target, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.programmes.targets import Kind, Op, TargetExpr
from mattran.reporting.models import DataValue
from mattran.units.models import Tier, Unit

CENT = Decimal("0.01")


class Status:
    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"
    QUALITATIVE = "qualitative"


STATUS_LABELS = {
    Status.MET: "Đạt",
    Status.ON_TRACK: "Đúng tiến độ",
    Status.BEHIND: "Chậm",
    Status.NO_DATA: "Chưa có số liệu",
    Status.QUALITATIVE: "Đánh giá định tính",
}


@dataclass
class IndicatorProgress:
    indicator: Indicator
    target: TargetExpr
    result: Rollup
    actual: Decimal | None
    status: str
    expected: Decimal | None = None

    @property
    def target_display(self) -> str:
        return self.target.display()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def actual_display(self) -> str:
        return display_actual(self.indicator, self.result)

    def as_dict(self) -> dict:
        r = self.result
        return {
            "code": self.indicator.code,
            "text": self.indicator.text,
            "area": self.indicator.area.number,
            "measure_unit": self.indicator.measure_unit,
            "target": self.target_display,
            "actual": _json_number(self.actual),
            "actual_display": self.actual_display(),
            "percent": _json_number(r.percent),
            "status": self.status,
            "status_label": self.status_label,
            "units_reporting": r.units_reporting,
            "units_total": r.units_total,
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    rounded = round(Decimal(value), 2)
    return int(rounded) if rounded == rounded.to_integral() else float(rounded)


@dataclass
class ProgrammeYear:
    """What every unit's progress in a year reads: the indicators and their targets."""

    indicators: list[Indicator]
    targets: dict[tuple[int, int], Target]


def programme_year(programme: Programme, year: int) -> ProgrammeYear:
    return ProgrammeYear(
        indicators=list(programme.indicators.select_related("area", "programme").order_by("order")),
        targets={
            (t.indicator_id, t.year): t
            for t in Target.objects.filter(
                indicator__programme=programme, year__in=[year, year - 1]
            )
        },
    )


def programme_progress(
    programme: Programme,
    unit: Unit,
    year: int,
    as_of: date | None = None,
    rollups: dict[int, Rollup] | None = None,
    shared: ProgrammeYear | None = None,
) -> tuple[list[IndicatorProgress], date]:
    """Progress of every indicator that has a target for `unit` in `year`. `rollups` and
    `shared` may carry what was already read for several units (`children_progress`)."""
    if year not in programme.years:
        raise ValidationError(f"Năm {year} nằm ngoài {programme.term_label} của chương trình.")
    if not programme_covers(programme, unit):
        raise ValidationError(
            f"{unit.name} không thuộc phạm vi chương trình của {programme.unit.name}."
        )
    period = PeriodSpec.year(year)
    scopes: ScopeCache = {}
    shared = shared or programme_year(programme, year)
    indicators, targets = shared.indicators, shared.targets
    precomputed = rollups or {}
    if rollups is None and aggregates.uses_aggregates(unit, year):  # a country, a province
        below = [i for i in indicators if may_apply(i, unit) and i.reported_by != unit.tier]
        below = aggregates.aggregated(unit, year, below)
        precomputed = aggregates.year_rollups(programme, unit, year, below) if below else {}
        if as_of is None and below:
            latest = aggregates.latest_month_end(programme, unit, year)
            as_of = min(latest or period.end, timezone.localdate())
    as_of = as_of or reporting_frontier(programme, unit, period, scopes)
    rows = []
    for indicator in indicators:
        own = targets.get((indicator.pk, year))
        target = target_for(indicator, unit, own.parsed if own else None)
        if target.kind == Kind.NONE or not may_apply(indicator, unit):
            continue
        result = precomputed.get(indicator.pk) or rollup(indicator, unit, period, scopes)
        if not applies(indicator, unit, result):
            continue
        previous = targets.get((indicator.pk, year - 1))
        rows.append(
            judge(
                indicator,
                unit,
                target,
                result,
                period,
                as_of,
                previous.parsed if previous else None,
            )
        )
    return rows, as_of


TIER_RANK = {Tier.CENTRAL: -1, Tier.PROVINCE: 0, Tier.DISTRICT: 1, Tier.COMMUNE: 2, Tier.AREA: 3}


def may_apply(indicator: Indicator, unit: Unit) -> bool:
    """Cheap test before any query: is the reporting tier this unit's or one below it?"""
    if indicator.reported_by == unit.tier:
        return True
    if unit.tier not in TIER_RANK or indicator.reported_by not in TIER_RANK:
        return False
    return TIER_RANK[indicator.reported_by] > TIER_RANK[unit.tier]


def applies(indicator: Indicator, unit: Unit, result: Rollup) -> bool:
    """An indicator applies where it is reported: at the unit itself or somewhere below it."""
    return unit.tier == indicator.reported_by or bool(result.units_total)


def target_for(indicator: Indicator, unit: Unit, target: TargetExpr | None) -> TargetExpr:
    """The programme's target as it applies to `unit`.

    The issuing committee gets the target as written. A unit below it gets what can be
    derived fairly: shares (%, "13/13") and qualitative, event and rating targets hold as
    they are; a unit that itself reports a "count the units that meet it" indicator is
    held to the condition each unit must meet ("trên 01 cuộc"); absolute city totals
    ("30/100 nhà") are not split among wards, so those get no target.
    """
    target = target or TargetExpr(kind=Kind.NONE)
    if unit.pk == indicator.programme.unit_id or target.kind == Kind.NONE:
        return target
    if indicator.aggregation == Aggregation.COUNT_UNITS and unit.tier == indicator.reported_by:
        return unit_condition(indicator)
    if target.kind != Kind.NUMERIC or target.percent:
        return target
    if target.total is not None and indicator.aggregation == Aggregation.COUNT_UNITS:
        return target
    return TargetExpr(kind=Kind.NONE)


def comparable(
    indicator: Indicator, unit: Unit, target: TargetExpr, result: Rollup
) -> tuple[Decimal | None, TargetExpr]:
    """The achieved figure and the target, put in the same terms (count, % or grade)."""
    own_unit_count = (
        indicator.aggregation == Aggregation.COUNT_UNITS and unit.tier == indicator.reported_by
    )
    if own_unit_count:
        return result.own_value, target
    if (
        target.kind == Kind.NUMERIC
        and target.total is not None
        and (indicator.aggregation == Aggregation.COUNT_UNITS)
    ):
        share = target.value / target.total * HUNDRED
        upper = target.upper / target.total * HUNDRED if target.upper is not None else None
        return result.percent, replace(target, value=share, upper=upper, total=None, percent=True)
    if target.kind == Kind.NUMERIC and target.percent:
        return result.percent, target
    return result.value, target


def judge(
    indicator: Indicator,
    unit: Unit,
    target: TargetExpr,
    result: Rollup,
    period: PeriodSpec,
    as_of: date,
    previous: TargetExpr | None,
) -> IndicatorProgress:
    actual, goal = comparable(indicator, unit, target, result)
    if target.kind == Kind.QUALITATIVE:
        return IndicatorProgress(indicator, target, result, actual, Status.QUALITATIVE)
    if not result.has_data or actual is None:
        return IndicatorProgress(indicator, target, result, None, Status.NO_DATA)
    if goal.is_met(actual):
        return IndicatorProgress(indicator, target, result, actual, Status.MET)
    elapsed = period.elapsed_fraction(as_of)
    expected = expected_by(goal, elapsed, indicator, previous)
    if elapsed < 1 and expected is not None and actual >= expected:
        return IndicatorProgress(indicator, target, result, actual, Status.ON_TRACK, expected)
    return IndicatorProgress(indicator, target, result, actual, Status.BEHIND, expected)


def expected_by(
    goal: TargetExpr, elapsed: Fraction, indicator: Indicator, previous: TargetExpr | None
) -> Decimal | None:
    """What should have been reached by now for an upward target; None for a ceiling."""
    if goal.kind == Kind.EVENT:
        return Decimal(0)  # it can still take place before the year ends
    if goal.kind != Kind.NUMERIC or goal.op in (Op.LT, Op.LE):
        return None
    start = Decimal(0)
    if indicator.cumulative and previous and previous.kind == Kind.NUMERIC and previous.value:
        start = previous.value  # "30/100 nhà" then "50/100 nhà": this year adds 20
    share = (goal.value - start) * elapsed.numerator / elapsed.denominator
    return (start + share).quantize(CENT, rounding=ROUND_HALF_UP)


def children_progress(
    programme: Programme, unit: Unit, year: int, children: list[Unit]
) -> dict[int, tuple[list[IndicatorProgress], date]]:
    """`programme_progress` of each of `children` (units directly below `unit`), keyed by id.

    Children small enough to be rolled up from raw values (communes, residential areas)
    have each indicator's figures read once for all of them, their reporting frontier seen
    in those figures; large ones (provinces) read their aggregates."""
    period = PeriodSpec.year(year)
    shared = programme_year(programme, year)
    large = [child for child in children if aggregates.uses_aggregates(child, year)]
    small = [child for child in children if child not in large]
    result = _large_children_progress(programme, unit, year, large, shared) if large else {}
    if not small:
        return result
    scopes: ScopeCache = {}
    rollups: dict[int, dict[int, Rollup]] = {child.pk: {} for child in small}
    months = MonthsSeen()  # each child's reporting frontier, seen in the figures read
    for indicator in shared.indicators:
        if not any(may_apply(indicator, child) for child in small):
            continue
        for pk, figure in rollups_below(indicator, unit, small, period, scopes, months).items():
            rollups[pk][indicator.pk] = figure
    today = timezone.localdate()
    for child in small:
        frontier = min(months.ends.get(child.pk, period.end), today) if months.complete else None
        result[child.pk] = programme_progress(
            programme,
            child,
            year,
            as_of=frontier,
            rollups=rollups[child.pk],
            shared=shared,
        )
    return result


def _large_children_progress(
    programme: Programme, unit: Unit, year: int, children: list[Unit], shared: ProgrammeYear
) -> dict[int, tuple[list[IndicatorProgress], date]]:
    """Provinces below the Central Committee: their aggregates read in a few queries for all
    of them; stability is checked once for the parent's tree (it holds for every subtree),
    and only where it fails, child by child."""
    period = PeriodSpec.year(year)
    today = timezone.localdate()
    result = {}
    by_tier: dict[str, list[Unit]] = {}
    for child in children:
        by_tier.setdefault(child.tier, []).append(child)
    for tier, group in by_tier.items():
        below = [i for i in shared.indicators if may_apply(i, group[0]) and i.reported_by != tier]
        steady = aggregates.aggregated(unit, year, below)
        chosen = {child.pk: list(steady) for child in group}
        rest = [i for i in below if i not in steady]
        if rest:
            for child in group:
                chosen[child.pk] += aggregates.aggregated(child, year, rest)
        wanted = list({i.pk: i for items in chosen.values() for i in items}.values())
        rolled = aggregates.year_rollups_of(programme, group, year, wanted) if wanted else {}
        latest = aggregates.latest_month_ends(programme, group, year)
        for child in group:
            mine = {i.pk: rolled[child.pk][i.pk] for i in chosen[child.pk]}
            as_of = min(latest.get(child.pk) or period.end, today) if mine else None
            result[child.pk] = programme_progress(
                programme, child, year, as_of=as_of, rollups=mine, shared=shared
            )
    return result


def reporting_frontier(
    programme: Programme, unit: Unit, period: PeriodSpec, scopes: ScopeCache | None = None
) -> date:
    """The day progress is judged on: the end of the latest month reported, else today."""
    today = timezone.localdate()
    scope = cached_scope(unit, period.start, period.end, scopes)  # the roll-ups reuse it
    latest = DataValue.objects.filter(
        scope.unit_filter(),
        indicator__programme=programme,
        period__kind=PeriodKind.MONTH,
        period__start__gte=period.start,
        period__end__lte=period.end,
    ).aggregate(latest=Max("period__end"))["latest"]
    if latest:
        return min(latest, today)
    return min(period.end, today)


def display_actual(indicator: Indicator, r: Rollup) -> str:
    if not r.has_data:
        return "—"
    agg = indicator.aggregation
    if agg == Aggregation.COUNT_UNITS and not r.units_total and r.own_value is not None:
        return display_value(indicator, r.own_value)
    if agg == Aggregation.COUNT_UNITS:
        if r.units_total:
            share = format_number(r.percent, 1)
            return f"{format_count(r.value)}/{format_count(r.units_total)} ({share}%)"
        return "Đạt" if r.value else "Chưa đạt"
    if agg == Aggregation.RATIO:
        if r.percent is None:
            return "—"
        return (
            f"{format_number(r.percent, 1)}% "
            f"({format_number(r.numerator)}/{format_number(r.denominator)})"
        )
    if agg == Aggregation.EVENT:
        return "Đã tổ chức" if r.value else "Chưa tổ chức"
    if r.value is None:
        return "—"
    if indicator.value_type == ValueType.YES_NO and r.units_total:
        return f"{format_count(r.value)}/{format_count(r.units_total)} đơn vị có"
    return display_value(indicator, r.value)


def display_value(indicator: Indicator, value: Decimal) -> str:
    """One unit's figure in words: "02 cuộc", "Có", "85,0%", "Hoàn thành tốt nhiệm vụ"."""
    if indicator.value_type == ValueType.RATING:
        return Rating(int(value)).label
    if indicator.value_type == ValueType.YES_NO:
        return "Có" if value else "Không"
    if indicator.value_type in (ValueType.PERCENT, ValueType.FRACTION):
        return f"{format_number(value, 1)}%"
    measure = indicator.measure_unit
    if indicator.aggregation == Aggregation.COUNT_UNITS:
        measure = indicator.condition.label  # "trên 01 cuộc giám sát": a count of "cuộc"
    unit_word = f" {measure}" if measure else ""
    return f"{format_count(value)}{unit_word}"

"""The roll-up engine: one indicator's figure for any unit and period, over its subtree.

Rules (Indicator.aggregation), across units and across the periods inside the window:
- SUM: counts or amounts added up, over units and over months;
- RATIO: each unit's latest numerator and denominator in the window (fractions are
  reported year-to-date), then summed numerators over summed denominators;
- COUNT_UNITS: the units of the reporting tier that meet the indicator's condition,
  "of N" units (each unit's figure: counts added over the window, other kinds latest);
- LATEST: each unit's latest figure (a stock such as followers of a page), added up;
- EVENT: whether any unit recorded that the event took place.
An indicator marked cumulative widens the window back to the first year of the term.
Monthly values roll up to half-years and years by the same rules. Units merged into
another count under their successor from the merge date on (see units.selectors).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.core.ratings import Rating
from mattran.programmes.models import Aggregation, Indicator, ValueType
from mattran.programmes.targets import Kind, Op, TargetExpr
from mattran.reporting.models import DataValue
from mattran.units.models import PATH_STEP, Unit
from mattran.units.selectors import DataScope, data_scope

HUNDRED = Decimal(100)


@dataclass
class UnitFigure:
    """One unit's figure over the window, after its predecessors' figures are folded in."""

    number: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    boolean: bool | None = None
    rating: int | None = None
    latest_start: date | None = None
    reported_in_period: bool = False


@dataclass
class Rollup:
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    percent: Decimal | None = None
    units_reporting: int | None = None
    units_total: int | None = None
    units_met: list[Unit] = field(default_factory=list)
    has_data: bool = False
    own_value: Decimal | None = None  # the root's own figure, when the root itself reports


def window_start(indicator: Indicator, period: PeriodSpec) -> date:
    if indicator.cumulative:
        return date(indicator.programme.first_year, 1, 1)
    return period.start


ScopeCache = dict[tuple[int, date, date, str | None], DataScope]


def cached_scope(
    unit: Unit, start: date, end: date, scopes: ScopeCache | None, tier: str | None = None
) -> DataScope:
    """`data_scope`, resolved once per (unit, window, tier) for callers that pass a cache."""
    if scopes is None:
        return data_scope(unit, start, end, tier)
    key = (unit.pk, start, end, tier)
    if key not in scopes:
        scopes[key] = data_scope(unit, start, end, tier)
    return scopes[key]


def rollup(
    indicator: Indicator, unit: Unit, period: PeriodSpec, scopes: ScopeCache | None = None
) -> Rollup:
    """`scopes` lets a caller rolling up many indicators resolve each data scope once."""
    start = window_start(indicator, period)
    # the unit's own figure (and its predecessors'): no need for the units below it
    own = indicator.reported_by if unit.tier == indicator.reported_by else None
    scope = cached_scope(unit, start, period.end, scopes, own)
    figures = unit_figures(indicator, scope, start, period)
    return finish(indicator, unit, figures, scope.valid_at_ref(indicator.reported_by))


@dataclass
class MonthsSeen:
    """The end of the latest month each unit below reported in a period, gathered while its
    figures are read (`complete` is False once some were read unit by unit instead)."""

    ends: dict[int, date] = field(default_factory=dict)
    complete: bool = True

    def saw(self, child: int, end: date) -> None:
        if child not in self.ends or end > self.ends[child]:
            self.ends[child] = end


def rollups_below(
    indicator: Indicator,
    parent: Unit,
    children: list[Unit],
    period: PeriodSpec,
    scopes: ScopeCache | None = None,
    months: MonthsSeen | None = None,
) -> dict[int, Rollup]:
    """The roll-up of each of `children` (units directly below `parent`), keyed by unit id.

    When nothing in the parent's tree changed during the window (no merge, no unit opened
    or closed), every child's figures are a slice of the parent's: they are read in one
    query and split by subtree. Otherwise each child is rolled up on its own, merges and
    all."""
    start = window_start(indicator, period)
    split = split_below(parent, children, start, period.end, scopes)
    if split is None:
        if months is not None:
            months.complete = False
        return {child.pk: rollup(indicator, child, period, scopes) for child in children}
    scope, slot = split
    monthly = months is not None and indicator.frequency == PeriodKind.MONTH
    rows: dict[int, list[tuple]] = defaultdict(list)
    for row in fetch_rows(indicator, scope, start, period.end):
        if row[0] in slot:
            rows[slot[row[0]]].append(row)
            if monthly and row[1] >= period.start:
                months.saw(slot[row[0]], row[7])
    reporters: dict[int, list[Unit]] = defaultdict(list)
    for unit in scope.valid_at_ref(indicator.reported_by):
        if unit.pk in slot:
            reporters[slot[unit.pk]].append(unit)
    return {
        child.pk: finish(
            indicator,
            child,
            unit_figures(indicator, scope, start, period, rows=rows[child.pk]),
            reporters[child.pk],
        )
        for child in children
    }


def split_below(
    parent: Unit,
    children: list[Unit],
    start: date,
    end: date,
    scopes: ScopeCache | None = None,
) -> tuple[DataScope, dict[int, int]] | None:
    """The parent's scope over the window and, for each unit in it, the child whose subtree
    holds it — or None when the tree changed in the window (then each child has its own
    scope, merges and all)."""
    scope = cached_scope(parent, start, end, scopes)
    key = tuple(child.pk for child in children)
    if key not in scope.splits:  # several indicators share a window: split it once
        if not unchanged_during(scope, start, end):
            scope.splits[key] = None
        else:
            under = {child.path: child.pk for child in children}
            cut = len(parent.path) + PATH_STEP  # a path's first segments name its ancestors
            scope.splits[key] = {
                u.pk: under[u.path[:cut]] for u in scope.units.values() if u.path[:cut] in under
            }
    slot = scope.splits[key]
    return None if slot is None else (scope, slot)


def unchanged_during(scope: DataScope, start: date, end: date) -> bool:
    """No unit of the scope opened, closed or was merged within the window, and all lie
    under its root: any subtree's scope is then just the units below it."""
    root = scope.root.path
    for unit in scope.units.values():
        if scope.effective.get(unit.pk, unit.pk) != unit.pk or not unit.path.startswith(root):
            return False
        if (unit.valid_from and unit.valid_from > start) or (unit.valid_to and unit.valid_to < end):
            return False
    return True


def finish(
    indicator: Indicator, unit: Unit, figures: dict[int, UnitFigure], reporters: list[Unit]
) -> Rollup:
    """A unit's roll-up from its reporting units' figures and the units expected to report."""
    result = combine(indicator, figures, reporters)
    if unit.tier == indicator.reported_by:
        # The unit reports this figure itself: there is nobody below it to count.
        if unit.pk in figures:
            result.own_value = figure_value(indicator, figures[unit.pk])
        result.units_total = result.units_reporting = None
    elif reporters:
        result.units_total = len(reporters)
        result.units_reporting = sum(
            1 for u in reporters if figures.get(u.pk, UnitFigure()).reported_in_period
        )
    return result


def fetch_rows(indicator: Indicator, scope: DataScope, start: date, end: date) -> list[tuple]:
    """The raw figures of a scope in a window, oldest period first."""
    rows = DataValue.objects.filter(
        scope.unit_filter(),
        indicator=indicator,
        period__kind=indicator.frequency,
        period__start__gte=start,
        period__end__lte=end,
    ).values_list(
        "unit_id",
        "period__start",
        "number",
        "numerator",
        "denominator",
        "boolean",
        "rating",
        "period__end",
    )
    return sorted(rows, key=lambda r: r[1])


def unit_figures(
    indicator: Indicator,
    scope: DataScope,
    start: date,
    period: PeriodSpec,
    rows: list[tuple] | None = None,
) -> dict[int, UnitFigure]:
    """Each effective unit's figure in the window, keyed by unit id.

    `rows` may carry figures fetched once for a longer window (a year's monthly series);
    only those inside this window are used.
    """
    if rows is None:
        rows = fetch_rows(indicator, scope, start, period.end)
    else:
        rows = [r for r in rows if r[1] >= start and r[7] <= period.end]
    flow = indicator.value_type in (ValueType.COUNT, ValueType.AMOUNT) and (
        indicator.aggregation in (Aggregation.SUM, Aggregation.COUNT_UNITS)
    )
    figures: dict[int, UnitFigure] = defaultdict(UnitFigure)
    for unit_id, p_start, number, numerator, denominator, boolean, rating, _end in rows:
        fig = figures[scope.effective.get(unit_id, unit_id)]
        if p_start >= period.start:
            fig.reported_in_period = True
        if indicator.aggregation == Aggregation.EVENT:
            fig.boolean = bool(fig.boolean) or bool(boolean)
            continue
        if flow:
            fig.number = (fig.number or Decimal(0)) + (number or Decimal(0))
            continue
        if fig.latest_start != p_start:  # a later period replaces what came before
            fig.latest_start = p_start
            fig.number = fig.numerator = fig.denominator = fig.boolean = fig.rating = None
        # Several predecessors may report the same latest period: add them up.
        if number is not None:
            fig.number = (fig.number or 0) + number
        if numerator is not None:
            fig.numerator = (fig.numerator or 0) + numerator
            fig.denominator = (fig.denominator or 0) + denominator
        if boolean is not None:
            fig.boolean = bool(fig.boolean) or boolean
        if rating is not None:
            fig.rating = rating if fig.rating is None else min(fig.rating, rating)
    return dict(figures)


def combine(indicator: Indicator, figures: dict[int, UnitFigure], reporters: list[Unit]) -> Rollup:
    agg = indicator.aggregation
    result = Rollup(has_data=bool(figures))
    if not figures:
        if agg == Aggregation.COUNT_UNITS and reporters:
            result.units_total = len(reporters)
        return result
    values = list(figures.values())
    if agg == Aggregation.SUM:
        result.value = sum((f.number or 0 for f in values), Decimal(0))
    elif agg == Aggregation.EVENT:
        result.value = Decimal(1 if any(f.boolean for f in values) else 0)
    elif agg == Aggregation.RATIO:
        result.numerator = sum((f.numerator or 0 for f in values), Decimal(0))
        result.denominator = sum((f.denominator or 0 for f in values), Decimal(0))
        if result.denominator:
            result.percent = result.numerator / result.denominator * HUNDRED
            result.value = result.percent
    elif agg == Aggregation.LATEST:
        result.value = latest_value(indicator, values)
        if indicator.value_type == ValueType.PERCENT:
            result.percent = result.value
    elif agg == Aggregation.COUNT_UNITS:
        condition = unit_condition(indicator)
        met = [
            u for u in reporters if u.pk in figures and meets(indicator, figures[u.pk], condition)
        ]
        result.units_met = met
        result.value = Decimal(len(met))
        result.units_total = len(reporters)
        if reporters:
            result.percent = Decimal(len(met)) / Decimal(len(reporters)) * HUNDRED
    return result


def latest_value(indicator: Indicator, values: list[UnitFigure]) -> Decimal | None:
    if indicator.value_type == ValueType.RATING:
        ratings = [f.rating for f in values if f.rating is not None]
        return Decimal(min(ratings)) if ratings else None
    if indicator.value_type == ValueType.YES_NO:
        return Decimal(sum(1 for f in values if f.boolean))
    numbers = [f.number for f in values if f.number is not None]
    if not numbers:
        return None
    if indicator.value_type == ValueType.PERCENT:
        return sum(numbers, Decimal(0)) / len(numbers)
    return sum(numbers, Decimal(0))


def unit_condition(indicator: Indicator) -> TargetExpr:
    if indicator.unit_condition:
        return indicator.condition
    defaults = {
        ValueType.YES_NO: TargetExpr(kind=Kind.EVENT, label="Có"),
        ValueType.COUNT: TargetExpr(kind=Kind.NUMERIC, op=Op.GT, value=Decimal(0)),
        ValueType.AMOUNT: TargetExpr(kind=Kind.NUMERIC, op=Op.GT, value=Decimal(0)),
        ValueType.PERCENT: TargetExpr(kind=Kind.NUMERIC, op=Op.GE, value=HUNDRED, percent=True),
        ValueType.FRACTION: TargetExpr(kind=Kind.NUMERIC, op=Op.GE, value=HUNDRED, percent=True),
        ValueType.RATING: TargetExpr(kind=Kind.RATING, op=Op.GE, value=Decimal(Rating.GOOD)),
    }
    return defaults[indicator.value_type]


def figure_value(indicator: Indicator, figure: UnitFigure) -> Decimal | None:
    """A single unit's figure as one number: the count, the %, 1/0, or the grade."""
    kind = indicator.value_type
    if kind == ValueType.FRACTION:
        if figure.denominator:
            return figure.numerator / figure.denominator * HUNDRED
        return None
    if kind == ValueType.YES_NO:
        return None if figure.boolean is None else Decimal(1 if figure.boolean else 0)
    if kind == ValueType.RATING:
        return None if figure.rating is None else Decimal(figure.rating)
    return figure.number


def meets(indicator: Indicator, figure: UnitFigure, condition: TargetExpr) -> bool:
    value = figure_value(indicator, figure)
    return value is not None and condition.is_met(value)

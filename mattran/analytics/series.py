"""Month-by-month figures of one indicator for a year: what the dashboard's small charts draw."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mattran.analytics.rollup import (
    HUNDRED,
    ScopeCache,
    cached_scope,
    combine,
    fetch_rows,
    unit_figures,
    window_start,
)
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.programmes.models import Aggregation, Indicator
from mattran.units.models import Unit


@dataclass
class Point:
    month: int
    value: Decimal | None


def year_to_date_series(
    indicator: Indicator, unit: Unit, year: int, through: date, scopes: ScopeCache | None = None
) -> list[Point]:
    """The year-to-date figure at the end of each month up to `through` (monthly indicators).

    One query per indicator: the year's figures are fetched once and rolled up per month.
    """
    if indicator.frequency != PeriodKind.MONTH:
        return []
    full = PeriodSpec.year(year)
    start = window_start(indicator, full)
    scope = cached_scope(unit, start, full.end, scopes)
    rows = fetch_rows(indicator, scope, start, full.end)
    points = []
    for month in full.months():
        if month.start > through:
            break
        to_date = PeriodSpec(full.start, month.end, PeriodKind.YEAR)
        figures = unit_figures(indicator, scope, window_start(indicator, to_date), to_date, rows)
        reporters = scope.valid_at_ref(indicator.reported_by)
        result = combine(indicator, figures, reporters)
        points.append(Point(month.start.month, headline(indicator, result)))
    return points


def headline(indicator: Indicator, result) -> Decimal | None:
    if not result.has_data:
        return None
    if indicator.aggregation in (Aggregation.RATIO,):
        return result.percent
    if indicator.aggregation == Aggregation.COUNT_UNITS and result.units_total:
        return Decimal(result.value) / result.units_total * HUNDRED
    return result.value

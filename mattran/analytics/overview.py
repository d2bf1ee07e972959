"""What a dashboard shows for one unit and year: progress, monthly lines, units below."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from mattran.analytics.progress import (
    IndicatorProgress,
    Status,
    children_progress,
    programme_progress,
)
from mattran.analytics.rollup import ScopeCache, rollups_below
from mattran.analytics.series import Point, headline, year_to_date_series
from mattran.core.periods import PeriodSpec
from mattran.programmes.models import Indicator, Programme
from mattran.units.models import Tier, Unit

STATUS_ORDER = [Status.BEHIND, Status.NO_DATA, Status.ON_TRACK, Status.MET, Status.QUALITATIVE]


@dataclass
class DashboardRow:
    progress: IndicatorProgress
    series: list[Point] = field(default_factory=list)


@dataclass
class Overview:
    unit: Unit
    programme: Programme
    year: int
    as_of: date
    rows: list[DashboardRow]

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(r.progress.status for r in self.rows)
        return {s: counter.get(s, 0) for s in STATUS_ORDER}

    @property
    def attention(self) -> list[IndicatorProgress]:
        flagged = [
            r.progress for r in self.rows if r.progress.status in (Status.BEHIND, Status.NO_DATA)
        ]
        return sorted(flagged, key=lambda p: p.status != Status.BEHIND)


def overview(programme: Programme, unit: Unit, year: int, *, series: bool = True) -> Overview:
    rows, as_of = programme_progress(programme, unit, year)
    scopes: ScopeCache = {}
    dashboard_rows = [
        DashboardRow(
            p, year_to_date_series(p.indicator, unit, year, as_of, scopes) if series else []
        )
        for p in rows
    ]
    return Overview(unit, programme, year, as_of, dashboard_rows)


COMMITTEE_TIERS = [Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE, Tier.AREA]  # not member orgs


def child_units(unit: Unit, year: int) -> list[Unit]:
    spec = PeriodSpec.year(year)
    return list(
        Unit.objects.filter(parent=unit, tier__in=COMMITTEE_TIERS)
        .valid_during(spec.start, spec.end)
        .order_by("name")
    )


def children_status(programme: Programme, unit: Unit, year: int) -> list[tuple[Unit, dict]]:
    """Each unit directly below: how many of its indicators are met, on track, behind."""
    result = []
    children = child_units(unit, year)
    progress = children_progress(programme, unit, year, children)
    for child in children:
        rows, _ = progress[child.pk]
        counter = Counter(r.status for r in rows)
        result.append((child, {s: counter.get(s, 0) for s in STATUS_ORDER}))
    return result


def compare_children(indicator: Indicator, unit: Unit, year: int) -> list[tuple[Unit, object]]:
    """One indicator across the units directly below `unit`, for the comparison chart."""
    children = child_units(unit, year)
    results = rollups_below(indicator, unit, children, PeriodSpec.year(year))
    out = []
    for child in children:
        result = results[child.pk]
        if child.tier != indicator.reported_by and not result.units_total:
            continue
        value = (
            result.own_value if child.tier == indicator.reported_by else headline(indicator, result)
        )
        out.append((child, result, value))
    return out

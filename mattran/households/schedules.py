"""Approved lists and their schedules: which decisions a unit sees, its households on them,
and per year how many houses were planned, started and handed over."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from mattran.households.models import (
    ApprovalDecision,
    ApprovalListEntry,
    HouseStatus,
    SolidarityHouse,
)
from mattran.units.models import Tier, Unit


def decisions_for(unit: Unit) -> QuerySet[ApprovalDecision]:
    """Decisions recorded by `unit`, a committee above it (the city's decision seen by a
    ward) or a unit below it."""
    above = unit.ancestor_paths(include_self=True)
    return ApprovalDecision.objects.filter(
        Q(unit__path__in=above) | Q(unit__in=Unit.objects.subtree(unit))
    ).select_related("unit")


def entries_in(decision: ApprovalDecision, unit: Unit) -> QuerySet[ApprovalListEntry]:
    """The decision's households that live in `unit`'s subtree."""
    return (
        decision.entries.filter(household__unit__in=Unit.objects.subtree(unit))
        .select_related("household__unit__parent")
        .prefetch_related("houses")
    )


def entry_house(entry: ApprovalListEntry) -> SolidarityHouse | None:
    houses = [h for h in entry.houses.all() if h.status != HouseStatus.CANCELLED]
    return max(houses, key=lambda h: h.pk) if houses else None


@dataclass
class YearPlan:
    year: int
    planned: int = 0
    started: int = 0
    handed_over: int = 0
    handed_in_year: int = 0

    @property
    def percent(self) -> Decimal | None:
        if not self.planned:
            return None
        return Decimal(self.handed_over * 100) / Decimal(self.planned)


def schedule(decision: ApprovalDecision, unit: Unit) -> list[YearPlan]:
    """Per year of the decision: households planned, houses started, houses handed over
    (of those planned that year, and handed over during that year whatever their plan)."""
    return _plans(decision, entries_in(decision, unit))


def _plans(decision: ApprovalDecision, entries) -> list[YearPlan]:
    plans = {year: YearPlan(year) for year in decision.years}
    for entry in entries:
        plan = plans.get(entry.scheduled_year)
        if plan is None:
            continue
        plan.planned += 1
        house = entry_house(entry)
        if house is None:
            continue
        if house.status in (HouseStatus.BUILDING, HouseStatus.HANDED_OVER):
            plan.started += 1
        if house.status == HouseStatus.HANDED_OVER:
            plan.handed_over += 1
            done = plans.get(house.handed_over_on.year)
            if done is not None:
                done.handed_in_year += 1
    return list(plans.values())


def schedule_by_ward(decision: ApprovalDecision, unit: Unit) -> list[tuple[Unit, list[YearPlan]]]:
    """The schedule of each ward or commune below `unit` that has households on the list."""
    wards = {
        w.path: w for w in Unit.objects.subtree(unit).filter(tier=Tier.COMMUNE).order_by("path")
    }
    grouped: dict[str, list[ApprovalListEntry]] = {}
    for entry in entries_in(decision, unit):
        paths = entry.household.unit.ancestor_paths(include_self=True)
        path = next((p for p in paths if p in wards), None)
        if path is not None:
            grouped.setdefault(path, []).append(entry)
    return [(wards[path], _plans(decision, grouped[path])) for path in sorted(grouped)]


@dataclass(frozen=True)
class ScheduleProgress:
    scheduled: int
    handed_over: int


def schedule_progress(unit: Unit, year: int, as_of: date) -> ScheduleProgress:
    """Houses scheduled for `year` on any approved list for households of `unit`'s subtree,
    and how many of them were handed over by `as_of` (the emulation source "houses")."""
    entries = ApprovalListEntry.objects.filter(
        scheduled_year=year, household__unit__in=Unit.objects.subtree(unit)
    )
    scheduled = entries.values("household").distinct().count()
    handed = (
        SolidarityHouse.objects.filter(
            list_entry__in=entries,
            status=HouseStatus.HANDED_OVER,
            handed_over_on__lte=as_of,
        )
        .values("household")
        .distinct()
        .count()
    )
    return ScheduleProgress(scheduled=scheduled, handed_over=min(handed, scheduled))

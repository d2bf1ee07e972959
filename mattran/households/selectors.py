"""Reads of the register: a unit's households with their status in a year, counts per status
and per ward, Tết coverage and the houses (the approved lists' schedules are in
`schedules`). Personal fields are masked through `privacy.PeopleAccess`; counts never need
them."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone

from mattran.households.models import (
    Household,
    HouseholdStatus,
    HouseStatus,
    PovertyStatus,
    SolidarityHouse,
    Support,
    SupportKind,
)
from mattran.households.privacy import PeopleAccess, ShownHousehold, shown
from mattran.units.models import Tier, Unit

IN_NEED = (PovertyStatus.POOR, PovertyStatus.NEAR_POOR)


def tet_year(day: date) -> int:
    """Gifts from October on are for the coming Tết (Tết Nguyên đán falls in Jan–Feb)."""
    return day.year + 1 if day.month >= 10 else day.year


def households_in(unit: Unit) -> QuerySet[Household]:
    return Household.objects.filter(unit__in=Unit.objects.subtree(unit)).select_related(
        "unit__parent"
    )


def status_years(unit: Unit) -> list[int]:
    years = set(
        HouseholdStatus.objects.filter(household__in=households_in(unit))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years | {timezone.localdate().year}, reverse=True)


def default_year(unit: Unit) -> int:
    """The latest year reviewed in `unit` (this year at most)."""
    this_year = timezone.localdate().year
    latest = (
        HouseholdStatus.objects.filter(household__in=households_in(unit), year__lte=this_year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return latest or this_year


def effective_statuses(household_ids, year: int) -> dict[int, HouseholdStatus]:
    """Each household's status in `year`: that year's review, else the latest before it."""
    found: dict[int, HouseholdStatus] = {}
    for entry in HouseholdStatus.objects.filter(
        household_id__in=household_ids, year__lte=year
    ).order_by("household_id", "year"):
        found[entry.household_id] = entry
    return found


def tet_covered(household_ids, year: int) -> set[int]:
    """Households that received a Tết visit or gift for the Tết of `year`."""
    covered = set()
    for hid, day in Support.objects.filter(
        household_id__in=household_ids,
        kind=SupportKind.TET_GIFT,
        date__gte=date(year - 1, 10, 1),
        date__lte=date(year, 9, 30),
    ).values_list("household_id", "date"):
        if tet_year(day) == year:
            covered.add(hid)
    return covered


@dataclass
class RegisterRow:
    shown: ShownHousehold
    status: HouseholdStatus | None
    year: int
    tet: bool
    houses: int

    @property
    def household(self) -> Household:
        return self.shown.household

    @property
    def status_code(self) -> str:
        return self.status.status if self.status else ""

    @property
    def carried(self) -> bool:
        """The status comes from an earlier year's review."""
        return self.status is not None and self.status.year != self.year


@dataclass
class Counts:
    year: int
    by_status: Counter = field(default_factory=Counter)
    escaped_this_year: int = 0
    tet_covered: int = 0

    @property
    def in_need(self) -> int:
        return self.by_status[PovertyStatus.POOR] + self.by_status[PovertyStatus.NEAR_POOR]

    @property
    def tet_percent(self) -> Decimal | None:
        if not self.in_need:
            return None
        return Decimal(self.tet_covered * 100) / Decimal(self.in_need)


def register(
    unit: Unit,
    access: PeopleAccess,
    *,
    year: int,
    status: str = "",
    area: Unit | None = None,
    query: str = "",
) -> tuple[list[RegisterRow], Counts]:
    """The households of `unit` (or of one of its residential areas) with their status in
    `year`, and the counts of that place. A name search only ever matches households whose
    names the user may read, so masked rows cannot be probed by name."""
    households = list(households_in(area or unit).order_by("unit__path", "pk"))
    ids = [h.pk for h in households]
    statuses = effective_statuses(ids, year)
    covered = tet_covered(ids, year)
    houses = Counter(
        SolidarityHouse.objects.filter(household_id__in=ids)
        .exclude(status=HouseStatus.CANCELLED)
        .values_list("household_id", flat=True)
    )
    counts = Counts(year=year)
    rows = []
    needle = query.strip().casefold()
    for h in households:
        entry = statuses.get(h.pk)
        code = entry.status if entry else ""
        counts.by_status[code] += 1
        if entry and entry.year == year and code == PovertyStatus.ESCAPED:
            counts.escaped_this_year += 1
        if code in IN_NEED and h.pk in covered:
            counts.tet_covered += 1
        visible = access.sees(h.unit)
        if status and code != status:
            continue
        if needle and not (visible and needle in f"{h.head_name} {h.address}".casefold()):
            continue
        rows.append(
            RegisterRow(
                ShownHousehold(h, visible), entry, year, h.pk in covered, houses.get(h.pk, 0)
            )
        )
    if rows and all(r.shown.visible for r in rows):
        rows.sort(key=lambda r: (r.household.unit.path, r.household.head_name))
    return rows, counts


@dataclass
class WardRow:
    ward: Unit
    counts: Counts
    houses: int = 0


def ward_summary(unit: Unit, year: int) -> list[WardRow]:
    """Counts per ward or commune below `unit`: poor, near-poor, escaped this year, Tết
    coverage and the houses handed over in the year. No personal field is read."""
    wards = {
        w.path: w
        for w in Unit.objects.subtree(unit)
        .filter(tier=Tier.COMMUNE)
        .valid_during(date(year, 1, 1), date(year, 12, 31))
        .select_related("parent")
    }
    rows = {path: WardRow(ward, Counts(year=year)) for path, ward in wards.items()}
    households = list(households_in(unit))
    ids = [h.pk for h in households]
    statuses = effective_statuses(ids, year)
    covered = tet_covered(ids, year)
    ward_of: dict[int, str] = {}
    for h in households:
        path = next((p for p in h.unit.ancestor_paths(include_self=True) if p in rows), None)
        if path is None:
            continue
        ward_of[h.pk] = path
        counts = rows[path].counts
        entry = statuses.get(h.pk)
        code = entry.status if entry else ""
        counts.by_status[code] += 1
        if entry and entry.year == year and code == PovertyStatus.ESCAPED:
            counts.escaped_this_year += 1
        if code in IN_NEED and h.pk in covered:
            counts.tet_covered += 1
    for hid in SolidarityHouse.objects.filter(
        household_id__in=ids, status=HouseStatus.HANDED_OVER, handed_over_on__year=year
    ).values_list("household_id", flat=True):
        if hid in ward_of:
            rows[ward_of[hid]].houses += 1
    return sorted(rows.values(), key=lambda r: r.ward.path)  # the order units were set up


def houses_in(unit: Unit) -> QuerySet[SolidarityHouse]:
    return SolidarityHouse.objects.filter(
        household__unit__in=Unit.objects.subtree(unit)
    ).select_related("household__unit__parent", "list_entry__decision")


@dataclass
class HouseList:
    """The houses page after its filters: `rows` pairs each house with its household as the
    user may read it; `in_year` (every status) feeds the counts above the table."""

    years: list[int]
    year: int | None  # None: every year
    status: str
    rows: list[tuple[SolidarityHouse, ShownHousehold]]
    in_year: list[SolidarityHouse]


def houses_shown(unit: Unit, access: PeopleAccess, year: str = "", status: str = "") -> HouseList:
    """`year` as asked (`0`: every year; missing or unreadable: the latest with a house)."""
    everything = list(
        houses_in(unit)
        .annotate(funded=Sum("funding__amount"))
        .order_by("household__unit__path", "started_on", "pk")
    )
    years = sorted({h.year for h in everything}, reverse=True)
    try:
        chosen = None if year == "0" else int(year)
    except ValueError:
        chosen = years[0] if years else None
    rows = [
        (h, shown(access, h.household))
        for h in everything
        if (chosen is None or h.year == chosen) and (not status or h.status == status)
    ]
    in_year = [h for h in everything if chosen is None or h.year == chosen]
    return HouseList(years, chosen, status, rows, in_year)

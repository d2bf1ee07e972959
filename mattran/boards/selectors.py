"""Reads of ratings and of the boards' records, including what a merge carries over.

A commune's boards keep working through a reorganisation: from the merge date on, the
cases and projects of the communes it took over count as its own (UnitSuccession, as the
roll-ups do in units.selectors.data_scope).
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from mattran.boards.models import InspectionCase, InvestmentProject, Subject, YearlyRating
from mattran.units.models import Tier, Unit, UnitSuccession


def carried_unit_ids(unit: Unit, day: date) -> list[int]:
    """`unit` and every unit it took over (through every merge) by `day`."""
    return carried_unit_ids_by_id(unit.pk, day)


def carried_unit_ids_by_id(unit_id: int, day: date) -> list[int]:
    found = [unit_id]
    frontier = [unit_id]
    while frontier:
        links = UnitSuccession.objects.filter(
            successor_id__in=frontier, effective_on__lte=day
        ).values_list("predecessor_id", flat=True)
        frontier = [pk for pk in links if pk not in found]
        found.extend(frontier)
    return found


def successors_by(unit_ids: Iterable[int], day: date) -> list[Unit]:
    """The units that carry the work of `unit_ids` on `day`: themselves and whoever took
    them over (through every merge) by then."""
    found: dict[int, None] = dict.fromkeys(unit_ids)
    frontier = list(found)
    while frontier:
        links = UnitSuccession.objects.filter(
            predecessor_id__in=frontier, effective_on__lte=day
        ).values_list("successor_id", flat=True)
        frontier = [pk for pk in links if pk not in found]
        found.update(dict.fromkeys(frontier))
    return list(Unit.objects.filter(pk__in=list(found)).order_by("path"))


def cases_for(unit: Unit, year: int) -> QuerySet[InspectionCase]:
    """The inspection board's cases of `year` that count for `unit` (its predecessors'
    included once the merge is in force by the year's end)."""
    ids = carried_unit_ids(unit, date(year, 12, 31))
    return (
        InspectionCase.objects.filter(unit_id__in=ids, opened_on__year=year)
        .select_related("unit")
        .order_by("-opened_on", "-pk")
    )


def projects_for(unit: Unit, year: int, as_of: date) -> list[InvestmentProject]:
    """The projects under way in `year` by `as_of` that count for `unit`: started by then
    and not completed before the year began."""
    ids = carried_unit_ids(unit, as_of)
    start = date(year, 1, 1)
    return [
        p
        for p in InvestmentProject.objects.filter(unit_id__in=ids, started_on__lte=as_of)
        .select_related("unit")
        .order_by("-started_on", "-pk")
        if p.completed_on is None or p.completed_on >= start
    ]


def rating_of(unit: Unit, subject: str, year: int) -> YearlyRating | None:
    return (
        YearlyRating.objects.filter(unit=unit, subject=subject, year=year)
        .select_related("rated_by")
        .first()
    )


def rated_subjects(unit: Unit, day: date) -> list[tuple[Unit, str]]:
    """What `unit`'s standing board rates each year, valid on `day`: the committees directly
    below it, and for a commune its residential areas' boards and its own two boards."""
    children = list(Unit.objects.filter(parent=unit).valid_on(day).order_by("path"))
    rows = [(u, Subject.COMMITTEE) for u in children if u.tier in (Tier.DISTRICT, Tier.COMMUNE)]
    if unit.tier == Tier.COMMUNE:
        rows += [(unit, Subject.INSPECTION_BOARD), (unit, Subject.SUPERVISION_BOARD)]
        rows += [(u, Subject.AREA_BOARD) for u in children if u.tier == Tier.AREA]
    return rows


def ratings_given(
    subjects: list[tuple[Unit, str]], year: int
) -> dict[tuple[int, str], YearlyRating]:
    ids = {u.pk for u, _ in subjects}
    return {
        (r.unit_id, r.subject): r
        for r in YearlyRating.objects.filter(unit_id__in=ids, year=year).select_related("rated_by")
    }


def own_history(unit: Unit) -> list[YearlyRating]:
    """Every rating `unit` (and, for a commune, its boards) received, newest first."""
    return list(
        YearlyRating.objects.filter(unit=unit).select_related("rated_by").order_by("-year", "pk")
    )


def communes_below(unit: Unit, day: date) -> list[Unit]:
    """The communes whose boards a page of `unit` shows: itself if it is one, else the
    communes in its subtree valid on `day`."""
    if unit.tier == Tier.COMMUNE:
        return [unit]
    return list(Unit.objects.subtree(unit).filter(tier=Tier.COMMUNE).valid_on(day).order_by("path"))


def record_years(model, unit: Unit, field: str) -> list[int]:
    """The years in which `unit`'s subtree (or its predecessors) has records."""
    ids = list(Unit.objects.subtree(unit).values_list("pk", flat=True))
    ids += carried_unit_ids(unit, date.max)
    dates = model.objects.filter(unit_id__in=ids).dates(field, "year")
    return sorted({d.year for d in dates}, reverse=True)

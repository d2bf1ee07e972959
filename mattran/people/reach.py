"""Where a person's positions count and who may read their contact data, across merges.

Units are never moved or deleted: a merge ends the old units and links them to a successor
(`units.UnitSuccession`). A position recorded in an old unit and never ended goes on under
the unit that carries that unit's work: from the merge date it counts, and is listed, for the
successor (and, for a residential area's board, for the ward the area now belongs to).

Contact data (phone, e-mail, address) is read only by the units that keep the person's
record: the person's own unit and the units above it (`scope.can_view`), and, once that unit
has been merged, the successor that carries it today and the units above that one. A unit
where the person merely holds a position sees the name and the positions, not the contact.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from mattran.accounts import scope
from mattran.units.models import PATH_END, Unit, UnitSuccession


class Locator:
    """Follows merges: which unit carries a unit's work on a given day."""

    def __init__(self) -> None:
        self.links: dict[int, list[tuple[date, int]]] = defaultdict(list)
        ids: set[int] = set()
        for old, new, day in UnitSuccession.objects.values_list(
            "predecessor_id", "successor_id", "effective_on"
        ):
            self.links[old].append((day, new))
            ids |= {old, new}
        for found in self.links.values():
            found.sort()
        self.units: dict[int, Unit] = {}
        self.by_path: dict[str, Unit] = {}
        self.load(ids)

    def _keep(self, unit: Unit) -> None:
        self.units.setdefault(unit.pk, unit)
        self.by_path.setdefault(unit.path, unit)

    def remember(self, units: Iterable[Unit]) -> None:
        """Keep units already fetched, and fetch every unit above them (one query)."""
        units = list(units)
        for unit in units:
            self._keep(unit)
        paths = {p for u in units for p in u.ancestor_paths()} - set(self.by_path)
        for unit in Unit.objects.filter(path__in=paths):
            self._keep(unit)

    def load(self, ids: Iterable[int]) -> None:
        missing = {pk for pk in ids if pk not in self.units}
        if missing:
            self.remember(Unit.objects.filter(pk__in=missing))

    def unit(self, pk: int) -> Unit:
        if pk not in self.units:
            self.load([pk])
        return self.units[pk]

    def lineage(self, unit: Unit) -> list[Unit]:
        """`unit` and every unit above it, nearest first."""
        if any(p not in self.by_path for p in unit.ancestor_paths()):
            self.remember([unit])
        return [unit, *(self.by_path[p] for p in reversed(unit.ancestor_paths()))]

    def successor(self, unit: Unit, day: date) -> Unit:
        """The unit carrying `unit`'s own work on `day`, following each merge in force."""
        current, seen = unit, {unit.pk}
        while True:
            nxt = [new for effective, new in self.links.get(current.pk, []) if effective <= day]
            if not nxt or nxt[-1] in seen:
                return current
            current = self.unit(nxt[-1])
            seen.add(current.pk)

    def located(self, unit: Unit, day: date) -> Unit:
        """Where a position held in `unit` counts on `day`: the unit itself, or, when it or a
        unit above it has been merged by then, the successor of the nearest such unit."""
        for candidate in self.lineage(unit):
            moved = self.successor(candidate, day)
            if moved.pk != candidate.pk:
                return moved
        return unit

    def at_tier(self, unit: Unit, tier: str, day: date) -> Unit | None:
        """The unit of `tier` at or above where `unit`'s positions count on `day`."""
        return next((u for u in self.lineage(self.located(unit, day)) if u.tier == tier), None)


def reach_paths(root: Unit) -> list[str]:
    """The paths of `root` and of every unit whose work it took over through merges (and
    theirs): positions recorded below any of them may count for `root` today."""
    paths = [root.path]
    links = list(UnitSuccession.objects.values_list("predecessor__path", "successor__path"))
    changed = True
    while changed:
        changed = False
        for old, new in links:
            if old not in paths and any(new.startswith(p) for p in paths):
                paths.append(old)
                changed = True
    return paths


def under_any(field: str, paths: Iterable[str]) -> Q:
    """`field` (a unit's path) lies in the subtree of one of `paths`: range conditions."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__gte": path, f"{field}__lt": path + PATH_END})
    return condition


def keepers(person, locator: Locator | None = None, day: date | None = None) -> list[Unit]:
    """The units that keep `person`'s record: their own unit and, after a merge, the unit
    that carries it on `day` (today by default)."""
    home = person.unit
    locator = locator or Locator()
    carried = locator.successor(home, day or timezone.localdate())
    return [home] if carried.pk == home.pk else [home, carried]


def sees_contact(user, person, locator: Locator | None = None) -> bool:
    """May `user` read the person's phone, e-mail and address?"""
    return any(scope.can_view(user, unit) for unit in keepers(person, locator))


class ContactAccess:
    """One user's view of contact data across a list, resolved once per unit."""

    def __init__(self, user) -> None:
        self.user = user
        self.locator = Locator()
        self._cache: dict[int, bool] = {}

    def sees(self, person) -> bool:
        if person.unit_id not in self._cache:
            self._cache[person.unit_id] = sees_contact(self.user, person, self.locator)
        return self._cache[person.unit_id]


def people_reached(root: Unit, people: QuerySet) -> QuerySet:
    """The people of `people` that `root`'s pages may show: kept by a unit of its subtree
    (or of a unit it took over), or holding a position in one at any time."""
    paths = reach_paths(root)
    return people.filter(
        under_any("unit__path", paths) | under_any("positions__unit__path", paths)
    ).distinct()

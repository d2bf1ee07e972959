"""Reads of the unit tree, including what a reorganisation carries over."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from mattran.units.models import Unit, UnitSuccession


@dataclass
class DataScope:
    """The units whose figures count for `root` over a window of time.

    That is `root`'s subtree plus, through every merge, the subtrees of the units it
    succeeded. `effective` maps each of those units to the unit that carries its work on
    `ref_date` (itself, or its successor once the merge is in force), so that a count of
    wards or residential areas counts each one once, under the name it has on that day.
    """

    root: Unit
    ref_date: date
    units: dict[int, Unit] = field(default_factory=dict)
    effective: dict[int, int] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None
    tier: str | None = None  # only the units of this tier (and none of the others) if set
    # unit id → the unit below the root holding it, per list of such units (analytics)
    splits: dict[tuple, dict[int, int] | None] = field(default_factory=dict)

    def ids(self) -> list[int]:
        return list(self.units)

    def unit_filter(self) -> Q:
        """The scope's units as a condition on a row's `unit`: the root's subtree as a
        subquery on the tree index (not thousands of ids in the query), plus the units of
        merged predecessors outside it, which are few."""
        tree = Unit.objects.subtree(self.root).valid_during(self.start, self.end)
        if self.tier:
            tree = tree.filter(tier=self.tier)
        outside = [pk for pk, u in self.units.items() if not u.path.startswith(self.root.path)]
        condition = Q(unit__in=tree.values("pk"))
        return condition | Q(unit_id__in=outside) if outside else condition

    def valid_at_ref(self, tier: str | None = None) -> list[Unit]:
        return [
            u
            for u in self.units.values()
            if u.is_valid_on(self.ref_date) and (tier is None or u.tier == tier)
        ]


def reference_date(root: Unit, end: date) -> date:
    """The day the tree is seen on for a window ending `end`: its end, or the root's last day."""
    if root.valid_to and root.valid_to < end:
        return root.valid_to
    return end


def data_scope(root: Unit, start: date, end: date, tier: str | None = None) -> DataScope:
    """`tier` keeps only the units of one tier: what an indicator reported at that tier
    needs (a province's own figure does not need its 80.000 residential areas)."""
    scope = DataScope(
        root=root, ref_date=reference_date(root, end), start=start, end=end, tier=tier
    )
    pending = [root]
    seen_roots: set[int] = set()
    links: list[UnitSuccession] = []
    while pending:
        top = pending.pop()
        if top.pk in seen_roots:
            continue
        seen_roots.add(top.pk)
        below = Unit.objects.subtree(top).valid_during(start, end)
        for unit in below.filter(tier=tier) if tier else below:
            scope.units.setdefault(unit.pk, unit)
        found = list(
            UnitSuccession.objects.filter(
                successor__path__gte=top.path, successor__path__lt=top.path + "~"
            ).select_related("predecessor")
        )
        links.extend(found)
        for link in found:
            old = link.predecessor
            if old.pk not in seen_roots and (old.valid_to is None or old.valid_to >= start):
                pending.append(old)
    successor_of: dict[int, list[UnitSuccession]] = {}
    for link in links:
        successor_of.setdefault(link.predecessor_id, []).append(link)
    for unit_id in scope.units:
        current = unit_id
        visited = {current}
        while True:
            nxt = [
                link.successor_id
                for link in successor_of.get(current, [])
                if link.effective_on <= scope.ref_date and link.successor_id in scope.units
            ]
            if not nxt or nxt[0] in visited:
                break
            current = nxt[0]
            visited.add(current)
        scope.effective[unit_id] = current
    return scope


def taken_over(unit: Unit, on: date) -> list[Unit]:
    """The units whose work `unit` carries on by `on`: the predecessors of its merges (and
    theirs, further back), once the merge is in force. Units below them are not listed:
    they are reached through their predecessor's subtree."""
    found: dict[int, Unit] = {}
    frontier = [unit.pk]
    while frontier:
        links = UnitSuccession.objects.filter(
            successor_id__in=frontier, effective_on__lte=on
        ).select_related("predecessor")
        frontier = []
        for link in links:
            old = link.predecessor
            if old.pk != unit.pk and old.pk not in found:
                found[old.pk] = old
                frontier.append(old.pk)
    return sorted(found.values(), key=lambda u: u.name)

"""Reads of programmes: which units they cover, which targets apply."""

from mattran.programmes.models import Programme
from mattran.units.models import Unit, UnitSuccession


def programme_covers(programme: Programme, unit: Unit) -> bool:
    """Does the programme apply to `unit`: in its issuer's subtree, or a successor of one?"""
    root = programme.unit
    frontier = [unit]
    seen: set[int] = set()
    while frontier:
        current = frontier.pop()
        if root.is_ancestor_of(current):
            return True
        seen.add(current.pk)
        frontier.extend(
            link.predecessor
            for link in UnitSuccession.objects.filter(successor=current).select_related(
                "predecessor"
            )
            if link.predecessor_id not in seen
        )
        if current.parent_id and current.parent_id not in seen:
            frontier.append(current.parent)
    return False


def programme_for(unit: Unit, year: int) -> Programme | None:
    """The programme a unit works under in `year`: the nearest issuer above it wins."""
    candidates = [
        p
        for p in Programme.objects.filter(first_year__lte=year, last_year__gte=year).select_related(
            "unit"
        )
        if programme_covers(p, unit)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (p.unit.depth, p.first_year))

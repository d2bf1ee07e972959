"""Who may change the people's records, on top of `accounts.scope` (who reaches a unit).

- A unit administrator changes the people, posts and courses of their unit and every unit
  below it; a system administrator changes everything.
- A data clerk changes those of their own unit and of the residential areas directly below
  it (a ward's clerk keeps its areas' boards: the areas have no staff of their own).
- A viewer changes nothing. Commands and the demo (no user) are not limited.
"""

from typing import Any

from mattran.accounts import scope
from mattran.accounts.models import Role
from mattran.units.models import Tier, Unit


def _is_user(actor: Any) -> bool:
    return getattr(actor, "is_authenticated", False)


def may_edit(user: Any, unit: Unit) -> bool:
    if not _is_user(user):
        return True
    if not scope.can_view(user, unit):
        return False
    if user.is_system_admin or user.role == Role.UNIT_ADMIN:
        return True
    if user.role != Role.DATA_CLERK:
        return False
    own = {user.unit_id, *(old.pk for old in scope.predecessors(user))}
    return unit.pk in own or (unit.tier == Tier.AREA and unit.parent_id in own)


def may_record_attendance(user: Any, course, person) -> bool:
    """Tick a person as attending a course: the course's organiser records who came, and a
    unit records its own people at a course organised elsewhere (by the level above)."""
    return may_edit(user, course.organiser) or may_edit(user, person.unit)

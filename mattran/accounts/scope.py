"""Who may see and change what: the one place where a user's reach is decided.

Every user belongs to a unit and reaches that unit and every unit below it (and, after a
reorganisation, the units their unit took over). System administrators reach every unit.
Views and services ask here; none decides on its own.
"""

from django.db.models import QuerySet
from django.http import Http404

from mattran.accounts.models import Role, User
from mattran.units.models import Unit

EDITORS = {Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.DATA_CLERK}
APPROVERS = {Role.SYSTEM_ADMIN, Role.UNIT_ADMIN}


def visible_units(user: User) -> QuerySet[Unit]:
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    if user.is_system_admin:
        return Unit.objects.all()
    if user.unit_id is None:
        return Unit.objects.none()
    return Unit.objects.subtree(user.unit)


def can_view(user: User, unit: Unit) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_system_admin:
        return True
    return user.unit_id is not None and user.unit.is_ancestor_of(unit)


def can_enter(user: User, unit: Unit) -> bool:
    """Enter and submit figures for `unit`: its own staff, or an administrator above it."""
    if not can_view(user, unit):
        return False
    if user.is_system_admin:
        return True
    if user.role == Role.DATA_CLERK:
        return user.unit_id == unit.pk
    return user.role == Role.UNIT_ADMIN


def can_approve(user: User, unit: Unit) -> bool:
    """Approve or return `unit`'s report: an administrator of a unit above it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_system_admin:
        return True
    return (
        user.role in APPROVERS
        and user.unit_id is not None
        and user.unit_id != unit.pk
        and user.unit.is_ancestor_of(unit)
    )


def unit_for(user: User, code: str) -> Unit:
    """The unit with `code` if `user` may see it; otherwise 404, as if it did not exist."""
    unit = visible_units(user).filter(code=code).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị hoặc bạn không có quyền xem đơn vị này.")
    return unit


def can_manage(user: User, unit: Unit) -> bool:
    """Create or change `unit`'s programmes and plans: an administrator of it or above."""
    return can_view(user, unit) and (user.is_system_admin or user.role == Role.UNIT_ADMIN)

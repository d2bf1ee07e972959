"""Who may see and change what: the one place where a user's reach is decided.

Every user belongs to a unit and reaches that unit and every unit below it (and, after a
reorganisation, the units their unit took over). System administrators reach every unit.
Views and services ask here; none decides on its own.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.units.models import PATH_END, Unit
from mattran.units.selectors import taken_over

EDITORS = {Role.SYSTEM_ADMIN, Role.UNIT_ADMIN, Role.DATA_CLERK}
APPROVERS = {Role.SYSTEM_ADMIN, Role.UNIT_ADMIN}


def predecessors(user: User) -> list[Unit]:
    """The units the user's unit took over in a reorganisation, in force today (looked up
    once per user object, that is once per request)."""
    today = timezone.localdate()
    cached = getattr(user, "_taken_over", None)
    if cached is None or cached[0] != today:
        cached = (today, taken_over(user.unit, today) if user.unit_id else [])
        user._taken_over = cached
    return cached[1]


def reach_paths(user: User) -> list[str]:
    """The subtrees a user reaches: their unit's, and those of the units it took over."""
    if user.unit_id is None:
        return []
    return [user.unit.path, *(old.path for old in predecessors(user))]


def reaches(user: User, unit: Unit) -> bool:
    """Is `unit` in the user's unit's subtree, or in that of a unit it took over?"""
    return any(unit.path.startswith(path) for path in reach_paths(user))


def visible_units(user: User) -> QuerySet[Unit]:
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    if user.is_system_admin:
        return Unit.objects.all()
    paths = reach_paths(user)
    if not paths:
        return Unit.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__gte=path, path__lt=path + PATH_END)
    return Unit.objects.filter(condition)


def can_view(user: User, unit: Unit) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_system_admin:
        return True
    return reaches(user, unit)


def can_enter(user: User, unit: Unit) -> bool:
    """Enter and submit figures for `unit`: its own staff, or an administrator above it."""
    if not can_view(user, unit):
        return False
    if user.is_system_admin:
        return True
    if user.role == Role.DATA_CLERK:  # their own unit's figures, or those of one it took over
        return user.unit_id == unit.pk or any(old.pk == unit.pk for old in predecessors(user))
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
        and reaches(user, unit)
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

"""Who may read households' names and addresses (Nghị định 13/2023/NĐ-CP on personal data).

On top of `accounts.scope` (who reaches a unit at all), a household's personal fields — head's
name, address, phone, free-text notes, photo file names — are shown only to:

- the staff of the household's own ward or commune and of its residential area, that is a
  user whose unit is the household's unit or one of its ancestors up to the commune tier;
- a user holding a current `PersonalDataGrant` for the household's unit or a unit above it
  (a ward administrator or a system administrator gives it, with a reason and an end date).

Everyone else who reaches the unit (the city, the province, system administrators without a
grant) sees counts and masked rows ("Hộ ông/bà N***"). Only the ward's and the area's own
staff change households; a grant is for reading.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from mattran.accounts import scope
from mattran.accounts.models import Role
from mattran.households.models import AccessAction, Household, HouseholdAccess, PersonalDataGrant
from mattran.units.models import Tier, Unit

LOCAL_TIERS = (Tier.COMMUNE, Tier.AREA)
WRITERS = (Role.UNIT_ADMIN, Role.DATA_CLERK)
MASK = "***"


def _is_user(actor: Any) -> bool:
    return getattr(actor, "is_authenticated", False)


def _local_unit(user) -> Unit | None:
    """The user's own unit when it is a ward/commune or a residential area."""
    unit = getattr(user, "unit", None)
    return unit if unit is not None and unit.tier in LOCAL_TIERS else None


@dataclass
class PeopleAccess:
    """One user's reach over personal fields, resolved once per request."""

    user: Any
    today: date = field(default_factory=timezone.localdate)

    def __post_init__(self) -> None:
        self.local = _local_unit(self.user) if _is_user(self.user) else None
        self.grant_paths: list[str] = []
        if _is_user(self.user):
            self.grant_paths = list(
                PersonalDataGrant.objects.filter(
                    user=self.user, revoked_at__isnull=True, valid_until__gte=self.today
                ).values_list("unit__path", flat=True)
            )
        self._cache: dict[int, bool] = {}

    def sees(self, unit: Unit) -> bool:
        if unit.pk not in self._cache:
            self._cache[unit.pk] = self._sees(unit)
        return self._cache[unit.pk]

    def _sees(self, unit: Unit) -> bool:
        if not _is_user(self.user) or not scope.can_view(self.user, unit):
            return False
        if self.local is not None and scope.reaches(self.user, unit):
            return True
        return any(unit.path.startswith(path) for path in self.grant_paths)


def may_see_people(user, unit: Unit) -> bool:
    """May `user` read the names and addresses of households registered in `unit`?"""
    return PeopleAccess(user).sees(unit)


def may_change_people(user, unit: Unit) -> bool:
    """Add or change households of `unit` (and their houses): the staff of the household's
    ward or residential area who enter data; never a viewer, never someone above."""
    if not _is_user(user):
        return True  # commands and the demo
    local = _local_unit(user)
    return (
        user.role in WRITERS
        and local is not None
        and scope.reaches(user, unit)
    )


def may_grant(user, unit: Unit) -> bool:
    """Give others access to `unit`'s personal data: a system administrator, or an
    administrator of the ward or residential area the data belongs to."""
    if not _is_user(user) or unit.tier not in LOCAL_TIERS:
        return False
    if user.is_system_admin:
        return True
    local = _local_unit(user)
    return user.role == Role.UNIT_ADMIN and local is not None and scope.reaches(user, unit)


def mask_name(name: str) -> str:
    """ "Nguyễn Thị Lài" -> "Hộ ông/bà N***": what someone without access reads."""
    initial = (name or "").strip()[:1].upper()
    return f"Hộ ông/bà {initial}{MASK}" if initial else f"Hộ ông/bà {MASK}"


def mask_address(household: Household) -> str:
    """Only the residential area and ward, which counts already reveal."""
    unit = household.unit
    if unit.tier == Tier.AREA and unit.parent_id:
        return f"{MASK}, {unit.name}, {unit.parent.name}"
    return f"{MASK}, {unit.name}"


@dataclass(frozen=True)
class ShownHousehold:
    """A household as one user may read it: personal fields present or masked."""

    household: Household
    visible: bool

    @property
    def pk(self) -> int:
        return self.household.pk

    @property
    def name(self) -> str:
        h = self.household
        return h.head_name if self.visible else mask_name(h.head_name)

    @property
    def address(self) -> str:
        return self.household.address if self.visible else mask_address(self.household)

    @property
    def phone(self) -> str:
        return self.household.phone if self.visible else ""

    @property
    def note(self) -> str:
        return self.household.note if self.visible else ""

    @property
    def code(self) -> str:
        return self.household.code if self.visible else ""


def shown(access: PeopleAccess, household: Household) -> ShownHousehold:
    return ShownHousehold(household, access.sees(household.unit))


def log_access(
    *,
    user,
    unit: Unit,
    action: str,
    households: list[Household] | None = None,
    personal: bool = False,
    detail: str = "",
) -> None:
    """Keep who read which households' records (one row per household, or one row for a
    list or an export that showed no one's name)."""
    who = user if _is_user(user) else None
    if households:
        HouseholdAccess.objects.bulk_create(
            HouseholdAccess(
                user=who,
                household=h,
                unit=unit,
                action=action,
                personal=personal,
                detail=detail[:255],
            )
            for h in households
        )
    else:
        HouseholdAccess.objects.create(
            user=who, unit=unit, action=action, personal=personal, detail=detail[:255]
        )


__all__ = [
    "AccessAction",
    "PeopleAccess",
    "ShownHousehold",
    "log_access",
    "mask_address",
    "mask_name",
    "may_change_people",
    "may_grant",
    "may_see_people",
    "shown",
]

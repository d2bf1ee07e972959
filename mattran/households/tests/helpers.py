"""Small factories over `mattran.testing.build_world()`: households, houses, a decision."""

from datetime import date
from decimal import Decimal

from mattran.accounts.models import Role, User
from mattran.households import decisions, houses, registry
from mattran.households.feeding import link_indicator
from mattran.households.models import Household, SolidarityHouse


def user(username: str, role: str, unit) -> User:
    return User.objects.create_user(username=username, password="mattran2024", role=role, unit=unit)


def area_clerk(world, ward_index: int = 0, area_index: int = 0) -> User:
    ward = world.city.wards[ward_index]
    area = world.city.areas[ward.code][area_index]
    return user(f"kp{ward_index}{area_index}.clerk", Role.DATA_CLERK, area)


def ward_admin(world, ward_index: int = 0) -> User:
    return user(f"w{ward_index + 1}_admin_hh", Role.UNIT_ADMIN, world.city.wards[ward_index])


def household(
    unit,
    name: str = "Nguyễn Thị Lài",
    *,
    statuses: dict[int, str] | None = None,
    members: int = 3,
    address: str | None = None,
) -> Household:
    found = registry.create_household(
        unit=unit,
        head_name=name,
        address=address or f"Tổ 3, {unit.name.lower()}",
        members=members,
        code="",
        phone="",
        note="",
    )
    for year, status in (statuses or {2024: "poor"}).items():
        registry.set_status(household=found, year=year, status=status)
    return found


def house(
    owner: Household,
    *,
    handed_over_on: date | None = None,
    started_on: date | None = date(2024, 1, 10),
    status: str | None = None,
    cost: int = 80_000_000,
    year: int = 2024,
    entry=None,
    kind: str = "build",
) -> SolidarityHouse:
    return houses.create_house(
        household=owner,
        kind=kind,
        year=year,
        list_entry=entry,
        cost=Decimal(cost),
        started_on=started_on,
        handed_over_on=handed_over_on,
        status=status or ("handed_over" if handed_over_on else "building"),
        note="",
    )


def decision(unit, number: str = "1543/QĐ-UBND"):
    return decisions.create_decision(
        unit=unit,
        number=number,
        signed_on=date(2023, 6, 15),
        issuer="UBND thành phố Tam Kỳ",
        title="Phê duyệt danh sách hộ được hỗ trợ xóa nhà tạm, nhà dột nát giai đoạn 2023–2025",
        first_year=2023,
        last_year=2025,
    )


def link_houses(world):
    return link_indicator(indicator=world.indicators["houses"])

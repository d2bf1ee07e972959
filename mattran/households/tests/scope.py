"""The households app's part of the scope matrix (accounts/tests/test_scope_matrix.py): one
household with a status, a support, an approved-list entry, a house with funding and a photo
in each of the first two wards."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from mattran.households.models import (
    ApprovalDecision,
    ApprovalListEntry,
    FundingSource,
    Household,
    HouseholdStatus,
    HousePhoto,
    PersonalDataGrant,
    SolidarityHouse,
    Support,
)

# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408"
    "d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def prepare(world) -> None:
    world.households = {}
    world.hh_household_statuses = {}
    world.hh_supports = {}
    world.hh_houses = {}
    world.hh_fundings = {}
    world.hh_photos = {}
    world.hh_decisions = {}
    world.hh_entries = {}
    world.hh_grants = {}
    for ward in world.city.wards[:2]:
        area = world.city.areas[ward.code][0]
        household = Household.objects.create(
            unit=area, head_name="Nguyễn Thị Lài", address=f"Tổ 3, {area.name}, {ward.name}"
        )
        world.households[ward.code] = household
        world.hh_household_statuses[ward.code] = HouseholdStatus.objects.create(
            household=household, year=2024, status="poor"
        )
        world.hh_supports[ward.code] = Support.objects.create(
            household=household,
            date=date(2024, 2, 2),
            kind="tet_gift",
            amount=Decimal(500000),
            giver="Ủy ban MTTQ Việt Nam phường",
        )
        decision = ApprovalDecision.objects.create(
            unit=ward,
            number=f"{ward.pk}/QĐ-UBND",
            signed_on=date(2023, 6, 15),
            issuer="UBND phường",
            title="Phê duyệt danh sách hộ được hỗ trợ xóa nhà tạm",
            first_year=2023,
            last_year=2025,
        )
        world.hh_decisions[ward.code] = decision
        entry = ApprovalListEntry.objects.create(
            decision=decision, household=household, scheduled_year=2024
        )
        world.hh_entries[ward.code] = entry
        # Not handed over: ward 2's only figure of the matrix stays the one it puts.
        house = SolidarityHouse.objects.create(
            household=household,
            kind="build",
            year=2024,
            list_entry=entry,
            cost=Decimal(80_000_000),
            started_on=date(2024, 7, 1),
            status="building",
        )
        world.hh_houses[ward.code] = house
        world.hh_fundings[ward.code] = FundingSource.objects.create(
            house=house, kind="fund", amount=Decimal(60_000_000)
        )
        world.hh_photos[ward.code] = HousePhoto.objects.create(
            house=house, name="khoi-cong.png", content_type="image/png", data=PNG, size=len(PNG)
        )
        world.hh_grants[ward.code] = PersonalDataGrant.objects.create(
            user=world.users["city_admin"],
            unit=ward,
            reason="Kiểm tra hồ sơ xóa nhà tạm",
            valid_until=date(2099, 12, 31),
        )


def urls(world, code) -> dict[str, tuple[str, str]]:
    def pk(name: str) -> int:
        found = getattr(world, name, {})
        return found[code].pk if code in found else 0

    hh, house, decision = pk("households"), pk("hh_houses"), pk("hh_decisions")
    n = "households:"
    return {
        n + "register": ("get", reverse(n + "register", args=[code])),
        n + "register#post": ("post", reverse(n + "register", args=[code])),
        n + "export": ("post", reverse(n + "export", args=[code])),
        n + "household": ("get", reverse(n + "household", args=[code, hh])),
        n + "edit": ("post", reverse(n + "edit", args=[code, hh])),
        n + "delete": ("post", reverse(n + "delete", args=[code, hh])),
        n + "status": ("post", reverse(n + "status", args=[code, hh])),
        n + "status_delete": (
            "post",
            reverse(n + "status_delete", args=[code, hh, pk("hh_household_statuses")]),
        ),
        n + "support": ("post", reverse(n + "support", args=[code, hh])),
        n + "support_delete": (
            "post",
            reverse(n + "support_delete", args=[code, hh, pk("hh_supports")]),
        ),
        n + "houses": ("get", reverse(n + "houses", args=[code])),
        n + "houses_xlsx": ("get", reverse(n + "houses_xlsx", args=[code])),
        n + "decisions_xlsx": ("get", reverse(n + "decisions_xlsx", args=[code])),
        n + "decision_xlsx": ("get", reverse(n + "decision_xlsx", args=[code, decision])),
        n + "houses#post": ("post", reverse(n + "houses", args=[code])),
        n + "indicators": ("post", reverse(n + "indicators", args=[code])),
        n + "house": ("get", reverse(n + "house", args=[code, house])),
        n + "house_edit": ("post", reverse(n + "house_edit", args=[code, house])),
        n + "funding": ("post", reverse(n + "funding", args=[code, house])),
        n + "funding_delete": (
            "post",
            reverse(n + "funding_delete", args=[code, house, pk("hh_fundings")]),
        ),
        n + "photo_upload": ("post", reverse(n + "photo_upload", args=[code, house])),
        n + "photo": ("get", reverse(n + "photo", args=[code, house, pk("hh_photos")])),
        n + "photo_delete": (
            "post",
            reverse(n + "photo_delete", args=[code, house, pk("hh_photos")]),
        ),
        n + "decisions": ("get", reverse(n + "decisions", args=[code])),
        n + "decisions#post": ("post", reverse(n + "decisions", args=[code])),
        n + "decision": ("get", reverse(n + "decision", args=[code, decision])),
        n + "entry": ("post", reverse(n + "entry", args=[code, decision])),
        n + "entry_delete": (
            "post",
            reverse(n + "entry_delete", args=[code, decision, pk("hh_entries")]),
        ),
        n + "access": ("get", reverse(n + "access", args=[code])),
        n + "access#post": ("post", reverse(n + "access", args=[code])),
        n + "revoke": ("post", reverse(n + "revoke", args=[code, pk("hh_grants")])),
    }

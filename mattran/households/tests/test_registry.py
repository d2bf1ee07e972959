"""The register: households, their status each year, the support they received, and the
counts that the levels above read."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mattran.audit.models import AuditEntry
from mattran.households import registry
from mattran.households.models import Household, HouseholdStatus, Support
from mattran.households.privacy import PeopleAccess
from mattran.households.selectors import register, tet_year, ward_summary
from mattran.households.tests import helpers
from mattran.testing import build_world


@pytest.fixture
def world(db):
    return build_world()


def new(unit, actor=None, **values):
    fields = {
        "head_name": "Phan Thị Mười",
        "address": "Tổ 2, khối phố 1, phường An Mỹ",
        "members": 2,
        "code": "",
        "phone": "",
        "note": "",
        **values,
    }
    return registry.create_household(unit=unit, actor=actor, **fields)


def test_a_clerk_registers_a_household_and_the_audit_trail_keeps_no_name(world):
    w1 = world.city.wards[0]
    kp1 = world.city.areas[w1.code][0]
    found = new(kp1, world.users["w1_clerk"], phone="+84 905 123 456", code="AM-KP01-03")
    assert found.phone == "0905123456" and found.created_by == world.users["w1_clerk"]
    registry.update_household(
        household=found,
        actor=world.users["w1_clerk"],
        unit=kp1,
        head_name="Phan Thị Mười",
        address="Tổ 4, khối phố 1, phường An Mỹ",
        members=3,
        code="",
        phone="",
        note="Neo đơn",
    )
    entries = AuditEntry.objects.filter(action__startswith="households.").order_by("pk")
    assert [e.action for e in entries] == ["households.create", "households.update"]
    assert entries[1].changes["fields"] == ["address", "code", "members", "note", "phone"]
    for entry in entries:
        text = f"{entry.target_repr} {entry.changes}"
        assert "Mười" not in text and "Tổ 4" not in text and "0905" not in text


def test_national_ids_bad_phones_and_empty_names_are_refused_and_nothing_is_saved(world):
    kp1 = world.city.areas[world.city.wards[0].code][0]
    cases = [
        ({"code": "049185001234"}, "code", "căn cước"),
        ({"note": "CMND 205123456 do công an cấp"}, "note", "căn cước"),
        ({"phone": "12345"}, "phone", "không hợp lệ"),
        ({"head_name": "  "}, "head_name", "họ tên"),
        ({"members": 0}, "members", "từ 1"),
    ]
    for values, field, words in cases:
        with pytest.raises(ValidationError) as exc:
            new(kp1, **values)
        assert words in " ".join(exc.value.message_dict[field]), field
    with pytest.raises(ValidationError, match="xã, phường hoặc một khu dân cư"):
        new(world.city.city)
    assert not Household.objects.exists()


def test_only_the_local_staff_who_enter_data_register_households(world):
    w1 = world.city.wards[0]
    kp1, kp2 = world.city.areas[w1.code]
    for actor in (world.users["city_admin"], world.users["w1_viewer"], world.users["w2_clerk"]):
        with pytest.raises(PermissionDenied):
            new(kp1, actor)
    on_kp1 = helpers.area_clerk(world, 0, 0)
    assert new(kp1, on_kp1).unit == kp1
    with pytest.raises(PermissionDenied):
        new(kp2, on_kp1)


def test_each_year_keeps_its_status_and_a_later_review_replaces_only_its_own_year(world):
    found = helpers.household(world.city.wards[0], statuses={2023: "poor", 2024: "near_poor"})
    registry.set_status(household=found, year=2024, status="escaped", decided_by="QĐ 45/QĐ-UBND")
    assert list(found.statuses.values_list("year", "status")) == [(2024, "escaped"), (2023, "poor")]
    with pytest.raises(ValidationError) as exc:
        registry.set_status(household=found, year=timezone.localdate().year + 2, status="poor")
    assert "Năm phải từ 2000" in str(exc.value)
    with pytest.raises(ValidationError):
        registry.set_status(household=found, year=2024, status="rich")
    assert HouseholdStatus.objects.count() == 2


def test_support_needs_a_giver_a_value_and_a_past_date(world):
    found = helpers.household(world.city.wards[0])
    base = {"household": found, "date": date(2024, 2, 2), "kind": "tet_gift", "giver": "MTTQ"}
    cases = [
        ({"date": timezone.localdate() + timedelta(days=1)}, "date"),
        ({"amount": Decimal(-1)}, "amount"),
        ({"giver": ""}, "giver"),
        ({}, "amount"),  # neither money nor goods
        ({"kind": "party", "amount": Decimal(1)}, "kind"),
    ]
    for change, field in cases:
        with pytest.raises(ValidationError) as exc:
            registry.add_support(**{**base, **change})
        assert field in exc.value.message_dict
    registry.add_support(**base, in_kind="20 kg gạo")
    registry.add_support(**base, amount=Decimal(500_000))
    assert Support.objects.count() == 2


def test_tet_gifts_from_october_count_for_the_coming_tet():
    assert tet_year(date(2023, 12, 28)) == 2024
    assert tet_year(date(2024, 2, 5)) == 2024
    assert tet_year(date(2024, 9, 30)) == 2024


def test_the_register_counts_by_status_escapes_and_tet_coverage(world):
    w1, w2 = world.city.wards[:2]
    kp1, kp2 = world.city.areas[w1.code]
    poor = helpers.household(kp1, "A", statuses={2023: "poor", 2024: "poor"})
    near = helpers.household(kp2, "B", statuses={2023: "poor", 2024: "near_poor"})
    helpers.household(kp2, "C", statuses={2023: "near_poor", 2024: "escaped"})
    carried = helpers.household(kp1, "D", statuses={2023: "near_poor"})
    helpers.household(world.city.areas[w2.code][0], "E", statuses={2024: "poor"})
    for owner, day in (
        (poor, date(2024, 2, 1)),
        (near, date(2023, 12, 20)),
        (carried, date(2023, 1, 10)),
    ):
        registry.add_support(
            household=owner, date=day, kind="tet_gift", giver="MTTQ", amount=Decimal(500_000)
        )
    access = PeopleAccess(world.users["w1_clerk"])
    rows, counts = register(w1, access, year=2024)
    assert [r.household.head_name for r in rows] == ["A", "D", "B", "C"]
    assert counts.by_status["poor"] == 1 and counts.by_status["near_poor"] == 2
    assert counts.escaped_this_year == 1
    assert (counts.tet_covered, counts.in_need) == (2, 3)  # D's gift was for Tết 2023
    assert next(r for r in rows if r.household == carried).carried
    only_near, _ = register(w1, access, year=2024, status="near_poor", area=kp2)
    assert [r.household for r in only_near] == [near]
    summary = {row.ward.code: row for row in ward_summary(world.city.city, 2024)}
    assert summary[w1.code].counts.in_need == 3 and summary[w2.code].counts.by_status["poor"] == 1
    assert summary[world.city.wards[2].code].counts.in_need == 0


def test_a_name_search_never_matches_a_masked_row(world):
    kp1 = world.city.areas[world.city.wards[0].code][0]
    helpers.household(kp1, "Võ Thị Sen")
    city = PeopleAccess(world.users["city_admin"])
    assert register(world.city.city, city, year=2024, query="Sen")[0] == []
    assert len(register(world.city.city, city, year=2024)[0]) == 1
    clerk = PeopleAccess(world.users["w1_clerk"])
    assert len(register(world.city.wards[0], clerk, year=2024, query="sen")[0]) == 1

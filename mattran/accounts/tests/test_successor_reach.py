"""After a merge, the new ward's staff carry on the old wards' work: they reach the old
wards' pages and records (households, petitions, people) from the day the merge takes
effect; nobody else gains anything."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mattran.accounts import scope
from mattran.accounts.models import Role, User
from mattran.households import privacy as household_privacy
from mattran.households.tests import helpers as household_helpers
from mattran.people import rights
from mattran.testing import build_world
from mattran.units.models import UnitKind
from mattran.units.services import merge_units
from mattran.voice import privacy as voice_privacy


def merged_world(effective_on: date):
    world = build_world()
    first, second, _ = world.city.wards
    new = merge_units(
        [first, second],
        code="tk-new",
        name="Phường Bàn Thạch",
        kind=UnitKind.WARD,
        parent=world.city.city,
        effective_on=effective_on,
        carry_children=True,
    )
    staff = {
        role: User.objects.create_user(
            username=f"new.{role}", password="mattran2024", role=role, unit=new
        )
        for role in (Role.UNIT_ADMIN, Role.DATA_CLERK)
    }
    return world, new, staff


@pytest.fixture
def merged(db):
    return merged_world(date(2025, 7, 1))


def test_the_new_wards_staff_reach_the_old_wards_and_their_areas(merged):
    world, new, staff = merged
    first, second, third = world.city.wards
    old_area = world.city.areas[first.code][0]
    for user in staff.values():
        user = User.objects.get(pk=user.pk)
        assert scope.can_view(user, first) and scope.can_view(user, second)
        assert scope.can_view(user, old_area)
        assert not scope.can_view(user, third) and not scope.can_view(user, world.city.city)
        visible = set(scope.visible_units(user).values_list("code", flat=True))
        assert {first.code, second.code, old_area.code, new.code} <= visible
        assert third.code not in visible
    clerk = staff[Role.DATA_CLERK]
    assert scope.can_enter(clerk, first)  # late figures of the old ward, before the merge
    assert not scope.can_enter(clerk, third)
    # the old second ward's own staff (not moved yet) still see only their ward
    assert not scope.can_view(world.users["w2_clerk"], first)
    assert not scope.can_view(world.users["w2_admin"], third)


def test_the_old_wards_households_and_petitions_are_the_new_wards(merged):
    from mattran.voice.tests.conftest import meeting, petition

    world, _, staff = merged
    first, _, third = world.city.wards
    old_area = world.city.areas[first.code][0]
    household = household_helpers.household(old_area, "Nguyễn Văn Tư")
    clerk, admin = staff[Role.DATA_CLERK], staff[Role.UNIT_ADMIN]
    assert household_privacy.may_see_people(clerk, household.unit)
    assert household_privacy.may_change_people(clerk, household.unit)
    assert household_privacy.may_grant(admin, old_area)
    outsider = household_helpers.user("w3.clerk", Role.DATA_CLERK, third)
    assert not household_privacy.may_see_people(outsider, household.unit)
    assert not household_privacy.may_change_people(outsider, household.unit)
    held = meeting(first)
    petition(held, citizen_name="Trần Thị Năm", citizen_contact="0905 000 111")
    assert first.pk in voice_privacy.personal_unit_ids(clerk)
    assert voice_privacy.may_grant(admin, first)
    assert first.pk not in voice_privacy.personal_unit_ids(outsider)
    assert rights.may_edit(clerk, first) and rights.may_edit(clerk, old_area)
    assert not rights.may_edit(clerk, third)


def test_the_pages_of_an_old_ward_open_for_the_new_wards_staff_only(client, merged):
    world, _, staff = merged
    first, _, third = world.city.wards
    household_helpers.household(world.city.areas[first.code][0], "Nguyễn Văn Tư")
    url = reverse("households:register", args=[first.code])
    client.force_login(staff[Role.DATA_CLERK])
    page = client.get(url)
    assert page.status_code == 200
    assert "Nguyễn Văn Tư" in page.content.decode()
    client.force_login(household_helpers.user("w3.clerk", Role.DATA_CLERK, third))
    assert client.get(url).status_code == 404


def test_a_merge_not_yet_in_force_gives_no_reach(db):
    world, _, staff = merged_world(timezone.localdate() + timedelta(days=30))
    first = world.city.wards[0]
    clerk = staff[Role.DATA_CLERK]
    assert not scope.can_view(clerk, first)
    assert not scope.can_enter(clerk, first)
    assert first.pk not in voice_privacy.personal_unit_ids(clerk)


def test_the_new_wards_dashboard_links_to_the_old_wards_records(client, merged):
    world, new, staff = merged
    first, second, _ = world.city.wards
    client.force_login(staff[Role.UNIT_ADMIN])
    page = client.get(reverse("dashboard:unit", args=[new.code]) + "?year=2025")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Đơn vị đã sáp nhập vào Phường Bàn Thạch" in html
    for old in (first, second):
        assert reverse("households:register", args=[old.code]) in html
        assert reverse("voice:petitions", args=[old.code]) in html
    for old in (first, second):  # every link opens
        for name in ("households:register", "voice:petitions", "people:list", "reporting:index"):
            assert client.get(reverse(name, args=[old.code])).status_code == 200, (name, old)

"""Contact data is read only by the unit keeping the record and the units above it; a unit
where the person merely holds a post sees the name; after a merge, the successor keeps it."""

from datetime import date

import pytest
from django.urls import reverse

from mattran.accounts.models import Role
from mattran.people.reach import sees_contact
from mattran.people.selectors import directory
from mattran.people.tests.helpers import person, post, user
from mattran.testing import build_world
from mattran.units.models import UnitKind
from mattran.units.services import merge_units


@pytest.fixture
def world(db):
    world = build_world()
    world.w1, world.w2 = world.city.wards[0], world.city.wards[1]
    world.kp1 = world.city.areas[world.w1.code][0]
    world.lan = person(world.w1, "Trần Thị Lan", phone="0905123456")
    post(world.lan, world.w1, "chair", date(2024, 1, 1), refresh=False)
    world.dung = person(world.kp1, "Phạm Văn Dũng", phone="0935111222")
    post(world.dung, world.kp1, "area_head", date(2024, 1, 1), refresh=False)
    world.ba = person(world.city.city, "Nguyễn Văn Ba", phone="0914777888")
    post(world.ba, world.w1, "collaborator", date(2024, 1, 1), refresh=False)
    return world


def test_the_keeping_unit_and_those_above_read_contact_data(world):
    users = world.users
    assert sees_contact(users["w1_clerk"], world.lan)
    assert sees_contact(users["city_admin"], world.lan)
    assert not sees_contact(users["w2_clerk"], world.lan)
    area = user("kp1.viewer", Role.VIEWER, world.kp1)
    assert sees_contact(area, world.dung) and not sees_contact(area, world.lan)
    # Ba is kept by the city: An Mỹ, where he collects opinions, sees his name only.
    assert not sees_contact(users["w1_clerk"], world.ba)
    rows = {r.person.full_name: r for r in directory(world.w1, users["w1_clerk"]).rows}
    assert set(rows) == {"Trần Thị Lan", "Phạm Văn Dũng", "Nguyễn Văn Ba"}
    assert rows["Trần Thị Lan"].contact and not rows["Nguyễn Văn Ba"].contact


def test_pages_hide_what_the_user_may_not_read(client, world):
    client.force_login(world.users["w1_clerk"])
    page = client.get(reverse("people:list", args=[world.w1.code])).content.decode()
    assert "0905123456" in page and "0914777888" not in page and "(ẩn)" in page
    page = client.get(reverse("people:person", args=[world.w1.code, world.ba.pk]))
    assert page.status_code == 200
    assert "0914777888" not in page.content.decode()
    assert "Nghị định 13/2023/NĐ-CP" in page.content.decode()
    client.force_login(world.users["city_admin"])
    page = client.get(reverse("people:person", args=["tk", world.ba.pk])).content.decode()
    assert "0914777888" in page


def test_another_ward_s_people_are_not_found(client, world):
    client.force_login(world.users["w2_clerk"])
    assert client.get(reverse("people:list", args=[world.w1.code])).status_code == 404
    own = reverse("people:person", args=[world.w2.code, world.lan.pk])
    assert client.get(own).status_code == 404
    page = client.get(reverse("people:list", args=[world.w2.code])).content.decode()
    assert "Trần Thị Lan" not in page


def test_after_a_merge_the_successor_keeps_the_records(client, world):
    new = merge_units(
        [world.w1, world.city.wards[2]],
        code="tk-new",
        name="Phường Tam Kỳ",
        kind=UnitKind.WARD,
        parent=world.city.city,
        effective_on=date(2025, 7, 1),
        carry_children=True,
    )
    clerk = user("tamky.clerk2", Role.DATA_CLERK, new)
    assert sees_contact(clerk, world.lan) and sees_contact(clerk, world.dung)
    assert not sees_contact(clerk, world.ba)
    names = {r.person.full_name for r in directory(new, clerk).rows}
    assert names == {"Trần Thị Lan", "Phạm Văn Dũng", "Nguyễn Văn Ba"}
    # Before the merge date the posts were An Mỹ's, not the new ward's.
    assert directory(new, clerk, day=date(2025, 6, 30)).rows == []
    client.force_login(clerk)
    page = client.get(reverse("people:person", args=[new.code, world.lan.pk])).content.decode()
    assert "0905123456" in page and "Phường An Mỹ" in page

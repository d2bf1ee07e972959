"""People and posts: the rules a post must pass, who may change what, and an audit trail
that never holds contact data in clear."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mattran.audit.models import AuditEntry
from mattran.people import services
from mattran.people.models import Person, Position
from mattran.people.tests.helpers import person, post
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    world.ward = world.city.wards[0]
    world.kp1 = world.city.areas[world.ward.code][0]
    return world


def test_a_person_holds_several_posts_over_time(world):
    lan = person(world.ward, "Trần Thị Lan")
    post(lan, world.ward, "cadre", date(2019, 7, 1), date(2024, 6, 30))
    post(lan, world.ward, "vice_chair", date(2024, 7, 1))
    post(lan, world.kp1, "collaborator", date(2022, 3, 1))
    held = {p.role for p in lan.positions.all() if p.holds_on(date(2024, 8, 1))}
    assert held == {"vice_chair", "collaborator"}


def test_the_same_post_cannot_overlap_and_may_follow(world):
    lan = person(world.ward, "Trần Thị Lan")
    post(lan, world.ward, "cadre", date(2020, 1, 1), date(2024, 6, 30))
    with pytest.raises(ValidationError, match="đã là Cán bộ chuyên trách của Phường An Mỹ"):
        post(lan, world.ward, "cadre", date(2024, 6, 30))
    post(lan, world.ward, "cadre", date(2024, 7, 1))  # a new term right after
    with pytest.raises(ValidationError, match="thời gian bị trùng"):
        post(lan, world.ward, "cadre", date(2019, 1, 1), date(2020, 1, 1))
    assert Position.objects.filter(person=lan).count() == 2


def test_a_post_must_end_after_it_starts_and_sit_where_such_a_post_exists(world):
    lan = person(world.ward, "Trần Thị Lan")
    with pytest.raises(ValidationError) as caught:
        post(lan, world.ward, "chair", date(2024, 7, 1), date(2024, 6, 1))
    assert caught.value.message_dict["end"] == [
        "Ngày thôi giữ chức vụ không được trước ngày bắt đầu."
    ]
    with pytest.raises(ValidationError, match="chỉ có ở khu dân cư; Phường An Mỹ thì không"):
        post(lan, world.ward, "area_head", date(2024, 1, 1))
    with pytest.raises(ValidationError, match="chỉ có ở xã, phường"):
        post(lan, world.kp1, "inspection_head", date(2024, 1, 1))
    assert not Position.objects.exists()


def test_a_post_cannot_start_in_a_unit_that_had_ended(world):
    world.ward.valid_to = date(2025, 6, 30)
    world.ward.save()
    lan = person(world.ward, "Trần Thị Lan")
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động từ ngày 30/06/2025"):
        post(lan, world.ward, "cadre", date(2025, 7, 1))


def test_a_clerk_keeps_their_ward_and_its_areas_but_not_another_ward(world):
    clerk = world.users["w1_clerk"]
    lan = services.create_person(unit=world.ward, full_name="Trần Thị Lan", actor=clerk)
    services.add_position(
        person=lan, unit=world.kp1, role="area_head", start=date(2024, 1, 1), actor=clerk
    )
    with pytest.raises(PermissionDenied):
        services.create_person(unit=world.city.wards[1], full_name="Lê Văn Tám", actor=clerk)
    with pytest.raises(PermissionDenied):
        services.create_person(
            unit=world.ward, full_name="Lê Văn Tám", actor=world.users["w1_viewer"]
        )
    with pytest.raises(PermissionDenied):
        services.add_position(
            person=lan,
            unit=world.city.city,
            role="committee_member",
            start=date(2024, 1, 1),
            actor=clerk,
        )
    admin = world.users["city_admin"]
    services.add_position(
        person=lan,
        unit=world.city.city,
        role="committee_member",
        start=date(2024, 1, 1),
        sector="Phụ nữ",
        actor=admin,
    )
    assert lan.positions.count() == 2


def test_the_audit_says_contact_data_changed_without_the_data(world):
    clerk = world.users["w1_clerk"]
    lan = services.create_person(
        unit=world.ward, full_name="Trần Thị Lan", phone="0905123456", actor=clerk
    )
    services.update_person(
        person=lan,
        phone="0912999888",
        email="lan.tran@example.vn",
        address="12 Phan Bội Châu",
        actor=clerk,
    )
    services.update_person(person=lan, phone="", actor=clerk)
    entries = list(AuditEntry.objects.filter(action__startswith="people.person").order_by("pk"))
    text = " ".join(str(e.changes) + e.target_repr for e in entries)
    assert "0905123456" not in text and "0912999888" not in text
    assert "lan.tran@example.vn" not in text and "Phan Bội Châu" not in text
    changes = [e.changes.get("contact") for e in entries]
    assert changes == [
        ["có số điện thoại"],
        ["đã đổi số điện thoại", "đã đổi thư điện tử", "đã đổi địa chỉ"],
        ["đã xóa số điện thoại"],
    ]
    assert entries[0].actor == clerk and entries[0].target_repr == "Trần Thị Lan"


def test_ending_and_deleting_posts_are_audited(world):
    lan = person(world.ward, "Trần Thị Lan")
    cadre = post(lan, world.ward, "cadre", date(2024, 1, 1))
    services.end_position(position=cadre, end=date(2024, 12, 31))
    cadre.refresh_from_db()
    assert cadre.end == date(2024, 12, 31)
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        services.end_position(position=cadre, end=date(2023, 12, 31))
    services.delete_position(position=cadre)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-3:] == [
        "people.position_add",
        "people.position_update",
        "people.position_delete",
    ]
    services.delete_person(person=lan)
    assert not Person.objects.exists()

"""Personal data (Nghị định 13/2023/NĐ-CP): names and addresses are read only by the household's
own ward and residential area and by users explicitly allowed; everyone above sees counts and
masked rows; no page, export or admin screen leaks another ward's names."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from mattran.accounts.models import Role
from mattran.households import grants
from mattran.households.models import HouseholdAccess, PersonalDataGrant
from mattran.households.privacy import mask_name, may_change_people, may_grant, may_see_people
from mattran.households.registry import holds_national_id
from mattran.households.tests import helpers, scope
from mattran.testing import build_world

W1_NAME, W2_NAME = "Trương Thị Bông", "Huỳnh Văn Lựu"
W2_ADDRESS = "Kiệt 47 Trần Cao Vân, tổ 5, khối phố 1, phường An Phú"


@pytest.fixture
def world(db):
    world = build_world()
    w1, w2 = world.city.wards[:2]
    world.h1 = helpers.household(world.city.areas[w1.code][0], W1_NAME)
    world.h2 = helpers.household(world.city.areas[w2.code][0], W2_NAME, address=W2_ADDRESS)
    world.w1_admin = helpers.ward_admin(world, 0)
    return world


def test_the_households_ward_and_area_see_names_and_the_levels_above_do_not(world):
    w1, w2 = world.city.wards[:2]
    kp1, kp2 = world.city.areas[w1.code]
    on_kp1 = helpers.area_clerk(world, 0, 0)
    at_ward = helpers.household(w1, "Lê Văn Tám")
    users = world.users
    assert may_see_people(users["w1_clerk"], kp1) and may_see_people(users["w1_viewer"], kp2)
    assert may_see_people(users["w1_clerk"], w1)
    assert may_see_people(on_kp1, kp1)
    assert not may_see_people(on_kp1, kp2)  # a neighbouring area's households
    assert not may_see_people(on_kp1, at_ward.unit)  # the ward's own register
    assert not may_see_people(users["w2_clerk"], kp1)
    assert not may_see_people(users["city_admin"], kp1)
    sysadmin = helpers.user("root", Role.SYSTEM_ADMIN, world.city.city)
    assert not may_see_people(sysadmin, kp1)
    assert not may_see_people(None, kp1)
    # writing is for the local staff who enter data, never viewers or those above
    assert may_change_people(users["w1_clerk"], kp2) and may_change_people(on_kp1, kp1)
    assert not may_change_people(users["w1_viewer"], kp1)
    assert not may_change_people(users["city_admin"], kp1)
    assert not may_change_people(on_kp1, kp2)
    assert may_see_people(users["w2_admin"], world.city.areas[w2.code][1])


def test_a_grant_lets_one_officer_read_one_ward_until_it_ends_or_is_revoked(world):
    w1, w2 = world.city.wards[:2]
    officer = world.users["city_admin"]
    until = timezone.localdate() + timedelta(days=30)
    grant = grants.grant_access(
        unit=w1,
        user=officer,
        reason="Kiểm tra hồ sơ xóa nhà tạm",
        valid_until=until,
        actor=world.w1_admin,
    )
    assert may_see_people(officer, world.h1.unit)
    assert not may_see_people(officer, world.h2.unit)  # the grant is for An Mỹ only
    grants.revoke_access(grant=grant, actor=world.w1_admin)
    assert not may_see_people(officer, world.h1.unit)
    PersonalDataGrant.objects.create(
        user=officer, unit=w1, reason="cũ", valid_until=timezone.localdate() - timedelta(days=1)
    )
    assert not may_see_people(officer, world.h1.unit)
    from mattran.audit.models import AuditEntry

    actions = list(
        AuditEntry.objects.filter(action__startswith="households.").values_list("action", flat=True)
    )
    assert "households.grant" in actions and "households.revoke" in actions
    with pytest.raises(ValidationError, match="đã được thu hồi"):
        grants.revoke_access(grant=grant, actor=world.w1_admin)
    assert not may_grant(world.users["w2_admin"], w1) and may_grant(world.users["w2_admin"], w2)


def test_only_the_wards_administrators_give_access_and_only_with_a_reason_and_an_end(world):
    w1 = world.city.wards[0]
    officer = world.users["city_admin"]
    until = timezone.localdate() + timedelta(days=30)
    for actor in (world.users["w1_clerk"], officer, world.users["w2_admin"]):
        with pytest.raises(PermissionDenied):
            grants.grant_access(unit=w1, user=officer, reason="x", valid_until=until, actor=actor)
    cases = [
        ({"user": officer, "reason": " "}, "reason", "lý do"),
        ({"user": officer, "valid_until": date(2020, 1, 1)}, "valid_until", "trước hôm nay"),
        ({"user": officer, "valid_until": until + timedelta(days=400)}, "valid_until", "12 tháng"),
        ({"user": world.w1_admin}, "user", "chính mình"),
        ({"user": world.users["w2_clerk"]}, "user", "không mở được"),
        ({"user": world.users["w1_viewer"]}, "user", "đã xem được"),
    ]
    for change, field, words in cases:
        values = {"unit": w1, "reason": "Kiểm tra", "valid_until": until, **change}
        with pytest.raises(ValidationError) as exc:
            grants.grant_access(actor=world.w1_admin, **values)
        assert words in " ".join(exc.value.message_dict[field]), field
    assert not PersonalDataGrant.objects.exists()


def test_a_masked_household_shows_its_initial_and_its_area_only(world):
    assert mask_name("Nguyễn Thị Lài") == "Hộ ông/bà N***"
    assert mask_name("  đặng văn sáu") == "Hộ ông/bà Đ***"


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ", min_size=3, max_size=40))
def test_a_mask_never_carries_more_than_the_first_letter(name):
    masked = mask_name(name)
    assert masked.startswith("Hộ ông/bà ")
    # exactly the first letter and the mask: "AA " may give "A***", never more of the name
    assert masked.removeprefix("Hộ ông/bà ") == f"{name.strip()[:1].upper()}***"


@given(st.integers(min_value=10**8, max_value=10**12 - 1), st.sampled_from(["", "CCCD số ", "x "]))
def test_id_numbers_are_caught_and_grouped_money_is_not(number, prefix):
    digits = str(number)
    flagged = holds_national_id(f"{prefix}{digits} ghi chú")
    assert flagged == (len(digits) in (9, 12) or prefix.startswith("CCCD"))
    grouped = f"{number:,}".replace(",", ".")
    assert not holds_national_id(f"Hỗ trợ {grouped} đồng")


def _texts(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        book = load_workbook(BytesIO(response.content))
        return " ".join(
            str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value
        )
    if response.get("Content-Type", "").startswith("image/"):
        return response["Content-Disposition"]  # a photo: its file name may carry a name
    return response.content.decode()


def test_no_page_export_or_admin_screen_shows_another_wards_names(client, world):
    w1, w2 = world.city.wards[:2]
    scope.prepare(world)  # houses, photos, decisions, grants in both wards
    PersonalDataGrant.objects.all().delete()
    clerk = world.users["w1_clerk"]
    client.force_login(clerk)
    # the other ward's URLs are not found, whatever they are
    for name, (method, url) in scope.urls(world, w2.code).items():
        assert getattr(client, method)(url).status_code == 404, name
    # the own ward's URLs with the other ward's objects are not found either
    others = {
        "household": [world.h2.pk],
        "house": [world.hh_houses[w2.code].pk],
        "photo": [world.hh_houses[w2.code].pk, world.hh_photos[w2.code].pk],
        "decision": [world.hh_decisions[w2.code].pk],
    }
    for name, pks in others.items():
        url = reverse(f"households:{name}", args=[w1.code, *pks])
        assert client.get(url).status_code == 404, name
    # the own ward's pages and export never carry the other ward's names
    for name, (method, url) in scope.urls(world, w1.code).items():
        if method == "get" or name == "households:export":
            text = _texts(getattr(client, method)(url, {"q": "Trần Cao Vân"}))
            assert W2_NAME not in text and "Kiệt 47" not in text, name
    # the city sees counts and masked rows on every page, in exports and in the log
    client.force_login(world.users["city_admin"])
    pages = list(scope.urls(world, w2.code).items()) + list(scope.urls(world, w1.code).items())
    pages += [("city", ("get", reverse("households:register", args=[world.city.city.code])))]
    pages += [("city-search", ("get", reverse("households:register", args=["tk"]) + "?q=Lựu"))]
    pages += [("city-export", ("post", reverse("households:export", args=["tk"])))]
    for name, (method, url) in pages:
        if method == "get" or "export" in name:
            response = getattr(client, method)(url)
            assert response.status_code == 200, name
            text = _texts(response)
            for secret in (W1_NAME, W2_NAME, "Nguyễn Thị Lài", "Trần Cao Vân", "khoi-cong.png"):
                assert secret not in text, (name, secret)
    assert "Hộ ông/bà H***" in _texts(client.get(reverse("households:register", args=["tk"])))
    # the Django admin does not list households at all
    superuser = helpers.user("root", Role.SYSTEM_ADMIN, world.city.city)
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    client.force_login(superuser)
    assert client.get("/admin/households/household/").status_code == 404
    assert not re.search(
        r"Hộ gia đình|households/household", client.get("/admin/").content.decode()
    )


def test_every_read_of_a_record_is_logged_with_whether_names_were_shown(client, world):
    w1 = world.city.wards[0]
    url = reverse("households:household", args=[w1.code, world.h1.pk])
    client.force_login(world.users["w1_clerk"])
    client.get(url)
    client.force_login(world.users["city_admin"])
    client.get(reverse("households:household", args=["tk", world.h1.pk]))
    logged = list(
        HouseholdAccess.objects.order_by("pk").values_list("user__username", "action", "personal")
    )
    assert logged == [("w1_clerk", "view", True), ("city_admin", "view", False)]
    client.post(reverse("households:export", args=["tk"]), {"year": 2024})
    last = HouseholdAccess.objects.order_by("-pk").first()
    assert last.action == "export" and not last.personal and last.household is None

"""The pages: a ward's clerk keeps the register and the houses; the city reads counts;
bad input is shown back in Vietnamese without losing what was typed or saved."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from mattran.documents.models import GeneratedFile
from mattran.households import decisions
from mattran.households.models import (
    ApprovalListEntry,
    Household,
    HouseholdAccess,
    HousingIndicatorLink,
    PersonalDataGrant,
    SolidarityHouse,
    Support,
)
from mattran.households.tests import helpers
from mattran.reporting.models import DataValue
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    world.ward = world.city.wards[0]
    world.kp1, world.kp2 = world.city.areas[world.ward.code]
    world.lai = helpers.household(
        world.kp1, "Nguyễn Thị Lài", statuses={2023: "poor", 2024: "poor"}
    )
    world.tam = helpers.household(world.kp2, "Lê Văn Tám", statuses={2024: "near_poor"})
    return world


def url(name, *args):
    return reverse(f"households:{name}", args=args)


def test_the_ward_clerk_reads_names_and_the_city_reads_counts_per_ward(client, world):
    client.force_login(world.users["w1_clerk"])
    page = client.get(url("register", world.ward.code)).content.decode()
    assert "Nguyễn Thị Lài" in page and "Lê Văn Tám" in page
    assert "Hộ nghèo năm 2024: 01" in page and "Thăm hỏi, tặng quà Tết 2024: 0/2 hộ (0%)" in page
    assert "Thêm hộ vào danh sách" in page
    filtered = client.get(
        url("register", world.ward.code), {"status": "near_poor"}
    ).content.decode()
    assert "Lê Văn Tám" in filtered and "Nguyễn Thị Lài" not in filtered
    client.force_login(world.users["city_admin"])
    page = client.get(url("register", "tk")).content.decode()
    assert "Theo xã, phường năm 2024" in page and "Phường An Mỹ" in page
    assert "Nguyễn Thị Lài" not in page and "Hộ ông/bà N***" in page and "Hộ ông/bà L***" in page
    assert "Nghị định 13/2023/NĐ-CP" in page and "Thêm hộ vào danh sách" not in page


def test_a_clerk_adds_a_household_and_a_bad_entry_keeps_what_was_typed(client, world):
    client.force_login(world.users["w1_clerk"])
    typed = {
        "unit": world.kp2.pk,
        "head_name": "Đặng Văn Sáu",
        "address": "Kiệt 24 Phan Bội Châu, tổ 5, khối phố 2, phường An Mỹ",
        "members": "4",
        "code": "049185001234",
        "phone": "",
        "note": "",
    }
    response = client.post(url("register", world.ward.code), typed)
    page = response.content.decode()
    assert response.status_code == 200 and "Không ghi số căn cước" in page
    assert 'value="Kiệt 24 Phan Bội Châu, tổ 5, khối phố 2, phường An Mỹ"' in page
    assert not Household.objects.filter(head_name="Đặng Văn Sáu").exists()
    response = client.post(url("register", world.ward.code), {**typed, "code": "AM-KP02-09"})
    created = Household.objects.get(head_name="Đặng Văn Sáu")
    assert response.status_code == 302 and response.url == url(
        "household", world.ward.code, created.pk
    )
    assert created.unit == world.kp2 and created.created_by == world.users["w1_clerk"]


def test_status_and_support_are_typed_the_vietnamese_way(client, world):
    client.force_login(world.users["w1_clerk"])
    base = url("household", world.ward.code, world.lai.pk)
    client.post(
        base + "status/", {"year": "2025", "status": "escaped", "decided_by": "QĐ 12/QĐ-UBND"}
    )
    assert world.lai.statuses.get(year=2025).status == "escaped"
    support = {
        "date": "02/02/2024",
        "kind": "tet_gift",
        "giver": "Ủy ban MTTQ Việt Nam phường An Mỹ",
        "amount": "500.000",
        "in_kind": "10 kg gạo",
        "description": "Quà Tết Giáp Thìn",
    }
    response = client.post(base + "support/", {**support, "date": "2024-02-02", "amount": "-5"})
    page = response.content.decode()
    assert "ngày/tháng/năm" in page and "Số tiền không được âm" in page
    assert 'value="Ủy ban MTTQ Việt Nam phường An Mỹ"' in page and not Support.objects.exists()
    assert client.post(base + "support/", support).status_code == 302
    saved = Support.objects.get()
    assert saved.amount == 500_000 and saved.date == date(2024, 2, 2)
    page = client.get(base).content.decode()
    assert "500.000 đồng" in page and "02/02/2024" in page


def test_only_local_staff_change_a_household(client, world):
    base = url("household", world.ward.code, world.lai.pk)
    for name in ("w1_viewer", "city_admin"):
        client.force_login(world.users[name])
        assert (
            client.post(base + "status/", {"year": "2024", "status": "escaped"}).status_code == 403
        )
        page = client.get(base).content.decode()
        assert "Ghi diện hộ của một năm" not in page
    assert world.lai.statuses.get(year=2024).status == "poor"


def test_a_house_handed_over_from_the_form_feeds_the_housing_indicator(client, world):
    helpers.link_houses(world)
    client.force_login(world.users["w1_clerk"])
    form = {
        "household": world.lai.pk,
        "kind": "build",
        "year": "2024",
        "list_entry": "",
        "cost": "80.000.000",
        "status": "handed_over",
        "started_on": "15/05/2024",
        "handed_over_on": "10/05/2024",
        "note": "",
    }
    page = client.post(url("houses", world.ward.code), form).content.decode()
    assert "Ngày bàn giao không được trước ngày khởi công" in page
    assert 'value="80.000.000"' in page and not SolidarityHouse.objects.exists()
    response = client.post(url("houses", world.ward.code), {**form, "handed_over_on": "19/08/2024"})
    house = SolidarityHouse.objects.get()
    assert response.url == url("house", world.ward.code, house.pk)
    value = DataValue.objects.get(indicator=world.indicators["houses"], unit=world.ward)
    assert value.number == 1 and value.period.code == "2024-08"
    house_page = client.get(url("house", world.ward.code, house.pk)).content.decode()
    assert "Chưa ghi nguồn kinh phí" in house_page
    client.post(url("funding", world.ward.code, house.pk), {"kind": "fund", "amount": "60.000.000"})
    house_page = client.get(url("house", world.ward.code, house.pk)).content.decode()
    assert "còn thiếu 20.000.000 đồng" in house_page


def png(size: int = 0) -> bytes:
    out = BytesIO()
    Image.new("RGB", (30, 20), (10, 120, 40)).save(out, format="PNG")
    return out.getvalue() + b"\0" * size


def test_photos_are_uploaded_checked_and_served_with_a_neutral_name_above_the_ward(client, world):
    house = helpers.house(world.lai)
    client.force_login(world.users["w1_clerk"])
    target = url("photo_upload", world.ward.code, house.pk)
    big = SimpleUploadedFile("nha-ba-lai.png", png(5 * 1024 * 1024), content_type="image/png")
    page = client.post(target, {"photo": big, "caption": ""}).content.decode()
    assert "vượt quá 5 MB" in page and not house.photos.exists()
    text = SimpleUploadedFile("danh-sach.txt", b"Nguyen Thi Lai", content_type="text/plain")
    assert "không phải là ảnh" in client.post(target, {"photo": text}).content.decode()
    good = SimpleUploadedFile("nha-ba-lai.png", png(), content_type="image/png")
    assert client.post(target, {"photo": good, "caption": "Lễ bàn giao"}).status_code == 302
    photo = house.photos.get()
    served = client.get(url("photo", world.ward.code, house.pk, photo.pk))
    assert (
        served["Content-Type"] == "image/png" and "nha-ba-lai.png" in served["Content-Disposition"]
    )
    client.force_login(world.users["city_admin"])
    served = client.get(url("photo", "tk", house.pk, photo.pk))
    assert served.status_code == 200 and "nha-ba-lai" not in served["Content-Disposition"]


def rows_of(response) -> list[list]:
    book = load_workbook(BytesIO(response.content))
    return [[c.value for c in row] for row in book.active.iter_rows(min_row=5)]


def test_the_export_masks_whom_the_exporting_user_may_not_read(client, world):
    client.force_login(world.users["w1_clerk"])
    response = client.post(url("export", world.ward.code), {"year": "2024"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    names = [row[1] for row in rows_of(response)]
    assert names == ["Nguyễn Thị Lài", "Lê Văn Tám"]
    assert HouseholdAccess.objects.filter(action="export", personal=True).count() == 2
    client.force_login(world.users["city_admin"])
    rows = rows_of(client.post(url("export", "tk"), {"year": "2024", "status": "poor"}))
    assert rows == [
        [
            1,
            "Hộ ông/bà N***",
            "***, Khối phố 1, Phường An Mỹ",
            "Khối phố 1",
            "Phường An Mỹ",
            3,
            "Hộ nghèo",
            None,
            "Chưa",
            None,
        ]
    ]
    assert GeneratedFile.objects.filter(format="xlsx").count() == 2


def test_a_ward_administrator_grants_the_city_access_and_the_city_then_reads_names(client, world):
    admin = helpers.ward_admin(world, 0)
    client.force_login(admin)
    until = (timezone.localdate() + timedelta(days=60)).strftime("%d/%m/%Y")
    grant = {
        "user": world.users["city_admin"].pk,
        "unit": world.ward.pk,
        "reason": "Kiểm tra hồ sơ hỗ trợ xóa nhà tạm năm 2024",
        "valid_until": until,
    }
    page = client.post(url("access", world.ward.code), {**grant, "reason": ""}).content.decode()
    assert "Trường này là bắt buộc" in page and not PersonalDataGrant.objects.exists()
    assert client.post(url("access", world.ward.code), grant).status_code == 302
    client.force_login(world.users["city_admin"])
    assert "Nguyễn Thị Lài" in client.get(url("register", world.ward.code)).content.decode()
    assert client.post(url("access", world.ward.code), grant).status_code == 403  # not theirs
    log = client.get(url("access", world.ward.code)).content.decode()
    assert "Kiểm tra hồ sơ hỗ trợ xóa nhà tạm năm 2024" in log and "Đang hiệu lực" in log
    client.force_login(admin)
    pk = PersonalDataGrant.objects.get().pk
    assert client.post(url("revoke", world.ward.code, pk)).status_code == 302
    client.force_login(world.users["city_admin"])
    assert "Nguyễn Thị Lài" not in client.get(url("register", world.ward.code)).content.decode()


def test_the_city_links_the_indicator_a_ward_cannot(client, world):
    client.force_login(world.users["w1_clerk"])
    indicator = world.indicators["houses"].pk
    assert (
        client.post(url("indicators", world.ward.code), {"indicator": indicator}).status_code == 403
    )
    client.force_login(world.users["city_admin"])
    assert "Tính từ số nhà bàn giao" in client.get(url("houses", "tk")).content.decode()
    response = client.post(url("indicators", "tk"), {"indicator": indicator}, follow=True)
    assert "được tính từ nhà bàn giao" in response.content.decode()
    assert HousingIndicatorLink.objects.filter(indicator_id=indicator).exists()


def test_the_city_records_a_decision_and_the_ward_puts_its_households_on_it(client, world):
    client.force_login(world.users["city_admin"])
    form = {
        "number": "1543/QĐ-UBND",
        "signed_on": "15/06/2023",
        "issuer": "UBND thành phố Tam Kỳ",
        "title": "Phê duyệt danh sách hộ được hỗ trợ xóa nhà tạm, nhà dột nát giai đoạn 2023–2025",
        "first_year": "2023",
        "last_year": "2025",
    }
    page = client.post(url("decisions", "tk"), {**form, "last_year": "2022"}).content.decode()
    assert "Năm kết thúc phải từ năm bắt đầu trở đi" in page
    assert client.post(url("decisions", "tk"), form).status_code == 302
    client.force_login(world.users["w1_clerk"])
    decisions = client.get(url("decisions", world.ward.code)).content.decode()
    assert "Quyết định số 1543/QĐ-UBND ngày 15/06/2023" in decisions
    decision = world.city.city.housing_decisions.get()
    target = url("entry", world.ward.code, decision.pk)
    entry = {"household": world.lai.pk, "scheduled_year": "2024", "kind": "build", "note": ""}
    assert client.post(target, entry).status_code == 302
    assert ApprovalListEntry.objects.get().household == world.lai
    page = client.get(url("decision", world.ward.code, decision.pk)).content.decode()
    assert "Nguyễn Thị Lài" in page and "Chưa triển khai" in page
    client.force_login(world.users["city_admin"])
    page = client.get(url("decision", "tk", decision.pk)).content.decode()
    assert "Theo xã, phường" in page and "0/1" in page and "Nguyễn Thị Lài" not in page


def test_list_pages_cost_the_same_queries_for_a_few_or_many_households(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    decision = helpers.decision(world.city.city)
    client.force_login(world.users["city_admin"])
    pages = [
        url("register", "tk"),
        url("houses", "tk"),
        url("decision", "tk", decision.pk),
        url("access", world.ward.code),
    ]

    def costs():
        found = []
        for page in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page).status_code == 200
            found.append(len(queries))
        return found

    def grow(n):
        for i in range(n):
            ward = world.city.wards[i % 3]
            area = world.city.areas[ward.code][i % 2]
            owner = helpers.household(
                area, f"Hộ thử {i}", statuses={2023: "poor", 2024: "near_poor"}
            )
            entry = decisions.add_entry(decision=decision, household=owner, scheduled_year=2024)
            helpers.house(owner, handed_over_on=date(2024, 3, 1 + i), entry=entry)
            client.get(url("household", ward.code, owner.pk))

    grow(2)
    few = costs()
    grow(6)
    assert costs() == few


def test_a_household_entered_by_mistake_is_deleted_unless_it_has_a_house(client, world):
    client.force_login(world.users["w1_clerk"])
    helpers.house(world.tam)
    response = client.post(url("delete", world.ward.code, world.tam.pk), follow=True)
    assert "đã có nhà Đại đoàn kết nên không xóa được" in response.content.decode()
    client.force_login(world.users["city_admin"])
    assert client.post(url("delete", "tk", world.lai.pk)).status_code == 403
    client.force_login(world.users["w1_clerk"])
    assert client.post(url("delete", world.ward.code, world.lai.pk)).status_code == 302
    assert list(Household.objects.all()) == [world.tam]

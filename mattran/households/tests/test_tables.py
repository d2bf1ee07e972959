"""The houses list and the approval decisions as "Tải Excel": the page's rows with its
filters, names masked where the page masks them, every download audited and logged."""

from datetime import date

import pytest
from django.urls import reverse

from mattran.audit.models import AuditEntry
from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.households import decisions
from mattran.households.models import HouseholdAccess
from mattran.households.tests import helpers
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    w1, w2 = world.city.wards[:2]
    area = world.city.areas[w1.code][0]
    world.decision = helpers.decision(world.city.city)
    lai = helpers.household(area, "Nguyễn Thị Lài")
    entry = decisions.add_entry(decision=world.decision, household=lai, scheduled_year=2024)
    helpers.house(lai, handed_over_on=date(2024, 3, 5), entry=entry)
    helpers.house(helpers.household(w1, "=Trần Văn Bảy"), year=2024)
    helpers.house(helpers.household(world.city.areas[w2.code][0], "Lê Thị Hoa"), year=2023)
    return world


def houses_xlsx(client, code, query=""):
    return client.get(reverse("households:houses_xlsx", args=[code]) + query)


def test_the_ward_reads_its_houses_with_names_and_the_download_is_logged(client, world):
    client.force_login(world.users["w1_clerk"])
    table = read_table(houses_xlsx(client, "tk-w1", "?year=2024").content)
    assert table.notes == ["NHÀ ĐẠI ĐOÀN KẾT — PHƯỜNG AN MỸ", "Năm 2024"]
    assert table.column("Hộ") == ["'=Trần Văn Bảy", "Nguyễn Thị Lài"]
    assert table.column("Tình trạng") == ["Đang thi công", "Đã bàn giao"]
    assert table.column("Kinh phí (đồng)") == [80_000_000, 80_000_000]
    handed = table.rows[1]
    assert (handed[2], handed[3], handed[9].date()) == (
        "Khối phố 1",
        "Phường An Mỹ",
        date(2024, 3, 5),
    )
    logged = HouseholdAccess.objects.filter(action="export")
    assert logged.count() == 2 and all(a.personal for a in logged)
    audit = AuditEntry.objects.get(action="households.houses_export")
    assert audit.changes == {"year": 2024, "rows": 2, "with_names": 2, "masked": 0}
    assert "Nguyễn" not in str(audit.changes)


def test_the_city_gets_the_same_rows_masked(client, world):
    client.force_login(world.users["city_admin"])
    every = read_table(houses_xlsx(client, "tk", "?year=0").content)
    assert every.notes[1:] == ["Mọi năm", "3 hộ đã che họ tên (Nghị định 13/2023/NĐ-CP)."]
    assert sorted(every.column("Hộ")) == ["Hộ ông/bà =***", "Hộ ông/bà L***", "Hộ ông/bà N***"]
    built = read_table(houses_xlsx(client, "tk", "?year=0&status=handed_over").content)
    assert built.column("Hộ") == ["Hộ ông/bà N***"]
    assert "Tình trạng: Đã bàn giao" in built.notes
    page = client.get(reverse("households:houses", args=["tk"]) + "?year=0&status=handed_over")
    assert 'href="/units/tk/households/houses/xlsx/?year=0&amp;status=handed_over"' in (
        page.content.decode()
    )
    logged = HouseholdAccess.objects.filter(action="export", user__username="city_admin")
    assert logged.count() == 2 and not any(a.personal for a in logged)


def test_a_decision_downloads_its_schedule_wards_and_households(client, world):
    client.force_login(world.users["city_admin"])
    listed = read_table(client.get(reverse("households:decisions_xlsx", args=["tk"])).content)
    assert listed.rows[0][:2] == ["1543/QĐ-UBND", listed.rows[0][1]]
    assert listed.rows[0][4] == "2023–2025"
    url = reverse("households:decision_xlsx", args=["tk", world.decision.pk])
    content = client.get(url).content
    assert sheet_names(content) == ["Tiến độ theo năm", "Theo xã, phường", "Hộ trong danh sách"]
    schedule = read_table(content)
    assert schedule.column("Năm") == [2023, 2024, 2025]
    assert schedule.rows[1][1:5] == [1, 1, 1, 1.0]  # planned, started, handed over, 100%
    wards = read_table(content, "Theo xã, phường")
    assert ["Phường An Mỹ", None, "1/1", None] in wards.rows
    households = read_table(content, "Hộ trong danh sách")
    assert all(name.startswith("Hộ ông/bà") for name in households.column("Hộ"))
    assert AuditEntry.objects.filter(action="households.decision_export").exists()

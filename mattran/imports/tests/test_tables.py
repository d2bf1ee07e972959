"""The imports page's "Tải Excel": the recent imports of a unit, as the page lists them."""

import pytest
from django.urls import reverse
from django.utils.timezone import localtime

from mattran.core.tests.workbooks import read_table
from mattran.imports.models import ImportJob, ImportStatus
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    ward, clerk = world.city.wards[0], world.users["w1_clerk"]
    for n in range(11):  # one more than the page lists
        ImportJob.objects.create(unit=ward, user=clerk, filename=f"cu-{n}.txt", data=b"x")
    ImportJob.objects.create(
        unit=ward,
        user=clerk,
        filename="ke-hoach-12-KH.docx",
        data=b"x",
        status=ImportStatus.SAVED,
        saved_as="Kế hoạch “Cuộc vận động năm 2024”",
    )
    ImportJob.objects.create(
        unit=ward, user=clerk, filename="@phu-luc.pdf", data=b"x", status=ImportStatus.FAILED
    )
    return world


def test_the_recent_imports_of_a_ward(client, world):
    client.force_login(world.users["w1_clerk"])
    url = reverse("imports:index_xlsx", args=["tk-w1"])
    table = read_table(client.get(url).content)
    assert table.notes == ["LƯỢT NHẬP VĂN BẢN GẦN ĐÂY — PHƯỜNG AN MỸ", "10 lượt nhập gần nhất"]
    assert len(table.rows) == 10
    assert [r[0] for r in table.rows[:3]] == ["'@phu-luc.pdf", "ke-hoach-12-KH.docx", "cu-10.txt"]
    assert [r[2:] for r in table.rows[:2]] == [
        ["Không đọc được", None],
        ["Đã lưu", "Kế hoạch “Cuộc vận động năm 2024”"],
    ]
    latest = ImportJob.objects.order_by("-created_at").first()
    assert f"{table.rows[0][1]:%d/%m/%Y %H:%M}" == f"{localtime(latest.created_at):%d/%m/%Y %H:%M}"
    page = client.get(reverse("imports:index", args=["tk-w1"])).content.decode()
    assert f'id="imports-xlsx" href="{url}">Tải Excel' in page
    assert page.count('<td data-label="Tệp">') == 10
    assert "Đã lưu: Kế hoạch “Cuộc vận động năm 2024”" in page


def test_only_who_may_import_downloads(client, world):
    client.force_login(world.users["w2_clerk"])
    assert client.get(reverse("imports:index_xlsx", args=["tk-w1"])).status_code == 404
    client.force_login(world.users["w1_viewer"])  # sees the ward, imports nothing
    assert client.get(reverse("imports:index", args=["tk-w1"])).status_code == 403
    assert client.get(reverse("imports:index_xlsx", args=["tk-w1"])).status_code == 403

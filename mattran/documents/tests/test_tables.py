"""The documents page's "Tải Excel": the reports a unit prepared and the files it exported,
as the page lists them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.documents.models import GeneratedFile
from mattran.documents.services import prepare_report
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    ward = world.city.wards[0]
    world.reports = [
        prepare_report(unit=ward, kind="monthly", period=period)
        for period in ("2024-07", "2024-08")
    ]
    world.files = [
        GeneratedFile.objects.create(
            unit=ward,
            report=world.reports[1],
            name="bao-cao-thang-08-2024.docx",
            format="docx",
            data=b"PK",
            created_by=world.users["w1_clerk"],
        ),
        GeneratedFile.objects.create(unit=ward, name="=kien-nghi.xlsx", format="xlsx", data=b"PK"),
    ]
    return world


def same_moment(cell, moment) -> bool:
    """Excel keeps a moment to about a millisecond."""
    return abs(cell - timezone.make_naive(moment)) < timedelta(seconds=1)


def test_the_reports_and_files_a_ward_made(client, world):
    client.force_login(world.users["w1_viewer"])
    url = reverse("documents:index_xlsx", args=["tk-w1"])
    content = client.get(url).content
    assert sheet_names(content) == ["Báo cáo đã lập", "Tệp đã xuất"]
    reports = read_table(content)
    assert reports.notes == ["BÁO CÁO ĐÃ LẬP — PHƯỜNG AN MỸ"]
    august, july = world.reports[1], world.reports[0]
    assert [r[:2] for r in reports.rows] == [
        [august.get_kind_display(), "2024-08"],
        [july.get_kind_display(), "2024-07"],
    ]
    assert same_moment(reports.rows[0][2], august.generated_at)
    assert same_moment(reports.rows[1][2], july.generated_at)
    files = read_table(content, "Tệp đã xuất")
    assert files.notes == ["TỆP ĐÃ XUẤT — PHƯỜNG AN MỸ", "20 tệp xuất gần nhất"]
    assert [r[:2] for r in files.rows] == [
        ["'=kien-nghi.xlsx", "hệ thống"],
        ["bao-cao-thang-08-2024.docx", "w1_clerk"],
    ]
    assert same_moment(files.rows[1][2], world.files[0].created_at)
    page = client.get(reverse("documents:index", args=["tk-w1"])).content.decode()
    assert f'id="reports-xlsx" href="{url}">Tải Excel' in page
    assert f'id="files-xlsx" href="{url}">Tải Excel' in page
    assert "bao-cao-thang-08-2024.docx</a>" in page and "2024-08" in page


def test_another_ward_gets_nothing(client, world):
    client.force_login(world.users["w2_clerk"])
    assert client.get(reverse("documents:index_xlsx", args=["tk-w1"])).status_code == 404
    own = read_table(client.get(reverse("documents:index_xlsx", args=["tk-w2"])).content)
    assert own.rows == []

"""The report pages' "Tải Excel": a unit's reports of the year and who below has reported."""

from datetime import datetime

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table
from mattran.reporting.models import Period
from mattran.reporting.workflow import return_report, submission_for, submit_report
from mattran.testing import build_world, put

PERIOD = "2024-08"


@pytest.fixture
def world(db):
    world = build_world()
    w1, w2, _ = world.city.wards
    for ward in (w1, w2):
        put(world.indicators["houses"], ward, PERIOD, number=1)
        submission = submission_for(world.programme, ward, Period.objects.for_code(PERIOD))
        submit_report(submission=submission, actor=None)
    return_report(submission=submission, actor=None, reason="=Thiếu số liệu nhà")
    return world


def test_the_reports_of_a_year_month_by_month_with_their_status(client, world):
    client.force_login(world.users["w2_clerk"])
    response = client.get(reverse("reporting:index_xlsx", args=["tk-w2"]) + "?year=2024")
    table = read_table(response.content)
    assert table.notes[0] == "BÁO CÁO CỦA PHƯỜNG AN PHÚ NĂM 2024"
    assert table.header == [
        "Kỳ báo cáo",
        "Trạng thái",
        "Hạn nộp",
        "Nộp lúc",
        "Duyệt, trả lại lúc",
        "Lý do trả lại",
    ]
    assert len(table.rows) == 13 and table.rows[-1][0] == "Năm 2024"
    august = table.rows[7]
    assert august[:3] == ["Tháng 8/2024", "Bị trả lại", datetime(2024, 9, 15)]
    assert isinstance(august[3], datetime) and isinstance(august[4], datetime)
    assert august[5] == "'=Thiếu số liệu nhà"  # a reason typed by a person stays text
    assert table.rows[0][1:2] == ["Chưa nộp"]
    page = client.get(reverse("reporting:index", args=["tk-w2"]) + "?year=2024").content.decode()
    assert 'href="/units/tk-w2/reports/xlsx/?year=2024"' in page


def test_who_below_has_reported_as_the_completeness_page_shows(client, world):
    client.force_login(world.users["city_admin"])
    response = client.get(reverse("reporting:completeness_xlsx", args=["tk", PERIOD]))
    table = read_table(response.content)
    assert table.notes[:2] == [
        "TÌNH HÌNH NỘP BÁO CÁO THÁNG 8/2024 — THÀNH PHỐ TAM KỲ",
        "1/3 đơn vị đã nộp (0 đúng hạn)",  # submitted today, long after 15/09/2024
    ]
    assert [(r[0], r[1], r[4]) for r in table.rows] == [
        ("Phường An Mỹ", "Đã nộp, chờ duyệt", "Nộp trễ hạn"),
        ("Phường An Phú", "Bị trả lại", "Quá hạn, chưa nộp"),
        ("Phường Tam Thăng", "Chưa nộp", "Quá hạn, chưa nộp"),
    ]
    assert table.column("Hạn nộp") == [datetime(2024, 9, 15)] * 3
    page = client.get(reverse("reporting:completeness", args=["tk", PERIOD])).content.decode()
    assert 'href="/units/tk/completeness/2024-08/xlsx/"' in page

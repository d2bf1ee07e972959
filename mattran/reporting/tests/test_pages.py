from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mattran.audit.models import AuditEntry
from mattran.reporting.models import DataValue, Period, SubmissionStatus
from mattran.reporting.workflow import completeness
from mattran.testing import build_world, put

PERIOD = "2024-08"


@pytest.fixture
def world(db):
    return build_world()


def entry_url(unit, period=PERIOD):
    return reverse("reporting:entry", args=[unit.code, period])


def fields(world, **typed):
    ind = world.indicators
    data = {
        f"i{ind['houses'].pk}_number": "",
        f"i{ind['houses'].pk}_version": "0",
        f"i{ind['visits'].pk}_numerator": "",
        f"i{ind['visits'].pk}_denominator": "",
        f"i{ind['visits'].pk}_version": "0",
        f"i{ind['zalo'].pk}_boolean": "",
        f"i{ind['zalo'].pk}_version": "0",
    }
    data.update(typed)
    return data


def test_the_form_lists_the_wards_indicators_with_last_months_value(client, world):
    ward = world.city.wards[0]
    put(world.indicators["visits"], ward, "2024-07", numerator=40, denominator=52)
    client.force_login(world.users["w1_clerk"])
    page = client.get(entry_url(ward)).content.decode()
    assert "Nhà Đại đoàn kết" in page and "Hộ nghèo được thăm hỏi" in page
    assert "Tháng 7/2024: 40/52" in page
    assert "tự động đếm từ các hoạt động" in page  # III.3 comes from recorded supervisions


def test_a_figure_computed_from_another_register_says_where_it_comes_from(client, world):
    from mattran.households.models import HousingIndicatorLink

    ward = world.city.wards[0]
    value = put(world.indicators["houses"], ward, "2024-08", number=2)
    value.note = "Tính tự động từ 2 nhà Đại đoàn kết bàn giao"
    value.save()
    HousingIndicatorLink.objects.create(indicator=world.indicators["houses"])
    client.force_login(world.users["w1_clerk"])
    page = client.get(entry_url(ward)).content.decode()
    assert "Kỳ này: <b>2</b> — Tính tự động từ 2 nhà Đại đoàn kết bàn giao." in page
    assert page.count("tự động đếm từ các hoạt động") == 1  # only III.3, from supervisions


def test_numbers_typed_the_vietnamese_way_are_saved(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    ind = world.indicators
    response = client.post(
        entry_url(ward),
        fields(
            world,
            **{
                f"i{ind['houses'].pk}_number": "2",
                f"i{ind['visits'].pk}_numerator": "1.234",
                f"i{ind['visits'].pk}_denominator": "1.300",
                f"i{ind['zalo'].pk}_boolean": "yes",
            },
        ),
        follow=True,
    )
    assert "Đã lưu số liệu tháng 8/2024" in response.content.decode()
    visits = DataValue.objects.get(indicator=ind["visits"], unit=ward)
    assert (visits.numerator, visits.denominator) == (1234, 1300)
    assert DataValue.objects.get(indicator=ind["zalo"], unit=ward).boolean is True
    assert visits.entered_by == world.users["w1_clerk"]


def test_errors_show_beside_the_field_and_nothing_typed_is_lost(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    ind = world.indicators
    response = client.post(
        entry_url(ward),
        fields(
            world,
            **{
                f"i{ind['houses'].pk}_number": "3",
                f"i{ind['visits'].pk}_numerator": "60",
                f"i{ind['visits'].pk}_denominator": "50",
            },
        ),
    )
    page = response.content.decode()
    assert "Tử số (60) không được lớn hơn mẫu số (50)." in page
    assert 'value="60"' in page and 'value="3"' in page
    assert "Chưa lưu" in page
    assert not DataValue.objects.exists()  # the good figure waits for the bad one
    response = client.post(entry_url(ward), fields(world, **{f"i{ind['houses'].pk}_number": "ba"}))
    assert "“ba” không phải là số hợp lệ." in response.content.decode()


def test_a_second_clerk_cannot_silently_overwrite_a_newer_value(client, world):
    ward = world.city.wards[0]
    ind = world.indicators
    put(ind["houses"], ward, PERIOD, number=1)  # both forms opened on version 1
    client.force_login(world.users["w1_clerk"])
    key = ind["houses"].pk
    first = fields(world, **{f"i{key}_number": "2", f"i{key}_version": "1"})
    second = fields(world, **{f"i{key}_number": "5", f"i{key}_version": "1"})
    client.post(entry_url(ward), first)
    page = client.post(entry_url(ward), second).content.decode()
    assert "vừa được" in page and "Giá trị đang lưu: 2" in page and "giá trị bạn nhập: 5" in page
    assert DataValue.objects.get(indicator=ind["houses"], unit=ward).number == 2


def test_submit_return_resubmit_approve_and_lock(client, world):
    ward = world.city.wards[0]
    ind = world.indicators
    put(ind["houses"], ward, PERIOD, number=1)
    clerk, board = world.users["w1_clerk"], world.users["city_admin"]
    decide = lambda action: reverse("reporting:decide", args=[ward.code, PERIOD, action])  # noqa: E731
    client.force_login(clerk)
    client.post(decide("submit"))
    submission = ward.submissions.get()
    assert submission.status == SubmissionStatus.SUBMITTED
    # submitted figures are locked
    page = client.post(
        entry_url(ward),
        fields(world, **{f"i{ind['houses'].pk}_number": "9", f"i{ind['houses'].pk}_version": "1"}),
        follow=True,
    ).content.decode()
    assert "đang chờ duyệt" in page
    assert DataValue.objects.get().number == 1
    # a clerk cannot approve their own report
    client.post(decide("approve"))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    client.force_login(board)
    page = client.post(decide("return"), {"reason": ""}, follow=True).content.decode()
    assert "Cần ghi lý do trả lại" in page
    client.post(decide("return"), {"reason": "Số nhà chưa khớp biên bản bàn giao"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    client.force_login(clerk)
    page = client.get(entry_url(ward)).content.decode()
    assert "Số nhà chưa khớp biên bản bàn giao" in page
    client.post(
        entry_url(ward),
        fields(world, **{f"i{ind['houses'].pk}_number": "2", f"i{ind['houses'].pk}_version": "1"}),
    )
    client.post(decide("submit"))
    client.force_login(board)
    client.post(decide("approve"))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert DataValue.objects.get().number == 2
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == ["submit", "return", "submit", "approve"]
    assert AuditEntry.objects.filter(action="submission.approve").exists()


def test_completeness_counts_who_submitted_on_time(world):
    ward1, ward2, ward3 = world.city.wards
    from mattran.reporting.workflow import submission_for, submit_report

    for ward in (ward1, ward2):
        put(world.indicators["houses"], ward, PERIOD, number=1)
        submit_report(
            submission=submission_for(world.programme, ward, Period.objects.for_code(PERIOD)),
            actor=None,
        )
    result = completeness(
        world.programme, world.city.city, Period.objects.for_code(PERIOD), today=date(2026, 1, 1)
    )
    assert result.summary.startswith("2/3 đơn vị đã nộp")
    states = {r.unit.code: r.state for r in result.rows}
    assert states[ward3.code] == "overdue"
    assert states[ward1.code] == "late"  # submitted now, long after 15/09/2024
    assert result.rows[0].deadline == date(2024, 9, 15)


def test_excel_template_round_trip_and_bad_cells_by_row_and_column(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    ind = world.indicators
    response = client.get(reverse("reporting:template", args=[ward.code, PERIOD]))
    book = load_workbook(BytesIO(response.content))
    sheet = book.active
    rows = {sheet.cell(row=r, column=2).value: r for r in range(8, sheet.max_row + 1)}
    sheet.cell(row=rows["II.1"], column=6, value="4")
    sheet.cell(row=rows["II.2"], column=6, value="1.200")
    sheet.cell(row=rows["II.2"], column=7, value=1250)
    sheet.cell(row=rows["I.2a"], column=6, value="Có")
    upload = BytesIO()
    book.save(upload)
    upload.name = "bieu-mau.xlsx"
    upload.seek(0)
    url = reverse("reporting:upload", args=[ward.code, PERIOD])
    page = client.post(url, {"file": upload}, follow=True).content.decode()
    assert "Đã nhập 3 số liệu từ tệp Excel." in page
    assert DataValue.objects.get(indicator=ind["visits"]).numerator == 1200
    sheet.cell(row=rows["II.1"], column=6, value="năm")
    sheet.cell(row=rows["I.2a"], column=6, value="Chắc chắn")
    bad = BytesIO()
    book.save(bad)
    bad.name = "sai.xlsx"
    bad.seek(0)
    page = client.post(url, {"file": bad}, follow=True).content.decode()
    assert f"Ô F{rows['II.1']}: “năm” không phải là số hợp lệ." in page
    assert f"Ô F{rows['I.2a']}:" in page
    assert DataValue.objects.get(indicator=ind["houses"]).number == 4  # unchanged
    junk = BytesIO(b"not a spreadsheet")
    junk.name = "anh-con-meo.xlsx"
    page = client.post(url, {"file": junk}, follow=True).content.decode()
    assert "không phải tệp Excel (.xlsx) hợp lệ" in page


def test_a_figure_counted_from_the_houses_is_not_typed_over_from_excel(client, world):
    from mattran.households.models import HousingIndicatorLink

    ward = world.city.wards[0]
    HousingIndicatorLink.objects.create(indicator=world.indicators["houses"])
    client.force_login(world.users["w1_clerk"])
    response = client.get(reverse("reporting:template", args=[ward.code, PERIOD]))
    book = load_workbook(BytesIO(response.content))
    sheet = book.active
    rows = {sheet.cell(row=r, column=2).value: r for r in range(8, sheet.max_row + 1)}
    sheet.cell(row=rows["II.1"], column=6, value="7")
    upload = BytesIO()
    book.save(upload)
    upload.name = "bieu-mau.xlsx"
    upload.seek(0)
    url = reverse("reporting:upload", args=[ward.code, PERIOD])
    page = client.post(url, {"file": upload}, follow=True).content.decode()
    assert f"Ô F{rows['II.1']}: chỉ tiêu II.1 được tính tự động" in page
    assert not DataValue.objects.filter(indicator=world.indicators["houses"]).exists()

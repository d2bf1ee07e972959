"""Preparing a report: edits survive new data or are flagged with what changed; exports
are kept with who made them; the DOCX carries exactly the numbers of the data."""

import re
from datetime import date
from io import BytesIO

import docx
import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from mattran.activities.models import Activity, ActivityType
from mattran.audit.models import AuditEntry
from mattran.documents.models import DocumentStyle, GeneratedFile
from mattran.documents.services import (
    add_task,
    changes,
    edit_block,
    export_indicator_table,
    export_report,
    final_blocks,
    prepare_report,
    settle_change,
)
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    world.dialogue = ActivityType.objects.create(
        code="dialogue",
        name="Đối thoại trực tiếp",
        report_section="party_building",
        report_phrase="tổ chức Hội nghị đối thoại trực tiếp",
    )
    return world


def dialogue(world, ward, day=date(2024, 8, 6)):
    return Activity.objects.create(unit=ward, type=world.dialogue, date=day, title="Đối thoại")


def block(report, key):
    return next(b for b in final_blocks(report) if b["key"] == key)


def test_an_edit_is_kept_when_the_data_does_not_move_under_it(world):
    city = world.city.city
    dialogue(world, world.city.wards[0])
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    edit_block(report=report, key="I.3.dialogue", text="Một phường đối thoại với thanh niên[^1].")
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    assert block(report, "I.3.dialogue")["text"] == "Một phường đối thoại với thanh niên[^1]."
    assert changes(report) == []


def test_new_data_under_an_edit_is_told_exactly(world):
    city = world.city.city
    dialogue(world, world.city.wards[0])
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    edit_block(report=report, key="I.3.dialogue", text="Sửa tay: 01 phường đối thoại.")
    dialogue(world, world.city.wards[1])  # a second ward reports later
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    [change] = changes(report)
    assert change["before"].startswith("01/03 đơn vị")
    assert change["after"].startswith("02/03 đơn vị")
    assert change["edited"].startswith("Sửa tay: 01 phường đối thoại.")
    assert block(report, "I.3.dialogue")["text"] == "Sửa tay: 01 phường đối thoại."
    settle_change(report=report, key="I.3.dialogue", keep_edit=False)
    assert block(report, "I.3.dialogue")["text"].startswith("02/03 đơn vị")


def test_keeping_an_edit_after_new_data_settles_it(world):
    city = world.city.city
    dialogue(world, world.city.wards[0])
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    edit_block(report=report, key="I.3.dialogue", text="Bản sửa.")
    dialogue(world, world.city.wards[1])
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    settle_change(report=report, key="I.3.dialogue", keep_edit=True)
    assert changes(report) == [] and block(report, "I.3.dialogue")["text"] == "Bản sửa."


def test_added_tasks_are_numbered_in_part_two(world):
    report = prepare_report(unit=world.city.city, kind="monthly", period="2024-08")
    add_task(report=report, text="Tổ chức Ngày hội Đại đoàn kết toàn dân tộc")
    added = block(report, "II.added0")
    assert added["number"] == 1 and added["kind"] == "numbered"
    with pytest.raises(ValidationError, match="Nhập nội dung nhiệm vụ"):
        add_task(report=report, text="  ")


def test_a_bad_period_is_refused_in_vietnamese(world):
    with pytest.raises(ValidationError, match="Kỳ báo cáo “2024-13” không hợp lệ"):
        prepare_report(unit=world.city.city, kind="monthly", period="2024-13")
    with pytest.raises(ValidationError, match="không phải kỳ của báo cáo tháng"):
        prepare_report(unit=world.city.city, kind="monthly", period="2024")


def test_the_docx_says_what_the_data_says_and_is_kept(world):
    city = world.city.city
    for ward in world.city.wards[:2]:
        dialogue(world, ward)
    DocumentStyle.objects.create(
        unit=city,
        parent_lines="ỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ TAM KỲ",
        place="Tam Kỳ",
        signer_name="Nguyễn Ba",
        recipients="Ủy ban MTTQ Việt Nam tỉnh\nLưu: VP",
    )
    report = prepare_report(
        unit=city, kind="monthly", period="2024-08", actor=world.users["city_admin"]
    )
    report.number, report.issued_on = "45", date(2024, 9, 5)
    report.save()
    generated = export_report(report=report, file_format="docx", actor=world.users["city_admin"])
    assert generated.created_by == world.users["city_admin"] and generated.created_at
    assert AuditEntry.objects.filter(action="report.export").exists()
    document = docx.Document(BytesIO(bytes(generated.data)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "02/03 đơn vị cấp xã, phường tổ chức Hội nghị đối thoại trực tiếp" in text
    header = "\n".join(c.text for c in document.tables[0]._cells)
    assert "Số: 45/BC-MTTQ-BTT" in header and "Tam Kỳ, ngày 05 tháng 9 năm 2024" in header
    footnotes = bytes(generated.data)
    assert b"footnotes.xml" in footnotes
    counted = Activity.objects.filter(type=world.dialogue, date__month=8).values("unit").distinct()
    assert re.search(rf"0?{counted.count()}/03 đơn vị", text)


def test_the_indicator_table_has_the_appendix_layout(world):
    city = world.city.city
    put(world.indicators["houses"], world.city.wards[0], "2024-08", number=3)
    generated = export_indicator_table(unit=city, year=2024)
    sheet = load_workbook(BytesIO(bytes(generated.data))).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[3][:3] == ("TT", "Nội dung", "Thời gian thực hiện")
    assert values[4][2:8] == ("2024", "2025", "2026", "2027", "2028", "2029")
    houses = next(r for r in values if r[0] == world.indicators["houses"].code)
    assert houses[2] == "30/100 nhà" and houses[-2] == "03 nhà" and houses[-1]
    assert GeneratedFile.objects.filter(format="xlsx").count() == 1


def test_text_from_users_never_runs_as_a_formula_in_the_table(world):
    houses = world.indicators["houses"]
    houses.text = '=HYPERLINK("http://evil.example","Nhà Đại đoàn kết")'
    houses.save()
    generated = export_indicator_table(unit=world.city.city, year=2024)
    sheet = load_workbook(BytesIO(bytes(generated.data))).active
    row = next(r for r in sheet.iter_rows() if r[0].value == houses.code)
    assert row[1].value == "'" + houses.text and row[1].data_type == "s"


def test_a_footnote_can_be_edited_and_new_data_under_it_is_told(world):
    city = world.city.city
    dialogue(world, world.city.wards[0])
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    edit_block(
        report=report,
        key="I.3.dialogue",
        text=block(report, "I.3.dialogue")["text"],
        footnotes={"1": "**Phường An Mỹ:** Đối thoại với thanh niên về khởi nghiệp."},
    )
    assert block(report, "I.3.dialogue")["footnotes"]["1"].endswith("về khởi nghiệp.")
    dialogue(world, world.city.wards[0], day=date(2024, 8, 20))  # the footnote's data moves
    report = prepare_report(unit=city, kind="monthly", period="2024-08")
    [change] = changes(report)
    assert "(02 lần)" in change["after"] and "về khởi nghiệp" in change["edited"]


def test_an_added_task_can_be_reworded(world):
    report = prepare_report(unit=world.city.city, kind="monthly", period="2024-08")
    add_task(report=report, text="Tổ chức Ngày hội")
    edit_block(report=report, key="II.added0", text="Tổ chức Ngày hội Đại đoàn kết ở 100% KDC")
    assert block(report, "II.added0")["text"] == "Tổ chức Ngày hội Đại đoàn kết ở 100% KDC"

"""The shared table workbook: headers, formats, frozen header row, formula-proof text."""

from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from mattran.core.xlsx import (
    FORMULA_STARTS,
    Column,
    Table,
    safe_cell,
    table_workbook,
    xlsx_response,
)


def open_book(data: bytes):
    return load_workbook(BytesIO(data))


def test_a_table_has_its_heading_notes_frozen_header_and_sized_columns():
    table = Table(
        name="Chỉ tiêu 2024",
        title="TIẾN ĐỘ NĂM 2024",
        notes=["Số liệu tính đến ngày 31/08/2024", "Trạng thái: Chậm"],
        columns=[Column("Mã", 8), Column("Chỉ tiêu", 60), Column("Thực hiện", 14)],
        rows=[["II.1", "Nhà Đại đoàn kết", 8], ["II.2", "Hộ nghèo được thăm hỏi", None]],
    )
    sheet = open_book(table_workbook(table))["Chỉ tiêu 2024"]
    assert sheet["A1"].value == "TIẾN ĐỘ NĂM 2024" and sheet["A1"].font.bold
    assert sheet["A3"].value == "Trạng thái: Chậm"
    assert [c.value for c in sheet[5]] == ["Mã", "Chỉ tiêu", "Thực hiện"]
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:C7"
    assert sheet.column_dimensions["B"].width == 60
    assert sheet["C6"].value == 8 and sheet["C7"].value is None


def test_numbers_dates_and_shares_carry_vietnamese_formats():
    columns = [Column("Số", 10), Column("Ngày", 12), Column("Tỷ lệ", 10, "percent")]
    columns += [Column("Năm", 8, "plain"), Column("Lúc", 16), Column("Có?", 8)]
    moment = datetime(2024, 8, 31, 9, 30, tzinfo=UTC)
    rows = [
        [1234567, date(2024, 8, 5), 0.875, 2024, moment, True],
        [Decimal("13.386"), None, None, 2025, None, False],
    ]
    sheet = open_book(table_workbook(Table("Bảng", columns, rows))).active
    assert sheet["A2"].number_format == "#,##0" and sheet["A2"].value == 1234567
    assert sheet["A3"].number_format == "#,##0.0#" and sheet["A3"].value == 13.386
    assert sheet["B2"].number_format == "DD/MM/YYYY"
    assert sheet["B2"].value.date() == date(2024, 8, 5)
    assert sheet["C2"].number_format == "0.0%"
    assert sheet["D2"].number_format == "General" and sheet["D2"].value == 2024
    assert sheet["E2"].number_format == "DD/MM/YYYY HH:MM"
    assert sheet["E2"].value.hour == 16  # shown in Asia/Ho_Chi_Minh time
    assert (sheet["F2"].value, sheet["F3"].value) == ("Có", "Không")


def test_text_typed_by_people_never_becomes_a_formula():
    link = '=HYPERLINK("http://x")'
    rows = [[link], ["+84 905"], ["-5"], ["@SUM(A1)"], ["Bình thường"]]
    data = table_workbook(Table("Bảng", [Column("Ghi chú")], rows, title="=1+1"))
    sheet = open_book(data).active
    values = [sheet.cell(r, 1).value for r in range(1, 9)]
    assert values[0] == "'=1+1"
    assert values[3:] == ["'" + link, "'+84 905", "'-5", "'@SUM(A1)", "Bình thường"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@given(st.text(min_size=1, max_size=40))
def test_safe_cell_output_never_starts_like_a_formula(text):
    safe = safe_cell(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)


def test_sheet_names_are_made_valid_and_unique():
    tables = [Table("Kế hoạch/nhiệm vụ: [2024]", [Column("A")]) for _ in range(2)]
    book = open_book(table_workbook(*tables))
    assert book.sheetnames == ["Kế hoạch nhiệm vụ   2024", "Kế hoạch nhiệm vụ   2024 (2)"]


def test_the_download_names_its_file():
    response = xlsx_response(b"PK", "tiến-độ.xlsx")
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "ti%E1%BA%BFn" in response["Content-Disposition"]

"""A unit's list as XLSX, in the import's columns (so it can be corrected and imported again):
one row per post; contact data only where the exporting user may read it, "(ẩn)" otherwise.
Every export is audited (without any contact data)."""

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from mattran.audit.services import record
from mattran.core.dates import format_date
from mattran.core.xlsx import safe_cell
from mattran.people import columns as col
from mattran.people.selectors import Directory
from mattran.units.models import Tier, Unit

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADERS = ["TT", *col.COLUMNS, col.ADDRESS]


def unit_label(unit: Unit) -> str:
    if unit.tier == Tier.AREA and unit.parent_id:
        return f"{unit.name} - {unit.parent.name}"
    return unit.name


def export_directory(directory: Directory, unit: Unit, *, user: Any) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sach"
    sheet.append([safe_cell(f"DANH SÁCH CÁN BỘ MẶT TRẬN — {unit.name.upper()}")])
    hidden = sum(1 for r in directory.rows if not r.contact)
    note = f"Theo danh sách ngày {format_date(directory.day)}."
    if hidden:
        note += (
            f" {hidden} người đã ẩn điện thoại, email, địa chỉ: chỉ đơn vị quản lý hồ sơ và "
            "cấp trên của đơn vị đó được xem."
        )
    sheet.append([note])
    sheet.append([])
    sheet.append(HEADERS)
    number = 0
    for row in directory.rows:
        person = row.person
        contact = [person.phone, person.email, person.address] if row.contact else [col.HIDDEN] * 3
        for position in row.positions or [None]:
            number += 1
            sheet.append(
                [
                    number,
                    safe_cell(person.full_name),
                    person.birth_year,
                    person.get_gender_display() if person.gender else "",
                    position.get_role_display() if position else "",
                    safe_cell(position.sector) if position else "",
                    unit_label(position.unit) if position else unit_label(person.unit),
                    format_date(position.start) if position else "",
                    format_date(position.end) if position else "",
                    safe_cell(contact[0]),
                    safe_cell(contact[1]),
                    safe_cell(position.note) if position else "",
                    safe_cell(contact[2]),
                ]
            )
    _style(sheet, header_row=4)
    record(
        actor=user,
        action="people.export",
        target=unit,
        changes={"people": len(directory.rows), "contact_hidden": hidden},
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _style(sheet, header_row: int) -> None:
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(italic=True)
    for index, title in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = col.WIDTHS.get(title, 13)
    for row in sheet.iter_rows(min_row=header_row, max_row=sheet.max_row):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.row == header_row:
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 5

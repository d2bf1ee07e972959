"""Writing spreadsheets safely: text that came from people never runs as a formula.

`table_workbook` writes the tables the pages show as one workbook — a heading, a few lines
saying what was chosen, a frozen header row, sized columns, numbers as 1.234.567, dates as
dd/mm/yyyy — and `xlsx_response` hands it to the browser.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# How a column's values are shown (Excel number formats; a vi-VN Excel groups as 1.234.567).
WHOLE = "#,##0"
DECIMAL = "#,##0.0#"
PERCENT = "0.0%"
DAY = "DD/MM/YYYY"
MOMENT = "DD/MM/YYYY HH:MM"

THIN = Side(style="thin", color="9AA0A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8EAED")
SHEET_NAME_BANNED = str.maketrans({c: " " for c in "[]:*?/\\"})


def safe_cell(value):
    """Neutralise text a spreadsheet would read as a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    """One column: its Vietnamese header, its width in characters and, for numbers, "percent"
    (a share: 0,25 is shown 25,0%) or "plain" (a year, a code: no thousands dots); whole
    numbers, decimals and dates are otherwise formatted by their value."""

    title: str
    width: float = 16
    kind: str = ""


@dataclass
class Table:
    """One sheet: a heading, lines under it (the unit, the filters, the date of the data), and
    the rows exactly as the page lists them."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence] = ()
    title: str = ""
    notes: Sequence[str] = field(default_factory=list)


def table_workbook(*tables: Table) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _write(book.create_sheet(_sheet_name(table.name, book)), table)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _sheet_name(name: str, book: Workbook) -> str:
    base = (name.translate(SHEET_NAME_BANNED).strip() or "Bảng")[:31]
    taken = set(book.sheetnames)
    candidate, n = base, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def _write(sheet, table: Table) -> None:
    row = 1
    if table.title:
        sheet.cell(row, 1, safe_cell(table.title)).font = Font(bold=True, size=13)
        row += 1
    for note in table.notes:
        sheet.cell(row, 1, safe_cell(note)).font = Font(italic=True, color="5F6368")
        row += 1
    if row > 1:
        row += 1  # a blank line before the table
    header = row
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(header, col, column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    for values in table.rows:
        row += 1
        for col, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            _put(sheet.cell(row, col), column, value)
    last = get_column_letter(max(len(table.columns), 1))
    sheet.freeze_panes = f"A{header + 1}"
    if row > header:
        sheet.auto_filter.ref = f"A{header}:{last}{row}"
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _put(cell, column: Column, value) -> None:
    cell.border = BOX
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if value is None:
        return
    if isinstance(value, bool):
        cell.value = "Có" if value else "Không"
    elif isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        cell.value, cell.number_format = value, MOMENT
    elif isinstance(value, date):
        cell.value, cell.number_format = value, DAY
    elif isinstance(value, int | float | Decimal):
        cell.value = value
        if column.kind == "percent":
            cell.number_format = PERCENT
        elif column.kind != "plain":
            whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
            cell.number_format = WHOLE if whole else DECIMAL
    else:
        cell.value = safe_cell(str(value))

"""The reconciliation as an Excel workbook: a summary sheet (one amount column per fund) and
one ledger sheet per fund with every entry of the period and the running balance. Text that
came from people goes through safe_cell, so a donor named "=1+1" stays text."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from mattran.core.xlsx import safe_cell
from mattran.funds.balances import Reconciliation
from mattran.funds.models import FundKind
from mattran.funds.statement import content, counterparty, decision, summary_lines, title
from mattran.units.models import Unit

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
MONEY = "#,##0"
SHEET_NAMES = {
    FundKind.POOR_RELIEF: "Sổ quỹ Vì người nghèo",
    FundKind.DISASTER_RELIEF: "Sổ quỹ cứu trợ",
}


def style_font(cell, bold=False, italic=False, size=12):
    cell.font = Font(name=FONT, bold=bold, italic=italic, size=size)


def box_table(sheet, first_row: int, widths: list[int], money_columns: set[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=first_row, max_row=sheet.max_row, max_col=len(widths)):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.column in money_columns:
                cell.number_format = MONEY
            if cell.row == first_row:
                style_font(cell, bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            elif not cell.font.bold:
                style_font(cell)


def _summary(sheet, unit: Unit, recs: list[Reconciliation]) -> None:
    sheet.title = "Tổng hợp"
    sheet.append([safe_cell(f"BÁO CÁO {title(recs)}")])
    sheet.append([safe_cell(f"Ủy ban MTTQ Việt Nam {unit.name[:1].lower()}{unit.name[1:]}")])
    sheet.append([])
    sheet.append(["TT", "Nội dung", *[f"{rec.fund.name} (đồng)" for rec in recs]])
    lines = [summary_lines(rec) for rec in recs]
    for index, line in enumerate(lines[0]):
        sheet.append([line.number, line.label, *[int(other[index].amount) for other in lines]])
        if line.total:
            for cell in sheet[sheet.max_row]:
                style_font(cell, bold=True)
    style_font(sheet["A1"], bold=True, size=13)
    style_font(sheet["A2"], italic=True)
    box_table(sheet, 4, [6, 58, *[24] * len(recs)], set(range(3, 3 + len(recs))))


def _ledger(book, rec: Reconciliation) -> None:
    sheet = book.create_sheet(SHEET_NAMES.get(rec.fund.kind, "Sổ quỹ")[:31])
    sheet.append([safe_cell(f"SỔ {rec.fund.name.upper()} — {rec.fund.unit.name.upper()}")])
    sheet.append([f"Từ ngày {rec.start:%d/%m/%Y} đến ngày {rec.end:%d/%m/%Y}"])
    sheet.append([])
    sheet.append(
        [
            "Ngày",
            "Loại",
            "Số biên lai",
            "Tổ chức, cá nhân ủng hộ / đối tượng nhận",
            "Nội dung",
            "Quyết định",
            "Thu (đồng)",
            "Chi (đồng)",
            "Tồn quỹ (đồng)",
        ]
    )
    sheet.append(["", "Tồn đầu kỳ", "", "", "", "", None, None, int(rec.opening)])
    running = rec.opening
    for e in rec.entries:
        running += e.signed_amount
        sheet.append(
            [
                e.entry_date,
                e.get_kind_display(),
                safe_cell(e.receipt_number),
                safe_cell(counterparty(e)),
                safe_cell(content(e)),
                safe_cell(decision(e)),
                int(e.amount) if e.inflow else None,
                None if e.inflow else int(e.amount),
                int(running),
            ]
        )
        sheet.cell(sheet.max_row, 1).number_format = "DD/MM/YYYY"
    sheet.append(
        [
            "",
            "Cộng trong kỳ / tồn cuối kỳ",
            "",
            "",
            "",
            "",
            int(rec.total_in),
            int(rec.total_out),
            int(rec.closing),
        ]
    )
    for cell in sheet[sheet.max_row]:
        style_font(cell, bold=True)
    style_font(sheet["A1"], bold=True, size=13)
    style_font(sheet["A2"], italic=True)
    box_table(sheet, 4, [12, 16, 11, 32, 44, 22, 15, 15, 16], {7, 8, 9})
    sheet.freeze_panes = "A5"


def reconciliation_workbook(unit: Unit, recs: list[Reconciliation]) -> bytes:
    book = Workbook()
    _summary(book.active, unit, recs)
    for rec in recs:
        _ledger(book, rec)
    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = BytesIO()
    book.save(out)
    return out.getvalue()

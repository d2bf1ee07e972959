"""The indicator × year table as XLSX, laid out like a programme's appendix (seed 000):
TT, content, one target column per year of the term, then the chosen year's result and
status."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from mattran.analytics.progress import programme_progress
from mattran.core.xlsx import safe_cell
from mattran.programmes.models import Programme, Target
from mattran.units.models import Unit

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"


def indicator_table(programme: Programme, unit: Unit, year: int) -> bytes:
    rows, as_of = programme_progress(programme, unit, year)
    progress = {r.indicator.pk: r for r in rows}
    years = list(programme.years)
    targets = {
        (t.indicator_id, t.year): t.display
        for t in Target.objects.filter(indicator__programme=programme)
    }
    book = Workbook()
    sheet = book.active
    sheet.title = f"Chỉ tiêu {year}"
    width = 2 + len(years) + 2
    sheet.append([safe_cell(f"KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM {year} — {unit.name.upper()}")])
    sheet.append(
        [
            safe_cell(
                f"{programme.title} ({programme.term_label}); số liệu đến ngày {as_of:%d/%m/%Y}"
            )
        ]
    )
    sheet.append([])
    sheet.append(
        ["TT", "Nội dung", "Thời gian thực hiện"]
        + [""] * (len(years) - 1)
        + [f"Kết quả {year}", f"Đánh giá {year}"]
    )
    sheet.append(["", ""] + [str(y) for y in years] + ["", ""])
    sheet.merge_cells(start_row=4, start_column=3, end_row=4, end_column=2 + len(years))
    for column in (1, 2, width - 1, width):
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    for area in programme.areas.filter(parent=None).order_by("order"):
        sheet.append([safe_cell(f"{area.number}. {area.title}")] + [""] * (width - 1))
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
        )
        sheet.cell(sheet.max_row, 1).font = Font(name=FONT, bold=True, size=12)
        for indicator in area.indicators.order_by("order"):
            row = progress.get(indicator.pk)
            sheet.append(
                [indicator.code, safe_cell(indicator.text)]
                + [safe_cell(targets.get((indicator.pk, y), "")) for y in years]
                + [
                    safe_cell(row.actual_display()) if row else "",
                    row.status_label if row else "Không áp dụng",
                ]
            )
    _style(sheet, width, len(years))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _style(sheet, width: int, year_count: int) -> None:
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = 60
    for index in range(3, width + 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 14
    sheet["A1"].font = Font(name=FONT, bold=True, size=13)
    sheet["A2"].font = Font(name=FONT, italic=True, size=12)
    for row in sheet.iter_rows(min_row=4, max_row=sheet.max_row, max_col=width):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(
                wrap_text=True,
                vertical="center",
                horizontal="left" if cell.column == 2 else "center",
            )
            if cell.row <= 5:
                cell.font = Font(name=FONT, bold=True, size=12)
            elif not cell.font.bold:
                cell.font = Font(name=FONT, size=12)
    sheet.freeze_panes = "C6"
    sheet.print_title_rows = "4:5"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4

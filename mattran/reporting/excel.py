"""The entry form as an Excel workbook: download, fill in offline, upload (openpyxl)."""

from io import BytesIO
from zipfile import BadZipFile

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from mattran.core.numbers import NumberFormatError, format_number, parse_number
from mattran.core.ratings import Rating
from mattran.core.xlsx import safe_cell
from mattran.programmes.models import ValueType
from mattran.reporting.models import DataValue
from mattran.reporting.services import Figure, describe, save_data_value

FIRST_ROW = 8
HEADERS = [
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Cách nhập",
    "Kỳ trước",
    "Số liệu / Tử số",
    "Mẫu số",
    "Ghi chú",
]
HOW = {
    ValueType.COUNT: "Số lượng (số nguyên)",
    ValueType.AMOUNT: "Số tiền (đồng)",
    ValueType.PERCENT: "Tỷ lệ % (0-100)",
    ValueType.FRACTION: "Tử số và mẫu số",
    ValueType.YES_NO: "Có / Không",
    ValueType.RATING: "Xếp loại",
}
RATING_BY_LABEL = {label.lower(): value for value, label in Rating.choices}


def entry_template(page, values: dict[int, DataValue], previous: dict[int, DataValue]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "So lieu"
    sheet["A1"] = "BIỂU MẪU NHẬP SỐ LIỆU"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"{page.unit.name} — {page.period}"
    sheet["A3"] = safe_cell(page.programme.title)
    sheet["A4"], sheet["B4"] = "Mã đơn vị", page.unit.code
    sheet["A5"], sheet["B5"] = "Mã kỳ", page.period.code
    sheet["A6"] = (
        "Điền cột F (và G với tử số/mẫu số); số viết 1.234 hoặc 1234; "
        "Có/Không; xếp loại theo danh sách. Không sửa các cột khác."
    )
    sheet["A6"].font = Font(italic=True, color="5F6368")
    for col, title in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=FIRST_ROW - 1, column=col, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1F3F4")
    yes_no = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    ratings = DataValidation(
        type="list", formula1='"' + ",".join(Rating.labels) + '"', allow_blank=True
    )
    sheet.add_data_validation(yes_no)
    sheet.add_data_validation(ratings)
    for offset, indicator in enumerate(page.indicators):
        row = FIRST_ROW + offset
        value = values.get(indicator.pk)
        before = previous.get(indicator.pk)
        first, second = current_cells(indicator, value)
        cells = [
            offset + 1,
            indicator.code,
            safe_cell(indicator.text),
            HOW[indicator.value_type],
            describe(before) if before else "",
            first,
            second,
            safe_cell(value.note) if value else "",
        ]
        for col, content in enumerate(cells, start=1):
            sheet.cell(row=row, column=col, value=content)
        sheet.cell(row=row, column=3).alignment = Alignment(wrap_text=True, vertical="top")
        if indicator.value_type == ValueType.YES_NO:
            yes_no.add(f"F{row}")
        if indicator.value_type == ValueType.RATING:
            ratings.add(f"F{row}")
    for col, width in zip("ABCDEFGH", [5, 10, 60, 20, 22, 16, 10, 30], strict=True):
        sheet.column_dimensions[col].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def current_cells(indicator, value: DataValue | None) -> tuple:
    if value is None:
        return "", ""
    kind = indicator.value_type
    if kind == ValueType.FRACTION:
        return format_number(value.numerator), format_number(value.denominator)
    if kind == ValueType.YES_NO:
        return ("Có" if value.boolean else "Không"), ""
    if kind == ValueType.RATING:
        return Rating(value.rating).label, ""
    return format_number(value.number), ""


def _text(cell_value) -> str:
    if cell_value is None:
        return ""
    if isinstance(cell_value, float) and cell_value.is_integer():
        return str(int(cell_value))
    return str(cell_value).strip()


def _number(cell_value, ref: str, errors: list[str]):
    text = _text(cell_value)
    if isinstance(cell_value, int | float) and not isinstance(cell_value, bool):
        text = str(cell_value).replace(".", ",") if isinstance(cell_value, float) else text
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        errors.append(f"Ô {ref}: {exc}")
        return None


def read_figure(indicator, row: int, first, second, errors: list[str]) -> Figure | None:
    kind = indicator.value_type
    if _text(first) == "" and _text(second) == "":
        return None
    if kind == ValueType.FRACTION:
        numerator = _number(first, f"F{row}", errors)
        denominator = _number(second, f"G{row}", errors)
        return Figure(numerator=numerator, denominator=denominator)
    if kind == ValueType.YES_NO:
        answer = _text(first).lower()
        if answer not in ("có", "không", "co", "khong"):
            errors.append(f"Ô F{row}: “{_text(first)}” — chỉ ghi “Có” hoặc “Không”.")
            return None
        return Figure(boolean=answer in ("có", "co"))
    if kind == ValueType.RATING:
        label = _text(first).lower()
        if label.isdigit() and int(label) in Rating.values:
            return Figure(rating=int(label))
        if label not in RATING_BY_LABEL:
            errors.append(f"Ô F{row}: “{_text(first)}” không phải một mức xếp loại.")
            return None
        return Figure(rating=RATING_BY_LABEL[label])
    number = _number(first, f"F{row}", errors)
    return Figure(number=number)


@transaction.atomic
def import_entry(page, upload, *, actor) -> int:
    """Read a filled template and save its figures, all of them or none."""
    try:
        book = load_workbook(upload, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError("Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ.") from exc
    sheet = book.active
    unit_code, period_code = _text(sheet["B4"].value), _text(sheet["B5"].value)
    if (unit_code, period_code) != (page.unit.code, page.period.code):
        raise ValidationError(
            f"Tệp này là biểu mẫu của đơn vị “{unit_code or '?'}” kỳ “{period_code or '?'}”, "
            f"không phải của {page.unit.name} {page.period}: hãy tải biểu mẫu đúng kỳ."
        )
    by_code = {i.code: i for i in page.indicators}
    errors: list[str] = []
    figures = []
    for row in range(FIRST_ROW, sheet.max_row + 1):
        code = _text(sheet.cell(row=row, column=2).value)
        if not code:
            continue
        indicator = by_code.get(code)
        if indicator is None:
            errors.append(f"Ô B{row}: mã chỉ tiêu “{code}” không có trong biểu mẫu kỳ này.")
            continue
        figure = read_figure(
            indicator,
            row,
            sheet.cell(row=row, column=6).value,
            sheet.cell(row=row, column=7).value,
            errors,
        )
        note = _text(sheet.cell(row=row, column=8).value)
        if figure is not None and indicator.is_automatic:
            current = DataValue.objects.filter(
                indicator=indicator, unit=page.unit, period=page.period
            ).first()
            if current is None or Figure.of(current) != figure:
                errors.append(
                    f"Ô F{row}: chỉ tiêu {code} được tính tự động từ hồ sơ (hoạt động, nhà Đại "
                    "đoàn kết), không nhập tay."
                )
            continue
        if figure is not None:
            figures.append((row, indicator, figure, note))
    if errors:
        raise ValidationError(errors)
    saved = 0
    for row, indicator, figure, note in figures:
        current = DataValue.objects.filter(
            indicator=indicator, unit=page.unit, period=page.period
        ).first()
        if current and Figure.of(current) == figure:
            continue
        try:
            save_data_value(
                indicator=indicator,
                unit=page.unit,
                period=page.period,
                figure=figure,
                note=note,
                actor=actor,
            )
        except ValidationError as exc:
            errors.append(f"Dòng {row} ({indicator.code}): {' '.join(exc.messages)}")
        saved += 1
    if errors:
        raise ValidationError(errors)
    return saved

"""The entry form as an Excel workbook: download, fill in offline, upload (openpyxl)."""

from decimal import Decimal
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
from mattran.reporting.services import Figure, describe, save_data_value, validate_figure
from mattran.reporting.workflow import lock_message

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
CELL_OF = {"denominator": "G"}  # where a refused field was typed (F otherwise)
MAX_NUMBER = Decimal("1e15")


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


def _number(cell, errors: list[str]) -> Decimal | None:
    """A number typed the Vietnamese way ("1.234", "13,5") or entered as a number; a cell
    shown as a percentage in Excel (85%) holds 0,85 and means 85."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            number = parse_number(_text(value))
        except NumberFormatError as exc:
            errors.append(f"Ô {cell.coordinate}: {exc}")
            return None
    else:
        number = Decimal(str(value))
        if "%" in (cell.number_format or ""):
            number *= 100
    if abs(number) >= MAX_NUMBER:
        errors.append(f"Ô {cell.coordinate}: số {format_number(number)} quá lớn.")
        return None
    return number


def read_figure(indicator, first, second, errors: list[str]) -> Figure | None:
    """The figure of one row from its cells F (and G for a fraction); None when empty."""
    kind = indicator.value_type
    if _text(first.value) == "" and _text(second.value) == "":
        return None
    if kind == ValueType.FRACTION:
        return Figure(numerator=_number(first, errors), denominator=_number(second, errors))
    if kind == ValueType.YES_NO:
        answer = _text(first.value).lower()
        if answer not in ("có", "không", "co", "khong"):
            errors.append(
                f"Ô {first.coordinate}: “{_text(first.value)}” — chỉ ghi “Có” hoặc “Không”."
            )
            return None
        return Figure(boolean=answer in ("có", "co"))
    if kind == ValueType.RATING:
        label = _text(first.value).lower()
        if label.isdigit() and int(label) in Rating.values:
            return Figure(rating=int(label))
        if label not in RATING_BY_LABEL:
            errors.append(
                f"Ô {first.coordinate}: “{_text(first.value)}” không phải một mức xếp loại."
            )
            return None
        return Figure(rating=RATING_BY_LABEL[label])
    return Figure(number=_number(first, errors))


def _open(upload):
    # Formulas are read as formulas (not their last computed value) so they can be refused.
    try:
        return load_workbook(upload, data_only=False)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError("Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ.") from exc


def _refused(exc: ValidationError, row: int, indicator) -> list[str]:
    """A service's refusal of one row, said of the cell it concerns."""
    if not hasattr(exc, "error_dict"):
        return [f"Dòng {row} ({indicator.code}): {' '.join(exc.messages)}"]
    return [
        f"Ô {CELL_OF.get(field, 'F')}{row} ({indicator.code}): {message}"
        for field, messages in exc.message_dict.items()
        for message in messages
    ]


@transaction.atomic
def import_entry(page, upload, *, actor) -> int:
    """Read a filled template and save its figures, all of them or none: every refused cell
    is listed (Ô F9: …) and nothing of the file is kept."""
    sheet = _open(upload).active
    unit_code, period_code = _text(sheet["B4"].value), _text(sheet["B5"].value)
    if (unit_code, period_code) != (page.unit.code, page.period.code):
        raise ValidationError(
            f"Tệp này là biểu mẫu của đơn vị “{unit_code or '?'}” kỳ “{period_code or '?'}”, "
            f"không phải của {page.unit.name} {page.period}: hãy tải biểu mẫu đúng kỳ."
        )
    locked = lock_message(page.programme, page.unit, page.period)
    if locked:
        raise ValidationError(locked, code="locked")
    by_code = {i.code: i for i in page.indicators}
    current = {
        v.indicator_id: v
        for v in DataValue.objects.filter(
            unit=page.unit, period=page.period, indicator__in=page.indicators
        )
    }
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
        first, second, note = (sheet.cell(row=row, column=c) for c in (6, 7, 8))
        formulas = [c.coordinate for c in (first, second, note) if c.data_type == "f"]
        if formulas:
            errors.append(
                f"Ô {', '.join(formulas)}: có công thức; hãy ghi giá trị (số hoặc chữ), "
                "không dùng công thức."
            )
            continue
        figure = read_figure(indicator, first, second, errors)
        if figure is None:
            continue
        before = current.get(indicator.pk)
        if indicator.is_automatic:
            if before is None or Figure.of(before) != figure:
                errors.append(
                    f"Ô {first.coordinate}: chỉ tiêu {code} được tính tự động từ hồ sơ (hoạt "
                    "động, nhà Đại đoàn kết), không nhập tay."
                )
            continue
        try:
            validate_figure(indicator, figure)
        except ValidationError as exc:
            errors.extend(_refused(exc, row, indicator))
            continue
        if before is None or Figure.of(before) != figure:
            figures.append((row, indicator, figure, _text(note.value)))
    if errors:
        raise ValidationError(errors)
    for row, indicator, figure, note in figures:
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
            errors.extend(_refused(exc, row, indicator))
    if errors:
        raise ValidationError(errors)
    return len(figures)

"""Answer sheets through Excel: a template with the questions as columns, filled offline by
the residential areas' boards, uploaded whole or not at all, with every bad cell named."""

import unicodedata
from io import BytesIO
from zipfile import BadZipFile

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from mattran.core.xlsx import safe_cell
from mattran.units.models import Tier, Unit
from mattran.voice.models import THREE_LABELS_BY_TEXT, ResponseSource, Scale, Survey
from mattran.voice.surveys import save_response, survey_areas

HEADER_ROW = 8
FIRST_ROW = 9
FIRST_QUESTION_COL = 3
MAX_ERRORS = 40


def area_label(area: Unit, survey: Survey) -> str:
    """How a sheet names its residential area: the area's name, with its ward's when the
    survey spans several wards (names repeat from one ward to the next)."""
    if survey.unit.tier in (Tier.COMMUNE, Tier.AREA) or not area.parent_id:
        return area.name
    return f"{area.name} – {area.parent.name}"


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


def survey_template(survey: Survey) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phieu"
    questions = list(survey.questions.all())
    areas = list(survey_areas(survey))
    sheet["A1"] = "KẾT QUẢ PHIẾU LẤY Ý KIẾN SỰ HÀI LÒNG CỦA NGƯỜI DÂN"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = safe_cell(survey.title)
    sheet["A3"] = survey.unit.name
    sheet["A4"], sheet["B4"] = "Mã đợt lấy ý kiến", survey.pk
    sheet["A5"], sheet["B5"] = "Mã đơn vị", survey.unit.code
    sheet["A6"] = (
        "Mỗi dòng một phiếu. Cột A: số phiếu (để trống thì tự đánh số). Cột B: chọn khu dân "
        "cư. Các cột câu hỏi: chọn Hài lòng / Không hài lòng / Không ý kiến, hoặc ghi điểm từ "
        "1 đến 5 (từ 4 trở lên là hài lòng); để trống nếu người dân không trả lời câu đó."
    )
    sheet["A6"].font = Font(italic=True, color="5F6368")
    headers = ["Số phiếu", "Khu dân cư"] + [
        safe_cell(f"Câu {q.number}. {q.text}") for q in questions
    ]
    for col, title in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1F3F4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    lists = book.create_sheet("Danh muc")
    lists["A1"] = "Khu dân cư"
    for row, area in enumerate(areas, start=2):
        lists.cell(row=row, column=1, value=area_label(area, survey))
        lists.cell(row=row, column=2, value=area.code)
    last = FIRST_ROW + 500
    if areas:
        pick_area = DataValidation(
            type="list", formula1=f"='Danh muc'!$A$2:$A${len(areas) + 1}", allow_blank=True
        )
        sheet.add_data_validation(pick_area)
        pick_area.add(f"B{FIRST_ROW}:B{last}")
    three = DataValidation(
        type="list", formula1='"Hài lòng,Không hài lòng,Không ý kiến"', allow_blank=True
    )
    five = DataValidation(
        type="whole", operator="between", formula1="1", formula2="5", allow_blank=True
    )
    five.error = "Ghi điểm từ 1 đến 5."
    sheet.add_data_validation(three)
    sheet.add_data_validation(five)
    for offset, question in enumerate(questions):
        letter = get_column_letter(FIRST_QUESTION_COL + offset)
        (five if question.scale == Scale.FIVE else three).add(f"{letter}{FIRST_ROW}:{letter}{last}")
        sheet.column_dimensions[letter].width = 22
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 30
    sheet.row_dimensions[HEADER_ROW].height = 90
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=FIRST_QUESTION_COL)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_value(question, raw, ref: str, errors: list[str]) -> int | None:
    text = _text(raw)
    if not text:
        return None
    if question.scale == Scale.FIVE:
        if text.isdigit() and 1 <= int(text) <= 5:
            return int(text)
        errors.append(f"Ô {ref}: “{text}” — câu {question.number} ghi điểm từ 1 đến 5.")
        return None
    value = THREE_LABELS_BY_TEXT.get(_key(text))
    if value is None:
        errors.append(
            f"Ô {ref}: “{text}” — câu {question.number} chỉ ghi “Hài lòng”, “Không hài lòng” "
            "hoặc “Không ý kiến”."
        )
    return value


def _open(upload):
    try:
        return load_workbook(upload, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError("Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ.") from exc


def _check_identity(sheet, survey: Survey, questions) -> None:
    if _text(sheet["B4"].value) != str(survey.pk) or _text(sheet["B5"].value) != survey.unit.code:
        raise ValidationError(
            "Tệp này không phải mẫu nhập phiếu của đợt lấy ý kiến này: hãy tải mẫu của đợt "
            f"“{survey.title}” rồi điền lại."
        )
    errors = []
    for offset, question in enumerate(questions):
        col = FIRST_QUESTION_COL + offset
        header = _text(sheet.cell(row=HEADER_ROW, column=col).value)
        if not header.startswith(f"Câu {question.number}."):
            ref = f"{get_column_letter(col)}{HEADER_ROW}"
            errors.append(
                f"Ô {ref}: tiêu đề cột không khớp câu {question.number} của phiếu hiện tại — "
                "phiếu đã có thay đổi, hãy tải mẫu mới."
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def import_responses(survey: Survey, upload, *, actor=None) -> int:
    """Read every sheet of a filled template and store them all, or none and say why."""
    book = _open(upload)
    sheet = book["Phieu"] if "Phieu" in book.sheetnames else book.active
    questions = list(survey.questions.all())
    if not questions:
        raise ValidationError("Đợt lấy ý kiến chưa có câu hỏi nào.")
    _check_identity(sheet, survey, questions)
    areas = list(survey_areas(survey))
    by_label = {_key(area_label(a, survey)): a for a in areas}
    by_label.update({_key(a.code): a for a in areas})
    taken = set(survey.responses.values_list("number", flat=True))
    errors: list[str] = []
    sheets = []
    for row in range(FIRST_ROW, sheet.max_row + 1):
        cells = [
            sheet.cell(row=row, column=c).value
            for c in range(1, FIRST_QUESTION_COL + len(questions))
        ]
        if all(_text(v) == "" for v in cells):
            continue
        number = _read_number(cells[0], row, taken, errors)
        area = by_label.get(_key(_text(cells[1])))
        if area is None:
            shown = _text(cells[1])
            errors.append(
                f"Ô B{row}: “{shown}” không phải khu dân cư của đợt lấy ý kiến này."
                if shown
                else f"Ô B{row}: chưa chọn khu dân cư."
            )
        answers = {}
        for offset, question in enumerate(questions):
            col = FIRST_QUESTION_COL + offset
            ref = f"{get_column_letter(col)}{row}"
            answers[question.pk] = _read_value(question, cells[col - 1], ref, errors)
        if all(_text(v) == "" for v in cells[FIRST_QUESTION_COL - 1 :]):
            errors.append(f"Dòng {row}: phiếu chưa trả lời câu hỏi nào.")
        sheets.append((row, number, area, answers))
    if not sheets and not errors:
        raise ValidationError("Tệp chưa có phiếu nào (điền từ dòng 9).")
    if errors:
        raise ValidationError(_trimmed(errors))
    for row, number, area, answers in sheets:
        try:
            save_response(
                survey=survey,
                area=area,
                answers=answers,
                number=number,
                actor=actor,
                source=ResponseSource.UPLOAD,
            )
        except ValidationError as exc:
            errors.append(f"Dòng {row}: {' '.join(exc.messages)}")
    if errors:
        raise ValidationError(_trimmed(errors))
    return len(sheets)


def _read_number(raw, row: int, taken: set[int], errors: list[str]) -> int | None:
    text = _text(raw)
    if not text:
        number = max(taken, default=0) + 1
    elif text.isdigit() and int(text) > 0:
        number = int(text)
        if number in taken:
            errors.append(f"Ô A{row}: phiếu số {number} đã có (trong tệp hoặc đã nhập trước).")
            return None
    else:
        errors.append(f"Ô A{row}: số phiếu “{text}” phải là số nguyên dương.")
        return None
    taken.add(number)
    return number


def _trimmed(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS:
        return errors
    return [*errors[:MAX_ERRORS], f"… và {len(errors) - MAX_ERRORS} lỗi khác."]

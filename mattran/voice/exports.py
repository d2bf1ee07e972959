"""Spreadsheets out of the people's voice: the petitions of a unit and its subtree (citizen
fields masked unless the user may read them) and a survey's tallies.

Files go to `GeneratedFile` like every export, except a petitions file that carries
citizens' names or contacts: the documents page lets committees above open a unit's stored
files, so such a file is handed over once and not kept (its making is audited, and each
petition shown is logged as a view of personal data).
"""

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from mattran.audit.services import record
from mattran.core.xlsx import safe_cell
from mattran.documents.models import FileFormat, GeneratedFile
from mattran.units.models import Unit
from mattran.voice.models import Petition, Survey
from mattran.voice.privacy import personal_unit_ids, reveal
from mattran.voice.survey_excel import area_label
from mattran.voice.tallies import tally

PETITION_HEADERS = [
    ("STT", 6),
    ("Đơn vị", 22),
    ("Hội nghị tiếp xúc cử tri", 36),
    ("Ngày tiếp xúc", 12),
    ("Nội dung kiến nghị", 60),
    ("Lĩnh vực", 16),
    ("Cử tri", 20),
    ("Liên hệ", 20),
    ("Cơ quan nhận kiến nghị", 28),
    ("Ngày chuyển", 12),
    ("Hạn trả lời", 12),
    ("Tình trạng", 14),
    ("Nội dung trả lời", 50),
    ("Ngày trả lời", 12),
    ("Cử tri hài lòng", 14),
]


@dataclass
class Export:
    name: str
    data: bytes
    generated: GeneratedFile | None  # None when the file carried personal data


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _header(sheet, row: int, headers) -> None:
    for col, (title, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=col, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1F3F4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width


def _save(book: Workbook) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def export_petitions(
    *,
    unit: Unit,
    petitions: list[Petition],
    title: str,
    actor: Any = None,
    with_personal: bool = False,
) -> Export:
    """`petitions` already chosen by the caller (a filter, the overdue list)."""
    today = timezone.localdate()
    allowed = personal_unit_ids(actor) if with_personal else set()
    carries = [p for p in petitions if p.meeting.unit_id in allowed and p.has_personal]
    if carries:
        reveal(carries, actor, where="xlsx")
    book = Workbook()
    sheet = book.active
    sheet.title = "Kien nghi"
    sheet["A1"] = safe_cell(title)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"{unit.name} — lập ngày {today:%d/%m/%Y}"
    _header(sheet, 4, PETITION_HEADERS)
    for i, p in enumerate(petitions, start=1):
        visible = p.meeting.unit_id in allowed
        citizen = p.citizen_name if visible else ("(đã ẩn)" if p.citizen_name else "")
        contact = p.citizen_contact if visible else ("(đã ẩn)" if p.citizen_contact else "")
        row = [
            i,
            p.meeting.unit.name,
            safe_cell(p.meeting.title),
            _day(p.meeting.held_on),
            safe_cell(p.content),
            p.get_field_display(),
            safe_cell(citizen),
            safe_cell(contact),
            safe_cell(p.forwarded_to),
            _day(p.forwarded_on),
            _day(p.deadline),
            p.status_label,
            safe_cell(p.response),
            _day(p.responded_on),
            p.get_satisfied_display(),
        ]
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=4 + i, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A5"
    data = _save(book)
    name = f"kien-nghi-cu-tri-{unit.code}-{today:%Y%m%d}.xlsx"
    generated = None
    if not carries:
        generated = GeneratedFile.objects.create(
            unit=unit,
            name=name,
            format=FileFormat.XLSX,
            data=data,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
    record(
        actor=actor,
        action="voice.petitions.export",
        target=generated or unit,
        changes={
            "petitions": len(petitions),
            "with_personal": len(carries),
            "kept": generated is not None,
        },
    )
    return Export(name, data, generated)


@transaction.atomic
def export_tallies(*, survey: Survey, actor: Any = None) -> GeneratedFile:
    result = tally(survey)
    book = Workbook()
    sheet = book.active
    sheet.title = "Theo cau hoi"
    sheet["A1"] = "KẾT QUẢ LẤY Ý KIẾN SỰ HÀI LÒNG CỦA NGƯỜI DÂN"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = safe_cell(survey.title)
    sheet["A3"] = (
        f"{survey.unit.name}; từ {_day(survey.starts_on)} đến {_day(survey.ends_on)}; "
        f"{result.responses} phiếu; tỷ lệ hài lòng chung {result.overall.share_text}"
    )
    _header(
        sheet,
        5,
        [
            ("Câu", 6),
            ("Câu hỏi", 60),
            ("Số phiếu trả lời", 12),
            ("Hài lòng", 12),
            ("Tỷ lệ hài lòng", 12),
            ("Chi tiết", 50),
        ],
    )
    for i, row in enumerate(result.questions, start=6):
        detail = "; ".join(f"{label}: {n}" for label, n in row.distribution)
        values = [
            row.question.number,
            safe_cell(row.question.text),
            row.total.answered,
            row.total.satisfied,
            _share(row.total.share),
            detail,
        ]
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=i, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col == 5:
                cell.number_format = "0.0%"
    areas = book.create_sheet("Theo khu dan cu")
    headers = [("Khu dân cư", 30), ("Số phiếu", 10)]
    headers += [(f"Câu {q.question.number}", 10) for q in result.questions]
    headers += [("Chung", 10)]
    _header(areas, 1, headers)
    for i, row in enumerate(result.areas, start=2):
        values = [area_label(row.area, survey), row.responses]
        values += [_share(c.share) for c in row.cells] + [_share(row.overall.share)]
        for col, value in enumerate(values, start=1):
            cell = areas.cell(row=i, column=col, value=value)
            if col > 2:
                cell.number_format = "0.0%"
    generated = GeneratedFile.objects.create(
        unit=survey.unit,
        name=f"ket-qua-lay-y-kien-{survey.pk}.xlsx",
        format=FileFormat.XLSX,
        data=_save(book),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="voice.survey.export",
        target=survey,
        changes={"file": generated.pk, "responses": result.responses},
    )
    return generated


def _share(share) -> float | None:
    return float(share) if share is not None else None

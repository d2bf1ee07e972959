"""The pages' tables as XLSX ("Tải Excel"): ratings of a year, inspection cases, projects.
Every file is kept as a `GeneratedFile` with who asked for it, and audited; text typed by
people goes through `safe_cell`."""

from collections.abc import Sequence
from io import BytesIO
from typing import Any

from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from mattran.audit.services import record
from mattran.boards.measures import InspectionVerdict, ProjectShare, supervised_by
from mattran.boards.models import InspectionCase, YearlyRating, subject_name
from mattran.core.dates import format_date
from mattran.core.xlsx import safe_cell
from mattran.documents.models import FileFormat, GeneratedFile
from mattran.units.models import Unit

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"


def _sheet(title: str, subtitle: str, headers: Sequence[tuple[str, int]], rows: list[list]):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([safe_cell(subtitle)])
    sheet.append([])
    sheet.append([h for h, _ in headers])
    for row in rows:
        sheet.append([safe_cell(v) if isinstance(v, str) else v for v in row])
    sheet["A1"].font = Font(name=FONT, bold=True, size=13)
    for col, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(3, col).column_letter].width = width
    for line in sheet.iter_rows(min_row=3, max_row=sheet.max_row, max_col=len(headers)):
        for cell in line:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name=FONT, size=12, bold=cell.row == 3)
            if cell.row == 3:
                cell.fill = PatternFill("solid", fgColor="F1F3F4")
    sheet.freeze_panes = "A4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def _keep(unit: Unit, name: str, data: bytes, user: Any, what: str, rows: int) -> GeneratedFile:
    generated = GeneratedFile.objects.create(
        unit=unit,
        name=name,
        format=FileFormat.XLSX,
        data=data,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    record(actor=user, action=f"boards.export_{what}", target=generated, changes={"rows": rows})
    return generated


def _who(item: YearlyRating | None) -> str:
    if item is None or item.rated_by is None:
        return ""
    return item.rated_by.get_full_name() or item.rated_by.username


RATING_HEADERS = [
    ("STT", 6),
    ("Đơn vị, ban được đánh giá", 44),
    ("Xếp loại", 28),
    ("Nhận xét, lý do", 60),
    ("Người đánh giá", 20),
    ("Ngày đánh giá", 14),
]


def export_ratings(
    *, unit: Unit, year: int, rows: list[tuple[Unit, str, YearlyRating | None]], user: Any
) -> GeneratedFile:
    lines = [
        [
            n,
            subject_name(subject, subject_unit),
            item.get_rating_display() if item else "Chưa xếp loại",
            item.reasons if item else "",
            _who(item),
            format_date(item.rated_at.date()) if item else "",
        ]
        for n, (subject_unit, subject, item) in enumerate(rows, start=1)
    ]
    data = _sheet(
        f"Xếp loại {year}",
        f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM {year} — {unit.name.upper()}",
        RATING_HEADERS,
        lines,
    )
    return _keep(unit, f"xep-loai-{year}-{unit.code}.xlsx", data, user, "ratings", len(lines))


CASE_HEADERS = [
    ("STT", 6),
    ("Xã, phường", 20),
    ("Ngày bắt đầu", 13),
    ("Loại việc", 28),
    ("Nội dung, vụ việc", 44),
    ("Cơ quan, người được giám sát", 26),
    ("Kết quả giám sát, xác minh", 44),
    ("Kiến nghị đã gửi", 11),
    ("Được tiếp thu, giải quyết", 13),
    ("Kết quả giải quyết", 36),
    ("Tình trạng", 14),
    ("Ngày kết thúc", 13),
]


def export_cases(
    *,
    unit: Unit,
    year: int,
    cases: list[InspectionCase],
    verdicts: list[InspectionVerdict],
    user: Any,
) -> GeneratedFile:
    lines = [
        [
            n,
            c.unit.name,
            format_date(c.opened_on),
            c.get_kind_display(),
            c.title,
            c.body,
            c.findings,
            c.recommendations_made,
            c.recommendations_resolved,
            c.outcome,
            c.get_status_display(),
            format_date(c.closed_on),
        ]
        for n, c in enumerate(cases, start=1)
    ]
    lines.append([])
    lines += [["", v.unit.name, "", v.label, v.reason] for v in verdicts]
    data = _sheet(
        f"Ban TTND {year}",
        f"HOẠT ĐỘNG CỦA BAN THANH TRA NHÂN DÂN NĂM {year} — {unit.name.upper()}",
        CASE_HEADERS,
        lines,
    )
    return _keep(unit, f"ban-ttnd-{year}-{unit.code}.xlsx", data, user, "cases", len(cases))


PROJECT_HEADERS = [
    ("STT", 6),
    ("Xã, phường", 20),
    ("Tên công trình, dự án", 44),
    ("Địa điểm", 24),
    ("Nguồn vốn", 30),
    ("Tổng mức đầu tư (đồng)", 18),
    ("Ngày khởi công", 13),
    ("Ngày hoàn thành", 13),
    ("Thuộc chỉ tiêu giám sát", 12),
    ("Đã giám sát", 10),
    ("Ngày giám sát", 13),
    ("Kết quả giám sát", 40),
    ("Kiến nghị", 36),
]


def export_projects(
    *, unit: Unit, year: int, shares: list[ProjectShare], user: Any
) -> GeneratedFile:
    lines = []
    for share in shares:
        for p in share.projects:
            lines.append(
                [
                    len(lines) + 1,
                    p.unit.name,
                    p.name,
                    p.location,
                    ", ".join(p.funding_labels),
                    int(p.budget),
                    format_date(p.started_on),
                    format_date(p.completed_on),
                    "Có" if p.in_scope else "Không",
                    "Có" if supervised_by(p, share.as_of) else "Chưa",
                    format_date(p.supervised_on),
                    p.findings,
                    p.recommendations,
                ]
            )
    count = len(lines)
    lines.append([])
    lines += [["", s.unit.name, s.reason] for s in shares]
    data = _sheet(
        f"Công trình {year}",
        f"CÔNG TRÌNH, DỰ ÁN ĐẦU TƯ VÀ VIỆC GIÁM SÁT CỦA BAN GIÁM SÁT ĐẦU TƯ CỦA CỘNG ĐỒNG "
        f"NĂM {year} — {unit.name.upper()}",
        PROJECT_HEADERS,
        lines,
    )
    return _keep(unit, f"cong-trinh-{year}-{unit.code}.xlsx", data, user, "projects", count)

"""The register as XLSX: names, addresses and phones only where the exporting user may read
them, masked otherwise; every export is kept, audited and logged."""

from io import BytesIO
from typing import Any

from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from mattran.audit.services import record
from mattran.core.xlsx import safe_cell
from mattran.documents.models import GeneratedFile
from mattran.households.models import AccessAction, PovertyStatus
from mattran.households.privacy import PeopleAccess, log_access
from mattran.households.selectors import register
from mattran.units.models import Tier, Unit

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
HEADERS = [
    "TT",
    "Họ tên chủ hộ",
    "Địa chỉ",
    "Khu dân cư",
    "Xã, phường",
    "Số nhân khẩu",
    "Diện hộ",
    "Căn cứ công nhận",
    "Thăm hỏi, tặng quà Tết",
    "Số điện thoại",
]
WIDTHS = [6, 26, 38, 16, 20, 10, 16, 36, 14, 14]


def places(unit: Unit) -> tuple[str, str]:
    if unit.tier == Tier.AREA and unit.parent_id:
        return unit.name, unit.parent.name
    return "", unit.name


@transaction.atomic
def export_register(
    *,
    unit: Unit,
    user: Any,
    year: int,
    status: str = "",
    area: Unit | None = None,
) -> GeneratedFile:
    access = PeopleAccess(user)
    rows, _counts = register(unit, access, year=year, status=status, area=area)
    book = Workbook()
    sheet = book.active
    sheet.title = f"Danh sách {year}"
    label = PovertyStatus(status).label.lower() if status else "hộ nghèo, cận nghèo, khó khăn"
    where = area.name + ", " + unit.name if area else unit.name
    sheet.append([safe_cell(f"DANH SÁCH {label.upper()} NĂM {year} — {where.upper()}")])
    masked = sum(1 for r in rows if not r.shown.visible)
    note = (
        f"{masked} hộ đã che họ tên, địa chỉ (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)."
        if masked
        else "Tài liệu có dữ liệu cá nhân: chỉ dùng cho công tác hỗ trợ, không chia sẻ."
    )
    sheet.append([safe_cell(note)])
    sheet.append([])
    sheet.append(HEADERS)
    for number, row in enumerate(rows, start=1):
        household = row.household
        area_name, ward_name = places(household.unit)
        entry = row.status
        sheet.append(
            [
                number,
                safe_cell(row.shown.name),
                safe_cell(row.shown.address),
                safe_cell(area_name),
                safe_cell(ward_name),
                household.members,
                entry.get_status_display() if entry else "Chưa rà soát",
                safe_cell(entry.decided_by if entry else ""),
                "Có" if row.tet else "Chưa",
                safe_cell(row.shown.phone),
            ]
        )
    _style(sheet)
    out = BytesIO()
    book.save(out)
    generated = GeneratedFile.objects.create(
        unit=unit,
        name=f"danh-sach-ho-{status or 'tat-ca'}-{year}-{(area or unit).code}.xlsx",
        format="xlsx",
        data=out.getvalue(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    shown = [r.household for r in rows if r.shown.visible]
    record(
        actor=user,
        action="households.export",
        target=generated,
        changes={"year": year, "rows": len(rows), "with_names": len(shown), "masked": masked},
    )
    log_export(user, unit, shown, masked, f"{generated.name}: {len(rows)} hộ")
    return generated


def log_export(user, unit: Unit, shown: list, masked: int, detail: str) -> None:
    """One access row per household whose name went out, one for the masked rest (or for a
    file that named no one)."""
    if shown:
        log_access(
            user=user,
            unit=unit,
            action=AccessAction.EXPORT,
            households=shown,
            personal=True,
            detail=detail,
        )
    if masked or not shown:
        log_access(user=user, unit=unit, action=AccessAction.EXPORT, personal=False, detail=detail)


def _style(sheet) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(4, index).column_letter].width = width
    sheet["A1"].font = Font(name=FONT, bold=True, size=13)
    sheet["A2"].font = Font(name=FONT, italic=True, size=11)
    for row in sheet.iter_rows(min_row=4, max_row=sheet.max_row, max_col=len(HEADERS)):
        for cell in row:
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(name=FONT, size=12, bold=cell.row == 4)
    sheet.freeze_panes = "C5"
    sheet.print_title_rows = "4:4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4

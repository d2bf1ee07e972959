"""The houses list and the approval decisions as XLSX, as their pages show them: names masked
where the page masks them; a file naming people is handed over, not kept, its making audited
and each name shown logged."""

from typing import Any

from django.db import transaction

from mattran.audit.services import record
from mattran.core.xlsx import Column, Table, table_workbook
from mattran.households.export import log_export, places
from mattran.households.models import ApprovalDecision, HouseStatus
from mattran.households.privacy import PeopleAccess
from mattran.households.selectors import houses_shown
from mattran.units.models import Unit

HOUSE_COLUMNS = [
    Column("Hộ", 26),
    Column("Quyết định phê duyệt", 24),
    Column("Khu dân cư", 16),
    Column("Xã, phường", 20),
    Column("Hình thức", 14),
    Column("Tình trạng", 16),
    Column("Kinh phí (đồng)", 16),
    Column("Đã huy động (đồng)", 16),
    Column("Khởi công", 12),
    Column("Bàn giao", 12),
]
SCHEDULE_COLUMNS = [
    Column("Năm", 8, "plain"),
    Column("Kế hoạch (hộ)", 12),
    Column("Đã khởi công", 12),
    Column("Đã bàn giao", 12),
    Column("Tỷ lệ hoàn thành", 12, "percent"),
    Column("Bàn giao trong năm", 12),
]


def _ward_cells(plans) -> list[str]:
    """ "handed over/planned" per year, as the decision page's table per ward."""
    return [f"{p.handed_over}/{p.planned}" if p.planned else "" for p in plans]


def _share(percent) -> float | None:
    return float(percent) / 100 if percent is not None else None


@transaction.atomic
def export_houses(*, unit: Unit, user: Any, year: str = "", status: str = "") -> tuple[str, bytes]:
    """The houses list as the page filters it, names masked as the page masks them. The file
    is handed over, not kept; its making is audited and each name shown is logged."""
    found = houses_shown(unit, PeopleAccess(user), year, status)
    notes = [f"Năm {found.year}" if found.year else "Mọi năm"]
    if found.status in HouseStatus.values:
        notes.append(f"Tình trạng: {HouseStatus(found.status).label}")
    masked = sum(1 for _, person in found.rows if not person.visible)
    if masked:
        notes.append(f"{masked} hộ đã che họ tên (Nghị định 13/2023/NĐ-CP).")
    rows = []
    for house, person in found.rows:
        area_name, ward_name = places(house.household.unit)
        entry = house.list_entry
        rows.append(
            [
                person.name,
                f"QĐ {entry.decision.number}, năm {entry.scheduled_year}" if entry else "",
                area_name,
                ward_name,
                house.get_kind_display(),
                house.get_status_display(),
                house.cost,
                house.funded or 0,
                house.started_on,
                house.handed_over_on,
            ]
        )
    table = Table(
        name="Nhà Đại đoàn kết",
        title=f"NHÀ ĐẠI ĐOÀN KẾT — {unit.name.upper()}",
        notes=notes,
        columns=HOUSE_COLUMNS,
        rows=rows,
    )
    name = f"nha-dai-doan-ket-{unit.code}-{found.year or 'tat-ca'}.xlsx"
    shown = [house.household for house, person in found.rows if person.visible]
    record(
        actor=user,
        action="households.houses_export",
        target=unit,
        changes={"year": found.year, "rows": len(rows), "with_names": len(shown), "masked": masked},
    )
    log_export(user, unit, shown, masked, f"{name}: {len(rows)} nhà")
    return name, table_workbook(table)


def decisions_table(unit: Unit, rows: list[dict]) -> Table:
    return Table(
        name="Quyết định phê duyệt",
        title=f"QUYẾT ĐỊNH PHÊ DUYỆT DANH SÁCH HỘ ĐƯỢC HỖ TRỢ NHÀ Ở — {unit.name.upper()}",
        columns=[
            Column("Số quyết định", 16),
            Column("Ngày ký", 12),
            Column("Cơ quan ban hành", 24),
            Column("Trích yếu", 50),
            Column("Giai đoạn", 12),
            Column("Hộ trong danh sách", 14),
            Column("Đã bàn giao nhà", 14),
        ],
        rows=[_decision_row(row["decision"], row["planned"], row["handed_over"]) for row in rows],
    )


def _decision_row(d: ApprovalDecision, planned: int, handed_over: int) -> list:
    period = f"{d.first_year}–{d.last_year}"
    return [d.number, d.signed_on, d.issuer, d.title, period, planned, handed_over]


@transaction.atomic
def export_decision(
    *,
    unit: Unit,
    decision: ApprovalDecision,
    user: Any,
    plans: list,
    rows: list[dict],
    year: str,
    by_ward: list[dict],
) -> tuple[str, bytes]:
    """The decision's page as a workbook: its schedule, per ward for a city, its households."""
    heading = f"Quyết định số {decision.number} ngày {decision.signed_on:%d/%m/%Y}"
    tables = [
        Table(
            name="Tiến độ theo năm",
            title=f"TIẾN ĐỘ THỰC HIỆN — {unit.name.upper()}",
            notes=[heading, f"{decision.issuer}: {decision.title}"],
            columns=SCHEDULE_COLUMNS,
            rows=[
                [p.year, p.planned, p.started, p.handed_over, _share(p.percent), p.handed_in_year]
                for p in plans
            ],
        )
    ]
    if by_ward:
        tables.append(
            Table(
                name="Theo xã, phường",
                title="ĐÃ BÀN GIAO / KẾ HOẠCH THEO XÃ, PHƯỜNG",
                notes=[heading],
                columns=[Column("Xã, phường", 24), *[Column(str(p.year), 10) for p in plans]],
                rows=[[row["ward"].name, *_ward_cells(row["plans"])] for row in by_ward],
            )
        )
    masked = sum(1 for r in rows if not r["person"].visible)
    entries = []
    for r in rows:
        entry, house = r["entry"], r["house"]
        area_name, ward_name = places(entry.household.unit)
        entries.append(
            [
                r["person"].name,
                area_name,
                ward_name,
                entry.scheduled_year,
                entry.get_kind_display(),
                house.get_status_display() if house else "Chưa triển khai",
                house.handed_over_on if house else None,
            ]
        )
    tables.append(
        Table(
            name="Hộ trong danh sách",
            title=f"HỘ TRONG DANH SÁCH{f' NĂM {year}' if year else ''}",
            notes=[heading]
            + ([f"{masked} hộ đã che họ tên (Nghị định 13/2023/NĐ-CP)."] if masked else []),
            columns=[
                Column("Hộ", 26),
                Column("Khu dân cư", 16),
                Column("Xã, phường", 20),
                Column("Năm", 8, "plain"),
                Column("Hình thức", 14),
                Column("Nhà Đại đoàn kết", 18),
                Column("Bàn giao", 12),
            ],
            rows=entries,
        )
    )
    name = f"quyet-dinh-{decision.pk}-{unit.code}.xlsx"
    shown = [r["entry"].household for r in rows if r["person"].visible]
    record(
        actor=user,
        action="households.decision_export",
        target=decision,
        changes={"rows": len(rows), "with_names": len(shown), "masked": masked},
    )
    log_export(user, unit, shown, masked, f"{name}: {len(rows)} hộ")
    return name, table_workbook(*tables)

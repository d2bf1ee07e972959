"""The voice pages' tables as spreadsheets: a kind's records of a year with their follow-up
counts, and the year's month table. Records name committees, not citizens: nothing here is
personal (the petitions' own export masks citizens)."""

from mattran.core.xlsx import Column, Table
from mattran.voice.kinds import RecordKind
from mattran.voice.selectors import MONTH_COLUMNS

# kind: (its follow-up columns, a function giving their values for one annotated record)
FOLLOW_UP = {
    "supervisions": (
        ["Kiến nghị sau giám sát", "Được tiếp thu, thực hiện", "Chưa phản hồi"],
        lambda r: [r.rows, r.rows_done, r.rows_pending],
    ),
    "critiques": (
        ["Ý kiến phản biện", "Được tiếp thu", "Ngày tiếp thu, giải trình"],
        lambda r: [r.rows, r.rows_done, r.responded_on],
    ),
    "dialogues": (
        ["Ý kiến", "Cam kết", "Cam kết đã thực hiện", "Cam kết quá hạn"],
        lambda r: [r.issues_count, r.rows, r.rows_done, r.rows_overdue],
    ),
    "meetings": (
        ["Kiến nghị của cử tri", "Đã trả lời", "Quá hạn trả lời"],
        lambda r: [r.rows, r.rows_done, r.rows_overdue],
    ),
}


def _detail(kind: RecordKind, r) -> str:
    if kind.slug == "supervisions":
        return f"{r.get_kind_display()} · {r.subject}"
    if kind.slug == "dialogues":
        return f"{r.get_kind_display()} · với {r.participants}"
    if kind.slug == "meetings":
        return r.get_level_display() + (f" · {r.session}" if r.session else "")
    return r.drafting_body


def records_table(kind: RecordKind, unit, year: int, rows) -> Table:
    titles, counts = FOLLOW_UP[kind.slug]
    critique = kind.slug == "critiques"
    return Table(
        name=kind.plural,
        title=f"{kind.plural.upper()} NĂM {year} — {unit.name.upper()}",
        notes=[f"{unit.name} và các đơn vị trực thuộc"],
        columns=[
            Column("Ngày", 12),
            Column("Đơn vị", 24),
            Column("Dự thảo được phản biện" if critique else "Tên", 50),
            Column("Cơ quan chủ trì soạn thảo" if critique else "Chi tiết", 36),
            *[Column(title, 14) for title in titles],
            Column("Tính trong báo cáo tháng", 14),
        ],
        rows=[
            [
                r.day,
                r.unit.name,
                r.document_title if critique else r.title,
                _detail(kind, r),
                *counts(r),
                bool(r.activity_id),
            ]
            for r in rows
        ],
    )


def months_table(unit, year: int, months, held: dict) -> Table:
    return Table(
        name=f"Theo tháng {year}",
        title=f"GIÁM SÁT, PHẢN BIỆN, KIẾN NGHỊ CỦA NHÂN DÂN NĂM {year} — {unit.name.upper()}",
        notes=[f"{unit.name} và các đơn vị trực thuộc, theo tháng"],
        columns=[Column("Tháng", 16), *[Column(label, 14) for _, label in MONTH_COLUMNS]],
        rows=[
            *[
                [f"Tháng {row.month}/{year}", *[row.counts.get(k, 0) for k, _ in MONTH_COLUMNS]]
                for row in months
            ],
            [f"Cả năm {year}", *[held.get(k, 0) for k, _ in MONTH_COLUMNS]],
        ],
    )

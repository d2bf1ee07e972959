"""The voice pages' tables as spreadsheets: a kind's records of a year with their follow-up
counts, the year's month table, the surveys, and the rows of one record (recommendations,
comments, issues, commitments, petitions). Records name committees, not citizens; a
record's petitions come masked and logged by `privacy.reveal`, as on its page."""

from mattran.core.xlsx import Column, Table
from mattran.voice.kinds import ItemKind, RecordKind
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


def surveys_table(unit, rows) -> Table:
    return Table(
        name="Lấy ý kiến",
        title=f"LẤY Ý KIẾN SỰ HÀI LÒNG CỦA NGƯỜI DÂN — {unit.name.upper()}",
        notes=[f"{unit.name} và các đơn vị trực thuộc"],
        columns=[
            Column("Đợt lấy ý kiến", 50),
            Column("Lĩnh vực", 24),
            Column("Đơn vị", 24),
            Column("Từ ngày", 12),
            Column("Đến ngày", 12),
            Column("Câu hỏi", 10),
            Column("Phiếu", 10),
        ],
        rows=[
            [s.title, s.get_kind_display(), s.unit.name, s.starts_on, s.ends_on, s.asked, s.sheets]
            for s in rows
        ],
    )


def _petition_status(p) -> str:
    return p.status_label + (" (trả lời sau hạn)" if p.answered_late else "")


def _satisfied(p) -> str:
    return p.get_satisfied_display() if p.responded_on and p.satisfied != "unknown" else ""


def _commitment_status(r) -> str:
    return "Quá hạn" if r.overdue else r.get_status_display()


# item slug: its columns (after "TT") and a function giving one row's values, as the record
# page's table of those rows shows them (citizens already masked by `privacy.reveal`).
ITEM_COLUMNS = {
    "recommendations": (
        [
            Column("Kiến nghị", 60),
            Column("Gửi đến", 28),
            Column("Kết quả", 18),
            Column("Ngày phản hồi", 12),
            Column("Phản hồi", 50),
        ],
        lambda r: [r.text, r.addressed_to, r.get_status_display(), r.responded_on, r.response],
    ),
    "comments": (
        [Column("Ý kiến", 70), Column("Người góp ý", 28), Column("Tiếp thu", 18)],
        lambda r: [r.text, r.commenter, r.get_uptake_display()],
    ),
    "issues": (
        [Column("Ý kiến, vấn đề", 60), Column("Nêu bởi", 28), Column("Trả lời tại hội nghị", 50)],
        lambda r: [r.text, r.raised_by, r.answer],
    ),
    "commitments": (
        [
            Column("Cam kết", 50),
            Column("Người, cơ quan cam kết", 28),
            Column("Thời hạn", 12),
            Column("Tình hình", 16),
            Column("Ngày theo dõi", 12),
            Column("Kết quả theo dõi", 40),
        ],
        lambda r: [
            r.text,
            r.responsible,
            r.due_on,
            _commitment_status(r),
            r.checked_on,
            r.follow_up,
        ],
    ),
    "petitions": (
        [
            Column("Nội dung kiến nghị", 50),
            Column("Lĩnh vực", 16),
            Column("Cử tri", 20),
            Column("Liên hệ", 20),
            Column("Chuyển đến", 28),
            Column("Ngày chuyển", 12),
            Column("Hạn trả lời", 12),
            Column("Tình trạng", 18),
            Column("Ngày trả lời", 12),
            Column("Nội dung trả lời", 50),
            Column("Cử tri hài lòng", 14),
        ],
        lambda p: [
            p.content,
            p.get_field_display(),
            p.citizen_shown,
            p.contact_shown,
            p.forwarded_to,
            p.forwarded_on,
            p.deadline,
            _petition_status(p),
            p.responded_on,
            p.response,
            _satisfied(p),
        ],
    ),
}


def items_table(item: ItemKind, record, rows) -> Table:
    """One kind of row of a record (its recommendations, commitments, petitions…)."""
    columns, values = ITEM_COLUMNS[item.slug]
    notes = [record.title, f"{record.unit.name} · ngày {record.day:%d/%m/%Y}"]
    if item.personal:
        notes.append("Họ tên, liên hệ của cử tri chỉ hiện với cán bộ đơn vị ghi nhận kiến nghị")
    return Table(
        name=item.label[:1].upper() + item.label[1:],
        title=item.plural.upper(),
        notes=notes,
        columns=[Column("TT", 6, "plain"), *columns],
        rows=[[n, *values(r)] for n, r in enumerate(rows, start=1)],
    )

"""A movement's tables as spreadsheets: the ranking of a tier (as far as the acting unit may
see it), the criteria, the participants below, and one participant's scoring sheet."""

from mattran.core.xlsx import Column, Table
from mattran.emulation.sheets import Sheet
from mattran.emulation.templatetags.emulation_tags import unit_label


def ranking_table(movement, tier_label: str, rows, organiser_view: bool) -> Table:
    return Table(
        name="Xếp hạng",
        title=f"XẾP HẠNG — {movement.title.upper()}",
        notes=[
            f"Xếp hạng trong: {tier_label}",
            "Kết quả chính thức đã công bố"
            if movement.published_at
            else "Kết quả chưa công bố: tổng điểm gồm cả điểm chưa chấm chính thức",
        ],
        columns=[
            Column("Hạng", 8),
            Column("Đơn vị", 36),
            Column("Tình trạng", 24),
            Column("Tổng điểm", 12),
            Column("Điểm tối đa", 12),
            Column("Chấm chính thức", 14),
        ],
        rows=[
            [
                s.rank,
                unit_label(s.unit),
                s.participation.status_label if organiser_view else "Đã chấm chính thức",
                s.total,
                s.maximum,
                s.official,
            ]
            for s in rows
        ],
    )


def criteria_table(movement, criteria) -> Table:
    rows = []
    for c in criteria:
        if c.computed:
            how = "Tính từ số liệu"
            how += f" chỉ tiêu {c.indicator.code}" if c.indicator else ""
            how += f" (mỗi đơn vị: {c.target})" if c.target else ""
        else:
            how = "Đơn vị tự chấm, Ban Thường trực chấm lại"
        applies = c.get_applies_to_display() if c.applies_to else "Mọi đơn vị"
        rows.append([c.number, c.text, c.evidence, applies, how, c.max_score])
    return Table(
        name="Tiêu chí",
        title=f"TIÊU CHÍ CHẤM ĐIỂM — {movement.title.upper()}",
        columns=[
            Column("TT", 6, "plain"),
            Column("Tiêu chí", 60),
            Column("Minh chứng cần có", 36),
            Column("Áp dụng cho", 18),
            Column("Cách chấm", 36),
            Column("Điểm tối đa", 12),
        ],
        rows=rows,
    )


def below_table(unit, below) -> Table:
    return Table(
        name="Đơn vị trực thuộc",
        title=f"ĐƠN VỊ TRỰC THUỘC {unit.name.upper()} THAM GIA",
        columns=[
            Column("Đơn vị", 36),
            Column("Tình trạng", 24),
            Column("Tổng điểm", 12),
            Column("Điểm tối đa", 12),
        ],
        rows=[[s.unit.name, s.participation.status_label, s.total, s.maximum] for s in below],
    )


def sheet_table(movement, sheet: Sheet) -> Table:
    participation = sheet.participation
    official = participation.reviewed_at is not None
    rows = []
    for row, own in zip(sheet.rows, sheet.values("self"), strict=True):
        score = row.score
        explanation = row.computed.explanation if row.computed else ""
        if not explanation and score and row.criterion.computed:
            explanation = score.explanation
        rows.append(
            [
                row.criterion.number,
                row.criterion.text,
                row.criterion.max_score,
                own,
                score.self_note if score else "",
                explanation,
                score.evidence_link if score else "",
                score.evidence_name if score else "",
                score.final_score if official and score else None,
                score.review_note if official and score else "",
            ]
        )
    rows.append(
        [
            None,
            "Tổng điểm",
            sheet.maximum,
            sheet.self_total,
            "",
            sheet.self_formula,
            "",
            "",
            sheet.final_total if official else None,
            sheet.final_formula if official else "",
        ]
    )
    return Table(
        name="Bảng chấm điểm",
        title=f"BẢNG CHẤM ĐIỂM — {participation.unit.name.upper()}",
        notes=[movement.title, f"Tình trạng: {participation.status_label}"],
        columns=[
            Column("TT", 6, "plain"),
            Column("Tiêu chí", 50),
            Column("Điểm tối đa", 10),
            Column("Tự chấm", 10),
            Column("Thuyết minh", 40),
            Column("Cách tính từ số liệu", 40),
            Column("Đường dẫn minh chứng", 30),
            Column("Tệp minh chứng", 20),
            Column("Điểm chính thức", 12),
            Column("Nhận xét", 30),
        ],
        rows=rows,
    )


def organised_table(unit, organised) -> Table:
    """The movements `unit` organises or oversees, as its movements page lists them."""
    return Table(
        name="Phong trào tổ chức",
        title=f"PHONG TRÀO THI ĐUA DO {unit.name.upper()} TỔ CHỨC, THEO DÕI",
        notes=[f"{unit.name} và các đơn vị trực thuộc tổ chức"],
        columns=[
            Column("Phong trào", 50),
            Column("Đơn vị tổ chức", 28),
            Column("Từ ngày", 12),
            Column("Đến ngày", 12),
            Column("Hạn tự chấm", 12),
            Column("Đơn vị tham gia", 12),
            Column("Đã nộp tự chấm", 12),
            Column("Đã chấm chính thức", 12),
            Column("Tình trạng", 20),
        ],
        rows=[
            [
                row["movement"].title,
                row["movement"].organiser.name,
                row["movement"].starts_on,
                row["movement"].ends_on,
                row["movement"].self_due_on,
                row["participants"],
                row["submitted"],
                row["reviewed"],
                row["stage"][0],
            ]
            for row in organised
        ],
    )


def taking_part_table(unit, taking_part) -> Table:
    """The movements `unit` takes part in: its status, its total and, once the results are
    published, its rank."""
    rows = []
    for row in taking_part:
        movement, participation, standing = row["movement"], row["participation"], row["standing"]
        scored = standing is not None and standing.total is not None
        reopened = participation.reopened_until if not participation.submitted_at else None
        rows.append(
            [
                movement.title,
                movement.organiser.name,
                movement.self_due_on,
                reopened,
                participation.status_label,
                standing.total if scored else None,
                standing.maximum if scored else None,
                standing.official if scored else None,
                standing.rank if movement.published_at and scored else None,
            ]
        )
    return Table(
        name="Phong trào tham gia",
        title=f"PHONG TRÀO THI ĐUA {unit.name.upper()} THAM GIA",
        notes=["Xếp hạng chỉ có khi đơn vị tổ chức đã công bố kết quả"],
        columns=[
            Column("Phong trào", 50),
            Column("Đơn vị tổ chức", 28),
            Column("Hạn tự chấm", 12),
            Column("Mở lại đến", 12),
            Column("Tình trạng", 22),
            Column("Tổng điểm", 10),
            Column("Điểm tối đa", 10),
            Column("Chấm chính thức", 12),
            Column("Xếp hạng", 10),
        ],
        rows=rows,
    )

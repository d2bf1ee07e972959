"""The plan pages' tables as spreadsheets: a unit's plans, and tasks with their status (a
plan's, as its detail page filters them, or a unit's own)."""

from mattran.core.xlsx import Column, Table

STATE_COLUMNS = [
    Column("Đơn vị thực hiện", 24),
    Column("Kế hoạch", 36),
    Column("Nhiệm vụ", 60),
    Column("Chỉ tiêu", 28),
    Column("Thời hạn", 12),
    Column("Kết quả", 12),
    Column("Chỉ tiêu (số)", 12),
    Column("Tỷ lệ", 10, "percent"),
    Column("Báo cáo gần nhất", 14),
    Column("Trạng thái", 16),
]


def state_rows(states) -> list[list]:
    rows = []
    for s in states:
        task = s.assignment.task
        rows.append(
            [
                s.assignment.unit.name,
                task.plan.title,
                task.text,
                "; ".join(task.targets or []),
                task.due_on,
                s.achieved,
                s.target,
                s.percent / 100 if s.percent is not None else None,
                s.latest.reported_on if s.latest else None,
                s.status_label,
            ]
        )
    return rows


def tasks_table(unit, states) -> Table:
    return Table(
        name="Nhiệm vụ",
        title=f"NHIỆM VỤ CỦA {unit.name.upper()}",
        columns=STATE_COLUMNS,
        rows=state_rows(states),
    )


def plan_table(plan, states, filters: list[str]) -> Table:
    issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    number = f" số {plan.number}" if plan.number else ""
    return Table(
        name="Nhiệm vụ kế hoạch",
        title=plan.title.upper(),
        notes=[f"{plan.get_kind_display()}{number}{issued} của {plan.unit.name}", *filters],
        columns=STATE_COLUMNS,
        rows=state_rows(states),
    )


def plans_table(unit, plans) -> Table:
    return Table(
        name="Kế hoạch",
        title=f"KẾ HOẠCH, CUỘC VẬN ĐỘNG — {unit.name.upper()}",
        columns=[
            Column("Kế hoạch", 60),
            Column("Loại", 18),
            Column("Số, ký hiệu", 18),
            Column("Ngày ban hành", 14),
            Column("Năm", 8, "plain"),
            Column("Đơn vị ban hành", 28),
        ],
        rows=[
            [p.title, p.get_kind_display(), p.number, p.issued_on, p.year, p.unit.name]
            for p in plans
        ],
    )

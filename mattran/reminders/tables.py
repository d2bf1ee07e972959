"""The reminders page as a spreadsheet: its three lists in one table, each row saying which
list it is in."""

from mattran.core.xlsx import Column, Table
from mattran.reminders.collectors import AHEAD_DAYS, BEHIND_DAYS


def reminders_table(unit, today, lists) -> Table:
    groups = [
        ("Quá hạn", lists.overdue),
        ("Sắp đến hạn", lists.upcoming),
        ("Đơn vị cấp dưới quá hạn", lists.below),
    ]
    return Table(
        name="Nhắc việc",
        title=f"NHẮC VIỆC — {unit.name.upper()}" if unit else "NHẮC VIỆC",
        notes=[
            f"Việc sắp đến hạn trong {AHEAD_DAYS} ngày và việc đã quá hạn "
            f"(trong {BEHIND_DAYS} ngày), tính đến ngày {today:%d/%m/%Y}"
        ],
        columns=[Column("Loại", 24), Column("Hạn", 12), Column("Việc", 80)],
        rows=[[label, e.due_on, e.text] for label, events in groups for e in events],
    )

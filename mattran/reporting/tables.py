"""The report pages' tables as spreadsheets: a unit's reports of a year, and who below has
reported for a period."""

from mattran.core.xlsx import Column, Table
from mattran.programmes.models import Programme
from mattran.reporting.models import Period
from mattran.reporting.workflow import Completeness, deadline_for
from mattran.units.models import Unit


def reports_table(programme: Programme, unit: Unit, year: int, reports: list) -> Table:
    rows = []
    for spec, submission in reports:
        rows.append(
            [
                spec.label[:1].upper() + spec.label[1:],
                submission.get_status_display() if submission else "Chưa nộp",
                deadline_for(unit, spec),
                submission.submitted_at if submission else None,
                submission.decided_at if submission else None,
                submission.return_reason if submission else "",
            ]
        )
    return Table(
        name=f"Báo cáo {year}",
        title=f"BÁO CÁO CỦA {unit.name.upper()} NĂM {year}",
        notes=[programme.title],
        columns=[
            Column("Kỳ báo cáo", 18),
            Column("Trạng thái", 20),
            Column("Hạn nộp", 12),
            Column("Nộp lúc", 17),
            Column("Duyệt, trả lại lúc", 17),
            Column("Lý do trả lại", 50),
        ],
        rows=rows,
    )


def completeness_table(unit: Unit, period: Period, result: Completeness) -> Table:
    return Table(
        name="Tình hình nộp báo cáo",
        title=f"TÌNH HÌNH NỘP BÁO CÁO {str(period).upper()} — {unit.name.upper()}",
        notes=[result.summary],
        columns=[
            Column("Đơn vị", 30),
            Column("Trạng thái", 20),
            Column("Hạn nộp", 12),
            Column("Nộp lần đầu", 17),
            Column("Đúng hạn?", 20),
        ],
        rows=[
            [
                row.unit.name,
                row.status_label,
                row.deadline,
                row.submission.first_submitted_at if row.submission else None,
                row.state_label,
            ]
            for row in result.rows
        ],
    )

"""The imports page's table of recent imports and its spreadsheet (the page and its
download read the same imports here)."""

from django.db.models import QuerySet

from mattran.core.xlsx import Column, Table
from mattran.imports.models import ImportJob

RECENT_JOBS = 10


def recent_jobs(unit) -> QuerySet[ImportJob]:
    return unit.import_jobs.only("filename", "status", "created_at", "saved_as")[:RECENT_JOBS]


def jobs_table(unit, jobs) -> Table:
    return Table(
        name="Lượt nhập",
        title=f"LƯỢT NHẬP VĂN BẢN GẦN ĐÂY — {unit.name.upper()}",
        notes=[f"{RECENT_JOBS} lượt nhập gần nhất"],
        columns=[
            Column("Tệp", 44),
            Column("Ngày", 18),
            Column("Trạng thái", 18),
            Column("Đã lưu thành", 50),
        ],
        rows=[[j.filename, j.created_at, j.get_status_display(), j.saved_as] for j in jobs],
    )

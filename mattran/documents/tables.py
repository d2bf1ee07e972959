"""The documents page's tables and their spreadsheet: the reports a unit has prepared and
the files it exported lately (the page and its download read them here)."""

from django.db.models import QuerySet

from mattran.core.xlsx import Column, Table
from mattran.documents.models import GeneratedFile, Report

RECENT_FILES = 20


def reports_of(unit) -> QuerySet[Report]:
    return unit.reports.all()


def recent_files(unit) -> QuerySet[GeneratedFile]:
    return (GeneratedFile.objects.filter(unit=unit).defer("data").select_related("created_by"))[
        :RECENT_FILES
    ]


def reports_table(unit, reports) -> Table:
    return Table(
        name="Báo cáo đã lập",
        title=f"BÁO CÁO ĐÃ LẬP — {unit.name.upper()}",
        columns=[Column("Báo cáo", 30), Column("Kỳ", 12), Column("Tổng hợp số liệu lúc", 18)],
        rows=[[r.get_kind_display(), r.period, r.generated_at] for r in reports],
    )


def files_table(unit, files) -> Table:
    return Table(
        name="Tệp đã xuất",
        title=f"TỆP ĐÃ XUẤT — {unit.name.upper()}",
        notes=[f"{RECENT_FILES} tệp xuất gần nhất"],
        columns=[Column("Tệp", 44), Column("Người tạo", 20), Column("Lúc", 18)],
        rows=[
            [f.name, f.created_by.username if f.created_by else "hệ thống", f.created_at]
            for f in files
        ],
    )

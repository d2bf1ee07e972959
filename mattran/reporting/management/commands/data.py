"""`mattran data import FILE` and `mattran data export --unit CODE FILE`: data values in bulk."""

import csv
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from mattran.core.numbers import format_number
from mattran.programmes.models import Programme
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_export import write_csv
from mattran.reporting.bulk_read import BulkFormatError, guess_format, read_rows
from mattran.units.models import Unit


class Command(BaseCommand):
    help = (
        "Nhập số liệu hàng loạt từ tệp JSON/CSV (tất cả hoặc không dòng nào), hoặc xuất số "
        "liệu của một đơn vị và các đơn vị trực thuộc ra CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "export"])
        parser.add_argument("file", help="tệp JSON/CSV để nhập, hoặc tệp CSV ghi ra")
        parser.add_argument("--format", choices=["json", "csv"], help="mặc định: theo đuôi tệp")
        parser.add_argument("--user", help="nhập với quyền của người dùng này (tên đăng nhập)")
        parser.add_argument("--programme", type=int, help="số của chương trình (nếu cần)")
        parser.add_argument("--report", help="ghi danh sách dòng bị từ chối ra tệp CSV này")
        parser.add_argument("--unit", help="xuất: mã đơn vị")
        parser.add_argument("--year", type=int, help="xuất: chỉ năm này")

    def handle(self, *args, **o):
        if o["action"] == "export":
            return self._export(o)
        path = Path(o["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{path}”.")
        actor = None
        if o["user"]:
            actor = get_user_model().objects.filter(username=o["user"]).first()
            if actor is None:
                raise CommandError(f"Không có người dùng “{o['user']}”.")
        programme = None
        if o["programme"]:
            programme = Programme.objects.filter(pk=o["programme"]).first()
            if programme is None:
                raise CommandError(f"Không có chương trình số {o['programme']}.")
        content = path.read_bytes()
        try:
            rows = read_rows(content, o["format"] or guess_format(path.name))
        except BulkFormatError as exc:
            raise CommandError(str(exc)) from exc
        result = import_values(
            rows, actor=actor, programme=programme, source=path.name, content=content
        )
        for rejection in result.rejected:
            self.stderr.write(
                f"Dòng {rejection.line} ({rejection.unit}, {rejection.indicator}, "
                f"{rejection.period}) [{rejection.code}]: {rejection.message}"
            )
        if o["report"] and result.rejected:
            with open(o["report"], "w", newline="", encoding="utf-8-sig") as out:
                writer = csv.writer(out)
                writer.writerow(["Dòng", "Mã đơn vị", "Mã chỉ tiêu", "Kỳ", "Mã lỗi", "Lý do"])
                for r in result.rejected:
                    writer.writerow([r.line, r.unit, r.indicator, r.period, r.code, r.message])
        if result.rejected:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())

    def _export(self, o):
        unit = Unit.objects.filter(code=o["unit"] or "").first()
        if unit is None:
            raise CommandError("Cần --unit với mã một đơn vị có trong hệ thống.")
        with open(o["file"], "w", newline="", encoding="utf-8") as out:
            count = write_csv(out, unit, year=o["year"])
        self.stdout.write(f"Đã ghi {format_number(count)} số liệu của {unit.name} vào {o['file']}.")

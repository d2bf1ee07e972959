from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from mattran.core.dates import format_date
from mattran.people.feeding import refresh_all


class Command(BaseCommand):
    help = (
        "Danh sách cán bộ Mặt trận. “refresh”: tính lại các chỉ tiêu bồi dưỡng cán bộ "
        "(V.1, V.2) từ danh sách chức vụ và các lớp bồi dưỡng."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["refresh"], help="refresh: tính lại chỉ tiêu.")
        parser.add_argument(
            "--through",
            help="Tính đến ngày (dd/mm/yyyy); mặc định là hôm nay.",
        )

    def handle(self, *args, action: str, through: str | None, **options):
        day = None
        if through:
            try:
                day = datetime.strptime(through, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(
                    f"Ngày “{through}” không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ "
                    "31/08/2024."
                ) from exc
        results = refresh_all(through=day)
        if not results:
            self.stdout.write("Chưa có chỉ tiêu nào được tính từ danh sách cán bộ.")
            return
        until = f" đến ngày {format_date(day)}" if day else ""
        for name, result in results.items():
            line = (
                f"{name}: {result.written} số liệu được cập nhật, {result.cleared} số liệu "
                f"được xóa{until}."
            )
            self.stdout.write(line)
            if result.locked:
                self.stdout.write(
                    "  Kỳ đã nộp hoặc đã duyệt, giữ nguyên: " + "; ".join(result.locked)
                )

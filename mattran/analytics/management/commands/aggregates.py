import time

from django.core.management.base import BaseCommand, CommandError

from mattran.analytics import aggregates
from mattran.core.numbers import format_number
from mattran.programmes.models import Programme


class Command(BaseCommand):
    help = (
        "Dựng lại các bảng tổng hợp theo năm đã cũ (sau khi có số liệu mới) để trang tiến độ "
        "của tỉnh và Trung ương mở nhanh. Chạy định kỳ vài phút một lần vào dịp hạn báo cáo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, help="Mã số (id) của chương trình.")
        parser.add_argument("--year", type=int, action="append", help="Năm (có thể lặp lại).")

    def handle(self, *args, programme: int | None = None, year: list[int] | None = None, **_):
        programmes = Programme.objects.select_related("unit").order_by("pk")
        if programme is not None:
            programmes = programmes.filter(pk=programme)
            if not programmes.exists():
                raise CommandError(f"Không có chương trình số {programme}.")
        for item in programmes:
            years = [y for y in (year or item.years) if y in item.years]
            if year and not years:
                self.stdout.write(f"{item.number or item.title}: không có năm nào trong nhiệm kỳ.")
                continue
            started = time.perf_counter()
            rebuilt = aggregates.refresh(item, years)
            seconds = format_number(time.perf_counter() - started, 1)
            name = item.number or item.title
            self.stdout.write(f"{name}: dựng lại {rebuilt} chỉ tiêu-năm trong {seconds} giây.")

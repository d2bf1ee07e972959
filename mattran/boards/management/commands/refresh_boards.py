from django.core.management.base import BaseCommand, CommandError

from mattran.boards.feeding import refresh_all
from mattran.programmes.models import Programme


class Command(BaseCommand):
    help = (
        "Tính lại các chỉ tiêu lấy từ xếp loại, vụ việc của Ban Thanh tra Nhân dân và công "
        "trình của Ban Giám sát đầu tư của cộng đồng (chạy sau khi sắp xếp đơn vị, hoặc hằng "
        "đêm). Các kỳ báo cáo đã khóa được giữ nguyên và liệt kê."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, help="Mã số (id) của chương trình.")

    def handle(self, *args, programme: int | None = None, **options):
        programmes = Programme.objects.filter(indicators__board_link__isnull=False).distinct()
        if programme is not None:
            programmes = programmes.filter(pk=programme)
            if not programmes.exists():
                raise CommandError(
                    f"Không có chương trình số {programme} có chỉ tiêu tính từ xếp loại, các ban."
                )
        for item in programmes:
            result = refresh_all(item)
            self.stdout.write(f"{item.number or item.title}: ghi {result.written} số liệu.")
            if result.locked:
                self.stdout.write(
                    f"Giữ nguyên {len(result.locked)} số liệu của kỳ đã khóa: "
                    + "; ".join(result.locked)
                )

"""`mattran export --unit tamky FILE`: everything of a committee in one archive."""

from django.core.management.base import BaseCommand, CommandError

from mattran.accounts.models import User
from mattran.archive.errors import ArchiveError
from mattran.archive.services import export_unit
from mattran.core.numbers import format_number
from mattran.units.models import Unit


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{format_number(size / (1024 * 1024), 1)} MB"
    return f"{format_number(max(1, round(size / 1024)))} KB"


class Command(BaseCommand):
    help = (
        "Ghi toàn bộ dữ liệu của một đơn vị và các đơn vị trực thuộc (đơn vị, chương trình, "
        "số liệu, hoạt động, kế hoạch, văn bản…) vào một tệp lưu trữ (.zip)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp lưu trữ sẽ ghi, ví dụ tamky.zip")
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ tamky")
        parser.add_argument(
            "--include-personal-data",
            action="store_true",
            help="ghi cả dữ liệu cá nhân (hộ gia đình, họ tên và liên hệ của cử tri, người "
            "nhận hỗ trợ): cần cho một bản sao lưu đầy đủ; tệp phải được bảo quản như hồ sơ mật",
        )
        parser.add_argument(
            "--no-files",
            action="store_true",
            help="không ghi tệp đính kèm (ảnh nhà, minh chứng, văn bản đã xuất), chỉ thông tin "
            "về tệp",
        )
        parser.add_argument("--user", help="tên đăng nhập của người xuất, ghi vào nhật ký")

    def handle(self, *args, **options):
        unit = Unit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        actor = None
        if options["user"]:
            actor = User.objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"Không có người dùng “{options['user']}”.")
        try:
            summary = export_unit(
                unit,
                options["file"],
                include_files=not options["no_files"],
                include_personal_data=options["include_personal_data"],
                actor=actor,
            )
        except ArchiveError as exc:
            raise CommandError(exc.message) from exc
        write = self.stdout.write
        write(
            f"Đã ghi bản lưu trữ {summary.path} ({format_size(summary.size)}) của "
            f"{unit.name} ({unit.code}):"
        )
        for count in summary.counts:
            extra = f" (trong đó {format_number(count.references)} tham chiếu)"
            write(
                f"  {count.label}: {format_number(count.rows)}{extra if count.references else ''}"
            )
        write(f"Tổng cộng: {format_number(summary.total)} bản ghi.")
        if summary.include_files and summary.files:
            write(
                f"Tệp đính kèm: {format_number(summary.files)} tệp "
                f"({format_size(summary.file_bytes)})."
            )
        elif summary.include_files:
            write("Không có tệp đính kèm.")
        else:
            write("Không ghi tệp đính kèm (chỉ ghi tên và dung lượng tệp).")
        if summary.personal_data:
            write(
                "Bản lưu trữ có dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): hãy bảo quản như hồ "
                "sơ mật và chỉ chuyển cho người có thẩm quyền."
            )
        else:
            write(
                "Không có dữ liệu cá nhân: đã bỏ " + ", ".join(summary.omitted) + "; họ tên, "
                "liên hệ của cử tri và người nhận hỗ trợ để trống. Thêm --include-personal-data "
                "để có bản sao lưu đầy đủ."
            )

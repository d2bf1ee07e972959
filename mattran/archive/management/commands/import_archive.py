"""`mattran import-archive FILE`: load an archive written by `mattran export`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mattran.accounts.models import User
from mattran.archive.errors import ArchiveError
from mattran.archive.services import import_archive
from mattran.core.numbers import format_number


class Command(BaseCommand):
    help = (
        "Nhập một bản lưu trữ do `mattran export` ghi vào cơ sở dữ liệu (thường là cơ sở dữ "
        "liệu mới, trống): nhập toàn bộ hoặc không nhập gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp lưu trữ (.zip)")
        parser.add_argument("--user", help="tên đăng nhập của người nhập, ghi vào nhật ký")

    def handle(self, *args, **options):
        actor = None
        if options["user"]:
            actor = User.objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"Không có người dùng “{options['user']}”.")
        try:
            summary = import_archive(options["file"], actor=actor)
        except ArchiveError as exc:
            raise CommandError(exc.message) from exc
        write = self.stdout.write
        made = ""
        if summary.created_at:
            made = timezone.localtime(summary.created_at).strftime("%d/%m/%Y %H:%M")
        write(
            f"Đã nhập bản lưu trữ của {summary.root.name} ({summary.root.code})"
            + (f", ghi lúc {made}" if made else "")
            + ":"
        )
        for count in summary.counts:
            if count.rows:
                write(f"  {count.label}: {format_number(count.rows)}")
        write(f"Tổng cộng: {format_number(summary.total)} bản ghi.")
        if summary.skipped:
            write(
                f"{format_number(summary.skipped)} bản ghi tham chiếu (đơn vị cấp trên, chương "
                "trình, danh mục) đã có sẵn, giống hệt, nên giữ nguyên."
            )
        if summary.include_files:
            write(f"Tệp đính kèm: {format_number(summary.files)} tệp đã khôi phục.")
        else:
            write("Bản lưu trữ không có tệp đính kèm: các tệp được khôi phục rỗng.")
        if not summary.personal_data:
            write("Bản lưu trữ không có dữ liệu cá nhân (hộ gia đình, họ tên cử tri).")

"""`mattran remind`: run periodically (e.g. every morning by cron) to remind people of what
falls due; never twice for the same event."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from mattran.reminders.services import remind


class Command(BaseCommand):
    help = "Nhắc việc sắp đến hạn và quá hạn (trong ứng dụng và qua thư điện tử)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="ngày tính hạn, dạng 2024-09-10 (mặc định: hôm nay)")
        parser.add_argument("--days", type=int, default=7, help="nhắc trước bao nhiêu ngày")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"Ngày “{options['today']}” không hợp lệ (2024-09-10).") from exc
        counts = remind(today, ahead=options["days"])
        self.stdout.write(
            f"{counts['events']} việc cần nhắc; {counts['reminders']} lời nhắc mới; "
            f"{counts['emails']} thư đã gửi."
        )

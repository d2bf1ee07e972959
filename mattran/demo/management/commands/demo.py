from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mattran.accounts.models import Role, User
from mattran.audit.models import AuditEntry
from mattran.demo import loader, tamky, values
from mattran.programmes.models import Indicator, Programme
from mattran.reporting.models import DataValue, Period
from mattran.units.models import Unit, UnitSuccession

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "mattran2024"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu Tam Kỳ: đơn vị, chương trình hành động 2024-2029 và số liệu 2024."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xóa toàn bộ đơn vị, chương trình, số liệu và nhật ký rồi nạp lại dữ liệu mẫu.",
        )
        parser.add_argument(
            "--through",
            type=int,
            choices=[2024, 2025],
            default=2024,
            help="2024: số liệu tháng 1-8/2024. 2025: thêm sắp xếp đơn vị 01/7/2025 và số "
            "liệu đến hết năm 2025.",
        )

    def handle(self, *args, reset: bool, through: int, **options):
        exists = Unit.objects.filter(code=tamky.CITY["code"]).exists()
        merged = Unit.objects.filter(code=tamky.NEW_PROVINCE["code"]).exists()
        if exists and not reset:
            if through == 2025 and not merged:
                raise CommandError(
                    "Dữ liệu mẫu đã có nhưng chưa có sắp xếp năm 2025: chạy lại với --reset "
                    "--through 2025."
                )
            self.stdout.write("Dữ liệu mẫu đã có sẵn (dùng --reset để nạp lại).")
            self.print_login()
            return
        with transaction.atomic():
            if exists or reset:
                self.clear()
            count = self.load(through)
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu Tam Kỳ: {count} số liệu."))
        self.print_login()

    def load(self, through: int) -> int:
        city = loader.load_units()
        programme = loader.load_programme(city)
        if through == 2024:
            return values.generate(programme, date(2024, 1, 1), date(2024, 8, 31))
        count = values.generate(programme, date(2024, 1, 1), date(2024, 12, 31))
        loader.apply_2025_merge()
        count += values.generate(programme, date(2025, 1, 1), date(2025, 12, 31))
        return count

    def clear(self) -> None:
        DataValue.objects.all().delete()
        Period.objects.all().delete()
        Indicator.objects.all().delete()
        Programme.objects.all().delete()
        User.objects.filter(unit__isnull=False).update(unit=None)
        UnitSuccession.objects.all().delete()
        for unit in Unit.objects.order_by("-depth"):
            unit.delete()
        AuditEntry.objects.all().delete()

    def print_login(self) -> None:
        city = Unit.objects.get(code=tamky.CITY["code"])
        user, created = User.objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "role": Role.SYSTEM_ADMIN},
        )
        if created or user.unit_id is None:
            user.unit = city
            user.set_password(ADMIN_PASSWORD)
            user.save()
        self.stdout.write(
            f"Đăng nhập: http://127.0.0.1:8000/admin/ — tài khoản “{ADMIN_USERNAME}”, "
            f"mật khẩu “{ADMIN_PASSWORD}”."
        )

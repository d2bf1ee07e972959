from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mattran.accounts.models import User
from mattran.activities.models import Activity, ActivityType
from mattran.audit.models import AuditEntry
from mattran.boards import demo as boards_demo
from mattran.demo import (
    campaign,
    emulation,
    funds,
    households,
    loader,
    people,
    tamky,
    values,
    voice,
    work,
)
from mattran.documents.models import DocumentStyle, GeneratedFile, Report
from mattran.imports.models import ImportJob
from mattran.people import demo as front_people
from mattran.plans.models import Plan
from mattran.programmes.models import Indicator, Programme
from mattran.reminders.models import Reminder
from mattran.reporting.models import (
    DataValue,
    Period,
    ReportingSchedule,
    Submission,
    SubmissionEvent,
)
from mattran.units.models import Unit, UnitSuccession


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu Tam Kỳ: đơn vị, chương trình hành động 2024-2029 và số liệu 2024."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xóa toàn bộ đơn vị, chương trình, số liệu, tài khoản gắn đơn vị và nhật ký "
            "rồi nạp lại dữ liệu mẫu.",
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
        people.create_users(city)
        people.create_activity_types(programme)
        last = date(2024, 8, 31) if through == 2024 else date(2024, 12, 31)
        front_people.create_people(city, programme, through=last)
        count = values.generate(programme, date(2024, 1, 1), last)
        people.create_submissions(programme, city, last)
        if through == 2025:
            loader.apply_2025_merge()
            count += values.generate(programme, date(2025, 1, 1), date(2025, 12, 31))
            front_people.refresh_figures(programme, through=date(2025, 12, 31))
        people.create_activities(programme)
        work.create_work(city, last)
        work.create_plan(city)
        campaign.create_campaign_plan(city)
        emulation.create_movement(city, programme)
        households.create_households(city, programme)
        funds.create_funds(city, programme)
        voice.create_voice(city, programme)
        boards_demo.create_boards(city, programme, last if through == 2024 else date(2025, 12, 31))
        return count

    def clear(self) -> None:
        voice.clear_voice()
        GeneratedFile.objects.all().delete()
        Report.objects.all().delete()
        DocumentStyle.objects.all().delete()
        ImportJob.objects.all().delete()
        Reminder.objects.all().delete()
        Plan.objects.all().delete()
        Activity.objects.all().delete()
        ActivityType.objects.all().delete()
        SubmissionEvent.objects.all().delete()
        Submission.objects.all().delete()
        ReportingSchedule.objects.all().delete()
        DataValue.objects.all().delete()
        Period.objects.all().delete()
        Indicator.objects.all().delete()
        Programme.objects.all().delete()
        User.objects.filter(unit__isnull=False).delete()
        UnitSuccession.objects.all().delete()
        for unit in Unit.objects.order_by("-depth"):
            unit.delete()
        AuditEntry.objects.all().delete()

    def print_login(self) -> None:
        self.stdout.write(
            "Mở http://127.0.0.1:8000/ và đăng nhập (mật khẩu của mọi tài khoản mẫu: "
            f"“{people.PASSWORD}”):\n"
            "  tamky.admin  — Ban Thường trực thành phố (duyệt báo cáo)\n"
            "  anmy.clerk   — cán bộ nhập liệu phường An Mỹ (tương tự cho các xã, phường khác)\n"
            "  admin        — quản trị hệ thống\n"
            "Danh sách đầy đủ trong README.md."
        )

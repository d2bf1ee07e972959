"""Demo accounts, activity types, activities and report submissions for Tam Kỳ."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.activities.models import Activity, ActivityType
from mattran.core.periods import PeriodSpec
from mattran.programmes.models import Indicator, Programme
from mattran.reporting.models import (
    DataValue,
    Period,
    ReportingSchedule,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from mattran.reporting.workflow import deadline_for
from mattran.units.models import Tier, Unit

PASSWORD = "mattran2024"
ROLES = [
    ("admin", Role.UNIT_ADMIN, "Quản trị"),
    ("clerk", Role.DATA_CLERK, "Cán bộ nhập liệu"),
    ("viewer", Role.VIEWER, "Người xem"),
]

# code, name, indicators fed, part of the monthly report, how the report writes it
ACTIVITY_TYPES = [
    (
        "supervision",
        "Giám sát chuyên đề",
        ["III.1", "III.3"],
        "party_building",
        "tổ chức giám sát chuyên đề",
    ),
    (
        "critique",
        "Hội nghị phản biện xã hội",
        ["III.2", "III.4"],
        "party_building",
        "tổ chức Hội nghị phản biện xã hội",
    ),
    (
        "forum",
        "Diễn đàn Nhân dân",
        ["III.5", "III.7"],
        "party_building",
        "tổ chức Diễn đàn lắng nghe ý kiến Nhân dân",
    ),
    (
        "dialogue",
        "Đối thoại trực tiếp",
        ["III.6", "III.8"],
        "party_building",
        "tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
    ),
    (
        "voter_meeting",
        "Tiếp xúc cử tri",
        [],
        "party_building",
        "phối hợp tổ chức Hội nghị tiếp xúc cử tri",
    ),
    ("model_launch", "Ra mắt mô hình", [], "propaganda", "ra mắt mô hình"),
    (
        "event",
        "Sự kiện, kỷ niệm, văn hóa - văn nghệ",
        [],
        "propaganda",
        "tổ chức các hoạt động văn hóa - văn nghệ, kỷ niệm",
    ),
    (
        "conference",
        "Hội nghị, tọa đàm",
        [],
        "front_system",
        "tổ chức hội nghị, tọa đàm nâng cao chất lượng hoạt động Mặt trận",
    ),
    (
        "training",
        "Tập huấn, bồi dưỡng",
        [],
        "front_system",
        "tổ chức tập huấn công tác Mặt trận cho cán bộ",
    ),
    (
        "emulation",
        "Thi đua, khen thưởng",
        [],
        "front_system",
        "tổ chức sơ kết, tổng kết, khen thưởng phong trào thi đua",
    ),
    (
        "house_handover",
        "Bàn giao nhà Đại đoàn kết",
        [],
        "campaigns",
        "bàn giao nhà Đại đoàn kết cho hộ nghèo, hộ cận nghèo",
    ),
    (
        "fund_support",
        "Hỗ trợ từ Quỹ “Vì người nghèo”",
        [],
        "campaigns",
        "hỗ trợ hộ nghèo, hộ khó khăn từ Quỹ “Vì người nghèo”",
    ),
    (
        "work_item",
        "Công trình, phần việc",
        [],
        "campaigns",
        "thực hiện công trình, phần việc chào mừng Đại hội MTTQ Việt Nam các cấp",
    ),
    (
        "diplomacy",
        "Đối ngoại Nhân dân, tôn giáo",
        [],
        "diplomacy",
        "thăm, chúc mừng các tôn giáo, kiều bào",
    ),
    ("media_post", "Tin bài trên trang thông tin, Fanpage, Zalo OA", [], "propaganda", ""),
]

TITLES = {
    "supervision": [
        "Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội",
        "Giám sát việc thực hiện chính sách hỗ trợ hộ nghèo, cận nghèo",
        "Giám sát công tác bồi thường, giải phóng mặt bằng",
    ],
    "critique": ["Hội nghị phản biện dự thảo kế hoạch phát triển kinh tế - xã hội"],
    "forum": ["Diễn đàn lắng nghe ý kiến Nhân dân", "Diễn đàn Nhân dân góp ý xây dựng chính quyền"],
    "dialogue": [
        "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
        "Đối thoại về công tác cải cách hành chính và chuyển đổi số",
    ],
}


def username_prefix(unit: Unit) -> str:
    return unit.code.removeprefix("tamky-") if unit.code != "tamky" else "tamky"


def create_users(city: Unit) -> list[User]:
    units = [city, *Unit.objects.filter(parent=city, tier=Tier.COMMUNE).order_by("name")]
    users = []
    for unit in units:
        for suffix, role, label in ROLES:
            users.append(
                _user(f"{username_prefix(unit)}.{suffix}", role, unit, f"{label} {unit.name}")
            )
    hnd = Unit.objects.get(code="tamky-hnd")
    users.append(_user("hnd.clerk", Role.DATA_CLERK, hnd, f"Cán bộ {hnd.name}"))
    admin = _user("admin", Role.SYSTEM_ADMIN, city, "Quản trị hệ thống")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return users


def _user(username: str, role: str, unit: Unit, full_name: str) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.role, user.unit, user.first_name = role, unit, full_name
    user.email = f"{username}@mattran.local"  # the demo's mail goes to the console
    user.set_password(PASSWORD)
    user.save()
    return user


def create_activity_types(programme: Programme) -> None:
    for order, (code, name, feeds, section, phrase) in enumerate(ACTIVITY_TYPES, start=1):
        kind, _ = ActivityType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "report_section": section,
                "report_phrase": phrase,
            },
        )
        kind.feeds.set(Indicator.objects.filter(programme=programme, code__in=feeds))


def create_activities(programme: Programme) -> int:
    """One activity for each supervision, critique, forum or dialogue the figures count."""
    rng = random.Random(18)
    batch = []
    for kind in ActivityType.objects.exclude(feeds=None).prefetch_related("feeds"):
        for value in DataValue.objects.filter(
            indicator__in=kind.feeds.all(), number__gt=0, period__kind="month"
        ).select_related("unit", "period"):
            for _ in range(int(value.number)):
                day = value.period.start + timedelta(days=rng.randint(0, 27))
                batch.append(
                    Activity(
                        unit=value.unit, type=kind, date=day, title=rng.choice(TITLES[kind.code])
                    )
                )
    Activity.objects.bulk_create(batch)
    return len(batch)


MISSING_LAST_MONTH = ("tamky-anmy", "tamky-anson", "tamky-tanthanh", "tamky-tamthang")


def create_submissions(programme: Programme, city: Unit, through: date) -> None:
    """Reports of every month up to `through`: approved, except the last month, which
    four wards have not yet sent (so the board sees "9/13 đơn vị đã nộp")."""
    approver = User.objects.get(username="tamky.admin")
    ReportingSchedule.objects.get_or_create(unit=city)
    rng = random.Random(7)
    months = [m for m in PeriodSpec(date(through.year, 1, 1), through, "year").months()]
    for month in months:
        period = Period.objects.for_spec(month)
        wards = list(
            Unit.objects.filter(parent=city, tier=Tier.COMMUNE).valid_on(month.end).order_by("name")
        )
        last = month == months[-1]
        for ward in wards:
            if last and ward.code in MISSING_LAST_MONTH:
                continue
            clerk = User.objects.filter(unit=ward, role=Role.DATA_CLERK).first()
            due = deadline_for(ward, period)
            late = rng.random() < 0.15
            sent = datetime.combine(
                due + timedelta(days=rng.randint(1, 6) if late else -rng.randint(0, 8)), time(9, 30)
            )
            sent = timezone.make_aware(sent)
            status = SubmissionStatus.SUBMITTED if last else SubmissionStatus.APPROVED
            submission = Submission.objects.create(
                programme=programme,
                unit=ward,
                period=period,
                status=status,
                submitted_at=sent,
                first_submitted_at=sent,
                submitted_by=clerk,
                decided_at=None if last else sent + timedelta(days=2),
                decided_by=None if last else approver,
            )
            SubmissionEvent.objects.create(submission=submission, action="submit", actor=clerk)
            if not last:
                SubmissionEvent.objects.create(
                    submission=submission, action="approve", actor=approver
                )

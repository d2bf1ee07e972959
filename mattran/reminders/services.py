"""Turning events into reminders: who is told, whether it is upcoming or overdue, and an
e-mail the first time only."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.reminders.collectors import AHEAD_DAYS, BEHIND_DAYS, all_events
from mattran.reminders.events import ReminderEvent
from mattran.reminders.models import Reminder, ReminderKind

ACTORS = (Role.DATA_CLERK, Role.UNIT_ADMIN)


def kind_of(event: ReminderEvent, today: date, ahead: int = 7) -> str | None:
    if event.done:
        return None
    days = (event.due_on - today).days
    if 0 <= days <= ahead:
        return ReminderKind.UPCOMING
    if -BEHIND_DAYS <= days < 0:
        return ReminderKind.OVERDUE
    return None


def remind(today: date | None = None, *, ahead: int = 7) -> dict[str, int]:
    """Record and e-mail every reminder due today; running it again sends nothing twice."""
    today = today or timezone.localdate()
    counts = {"events": 0, "reminders": 0, "emails": 0}
    users: dict[int, list[User]] = {}
    for event in all_events(today):
        kind = kind_of(event, today, min(ahead, AHEAD_DAYS))
        if kind is None:
            continue
        counts["events"] += 1
        if event.unit_id not in users:
            users[event.unit_id] = list(
                User.objects.filter(unit_id=event.unit_id, role__in=ACTORS, is_active=True)
            )
        for user in users[event.unit_id]:
            reminder = _record(user, event, kind)
            if reminder is None:
                continue
            counts["reminders"] += 1
            if user.email and _email(user, reminder):
                counts["emails"] += 1
    return counts


def _record(user: User, event: ReminderEvent, kind: str) -> Reminder | None:
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                user=user,
                key=event.key,
                kind=kind,
                due_on=event.due_on,
                text=event.text[:500],
                url=event.url[:255],
            )
    except IntegrityError:  # told already
        return None


def _email(user: User, reminder: Reminder) -> bool:
    label = "Sắp đến hạn" if reminder.kind == ReminderKind.UPCOMING else "Quá hạn"
    body = (
        f"Kính gửi {user.get_full_name() or user.username},\n\n"
        f"{label}: {reminder.text}.\n"
        f"Xem và cập nhật tại: {settings.SITE_URL}{reminder.url}\n\n"
        "Thư này do hệ thống Kế hoạch & Báo cáo Mặt trận gửi tự động; mỗi việc chỉ nhắc một "
        "lần khi sắp đến hạn và một lần khi quá hạn."
    )
    send_mail(f"[Mặt trận] {label}: {reminder.text[:120]}", body, None, [user.email])
    reminder.emailed_at = timezone.now()
    reminder.save(update_fields=["emailed_at"])
    return True


def events_for(user: User, today: date | None = None):
    """What the user's unit has coming and overdue, and — for administrators — what the units
    below it have let slip."""
    from mattran.units.models import Unit

    today = today or timezone.localdate()
    if user.unit_id is None:
        return [], []
    own = [
        (e, kind_of(e, today, AHEAD_DAYS))
        for e in all_events(today, Unit.objects.filter(pk=user.unit_id))
    ]
    own = [(e, k) for e, k in own if k]
    below = []
    if user.role in (Role.UNIT_ADMIN, Role.SYSTEM_ADMIN):
        units = Unit.objects.subtree(user.unit, include_self=False)
        below = [
            e
            for e in all_events(today, units)
            if kind_of(e, today, AHEAD_DAYS) == ReminderKind.OVERDUE
        ]
    return own, below


@dataclass
class ReminderLists:
    """The reminders page: the user's unit's overdue and upcoming work, and (for
    administrators) what the units below it have let slip."""

    overdue: list[ReminderEvent]
    upcoming: list[ReminderEvent]
    below: list[ReminderEvent]


def reminder_lists(user: User, today: date | None = None) -> ReminderLists:
    own, below = events_for(user, today)
    return ReminderLists(
        overdue=[e for e, k in own if k == ReminderKind.OVERDUE],
        upcoming=[e for e, k in own if k == ReminderKind.UPCOMING],
        below=below,
    )

"""Recording what units did; activity types that feed indicators keep those figures current."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.activities.models import Activity, ActivityType
from mattran.audit.services import record
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.programmes.models import ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.services import Figure, save_data_value

FIELDS = ("type", "date", "title", "description", "link", "amount", "quantity", "interactions")


@transaction.atomic
def record_activity(*, unit, actor: Any = None, **fields: Any) -> Activity:
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi hoạt động của {unit.name}.")
    day: date = fields["date"]
    if day > timezone.localdate():
        raise ValidationError({"date": "Ngày hoạt động không được sau ngày hôm nay."})
    if not unit.is_valid_on(day):
        raise ValidationError({"date": f"{unit.name} không hoạt động vào ngày {day:%d/%m/%Y}."})
    if not (fields.get("title") or "").strip():
        raise ValidationError({"title": "Cần ghi tên hoạt động."})
    activity = Activity(unit=unit, created_by=_user(actor), **fields)
    activity.full_clean()
    activity.save()
    record(
        actor=actor,
        action="activity.create",
        target=activity,
        changes={k: fields.get(k) for k in FIELDS},
    )
    refresh_fed_values(unit, activity.type, day, actor=actor)
    return activity


@transaction.atomic
def delete_activity(*, activity: Activity, actor: Any = None) -> None:
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, activity.unit):
        raise PermissionDenied(f"Bạn không có quyền xóa hoạt động của {activity.unit.name}.")
    unit, kind, day = activity.unit, activity.type, activity.date
    record(
        actor=actor,
        action="activity.delete",
        target=activity,
        changes={"title": activity.title, "date": day},
    )
    activity.delete()
    refresh_fed_values(unit, kind, day, actor=actor)


def refresh_fed_values(unit, kind: ActivityType, day: date, *, actor: Any = None) -> None:
    """Recount the month's activities into every indicator this type feeds for `unit`."""
    month = PeriodSpec.month(day.year, day.month)
    for indicator in kind.feeds.select_related("programme"):
        if (
            indicator.reported_by != unit.tier
            or indicator.frequency != PeriodKind.MONTH
            or indicator.value_type != ValueType.COUNT
        ):
            continue
        programme = indicator.programme
        if day.year not in programme.years or not programme_covers(programme, unit):
            continue
        count = Activity.objects.filter(
            unit=unit, type__feeds=indicator, date__gte=month.start, date__lte=month.end
        ).count()
        save_data_value(
            indicator=indicator,
            unit=unit,
            period=month,
            figure=Figure(number=Decimal(count)),
            note=f"Tính tự động từ {count} hoạt động",
            actor=actor,
        )


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None

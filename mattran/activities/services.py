"""Recording what units did; activity types that feed indicators keep those figures current."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
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


def _check(unit, day: date, title: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({"date": "Ngày hoạt động không được sau ngày hôm nay."})
    if not unit.is_valid_on(day):
        raise ValidationError({"date": f"{unit.name} không hoạt động vào ngày {day:%d/%m/%Y}."})
    if not (title or "").strip():
        raise ValidationError({"title": "Cần ghi tên hoạt động."})


def owner_of(activity: Activity):
    """The record of another register (a supervision, a dialogue…) this activity is counted
    for, or None. Found through the one-to-one links other apps hold, so this app need not
    know them."""
    for relation in Activity._meta.related_objects:
        if not relation.one_to_one:
            continue
        try:
            return getattr(activity, relation.get_accessor_name())
        except ObjectDoesNotExist:
            continue
    return None


def owner_relations() -> list[str]:
    """The names to `select_related` so that `owner_of` costs no query per activity."""
    return [r.get_accessor_name() for r in Activity._meta.related_objects if r.one_to_one]


def check_not_owned(activity: Activity) -> None:
    """An activity a register keeps in step with its record is changed through that record."""
    owner = owner_of(activity)
    if owner is not None:
        raise ValidationError(
            f"Hoạt động này được ghi từ hồ sơ {owner._meta.verbose_name} “{owner}”: "
            "hãy sửa hoặc xóa ở hồ sơ đó.",
            code="owned",
        )


@transaction.atomic
def record_activity(*, unit, actor: Any = None, **fields: Any) -> Activity:
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi hoạt động của {unit.name}.")
    day: date = fields["date"]
    _check(unit, day, fields.get("title"))
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
def update_activity(*, activity: Activity, actor: Any = None, **fields: Any) -> Activity:
    """Change the fields given; the months (and types) before and after are recounted."""
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, activity.unit):
        raise PermissionDenied(f"Bạn không có quyền sửa hoạt động của {activity.unit.name}.")
    activity = (
        Activity.objects.select_for_update().select_related("unit", "type").get(pk=activity.pk)
    )
    check_not_owned(activity)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"not activity fields: {sorted(unknown)}")
    before = {name: getattr(activity, name) for name in fields}
    changed = {name: value for name, value in fields.items() if before[name] != value}
    if not changed:
        return activity
    for name, value in changed.items():
        setattr(activity, name, value)
    _check(activity.unit, activity.date, activity.title)
    activity.full_clean()
    activity.save()
    record(
        actor=actor,
        action="activity.update",
        target=activity,
        changes={name: [before[name], value] for name, value in changed.items()},
    )
    # the figures count activities by type and month: only a move changes them
    old_type, old_day = before.get("type", activity.type), before.get("date", activity.date)
    new_day = activity.date
    if old_type != activity.type or (old_day.year, old_day.month) != (new_day.year, new_day.month):
        refresh_fed_values(activity.unit, old_type, old_day, actor=actor)
        refresh_fed_values(activity.unit, activity.type, new_day, actor=actor)
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

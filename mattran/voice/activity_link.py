"""Each record is also the activity that the monthly report and the indicators count.

A record keeps a one-to-one link to its `Activity`: created through
`activities.services.record_activity` (which recounts the indicators its type feeds), kept in
step when the record's date, title or link change, and removed through `delete_activity`.
A record may also adopt an activity already entered on the Activities page, so that nothing
is counted twice.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from mattran.activities.models import Activity, ActivityType, ReportSection
from mattran.activities.services import delete_activity, record_activity, refresh_fed_values
from mattran.audit.services import record
from mattran.voice.models import VoiceRecord

# code: (name, how the report writes it, order) — the demo's wording, for a fresh database.
TYPES = {
    "supervision": ("Giám sát chuyên đề", "tổ chức giám sát chuyên đề", 1),
    "supervision_regular": ("Giám sát thường xuyên", "tổ chức giám sát thường xuyên", 1),
    "critique": ("Hội nghị phản biện xã hội", "tổ chức Hội nghị phản biện xã hội", 2),
    "forum": ("Diễn đàn Nhân dân", "tổ chức Diễn đàn lắng nghe ý kiến Nhân dân", 3),
    "dialogue": (
        "Đối thoại trực tiếp",
        "tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
        4,
    ),
    "voter_meeting": ("Tiếp xúc cử tri", "phối hợp tổ chức Hội nghị tiếp xúc cử tri", 5),
}


def activity_type(code: str) -> ActivityType:
    """The activity type of that code, created (part III of the report) when missing."""
    name, phrase, order = TYPES[code]
    kind, _ = ActivityType.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "report_phrase": phrase,
            "order": order,
            "report_section": ReportSection.PARTY_BUILDING,
        },
    )
    return kind


def wanted_fields(item: VoiceRecord) -> dict[str, Any]:
    return {
        "type": activity_type(item.activity_type_code()),
        "date": item.day,
        "title": item.title.strip()[:500],
        "description": item.activity_description(),
        "link": item.link,
    }


def adoptable(unit, codes: list[str]) -> QuerySet[Activity]:
    """Activities of `unit` of those types that no record claims yet (newest first)."""
    free = Q()
    for relation in ("supervision", "critiqueconference", "dialogue", "votermeeting"):
        free &= Q(**{f"voice_{relation}__isnull": True})
    return (
        Activity.objects.filter(unit=unit, type__code__in=codes)
        .filter(free)
        .select_related("type")
        .order_by("-date", "-pk")
    )


def sync_activity(item: VoiceRecord, *, actor: Any = None, adopt: Activity | None = None) -> None:
    """Create, adopt or update the record's activity so that it says what the record says."""
    fields = wanted_fields(item)
    if adopt is not None:
        _check_adoptable(item, adopt, fields["type"])
        item.activity = adopt
    activity = item.activity
    if activity is None:
        item.activity = _counted(
            item, lambda: record_activity(unit=item.unit, actor=actor, **fields)
        )
        item.save(update_fields=["activity"])
        return
    before = {name: getattr(activity, name) for name in fields}
    changed = {name: value for name, value in fields.items() if before[name] != value}
    if adopt is not None:
        item.save(update_fields=["activity"])
    if not changed:
        return
    for name, value in changed.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    record(
        actor=actor,
        action="activity.update",
        target=activity,
        changes={name: [before[name], value] for name, value in changed.items()},
    )
    old_day: date = before["date"]
    moved = "type" in changed or (old_day.year, old_day.month) != (item.day.year, item.day.month)
    if moved:
        _counted(
            item,
            lambda: refresh_fed_values(item.unit, before["type"], old_day, actor=actor),
            old_day,
        )
        _counted(item, lambda: refresh_fed_values(item.unit, activity.type, item.day, actor=actor))


def drop_activity(item: VoiceRecord, *, actor: Any = None) -> None:
    if item.activity_id:
        day = item.activity.date
        _counted(item, lambda: delete_activity(activity=item.activity, actor=actor), day)


def _check_adoptable(item: VoiceRecord, activity: Activity, kind: ActivityType) -> None:
    if activity.unit_id != item.unit_id:
        raise ValidationError({"activity": "Hoạt động đã chọn là của đơn vị khác."})
    if activity.type_id != kind.pk:
        raise ValidationError(
            {
                "activity": f"Hoạt động đã chọn thuộc loại “{activity.type.name}”, không phải "
                f"“{kind.name}”."
            }
        )
    claimed = adoptable(item.unit, [kind.code]).filter(pk=activity.pk).exists()
    if not claimed and activity.pk != item.activity_id:
        raise ValidationError({"activity": "Hoạt động đã chọn đã gắn với một hồ sơ khác."})


def _counted(item: VoiceRecord, step, day: date | None = None):
    """Run a step that recounts monthly figures; say why when the month's report is locked."""
    day = day or item.day
    try:
        return step()
    except ValidationError as exc:
        if getattr(exc, "code", None) != "locked":
            raise
        raise ValidationError(
            f"Hồ sơ này được tính vào số liệu tháng {day.month}/{day.year} của "
            f"{item.unit.name}, nhưng {exc.messages[0][0].lower()}{exc.messages[0][1:]}",
            code="locked",
        ) from exc

"""Writing supervisions, critique conferences, forums/dialogues and voter meetings, and the
rows each carries (recommendations, comments, issues, commitments, petitions).

Every write checks `scope.can_enter` for the record's unit, validates with Vietnamese
messages keyed by field, keeps the record's activity in step (`activity_link`) and is
audited; one failure rolls the whole write back.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from mattran.accounts import scope
from mattran.activities.models import Activity
from mattran.audit.services import record
from mattran.units.models import Unit
from mattran.voice.activity_link import drop_activity, sync_activity
from mattran.voice.kinds import ItemKind, RecordKind
from mattran.voice.privacy import may_see_personal


def _is_user(actor: Any) -> bool:
    return getattr(actor, "is_authenticated", False)


def check_may_enter(actor: Any, unit: Unit) -> None:
    if _is_user(actor) and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi, sửa hồ sơ của {unit.name}.")


def _clean(obj: models.Model, errors: dict[str, list[str]]) -> None:
    try:
        obj.full_clean(exclude=["activity"] if hasattr(obj, "activity_id") else None)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(m for m in messages if m not in errors.get(name, []))
    if errors:
        raise ValidationError(errors)


def _set(obj: models.Model, fields: dict[str, Any], allowed: tuple[str, ...]) -> dict:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    before = {}
    for name, value in fields.items():
        before[name] = getattr(obj, name)
        setattr(obj, name, "" if value is None and _is_text(obj, name) else value)
    return before


def _is_text(obj: models.Model, name: str) -> bool:
    return isinstance(obj._meta.get_field(name), models.CharField | models.TextField)


@transaction.atomic
def save_record(
    *,
    kind: RecordKind,
    unit: Unit,
    fields: dict[str, Any],
    actor: Any = None,
    record_obj: models.Model | None = None,
    adopt: Activity | None = None,
):
    """Create (record_obj None) or change a record of `kind` held by `unit`."""
    check_may_enter(actor, unit)
    creating = record_obj is None
    obj = kind.model(unit=unit) if creating else record_obj
    if not creating and obj.unit_id != unit.pk:
        raise PermissionDenied("Hồ sơ này không thuộc đơn vị đang làm việc.")
    if creating and _is_user(actor):
        obj.created_by = actor
    before = _set(obj, fields, kind.fields)
    if kind.prepare:
        kind.prepare(obj)
    errors: dict[str, list[str]] = {}
    if obj.day and not unit.is_valid_on(obj.day):
        errors[obj.DAY_FIELD] = [f"{unit.name} không hoạt động vào ngày {obj.day:%d/%m/%Y}."]
    _clean(obj, errors)
    obj.save()
    sync_activity(obj, actor=actor, adopt=adopt if creating else None)
    name = obj._meta.model_name
    changes = (
        {k: fields[k] for k in fields}
        if creating
        else {k: [before[k], fields[k]] for k in fields if before[k] != fields[k]}
    )
    record(
        actor=actor,
        action=f"voice.{name}.{'create' if creating else 'update'}",
        target=obj,
        changes=changes,
    )
    return obj


@transaction.atomic
def delete_record(*, record_obj: models.Model, actor: Any = None) -> None:
    """Remove a record with its rows and its activity (the month's figures are recounted)."""
    check_may_enter(actor, record_obj.unit)
    record(
        actor=actor,
        action=f"voice.{record_obj._meta.model_name}.delete",
        target=record_obj,
        changes={"title": record_obj.title, "day": record_obj.day},
    )
    drop_activity(record_obj, actor=actor)
    record_obj.delete()


def _redacted(spec: ItemKind, values: dict[str, Any]) -> dict[str, Any]:
    """Audit what changed, never the citizen's personal data itself."""
    return {
        k: ("(thông tin cá nhân)" if k in spec.personal and v else v) for k, v in values.items()
    }


@transaction.atomic
def save_item(
    *,
    spec: ItemKind,
    parent: models.Model,
    fields: dict[str, Any],
    actor: Any = None,
    item: models.Model | None = None,
):
    """Add a row to a record (item None) or change one: a recommendation's follow-up, a
    petition's answer, a commitment's progress…"""
    check_may_enter(actor, parent.unit)
    personal = [name for name in spec.personal if name in fields]
    if personal and _is_user(actor) and not may_see_personal(actor, parent.unit):
        raise PermissionDenied(
            "Chỉ cán bộ của đơn vị ghi nhận kiến nghị mới ghi, sửa được họ tên, liên hệ của cử tri."
        )
    creating = item is None
    obj = spec.model(**{spec.parent_field: parent}) if creating else item
    if not creating and getattr(obj, f"{spec.parent_field}_id") != parent.pk:
        raise PermissionDenied("Dòng này không thuộc hồ sơ đang xem.")
    if creating and hasattr(obj, "created_by_id") and _is_user(actor):
        obj.created_by = actor
    before = _set(obj, fields, spec.fields)
    _clean(obj, {})
    obj.save()
    changes = (
        fields
        if creating
        else {k: [before[k], fields[k]] for k in fields if before[k] != fields[k]}
    )
    record(
        actor=actor,
        action=f"voice.{obj._meta.model_name}.{'create' if creating else 'update'}",
        target=obj,
        changes=_redact_changes(spec, changes, creating),
    )
    return obj


def _redact_changes(spec: ItemKind, changes: dict, creating: bool) -> dict:
    if creating:
        return _redacted(spec, changes)
    return {
        k: ("(thông tin cá nhân đã thay đổi)" if k in spec.personal else v)
        for k, v in changes.items()
    }


@transaction.atomic
def delete_item(*, spec: ItemKind, item: models.Model, actor: Any = None) -> None:
    parent = getattr(item, spec.parent_field)
    check_may_enter(actor, parent.unit)
    record(
        actor=actor,
        action=f"voice.{item._meta.model_name}.delete",
        target=item,
        changes={"parent": str(parent)},
    )
    item.delete()

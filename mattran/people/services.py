"""Changes to people and their posts. Each function is atomic, checks who may make it,
writes the audit trail (contact data never in clear) and recounts the training indicators
the change may move (`feeding.refresh_after_change`)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from mattran.audit.services import record
from mattran.core.dates import format_date
from mattran.people import feeding
from mattran.people.models import ROLE_TIERS, Person, Position, Role
from mattran.people.rights import may_edit
from mattran.units.models import Tier, Unit

PERSON_FIELDS = ("full_name", "gender", "birth_year", "ethnicity", "unit")
CONTACT_FIELDS = ("phone", "email", "address")
POSITION_FIELDS = ("unit", "role", "sector", "represents", "start", "end", "note")


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def _check(actor: Any, unit: Unit) -> None:
    if not may_edit(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền cập nhật danh sách cán bộ của {unit.name}.")


def _contact_words(person: Person, before: dict[str, str] | None = None) -> list[str]:
    """What the audit says of contact data: that it was set or changed, never the value."""
    words = []
    for name in CONTACT_FIELDS:
        label = Person._meta.get_field(name).verbose_name
        new = getattr(person, name)
        if before is None:
            if new:
                words.append(f"có {label}")
        elif before[name] != new:
            words.append(f"đã xóa {label}" if not new else f"đã đổi {label}")
    return words


def _places(tiers: tuple[str, ...]) -> str:
    if tiers == (Tier.AREA,):
        return "khu dân cư"
    if tiers == (Tier.COMMUNE,):
        return "xã, phường"
    if Tier.AREA in tiers:
        return "Ủy ban MTTQ các cấp và khu dân cư"
    return "Ủy ban MTTQ các cấp"


def _clean(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


@transaction.atomic
def create_person(
    *,
    unit: Unit,
    full_name: str,
    gender: str = "",
    birth_year: int | None = None,
    ethnicity: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    actor: Any = None,
) -> Person:
    _check(actor, unit)
    person = Person(
        unit=unit,
        full_name=" ".join((full_name or "").split()),
        gender=gender,
        birth_year=birth_year,
        ethnicity=ethnicity.strip(),
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        created_by=_user(actor),
    )
    if not person.full_name:
        raise ValidationError({"full_name": "Chưa nhập họ và tên."})
    _clean(person)
    person.save()
    record(
        actor=actor,
        action="people.person_create",
        target=person,
        changes={
            "unit": unit.code,
            "birth_year": birth_year,
            "contact": _contact_words(person),
        },
    )
    return person


@transaction.atomic
def update_person(*, person: Person, actor: Any = None, **fields: Any) -> Person:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    _check(actor, person.unit)
    if "unit" in fields and fields["unit"] != person.unit:
        _check(actor, fields["unit"])
    before = {name: getattr(person, name) for name in (*PERSON_FIELDS, *CONTACT_FIELDS)}
    for name, value in fields.items():
        if name not in PERSON_FIELDS + CONTACT_FIELDS:
            raise TypeError(name)
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    person.full_name = " ".join(person.full_name.split())
    if not person.full_name:
        raise ValidationError({"full_name": "Chưa nhập họ và tên."})
    _clean(person)
    person.save()
    changes: dict[str, Any] = {
        name: [str(before[name]), str(getattr(person, name))]
        for name in PERSON_FIELDS
        if before[name] != getattr(person, name)
    }
    contact = _contact_words(person, before)
    if contact:
        changes["contact"] = contact
    if changes:
        record(actor=actor, action="people.person_update", target=person, changes=changes)
    return person


@transaction.atomic
def delete_person(*, person: Person, actor: Any = None) -> None:
    """Remove a person entered by mistake, with their posts and attendances."""
    _check(actor, person.unit)
    positions = list(person.positions.all())
    for position in positions:
        _check(actor, position.unit)
    since = min(
        [p.start for p in positions] + [a.course.end_date for a in person.attendances.all()],
        default=None,
    )
    units = {p.unit_id for p in positions}
    record(
        actor=actor,
        action="people.person_delete",
        target=person,
        changes={"positions": len(positions)},
    )
    person.delete()
    if since is not None:
        feeding.refresh_after_change(since=since, units=units, actor=actor)


def validate_position_rules(position: Position) -> None:
    """What a post must be on its own: held where such a post exists, while the unit exists,
    ending after it starts. Reasons in Vietnamese, keyed by field."""
    unit, role = position.unit, position.role
    tiers = ROLE_TIERS.get(role)
    if tiers is None:
        raise ValidationError({"role": "Chức vụ, vai trò không hợp lệ."})
    if unit.tier not in tiers:
        raise ValidationError(
            {"unit": f"{Role(role).label} chỉ có ở {_places(tiers)}; {unit.name} thì không."}
        )
    if position.end is not None and position.end < position.start:
        raise ValidationError({"end": "Ngày thôi giữ chức vụ không được trước ngày bắt đầu."})
    if unit.valid_from and position.start < unit.valid_from:
        raise ValidationError(
            {"start": f"{unit.name} mới hoạt động từ ngày {format_date(unit.valid_from)}."}
        )
    if unit.valid_to and position.start > unit.valid_to:
        raise ValidationError(
            {
                "start": f"{unit.name} đã kết thúc hoạt động từ ngày "
                f"{format_date(unit.valid_to)} (sắp xếp đơn vị): ghi chức vụ tại đơn vị mới."
            }
        )
    if position.represents_id and position.represents.tier != Tier.MEMBER_ORG:
        raise ValidationError({"represents": "Chỉ chọn một tổ chức thành viên."})


def validate_position(position: Position) -> None:
    """The rules, and no overlap with the same post of the same person."""
    validate_position_rules(position)
    unit, role = position.unit, position.role
    overlapping = (
        Position.objects.select_for_update()
        .filter(
            person=position.person,
            unit=unit,
            role=role,
            start__lte=position.end or date.max,
        )
        .exclude(pk=position.pk)
    )
    clash = overlapping.exclude(end__lt=position.start).first()
    if clash is not None:
        until = f" đến {format_date(clash.end)}" if clash.end else " (đang giữ)"
        raise ValidationError(
            {
                "start": f"{position.person.full_name} đã là {Role(role).label} của {unit.name} "
                f"từ {format_date(clash.start)}{until}: thời gian bị trùng."
            }
        )
    _clean(position)


@transaction.atomic
def add_position(
    *,
    person: Person,
    unit: Unit,
    role: str,
    start: date,
    end: date | None = None,
    sector: str = "",
    represents: Unit | None = None,
    note: str = "",
    actor: Any = None,
    refresh: bool = True,
) -> Position:
    _check(actor, unit)
    position = Position(
        person=person,
        unit=unit,
        role=role,
        start=start,
        end=end,
        sector=sector.strip(),
        represents=represents,
        note=note.strip(),
        created_by=_user(actor),
    )
    validate_position(position)
    position.save()
    record(
        actor=actor,
        action="people.position_add",
        target=position,
        changes={
            "person": person.full_name,
            "unit": unit.code,
            "role": role,
            "start": start,
            "end": end,
        },
    )
    if refresh:
        feeding.refresh_after_change(since=start, persons={person.pk}, units={unit.pk}, actor=actor)
    return position


@transaction.atomic
def update_position(*, position: Position, actor: Any = None, **fields: Any) -> Position:
    position = (
        Position.objects.select_for_update().select_related("unit", "person").get(pk=position.pk)
    )
    _check(actor, position.unit)
    before = {name: getattr(position, name) for name in POSITION_FIELDS}
    for name, value in fields.items():
        if name not in POSITION_FIELDS:
            raise TypeError(name)
        setattr(position, name, value.strip() if isinstance(value, str) else value)
    if position.unit != before["unit"]:
        _check(actor, position.unit)
    validate_position(position)
    position.save()
    changes = {
        name: [str(before[name]), str(getattr(position, name))]
        for name in POSITION_FIELDS
        if before[name] != getattr(position, name)
    }
    if changes:
        record(
            actor=actor,
            action="people.position_update",
            target=position,
            changes={"person": position.person.full_name, **changes},
        )
        days = [before["start"], position.start] + [d for d in (before["end"], position.end) if d]
        feeding.refresh_after_change(
            since=min(days),
            persons={position.person_id},
            units={before["unit"].pk, position.unit_id},
            actor=actor,
        )
    return position


def end_position(*, position: Position, end: date, actor: Any = None) -> Position:
    """The person leaves the post on `end` (the last day they hold it)."""
    return update_position(position=position, end=end, actor=actor)


@transaction.atomic
def delete_position(*, position: Position, actor: Any = None) -> None:
    """Remove a post recorded by mistake (a post that ended is ended, not deleted)."""
    _check(actor, position.unit)
    record(
        actor=actor,
        action="people.position_delete",
        target=position,
        changes={
            "person": position.person.full_name,
            "unit": position.unit.code,
            "role": position.role,
            "start": position.start,
            "end": position.end,
        },
    )
    since, person_id, unit_id = position.start, position.person_id, position.unit_id
    position.delete()
    feeding.refresh_after_change(since=since, persons={person_id}, units={unit_id}, actor=actor)


@transaction.atomic
def enrol(
    *, person: dict[str, Any], post: dict[str, Any], actor: Any = None
) -> tuple[Person, Position]:
    """A new person and their first post, together or not at all. A reason about the post's
    unit is keyed "post_unit" (the person's own unit is "unit")."""
    created = create_person(actor=actor, **person)
    try:
        return created, add_position(person=created, actor=actor, **post)
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "unit" in exc.error_dict:
            errors = dict(exc.error_dict)
            errors["post_unit"] = errors.pop("unit")
            raise ValidationError(errors) from exc
        raise

"""A movement's life: created with its criteria, opened to its participants, a participant
withdrawn or reopened, results published. Every change is checked and audited."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.audit.services import record
from mattran.emulation.access import may_manage
from mattran.emulation.models import Criterion, Movement, Participation
from mattran.units.models import Unit

MOVEMENT_FIELDS = (
    "title",
    "starts_on",
    "ends_on",
    "participant_tiers",
    "self_due_on",
    "review_due_on",
    "award_on",
    "award_threshold",
    "award_form",
    "max_awards",
    "plan",
)


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def _check_manager(actor, movement: Movement) -> None:
    if not may_manage(actor, movement):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {movement.organiser.name} mới thực hiện được việc này."
        )


@transaction.atomic
def create_movement(
    *, organiser: Unit, criteria: list[dict], actor: Any = None, **fields: Any
) -> Movement:
    """A movement and its criteria (dicts of Criterion fields), validated whole."""
    movement = Movement(organiser=organiser, created_by=_user(actor), **fields)
    _check_manager(actor, movement)
    movement.full_clean()
    movement.save()
    for order, spec in enumerate(criteria, start=1):
        criterion = Criterion(movement=movement, order=order, **spec)
        try:
            criterion.full_clean()
        except ValidationError as exc:
            raise ValidationError(
                f"Tiêu chí {spec.get('number', order)}: {' '.join(exc.messages)}"
            ) from exc
        criterion.save()
    record(
        actor=actor,
        action="emulation.create",
        target=movement,
        changes={
            **{name: fields.get(name) for name in MOVEMENT_FIELDS if name in fields},
            "criteria": [f"{c['number']} ({c['max_score']} điểm)" for c in criteria],
        },
    )
    return movement


def eligible_units(movement: Movement):
    return (
        Unit.objects.subtree(movement.organiser, include_self=False)
        .filter(tier__in=movement.participant_tiers)
        .valid_during(movement.starts_on, movement.ends_on)
    )


@transaction.atomic
def open_movement(*, movement: Movement, actor: Any = None, now: datetime | None = None) -> int:
    """Materialise one participation per eligible unit; opening again adds units that were
    missing (a participant withdrawn stays withdrawn). Returns how many were added."""
    _check_manager(actor, movement)
    if not movement.criteria.exists():
        raise ValidationError("Phong trào chưa có tiêu chí chấm điểm.")
    existing = set(movement.participations.values_list("unit_id", flat=True))
    new = [
        Participation(movement=movement, unit=unit)
        for unit in eligible_units(movement)
        if unit.pk not in existing
    ]
    Participation.objects.bulk_create(new)
    if movement.opened_at is None:
        movement.opened_at = now or timezone.now()
        movement.save(update_fields=["opened_at"])
    record(
        actor=actor,
        action="emulation.open",
        target=movement,
        changes={"participants_added": len(new), "participants": len(existing) + len(new)},
    )
    return len(new)


@transaction.atomic
def set_withdrawn(
    *, participation: Participation, withdrawn: bool, reason: str = "", actor: Any = None
) -> None:
    _check_manager(actor, participation.movement)
    reason = reason.strip()
    if withdrawn and not reason:
        raise ValidationError("Cần ghi lý do rút đơn vị khỏi phong trào.")
    participation.withdrawn_at = timezone.now() if withdrawn else None
    participation.withdrawn_reason = reason if withdrawn else ""
    participation.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    record(
        actor=actor,
        action="emulation.withdraw" if withdrawn else "emulation.reinstate",
        target=participation,
        changes={"reason": reason},
    )


@transaction.atomic
def reopen(
    *, participation: Participation, until: date, actor: Any = None, today: date | None = None
) -> None:
    """Let a participant change its self-assessment again until `until` (after the due date,
    or after it submitted). Its official scores, if any, must be confirmed again."""
    movement = participation.movement
    _check_manager(actor, movement)
    today = today or timezone.localdate()
    if movement.published_at:
        raise ValidationError("Kết quả phong trào đã công bố: không mở lại được bảng tự chấm.")
    if participation.withdrawn_at:
        raise ValidationError(f"{participation.unit.name} đã rút khỏi phong trào.")
    if until < today:
        raise ValidationError("Ngày mở lại đến phải từ hôm nay trở đi.")
    participation.reopened_until = until
    participation.submitted_at = participation.reviewed_at = None
    participation.save(update_fields=["reopened_until", "submitted_at", "reviewed_at"])
    record(actor=actor, action="emulation.reopen", target=participation, changes={"until": until})


@transaction.atomic
def publish_results(*, movement: Movement, actor: Any = None) -> None:
    """Make the final ranking visible to the participants; every submitted sheet must have
    been scored officially first."""
    _check_manager(actor, movement)
    pending = movement.participations.filter(
        withdrawn_at__isnull=True, submitted_at__isnull=False, reviewed_at__isnull=True
    ).count()
    if pending:
        raise ValidationError(
            f"Còn {pending} đơn vị đã nộp bảng tự chấm nhưng chưa được chấm chính thức."
        )
    if not movement.participations.filter(reviewed_at__isnull=False).exists():
        raise ValidationError("Chưa có đơn vị nào được chấm điểm chính thức.")
    movement.published_at = timezone.now()
    movement.save(update_fields=["published_at"])
    record(actor=actor, action="emulation.publish", target=movement)

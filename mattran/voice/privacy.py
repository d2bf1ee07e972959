"""Citizens' names and contacts on petitions are personal data (Nghị định 13/2023/NĐ-CP).

They are shown only to the users of the unit that recorded the petition, and to users that
unit has explicitly granted (time-limited, revocable). Committees above see the petition's
content, field, authority, deadline and status, with those two fields masked. Every time a
petition is shown with its personal fields, one audit entry says who saw it and where.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.accounts.models import Role, User
from mattran.audit.models import AuditEntry
from mattran.audit.services import record
from mattran.units.models import Unit
from mattran.voice.models import Petition, PetitionAccessGrant

MASK = "(đã ẩn)"
VIEWED = "voice.petition.personal_viewed"


def _is_user(actor: Any) -> bool:
    return getattr(actor, "is_authenticated", False)


def personal_unit_ids(user: Any, today: date | None = None) -> set[int]:
    """The units whose citizens' names and contacts `user` may read."""
    if not _is_user(user):
        return set()
    today = today or timezone.localdate()
    granted = PetitionAccessGrant.objects.filter(
        user=user, revoked_at__isnull=True, valid_until__gte=today
    ).values_list("unit_id", flat=True)
    own = {user.unit_id, *(old.pk for old in scope.predecessors(user))} if user.unit_id else set()
    return own | set(granted)


def may_see_personal(user: Any, unit: Unit) -> bool:
    return unit.pk in personal_unit_ids(user)


def reveal(petitions: Iterable[Petition], user: Any, *, where: str) -> list[Petition]:
    """Set `citizen_shown`/`contact_shown` on each petition (masked unless allowed) and log
    every petition whose personal fields are shown. The petitions need `meeting` loaded."""
    allowed = personal_unit_ids(user)
    shown, out = [], []
    for petition in petitions:
        visible = petition.meeting.unit_id in allowed
        petition.personal_visible = visible
        petition.citizen_shown = _show(petition.citizen_name, visible)
        petition.contact_shown = _show(petition.citizen_contact, visible)
        if visible and petition.has_personal:
            shown.append(petition)
        out.append(petition)
    log_views(shown, user, where=where)
    return out


def _show(value: str, visible: bool) -> str:
    if not value.strip():
        return ""
    return value if visible else MASK


def log_views(petitions: list[Petition], user: Any, *, where: str) -> None:
    """One audit entry per petition shown with its personal fields (in one query)."""
    if not petitions:
        return
    actor = user if _is_user(user) else None
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=actor,
            action=VIEWED,
            target_type=Petition._meta.label_lower,
            target_id=str(p.pk),
            target_repr=str(p)[:255],
            changes={
                "where": where,
                "fields": [f for f in ("citizen_name", "citizen_contact") if getattr(p, f).strip()],
            },
        )
        for p in petitions
    )


def may_grant(user: Any, unit: Unit) -> bool:
    """Only an administrator of the recording unit itself lets others see its citizens."""
    return (
        _is_user(user)
        and (user.unit_id == unit.pk or any(old.pk == unit.pk for old in scope.predecessors(user)))
        and (user.role == Role.UNIT_ADMIN or user.is_system_admin)
    )


def grantable_users(unit: Unit):
    """Users of the committees above `unit`, who may handle its petitions."""
    return (
        User.objects.filter(unit__path__in=unit.ancestor_paths(), is_active=True)
        .select_related("unit")
        .order_by("unit__path", "username")
    )


@transaction.atomic
def grant_access(
    *, unit: Unit, user: User, reason: str, valid_until: date, actor: Any = None
) -> PetitionAccessGrant:
    if _is_user(actor) and not may_grant(actor, unit):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {unit.name} mới cho phép xem thông tin cá nhân của cử tri."
        )
    errors = {}
    if not grantable_users(unit).filter(pk=user.pk).exists():
        errors["user"] = "Chỉ cho phép cán bộ của Ủy ban MTTQ cấp trên trực tiếp xử lý kiến nghị."
    if not reason.strip():
        errors["reason"] = "Cần ghi lý do cho phép xem."
    if valid_until < timezone.localdate():
        errors["valid_until"] = "Ngày hết hiệu lực phải từ hôm nay trở đi."
    if errors:
        raise ValidationError(errors)
    grant = PetitionAccessGrant.objects.create(
        unit=unit,
        user=user,
        reason=reason.strip(),
        valid_until=valid_until,
        granted_by=actor if _is_user(actor) else None,
    )
    record(
        actor=actor,
        action="voice.petition_grant.create",
        target=grant,
        changes={"user": user.username, "reason": grant.reason, "valid_until": valid_until},
    )
    return grant


@transaction.atomic
def revoke_access(*, grant: PetitionAccessGrant, actor: Any = None) -> None:
    if _is_user(actor) and not may_grant(actor, grant.unit):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {grant.unit.name} mới thu hồi quyền xem thông tin cử tri."
        )
    if grant.revoked_at is not None:
        raise ValidationError("Quyền này đã được thu hồi trước đó.")
    grant.revoked_at = timezone.now()
    grant.revoked_by = actor if _is_user(actor) else None
    grant.save(update_fields=["revoked_at", "revoked_by"])
    record(
        actor=actor,
        action="voice.petition_grant.revoke",
        target=grant,
        changes={"user": grant.user.username},
    )

"""Giving and taking back explicit access to a ward's personal data; both are audited."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.households.models import PersonalDataGrant
from mattran.households.privacy import _local_unit, may_grant
from mattran.units.models import Unit

MAX_GRANT_DAYS = 366


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def grant_access(
    *, unit: Unit, user, reason: str, valid_until: date, actor: Any = None
) -> PersonalDataGrant:
    """Let `user` (who already reaches `unit`, e.g. a city officer) read its households'
    names and addresses until `valid_until`, for a stated reason."""
    if getattr(actor, "is_authenticated", False) and not may_grant(actor, unit):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {unit.name} hoặc quản trị hệ thống mới cấp được quyền xem "
            "dữ liệu cá nhân."
        )
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if not (reason or "").strip():
        errors["reason"] = "Cần ghi lý do cấp quyền (ví dụ: kiểm tra hồ sơ xóa nhà tạm)."
    if valid_until < today:
        errors["valid_until"] = "Ngày hết hiệu lực không được trước hôm nay."
    elif (valid_until - today).days > MAX_GRANT_DAYS:
        errors["valid_until"] = "Mỗi lần cấp quyền có hiệu lực tối đa 12 tháng."
    if user is None:
        errors["user"] = "Cần chọn người được cấp quyền."
    elif actor is not None and getattr(actor, "pk", None) == user.pk:
        errors["user"] = "Không tự cấp quyền cho chính mình."
    elif not scope.can_view(user, unit):
        errors["user"] = (
            f"{user} không thuộc {unit.name} hay đơn vị cấp trên nên không mở được trang của "
            "đơn vị này."
        )
    elif _local_unit(user) is not None and _local_unit(user).is_ancestor_of(unit):
        errors["user"] = f"{user} là cán bộ của {unit.name}, đã xem được hồ sơ hộ."
    if errors:
        raise ValidationError(errors)
    grant = PersonalDataGrant.objects.create(
        user=user,
        unit=unit,
        granted_by=_user(actor),
        reason=reason.strip(),
        valid_until=valid_until,
    )
    record(
        actor=actor,
        action="households.grant",
        target=grant,
        changes={"user": user.username, "unit": unit.code, "valid_until": valid_until},
    )
    return grant


@transaction.atomic
def revoke_access(*, grant: PersonalDataGrant, actor: Any = None) -> None:
    if getattr(actor, "is_authenticated", False) and not may_grant(actor, grant.unit):
        raise PermissionDenied("Bạn không có quyền thu hồi quyền xem dữ liệu này.")
    if grant.revoked_at is not None:
        raise ValidationError("Quyền này đã được thu hồi trước đó.")
    grant.revoked_at = timezone.now()
    grant.revoked_by = _user(actor)
    grant.save(update_fields=["revoked_at", "revoked_by"])
    record(
        actor=actor,
        action="households.revoke",
        target=grant,
        changes={"user": grant.user.username, "unit": grant.unit.code},
    )

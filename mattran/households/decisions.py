"""Approval decisions (e.g. the city's decision approving the households of the 2023–2025
temporary-house removal) and the households on their lists, with a year for each."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.households.models import (
    ApprovalDecision,
    ApprovalListEntry,
    Household,
    HouseKind,
)
from mattran.households.registry import check_may_change
from mattran.units.models import Unit


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def create_decision(
    *,
    unit: Unit,
    number: str,
    signed_on: date,
    issuer: str,
    title: str,
    first_year: int,
    last_year: int,
    actor: Any = None,
) -> ApprovalDecision:
    """Record a decision (its number, date, issuer, title and period); its list is added by
    the wards, who may see the households."""
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi quyết định cho {unit.name}.")
    errors: dict[str, str] = {}
    number, issuer, title = (number or "").strip(), (issuer or "").strip(), (title or "").strip()
    if not number:
        errors["number"] = "Cần ghi số, ký hiệu quyết định (ví dụ: 1543/QĐ-UBND)."
    if not issuer:
        errors["issuer"] = "Cần ghi cơ quan ban hành."
    if not title:
        errors["title"] = "Cần ghi trích yếu của quyết định."
    if signed_on > timezone.localdate():
        errors["signed_on"] = "Ngày ban hành không được sau ngày hôm nay."
    if last_year < first_year:
        errors["last_year"] = "Năm kết thúc phải từ năm bắt đầu trở đi."
    elif last_year - first_year > 10:
        errors["last_year"] = "Giai đoạn của quyết định không quá 10 năm."
    if first_year < 2000 or last_year > 2100:
        errors["first_year"] = "Năm phải từ 2000 đến 2100."
    if errors:
        raise ValidationError(errors)
    if ApprovalDecision.objects.filter(unit=unit, number__iexact=number).exists():
        raise ValidationError({"number": f"{unit.name} đã ghi quyết định số {number}."})
    decision = ApprovalDecision.objects.create(
        unit=unit,
        number=number,
        signed_on=signed_on,
        issuer=issuer,
        title=title,
        first_year=first_year,
        last_year=last_year,
        created_by=_user(actor),
    )
    record(
        actor=actor,
        action="houses.decision",
        target=decision,
        changes={"number": number, "years": f"{first_year}-{last_year}"},
    )
    return decision


@transaction.atomic
def add_entry(
    *,
    decision: ApprovalDecision,
    household: Household,
    scheduled_year: int,
    kind: str = HouseKind.BUILD,
    note: str = "",
    actor: Any = None,
) -> ApprovalListEntry:
    """Put a household on the decision's list for a year of its period."""
    check_may_change(actor, household.unit)
    errors: dict[str, str] = {}
    if not decision.unit.is_ancestor_of(household.unit):
        errors["household"] = (
            f"Hộ không thuộc địa bàn {decision.unit.name} theo dõi quyết định này."
        )
    if scheduled_year not in decision.years:
        errors["scheduled_year"] = (
            f"Năm thực hiện phải trong giai đoạn {decision.first_year}–{decision.last_year} "
            "của quyết định."
        )
    if kind not in HouseKind.values:
        errors["kind"] = "Cần chọn xây mới hay sửa chữa."
    if ApprovalListEntry.objects.filter(decision=decision, household=household).exists():
        errors["household"] = "Hộ này đã có trong danh sách của quyết định."
    if errors:
        raise ValidationError(errors)
    entry = ApprovalListEntry.objects.create(
        decision=decision,
        household=household,
        scheduled_year=scheduled_year,
        kind=kind,
        note=(note or "").strip()[:255],
    )
    record(
        actor=actor,
        action="houses.entry",
        target=household,
        changes={"decision": decision.number, "year": scheduled_year, "kind": kind},
    )
    return entry


@transaction.atomic
def remove_entry(*, entry: ApprovalListEntry, actor: Any = None) -> None:
    check_may_change(actor, entry.household.unit)
    record(
        actor=actor,
        action="houses.entry_delete",
        target=entry.household,
        changes={"decision": entry.decision.number, "year": entry.scheduled_year},
    )
    entry.delete()

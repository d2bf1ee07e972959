"""The register of poor and near-poor households: a household, its status each year, the
support it received. Every write checks who may change the household and is audited
without its name or address (the audit trail is read more widely than the register)."""

import re
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.audit.services import record
from mattran.households.feeding import refresh_house_values
from mattran.households.models import (
    Household,
    HouseholdStatus,
    HouseStatus,
    PovertyStatus,
    Support,
    SupportKind,
)
from mattran.households.privacy import may_change_people
from mattran.units.models import Tier, Unit

HOUSEHOLD_FIELDS = ("head_name", "address", "members", "code", "phone", "note")
PERSONAL_FIELDS = {"head_name", "address", "phone", "note", "code"}

# A run of exactly 9 (chứng minh nhân dân) or 12 (căn cước) digits, not part of a grouped
# number such as 500.000.000, or an ID named as such.
_ID_DIGITS = re.compile(r"(?<![\d.,])(\d{9}|\d{12})(?![\d.,])")
_ID_WORDS = re.compile(r"(cccd|cmnd|căn cước|chứng minh nhân dân|định danh)\D{0,12}\d{6,}", re.I)
_PHONE = re.compile(r"^0\d{9,10}$")


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def check_may_change(actor: Any, unit: Unit) -> None:
    if not may_change_people(actor, unit):
        raise PermissionDenied(
            f"Chỉ cán bộ nhập liệu, quản trị viên của {unit.name} (hoặc khu dân cư của hộ) mới "
            "thêm, sửa được hồ sơ hộ."
        )


def holds_national_id(text: str) -> bool:
    """Does the text carry something that looks like a national ID number?"""
    return bool(_ID_DIGITS.search(text or "") or _ID_WORDS.search(text or ""))


def normalise_phone(text: str) -> str:
    raw = re.sub(r"[\s.\-()]", "", text or "")
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    elif raw.startswith("84") and len(raw) in (11, 12):
        raw = "0" + raw[2:]
    return raw


def _clean_household(unit: Unit, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    cleaned = dict(values)
    for name in ("head_name", "address", "code", "note", "phone"):
        cleaned[name] = (cleaned.get(name) or "").strip()
    if not cleaned["head_name"]:
        errors["head_name"] = "Cần ghi họ tên chủ hộ."
    if not cleaned["address"]:
        errors["address"] = "Cần ghi địa chỉ (tổ, khối phố/thôn, xã/phường)."
    members = cleaned.get("members")
    if members is None or int(members) < 1:
        errors["members"] = "Số nhân khẩu phải từ 1 trở lên."
    elif int(members) > 50:
        errors["members"] = "Số nhân khẩu không hợp lý (quá 50 người)."
    for name in ("head_name", "address", "code", "note"):
        if name not in errors and holds_national_id(cleaned[name]):
            errors[name] = (
                "Không ghi số căn cước, chứng minh nhân dân vào hồ sơ hộ (Nghị định "
                "13/2023/NĐ-CP): chỉ cần họ tên, địa chỉ và mã hộ trong danh sách rà soát."
            )
    if cleaned["phone"]:
        phone = normalise_phone(cleaned["phone"])
        if not _PHONE.match(phone):
            errors["phone"] = "Số điện thoại không hợp lệ (ví dụ: 0905 123 456)."
        cleaned["phone"] = phone
    if unit.tier not in (Tier.COMMUNE, Tier.AREA):
        errors["unit"] = "Hộ phải thuộc một xã, phường hoặc một khu dân cư."
    elif not unit.is_valid_on(timezone.localdate()):
        errors["unit"] = f"{unit.name} đã kết thúc hoạt động (sắp xếp đơn vị)."
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def create_household(*, unit: Unit, actor: Any = None, **values: Any) -> Household:
    check_may_change(actor, unit)
    cleaned = _clean_household(unit, values)
    household = Household(
        unit=unit, created_by=_user(actor), **{k: cleaned.get(k) for k in HOUSEHOLD_FIELDS}
    )
    household.full_clean()
    household.save()
    record(
        actor=actor,
        action="households.create",
        target=household,
        changes={"unit": unit.code, "members": household.members},
    )
    return household


@transaction.atomic
def update_household(
    *, household: Household, unit: Unit | None = None, actor: Any = None, **values: Any
) -> Household:
    """Change a household's details; moving it to another area recounts its houses."""
    check_may_change(actor, household.unit)
    new_unit = unit or household.unit
    if new_unit.pk != household.unit_id:
        check_may_change(actor, new_unit)
    cleaned = _clean_household(new_unit, {k: values.get(k) for k in HOUSEHOLD_FIELDS})
    changed = sorted(k for k in HOUSEHOLD_FIELDS if getattr(household, k) != cleaned[k])
    old_unit = household.unit
    for name in HOUSEHOLD_FIELDS:
        setattr(household, name, cleaned[name])
    household.unit = new_unit
    household.full_clean()
    household.save()
    # Personal fields are named, never their values: the audit trail is not personal data.
    changes: dict[str, Any] = {
        "fields": changed,
        "members": household.members,
    }
    if old_unit.pk != new_unit.pk:
        changes["unit"] = {"before": old_unit.code, "after": new_unit.code}
        days = [h.handed_over_on for h in household.houses.filter(status=HouseStatus.HANDED_OVER)]
        refresh_house_values(old_unit, days, actor=actor)
        refresh_house_values(new_unit, days, actor=actor)
    record(actor=actor, action="households.update", target=household, changes=changes)
    return household


@transaction.atomic
def delete_household(*, household: Household, actor: Any = None) -> None:
    check_may_change(actor, household.unit)
    if household.houses.exists():
        raise ValidationError(
            "Hộ đã có nhà Đại đoàn kết nên không xóa được; nếu hộ chuyển đi, ghi chú vào hồ sơ."
        )
    record(
        actor=actor,
        action="households.delete",
        target=household,
        changes={"unit": household.unit.code},
    )
    household.delete()


@transaction.atomic
def set_status(
    *,
    household: Household,
    year: int,
    status: str,
    decided_by: str = "",
    note: str = "",
    actor: Any = None,
) -> HouseholdStatus:
    """The household's status in `year`'s review (replacing what that year said before)."""
    check_may_change(actor, household.unit)
    this_year = timezone.localdate().year
    errors: dict[str, str] = {}
    if not 2000 <= int(year) <= this_year + 1:
        errors["year"] = f"Năm phải từ 2000 đến {this_year + 1}."
    if status not in PovertyStatus.values:
        errors["status"] = "Cần chọn diện hộ (hộ nghèo, cận nghèo, thoát nghèo…)."
    if holds_national_id(note) or holds_national_id(decided_by):
        errors["note"] = "Không ghi số căn cước, chứng minh nhân dân vào hồ sơ hộ."
    if errors:
        raise ValidationError(errors)
    current = HouseholdStatus.objects.filter(household=household, year=year).first()
    before = current.status if current else None
    entry = current or HouseholdStatus(household=household, year=year, created_by=_user(actor))
    entry.status = status
    entry.decided_by = (decided_by or "").strip()
    entry.note = (note or "").strip()
    entry.full_clean()
    entry.save()
    record(
        actor=actor,
        action="households.status",
        target=household,
        changes={"year": year, "before": before, "after": status, "decided_by": entry.decided_by},
    )
    return entry


@transaction.atomic
def delete_status(*, entry: HouseholdStatus, actor: Any = None) -> None:
    check_may_change(actor, entry.household.unit)
    record(
        actor=actor,
        action="households.status_delete",
        target=entry.household,
        changes={"year": entry.year, "before": entry.status},
    )
    entry.delete()


@transaction.atomic
def add_support(
    *,
    household: Household,
    date: date,
    kind: str,
    giver: str,
    description: str = "",
    amount: Decimal | None = None,
    in_kind: str = "",
    actor: Any = None,
) -> Support:
    check_may_change(actor, household.unit)
    errors: dict[str, str] = {}
    if date > timezone.localdate():
        errors["date"] = "Ngày hỗ trợ không được sau ngày hôm nay."
    if kind not in SupportKind.values:
        errors["kind"] = "Cần chọn hình thức hỗ trợ."
    if not (giver or "").strip():
        errors["giver"] = "Cần ghi đơn vị hoặc nhà hảo tâm trao hỗ trợ."
    if amount is not None and amount < 0:
        errors["amount"] = "Giá trị hỗ trợ không được âm."
    if amount is None and not (in_kind or "").strip():
        errors["amount"] = "Cần ghi giá trị bằng tiền hoặc hiện vật đã trao."
    if holds_national_id(description):
        errors["description"] = "Không ghi số căn cước, chứng minh nhân dân vào hồ sơ hộ."
    if errors:
        raise ValidationError(errors)
    support = Support(
        household=household,
        date=date,
        kind=kind,
        giver=giver.strip(),
        description=(description or "").strip(),
        amount=amount,
        in_kind=(in_kind or "").strip(),
        created_by=_user(actor),
    )
    support.full_clean()
    support.save()
    record(
        actor=actor,
        action="households.support",
        target=household,
        changes={"date": date, "kind": kind, "amount": amount, "giver": support.giver},
    )
    return support


@transaction.atomic
def delete_support(*, support: Support, actor: Any = None) -> None:
    check_may_change(actor, support.household.unit)
    record(
        actor=actor,
        action="households.support_delete",
        target=support.household,
        changes={"date": support.date, "kind": support.kind, "amount": support.amount},
    )
    support.delete()

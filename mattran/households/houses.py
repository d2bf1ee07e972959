"""Solidarity houses: a house for a household, its funding sources and photos. Handing a
house over (or changing its handover) recounts the month's figure of the housing indicator."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from mattran.audit.services import record
from mattran.core.numbers import format_money
from mattran.households.feeding import refresh_house_values
from mattran.households.models import (
    MAX_PHOTO_BYTES,
    MAX_PHOTOS_PER_HOUSE,
    ApprovalListEntry,
    FundingKind,
    FundingSource,
    Household,
    HouseKind,
    HousePhoto,
    HouseStatus,
    SolidarityHouse,
)
from mattran.households.registry import check_may_change

HOUSE_FIELDS = (
    "kind",
    "year",
    "list_entry",
    "cost",
    "started_on",
    "handed_over_on",
    "status",
    "note",
)
PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def _validate(household: Household, values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    kind, status = values.get("kind"), values.get("status")
    cost: Decimal | None = values.get("cost")
    started: date | None = values.get("started_on")
    handed: date | None = values.get("handed_over_on")
    entry: ApprovalListEntry | None = values.get("list_entry")
    if kind not in HouseKind.values:
        errors["kind"] = "Cần chọn xây mới hay sửa chữa."
    year = values.get("year")
    if year is None or not 2000 <= int(year) <= today.year + 1:
        errors["year"] = f"Năm thực hiện phải từ 2000 đến {today.year + 1}."
    if status not in HouseStatus.values:
        errors["status"] = "Cần chọn tình trạng của nhà."
    if cost is None:
        errors["cost"] = "Cần ghi tổng kinh phí (đồng)."
    elif cost < 0:
        errors["cost"] = "Kinh phí không được âm."
    if status == HouseStatus.HANDED_OVER and handed is None:
        errors["handed_over_on"] = "Nhà đã bàn giao cần có ngày bàn giao."
    elif handed is not None and status != HouseStatus.HANDED_OVER:
        errors["handed_over_on"] = "Chỉ ghi ngày bàn giao khi nhà đã bàn giao."
    elif handed is not None and handed > today:
        errors["handed_over_on"] = "Ngày bàn giao không được sau ngày hôm nay."
    if status in (HouseStatus.BUILDING, HouseStatus.HANDED_OVER) and started and started > today:
        errors["started_on"] = "Nhà đang thi công hoặc đã bàn giao thì ngày khởi công đã qua."
    if started and handed and handed < started and "handed_over_on" not in errors:
        errors["handed_over_on"] = "Ngày bàn giao không được trước ngày khởi công."
    if entry is not None and entry.household_id != household.pk:
        errors["list_entry"] = "Danh sách phê duyệt đã chọn không phải của hộ này."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_house(*, household: Household, actor: Any = None, **values: Any) -> SolidarityHouse:
    check_may_change(actor, household.unit)
    values = {k: values.get(k) for k in HOUSE_FIELDS}
    values["note"] = (values.get("note") or "").strip()
    values["status"] = values.get("status") or HouseStatus.PLANNED
    _validate(household, values)
    house = SolidarityHouse(household=household, created_by=_user(actor), **values)
    house.full_clean()
    house.save()
    record(actor=actor, action="houses.create", target=house, changes=_changes(house))
    refresh_house_values(household.unit, [house.handed_over_on], actor=actor)
    return house


@transaction.atomic
def update_house(*, house: SolidarityHouse, actor: Any = None, **values: Any) -> SolidarityHouse:
    household = house.household
    check_may_change(actor, household.unit)
    values = {k: values.get(k) for k in HOUSE_FIELDS}
    values["note"] = (values.get("note") or "").strip()
    _validate(household, values)
    before = _changes(house)
    old_day = house.handed_over_on if house.status == HouseStatus.HANDED_OVER else None
    for name, value in values.items():
        setattr(house, name, value)
    house.full_clean()
    house.save()
    after = _changes(house)
    record(
        actor=actor,
        action="houses.update",
        target=house,
        changes={
            k: {"before": before[k], "after": after[k]} for k in after if before[k] != after[k]
        },
    )
    refresh_house_values(household.unit, [old_day, house.handed_over_on], actor=actor)
    return house


@transaction.atomic
def delete_house(*, house: SolidarityHouse, actor: Any = None) -> None:
    check_may_change(actor, house.household.unit)
    day = house.handed_over_on if house.status == HouseStatus.HANDED_OVER else None
    unit = house.household.unit
    record(actor=actor, action="houses.delete", target=house, changes=_changes(house))
    house.delete()
    refresh_house_values(unit, [day], actor=actor)


def _changes(house: SolidarityHouse) -> dict[str, Any]:
    return {
        "kind": house.kind,
        "year": house.year,
        "status": house.status,
        "cost": house.cost,
        "started_on": house.started_on,
        "handed_over_on": house.handed_over_on,
        "list_entry": house.list_entry_id,
    }


def funding_total(house: SolidarityHouse) -> Decimal:
    return sum((f.amount for f in house.funding.all()), Decimal(0))


def funding_warning(house: SolidarityHouse) -> str:
    """A warning (never a refusal) when the sources do not add up to the cost."""
    total = funding_total(house)
    if not house.funding.exists():
        return "Chưa ghi nguồn kinh phí của nhà này."
    if total == house.cost:
        return ""
    gap = house.cost - total
    if gap > 0:
        return (
            f"Tổng các nguồn ({format_money(total)}) chưa bằng tổng kinh phí "
            f"({format_money(house.cost)}): còn thiếu {format_money(gap)}."
        )
    return (
        f"Tổng các nguồn ({format_money(total)}) vượt tổng kinh phí "
        f"({format_money(house.cost)}) {format_money(-gap)}: kiểm tra lại số liệu."
    )


@transaction.atomic
def add_funding(
    *, house: SolidarityHouse, kind: str, amount: Decimal, sponsor: str = "", actor: Any = None
) -> FundingSource:
    check_may_change(actor, house.household.unit)
    errors: dict[str, str] = {}
    sponsor = (sponsor or "").strip()
    if kind not in FundingKind.values:
        errors["kind"] = "Cần chọn nguồn kinh phí."
    if amount is None:
        errors["amount"] = "Cần ghi số tiền."
    elif amount < 0:
        errors["amount"] = "Số tiền không được âm."
    elif amount == 0:
        errors["amount"] = "Số tiền phải lớn hơn 0."
    if kind == FundingKind.SPONSOR and not sponsor:
        errors["sponsor"] = "Cần ghi tên nhà tài trợ, nhà hảo tâm."
    if errors:
        raise ValidationError(errors)
    source = FundingSource(house=house, kind=kind, amount=amount, sponsor=sponsor)
    source.full_clean()
    source.save()
    record(
        actor=actor,
        action="houses.funding",
        target=house,
        changes={"kind": kind, "amount": amount, "sponsor": sponsor},
    )
    return source


@transaction.atomic
def delete_funding(*, source: FundingSource, actor: Any = None) -> None:
    check_may_change(actor, source.house.household.unit)
    record(
        actor=actor,
        action="houses.funding_delete",
        target=source.house,
        changes={"kind": source.kind, "amount": source.amount, "sponsor": source.sponsor},
    )
    source.delete()


def read_photo(name: str, data: bytes) -> str:
    """The photo's content type, or a Vietnamese refusal: too big, or not a picture."""
    if len(data) > MAX_PHOTO_BYTES:
        size = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        raise ValidationError(f"Ảnh “{name}” nặng {size} MB, vượt quá 5 MB cho mỗi ảnh.")
    if not data:
        raise ValidationError(f"Tệp “{name}” rỗng.")
    try:
        with Image.open(BytesIO(data)) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            f"Tệp “{name}” không phải là ảnh (nhận ảnh JPG, PNG, WebP, GIF)."
        ) from exc
    if found not in PHOTO_TYPES:
        raise ValidationError(f"Tệp “{name}” không phải là ảnh JPG, PNG, WebP hay GIF.")
    return PHOTO_TYPES[found]


@transaction.atomic
def add_photo(
    *, house: SolidarityHouse, name: str, data: bytes, caption: str = "", actor: Any = None
) -> HousePhoto:
    check_may_change(actor, house.household.unit)
    if house.photos.count() >= MAX_PHOTOS_PER_HOUSE:
        raise ValidationError(f"Mỗi nhà lưu tối đa {MAX_PHOTOS_PER_HOUSE} ảnh.")
    content_type = read_photo(name, data)
    photo = HousePhoto.objects.create(
        house=house,
        name=(name or "anh.jpg")[-255:],
        content_type=content_type,
        data=data,
        size=len(data),
        caption=(caption or "").strip()[:255],
        uploaded_by=_user(actor),
    )
    record(
        actor=actor,
        action="houses.photo",
        target=house,
        changes={"photo": photo.pk, "size": photo.size},
    )
    return photo


@transaction.atomic
def delete_photo(*, photo: HousePhoto, actor: Any = None) -> None:
    check_may_change(actor, photo.house.household.unit)
    record(
        actor=actor, action="houses.photo_delete", target=photo.house, changes={"photo": photo.pk}
    )
    photo.delete()

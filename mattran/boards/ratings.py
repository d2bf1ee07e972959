"""Rating committees and boards each year: only the level above rates, with its reasons.

Who is "the level above" (decided with `accounts.scope`):
- a committee (a commune's, a city's) and a residential area's Front board are rated by an
  administrator of a unit above them (`scope.can_approve`): the city rates its wards, a
  ward rates its residential areas' boards, and no committee rates itself or a sibling;
- a commune's People's Inspection Board and Community Investment Supervision Board are set
  up by, and answer to, the commune's Front committee, so an administrator of the commune
  (or above it) rates them (`scope.can_manage`).
Every rating is audited and rewrites the figures computed from it (see `feeding`).
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.boards import feeding
from mattran.boards.models import (
    REASONS_REQUIRED,
    SUBJECT_TIERS,
    Measure,
    Subject,
    YearlyRating,
    subject_name,
)
from mattran.core.dates import format_date
from mattran.core.ratings import Rating
from mattran.units.models import Unit

MEASURES_OF = {
    Subject.COMMITTEE: (Measure.COMMITTEE_RATING,),
    Subject.AREA_BOARD: (Measure.AREA_BOARD_RATING,),
    Subject.INSPECTION_BOARD: (Measure.INSPECTION_EFFECTIVE,),
    Subject.SUPERVISION_BOARD: (),
}
MAX_REASONS = 2000


def may_rate(user: Any, unit: Unit, subject: str) -> bool:
    if subject in (Subject.INSPECTION_BOARD, Subject.SUPERVISION_BOARD):
        return scope.can_manage(user, unit)
    return scope.can_approve(user, unit)


def check_may_rate(user: Any, unit: Unit, subject: str) -> None:
    if user is None or may_rate(user, unit, subject):
        return
    name = subject_name(subject, unit)
    if subject == Subject.COMMITTEE and getattr(user, "unit_id", None) == unit.pk:
        above = unit.parent.name if unit.parent_id else "cấp trên"
        raise PermissionDenied(
            f"Không tự xếp loại được: {name} do Ban Thường trực {above} đánh giá, xếp loại."
        )
    if subject in (Subject.INSPECTION_BOARD, Subject.SUPERVISION_BOARD):
        raise PermissionDenied(
            f"Chỉ quản trị viên Ủy ban MTTQ {unit.name} hoặc cấp trên mới xếp loại được {name}."
        )
    raise PermissionDenied(f"Chỉ quản trị viên của đơn vị cấp trên mới xếp loại được {name}.")


def validate(unit: Unit, subject: str, year: int, rating: Any, reasons: str) -> None:
    if subject not in Subject.values:
        raise ValidationError({"subject": "Đối tượng xếp loại không hợp lệ."})
    if unit.tier not in SUBJECT_TIERS[Subject(subject)]:
        raise ValidationError(
            {"subject": f"{unit.name} không có {Subject(subject).label.lower()} để xếp loại."}
        )
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise ValidationError({"year": f"Năm xếp loại phải từ 2000 đến {this_year}."})
    year_end = date(year, 12, 31)
    if unit.valid_to and unit.valid_to < year_end:
        raise ValidationError(
            {
                "year": f"{unit.name} đã kết thúc hoạt động từ ngày {format_date(unit.valid_to)} "
                f"(sắp xếp đơn vị), không xếp loại năm {year}; đơn vị kế thừa được xếp loại."
            }
        )
    if unit.valid_from and unit.valid_from > year_end:
        raise ValidationError(
            {
                "year": f"{unit.name} hoạt động từ ngày {format_date(unit.valid_from)}, chưa có "
                f"năm {year} để xếp loại."
            }
        )
    if rating not in Rating.values:
        raise ValidationError({"rating": "Chọn một trong bốn mức xếp loại."})
    if rating in REASONS_REQUIRED and not reasons:
        raise ValidationError(
            {"reasons": f"Xếp loại “{Rating(rating).label}” cần ghi rõ nhận xét, lý do."}
        )
    if len(reasons) > MAX_REASONS:
        raise ValidationError({"reasons": f"Nhận xét, lý do dài quá {MAX_REASONS} ký tự."})


@transaction.atomic
def rate(
    *,
    unit: Unit,
    subject: str,
    year: int,
    rating: int,
    reasons: str = "",
    actor: Any = None,
) -> YearlyRating:
    """Give (or change) `unit`'s rating for `year`; refused with a Vietnamese message."""
    reasons = (reasons or "").strip()
    check_may_rate(actor, unit, subject)
    validate(unit, subject, year, rating, reasons)
    current = (
        YearlyRating.objects.select_for_update()
        .filter(unit=unit, subject=subject, year=year)
        .first()
    )
    before = {"rating": current.rating, "reasons": current.reasons} if current else None
    item = current or YearlyRating(unit=unit, subject=subject, year=year)
    item.rating = rating
    item.reasons = reasons
    item.rated_by = actor if getattr(actor, "is_authenticated", False) else None
    item.rated_at = timezone.now()
    item.save()
    record(
        actor=actor,
        action="boards.rate",
        target=item,
        changes={"before": before, "after": {"rating": rating, "reasons": reasons}},
    )
    feeding.refresh_for(MEASURES_OF[Subject(subject)], [unit.pk], [year], actor=actor)
    return item


@transaction.atomic
def clear_rating(*, item: YearlyRating, actor: Any = None) -> None:
    """Withdraw a rating given by mistake; the figures computed from it go with it."""
    check_may_rate(actor, item.unit, item.subject)
    record(
        actor=actor,
        action="boards.clear_rating",
        target=item,
        changes={"before": {"rating": item.rating, "reasons": item.reasons}},
    )
    unit_id, subject, year = item.unit_id, item.subject, item.year
    item.delete()
    feeding.refresh_for(MEASURES_OF[Subject(subject)], [unit_id], [year], actor=actor)

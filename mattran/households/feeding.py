"""No double entry: the programme's housing indicator (II.1 "nhà Đại đoàn kết") is the count
of houses handed over, written into each month's figure of the reporting unit through the
same service as a clerk's figures (`reporting.services.save_data_value`), like activities
feed their indicators (`activities.services.refresh_fed_values`)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.households.models import HouseStatus, HousingIndicatorLink, SolidarityHouse
from mattran.programmes.models import Aggregation, Indicator, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.models import DataValue
from mattran.reporting.services import Figure, save_data_value
from mattran.units.models import Unit


def unit_at_tier(unit: Unit, tier: str) -> Unit | None:
    """`unit` or its nearest ancestor of `tier` (a residential area's ward), if any."""
    current: Unit | None = unit
    while current is not None:
        if current.tier == tier:
            return current
        current = current.parent if current.parent_id else None
    return None


def handed_over_count(unit: Unit, month: PeriodSpec) -> int:
    """Houses handed over in `month` to households registered in `unit`'s subtree."""
    return SolidarityHouse.objects.filter(
        status=HouseStatus.HANDED_OVER,
        handed_over_on__gte=month.start,
        handed_over_on__lte=month.end,
        household__unit__in=Unit.objects.subtree(unit),
    ).count()


def note_for(count: int) -> str:
    return f"Tính tự động từ {count} nhà Đại đoàn kết bàn giao"


def linked_indicators() -> list[Indicator]:
    return [
        link.indicator
        for link in HousingIndicatorLink.objects.select_related(
            "indicator__programme__unit"
        ).order_by("pk")
    ]


def feedable(indicator: Indicator) -> bool:
    return (
        indicator.frequency == PeriodKind.MONTH
        and indicator.value_type == ValueType.COUNT
        and indicator.aggregation == Aggregation.SUM
    )


def refresh_house_values(unit: Unit, days: Iterable[date | None], *, actor: Any = None) -> None:
    """Recount the handed-over houses of the months of `days` for `unit`'s reporting unit of
    every linked indicator. A month whose report is locked refuses the change (and with it
    the house change that caused it) with the reporting module's message."""
    months = sorted({PeriodSpec.month(d.year, d.month) for d in days if d is not None})
    if not months:
        return
    for indicator in linked_indicators():
        target = unit_at_tier(unit, indicator.reported_by)
        if target is None or not feedable(indicator):
            continue
        programme = indicator.programme
        if not programme_covers(programme, target):
            continue
        for month in months:
            if month.start.year not in programme.years:
                continue
            try:
                _write(indicator, target, month, actor=actor)
            except ValidationError as exc:
                raise ValidationError(
                    f"Không lưu được vì số nhà bàn giao {month.label} được tính vào chỉ tiêu "
                    f"{indicator.code} của {target.name}: {' '.join(exc.messages)}"
                ) from exc


def _write(indicator: Indicator, unit: Unit, month: PeriodSpec, *, actor: Any) -> bool:
    """Save the month's count unless the stored figure already says it; True if written."""
    count = handed_over_count(unit, month)
    current = DataValue.objects.filter(
        indicator=indicator, unit=unit, period__code=month.code
    ).first()
    if current is None and count == 0:
        return False
    if current is not None and current.number == count:
        return False
    writer = actor if actor is not None and scope.can_enter(actor, unit) else None
    save_data_value(
        indicator=indicator,
        unit=unit,
        period=month,
        figure=Figure(number=Decimal(count)),
        note=note_for(count),
        actor=writer,
    )
    return True


@dataclass
class RefreshResult:
    written: int = 0
    locked: list[str] = field(default_factory=list)


def refresh_indicator(indicator: Indicator, *, actor: Any = None) -> RefreshResult:
    """Make every monthly figure of `indicator` equal to the houses: the months that have
    handed-over houses and the months that already hold a figure. Months whose report is
    locked keep their figure and are listed."""
    result = RefreshResult()
    programme = indicator.programme
    today = timezone.localdate()
    pairs: set[tuple[int, PeriodSpec]] = set()
    houses = SolidarityHouse.objects.filter(
        status=HouseStatus.HANDED_OVER,
        handed_over_on__year__gte=programme.first_year,
        handed_over_on__year__lte=programme.last_year,
    ).select_related("household__unit")
    units: dict[int, Unit] = {}
    for house in houses:
        target = unit_at_tier(house.household.unit, indicator.reported_by)
        if target is None or not programme_covers(programme, target):
            continue
        units[target.pk] = target
        day = house.handed_over_on
        pairs.add((target.pk, PeriodSpec.month(day.year, day.month)))
    for value in DataValue.objects.filter(
        indicator=indicator, period__kind=PeriodKind.MONTH
    ).select_related("unit", "period"):
        units[value.unit_id] = value.unit
        pairs.add(
            (value.unit_id, PeriodSpec.month(value.period.start.year, value.period.start.month))
        )
    for unit_id, month in sorted(pairs, key=lambda p: (p[1].start, p[0])):
        if month.start > today:
            continue
        try:
            with transaction.atomic():
                if _write(indicator, units[unit_id], month, actor=actor):
                    result.written += 1
        except (ValidationError, PermissionDenied):
            result.locked.append(f"{units[unit_id].name} {month.label}")
    return result


@transaction.atomic
def link_indicator(*, indicator: Indicator, actor: Any = None) -> RefreshResult:
    """Mark `indicator` as counted from handed-over houses and recount its figures."""
    if getattr(actor, "is_authenticated", False) and not scope.can_manage(
        actor, indicator.programme.unit
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {indicator.programme.unit.name} mới gắn được chỉ tiêu."
        )
    if not feedable(indicator):
        raise ValidationError(
            f"Chỉ tiêu {indicator.code} không phải chỉ tiêu đếm số lượng, cộng dồn hằng tháng "
            "nên không tính được từ số nhà bàn giao."
        )
    if HousingIndicatorLink.objects.filter(indicator=indicator).exists():
        raise ValidationError(f"Chỉ tiêu {indicator.code} đã được tính từ nhà Đại đoàn kết.")
    link = HousingIndicatorLink.objects.create(
        indicator=indicator,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(actor=actor, action="households.link_indicator", target=link, changes={})
    return refresh_indicator(indicator, actor=actor)


@transaction.atomic
def unlink_indicator(*, link: HousingIndicatorLink, actor: Any = None) -> None:
    """Stop computing the indicator from houses; its figures stay as they are, typed again."""
    if getattr(actor, "is_authenticated", False) and not scope.can_manage(
        actor, link.indicator.programme.unit
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {link.indicator.programme.unit.name} mới bỏ gắn được."
        )
    record(actor=actor, action="households.unlink_indicator", target=link, changes={})
    link.delete()

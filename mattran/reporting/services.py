"""Writing data values: every check a figure must pass before it is stored."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.core.dates import format_date
from mattran.core.numbers import format_number
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.core.ratings import Rating
from mattran.programmes.models import Indicator, Programme, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.models import DataValue, Period
from mattran.reporting.signals import values_written
from mattran.reporting.workflow import lock_message
from mattran.units.models import Tier, Unit

VALUE_FIELDS = ("number", "numerator", "denominator", "boolean", "rating")


class ConflictError(ValidationError):
    """Somebody saved the same figure after this form was opened."""

    def __init__(self, message: str, current: DataValue):
        super().__init__(message, code="conflict")
        self.current = current


@dataclass(frozen=True)
class Figure:
    """What a user typed for one indicator: only the fields of its value type are set."""

    number: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    boolean: bool | None = None
    rating: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in VALUE_FIELDS}

    @classmethod
    def of(cls, value: "DataValue") -> "Figure":
        """The figure a stored value holds."""
        return cls(**{name: getattr(value, name) for name in VALUE_FIELDS})


def as_period(period: Period | PeriodSpec | str) -> Period:
    if isinstance(period, Period):
        return period
    if isinstance(period, str):
        period = PeriodSpec.parse(period)
    return Period.objects.for_spec(period)


def validate_placement(
    indicator: Indicator, unit: Unit, period: Period, *, covered: bool | None = None
) -> None:
    """May `unit` report `indicator` for `period` at all? Raises with the reason.

    `covered` passes on an answer the caller already has to "does the programme apply
    to this unit?", which batches ask once per unit.
    """
    programme = indicator.programme
    wanted = indicator.frequency
    if period.kind != wanted:
        how = "hằng năm" if wanted == PeriodKind.YEAR else "hằng tháng"
        raise ValidationError(
            {"period": f"Chỉ tiêu {indicator.code} báo cáo {how}, không nhập cho {period}."}
        )
    if period.start.year < programme.first_year or period.end.year > programme.last_year:
        raise ValidationError(
            {"period": f"Kỳ báo cáo {period} nằm ngoài {programme.term_label} của chương trình."}
        )
    if not (covered if covered is not None else programme_covers(programme, unit)):
        raise ValidationError(
            {"unit": f"{unit.name} không thuộc phạm vi chương trình của {programme.unit.name}."}
        )
    if unit.tier != indicator.reported_by:
        raise ValidationError(
            {
                "unit": f"Chỉ tiêu {indicator.code} do đơn vị "
                f"{Tier(indicator.reported_by).label.lower()} "
                f"báo cáo; {unit.name} thuộc {Tier(unit.tier).label.lower()}."
            }
        )
    if not unit.is_valid_on(period.end):
        if unit.valid_from and unit.valid_from > period.end:
            why = f"mới hoạt động từ ngày {format_date(unit.valid_from)}"
        else:
            why = f"đã kết thúc hoạt động từ ngày {format_date(unit.valid_to)} (sắp xếp đơn vị)"
        raise ValidationError({"unit": f"{unit.name} {why}, không nhập số liệu cho {period}."})


def validate_figure(indicator: Indicator, figure: Figure) -> None:
    """Is the figure of the right kind and in range for the indicator's value type?"""
    kind = indicator.value_type
    needed = {
        ValueType.COUNT: {"number"},
        ValueType.AMOUNT: {"number"},
        ValueType.PERCENT: {"number"},
        ValueType.FRACTION: {"numerator", "denominator"},
        ValueType.YES_NO: {"boolean"},
        ValueType.RATING: {"rating"},
    }[kind]
    given = {name for name, value in figure.as_dict().items() if value is not None}
    errors: dict[str, str] = {}
    for name in sorted(needed - given):
        errors[name] = "Chưa nhập số liệu." if name != "boolean" else "Chưa chọn có hay không."
    for name in sorted(given - needed):
        errors[name] = f"Chỉ tiêu {indicator.code} không nhập trường này."
    if errors:
        raise ValidationError(errors)
    if kind in (ValueType.COUNT, ValueType.AMOUNT) and figure.number < 0:
        raise ValidationError({"number": "Số liệu không được âm."})
    if kind == ValueType.COUNT and figure.number != figure.number.to_integral():
        raise ValidationError({"number": "Số lượng phải là số nguyên."})
    if kind == ValueType.PERCENT and not 0 <= figure.number <= 100:
        raise ValidationError(
            {"number": f"Tỷ lệ phải từ 0% đến 100% (đã nhập {format_number(figure.number)}%)."}
        )
    if kind == ValueType.FRACTION:
        if figure.denominator <= 0:
            raise ValidationError({"denominator": "Mẫu số phải lớn hơn 0."})
        if figure.numerator < 0:
            raise ValidationError({"numerator": "Tử số không được âm."})
        if figure.numerator > figure.denominator:
            raise ValidationError(
                {
                    "numerator": f"Tử số ({format_number(figure.numerator)}) không được lớn hơn "
                    f"mẫu số ({format_number(figure.denominator)})."
                }
            )
    if kind == ValueType.RATING and figure.rating not in Rating.values:
        raise ValidationError({"rating": "Xếp loại không hợp lệ (chọn từ 1 đến 4)."})


@transaction.atomic
def save_data_value(
    *,
    indicator: Indicator,
    unit: Unit,
    period: Period | PeriodSpec | str,
    figure: Figure,
    note: str = "",
    actor: Any = None,
    expected_version: int | None = None,
    report_checked: bool = False,
) -> DataValue:
    """Store a unit's figure, or refuse it with a Vietnamese message and change nothing.

    `expected_version` is the version the user's form was opened on (None for a new
    entry made without a form): a newer saved value is never silently overwritten.
    `report_checked` says the caller has already checked, in the same transaction, that
    the actor may change this unit's report and that it is not locked (`check_may_change`):
    a form checks that once for all its figures.
    """
    period = as_period(period)
    if not report_checked:
        check_may_change(actor, indicator.programme, unit, period)
    validate_placement(indicator, unit, period)
    validate_figure(indicator, figure)
    current = (
        DataValue.objects.select_for_update()
        .filter(indicator=indicator, unit=unit, period=period)
        .first()
    )
    if current is not None:  # the audit entry and the signals read these: no query again
        current.indicator, current.unit, current.period = indicator, unit, period
    if current is not None and expected_version is not None and current.version != expected_version:
        raise newer_value(current, figure)
    if current is None and expected_version not in (None, 0):
        raise ConflictError(
            f"Số liệu {indicator.code} của {unit.name} kỳ {period} đã bị xóa sau khi bạn mở "
            "biểu mẫu.",
            current=None,
        )
    before = {name: getattr(current, name) for name in VALUE_FIELDS} if current else None
    value = current or DataValue(indicator=indicator, unit=unit, period=period, version=0)
    for name, new in figure.as_dict().items():
        setattr(value, name, new)
    value.note = note
    value.entered_by = actor if getattr(actor, "is_authenticated", False) else None
    value.version += 1
    if current is None:
        try:  # another clerk may be storing the same new figure at this very moment
            with transaction.atomic():
                value.save()
        except IntegrityError:
            raise newer_value(
                DataValue.objects.get(indicator=indicator, unit=unit, period=period), figure
            ) from None
    else:
        value.save()
    record(
        actor=actor,
        action="data_value.save",
        target=value,
        changes={"before": before, "after": figure.as_dict(), "note": note},
    )
    return value


def newer_value(current: DataValue, figure: Figure) -> ConflictError:
    return ConflictError(
        f"Số liệu {current.indicator.code} của {current.unit.name} kỳ {current.period} vừa được "
        f"{current.entered_by or 'người khác'} cập nhật. Giá trị đang lưu: "
        f"{describe(current)}; giá trị bạn nhập: {describe_figure(current.indicator, figure)}.",
        current=current,
    )


def check_may_change(actor: Any, programme: Programme, unit: Unit, period: Period) -> None:
    """Refuse a change by a user outside the unit's reach, or to a locked report."""
    if getattr(actor, "is_authenticated", False) and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền nhập số liệu của {unit.name}.")
    locked = lock_message(programme, unit, period)
    if locked:
        raise ValidationError(locked, code="locked")


@transaction.atomic
def clear_data_value(
    *,
    value: DataValue,
    actor: Any = None,
    expected_version: int | None = None,
    report_checked: bool = False,
) -> None:
    """Remove a figure a user emptied; the same checks as saving apply."""
    value = (
        DataValue.objects.select_for_update()
        .select_related("indicator__programme", "unit", "period")
        .get(pk=value.pk)
    )
    if not report_checked:
        check_may_change(actor, value.indicator.programme, value.unit, value.period)
    if expected_version is not None and value.version != expected_version:
        raise ConflictError(
            f"Số liệu {value.indicator.code} của {value.unit.name} kỳ {value.period} vừa được "
            f"cập nhật thành {describe(value)}: chưa xóa.",
            current=value,
        )
    record(
        actor=actor,
        action="data_value.clear",
        target=value,
        changes={"before": {n: getattr(value, n) for n in VALUE_FIELDS}},
    )
    value.delete()


def describe(value: DataValue) -> str:
    return describe_figure(value.indicator, Figure.of(value))


def describe_figure(indicator: Indicator, figure: Figure) -> str:
    kind = indicator.value_type
    if kind == ValueType.FRACTION:
        return f"{format_number(figure.numerator)}/{format_number(figure.denominator)}"
    if kind == ValueType.YES_NO:
        return "có" if figure.boolean else "không"
    if kind == ValueType.RATING:
        return Rating(figure.rating).label if figure.rating in Rating.values else str(figure.rating)
    suffix = "%" if kind == ValueType.PERCENT else ""
    return f"{format_number(figure.number)}{suffix}" if figure.number is not None else "(trống)"


@dataclass(frozen=True)
class ValueRow:
    """One figure of a batch: what, where, when."""

    indicator: Indicator
    unit: Unit
    period: Period
    figure: Figure
    note: str = ""


@transaction.atomic
def save_data_values(rows: list[ValueRow], *, actor: Any = None) -> int:
    """Store a batch of figures all together, or none of them.

    Every row passes the same checks as `save_data_value`; on any failure a
    ValidationError lists each rejected row with its reason and nothing is stored.
    Existing figures are replaced. Returns the number of rows stored.
    """
    covered: dict[tuple[int, int], bool] = {}
    locks: dict[tuple[int, int, int], None] = {}
    errors: list[str] = []
    for number, row in enumerate(rows, start=1):
        try:
            lock_key = (row.indicator.programme_id, row.unit.pk, row.period.pk)
            if lock_key not in locks:
                check_may_change(actor, row.indicator.programme, row.unit, row.period)
                locks[lock_key] = None
            key = (row.indicator.programme_id, row.unit.pk)
            if key not in covered:
                covered[key] = programme_covers(row.indicator.programme, row.unit)
            validate_placement(row.indicator, row.unit, row.period, covered=covered[key])
            validate_figure(row.indicator, row.figure)
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(
                f"Dòng {number} ({row.indicator.code}, {row.unit.code}, "
                f"{row.period.code}): {'; '.join(messages)}"
            )
    if errors:
        raise ValidationError(errors)
    user = actor if getattr(actor, "is_authenticated", False) else None
    existing = {
        (v.indicator_id, v.unit_id, v.period_id): v
        for v in DataValue.objects.filter(
            indicator_id__in={r.indicator.pk for r in rows},
            unit_id__in={r.unit.pk for r in rows},
            period_id__in={r.period.pk for r in rows},
        )
    }
    new, changed = [], []
    now = timezone.now()
    for row in rows:
        value = existing.get((row.indicator.pk, row.unit.pk, row.period.pk))
        if value is None:
            value = DataValue(indicator=row.indicator, unit=row.unit, period=row.period, version=0)
            new.append(value)
        else:
            changed.append(value)
        for name, figure_value in row.figure.as_dict().items():
            setattr(value, name, figure_value)
        value.note, value.entered_by, value.updated_at = row.note, user, now
        value.version += 1
    DataValue.objects.bulk_create(new, batch_size=1000)
    DataValue.objects.bulk_update(
        changed, [*VALUE_FIELDS, "note", "entered_by", "version", "updated_at"], batch_size=1000
    )
    values_written.send(
        sender=DataValue, pairs={(r.indicator.pk, r.period.start.year) for r in rows}
    )
    if rows:
        record(
            actor=actor,
            action="data_value.save_batch",
            target=rows[0].indicator.programme,
            changes={"created": len(new), "updated": len(changed)},
        )
    return len(rows)

"""Reporting periods and data values: read by unit, indicator and period; write all or nothing."""

from typing import Annotated

from django.db import transaction
from ninja import Query, Router

from mattran.accounts import scope
from mattran.api.convert import period_out, value_out
from mattran.api.errors import ApiError, bad_request
from mattran.api.lookups import indicator_or_404, paginate, period_spec, unit_or_404
from mattran.api.schemas import (
    ERRORS,
    DataValuePage,
    DataValuesIn,
    Id,
    Page,
    PageSize,
    PeriodCode,
    PeriodPage,
    SavedOut,
    UnitCode,
)
from mattran.core.periods import PeriodKind
from mattran.reporting.models import DataValue, Period
from mattran.reporting.services import Figure, ValueRow, save_data_values

router = Router(tags=["Kỳ báo cáo, số liệu"])


@router.get("/periods", response={200: PeriodPage, **ERRORS}, summary="Kỳ báo cáo")
def list_periods(
    request,
    kind: PeriodKind | None = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    page: Page = 1,
    page_size: PageSize = 50,
):
    periods = Period.objects.all()
    if kind:
        periods = periods.filter(kind=kind)
    if year:
        periods = periods.filter(start__year__lte=year, end__year__gte=year)
    result = paginate(periods.order_by("start", "-end", "pk"), page, page_size)
    result["items"] = [period_out(p) for p in result["items"]]
    return result


@router.get("/data-values", response={200: DataValuePage, **ERRORS}, summary="Số liệu")
def list_values(
    request,
    unit: Annotated[UnitCode | None, Query(description="Mã đơn vị")] = None,
    below: Annotated[bool, Query(description="Kèm số liệu các đơn vị trực thuộc")] = False,
    indicator: Annotated[Id | None, Query(description="Mã số chỉ tiêu")] = None,
    period: PeriodCode | None = None,
    page: Page = 1,
    page_size: PageSize = 50,
):
    """Figures of the units the caller sees, newest period first."""
    units = scope.visible_units(request.user)
    if unit:
        found_unit = unit_or_404(request.user, unit)
        units = units.subtree(found_unit) if below else units.filter(pk=found_unit.pk)
    values = DataValue.objects.filter(unit__in=units).select_related("indicator", "unit", "period")
    if indicator is not None:
        values = values.filter(indicator=indicator_or_404(request.user, indicator))
    if period:
        values = values.filter(period__code=period_spec(period).code)
    ordered = values.order_by("-period__start", "unit__path", "indicator__order", "pk")
    result = paginate(ordered, page, page_size)
    result["items"] = [value_out(v) for v in result["items"]]
    return result


@router.post(
    "/data-values", response={200: SavedOut, **ERRORS}, summary="Ghi một hoặc nhiều số liệu"
)
def write_values(request, payload: DataValuesIn):
    """Store every figure of the batch, or none: any refused row leaves everything unchanged.

    A figure replaces the unit's figure of the same indicator and period.
    """
    user = request.user
    with transaction.atomic():
        rows, seen, errors = [], {}, []
        for number, item in enumerate(payload.values, start=1):
            unit = unit_or_404(user, item.unit)
            indicator = indicator_or_404(user, item.indicator)
            spec = period_spec(item.period)
            if not scope.can_enter(user, unit):
                raise ApiError(
                    403,
                    "forbidden",
                    f"Dòng {number}: bạn không có quyền nhập số liệu của {unit.name}.",
                )
            key = (indicator.pk, unit.pk, spec.code)
            if key in seen:
                errors.append(f"Dòng {number} trùng chỉ tiêu, đơn vị và kỳ với dòng {seen[key]}.")
                continue
            seen[key] = number
            if indicator.is_automatic:
                errors.append(
                    f"Dòng {number}: chỉ tiêu {indicator.code} được tính tự động từ hồ sơ "
                    "(hoạt động, nhà Đại đoàn kết), không nhập tay."
                )
                continue
            figure = Figure(
                number=item.number,
                numerator=item.numerator,
                denominator=item.denominator,
                boolean=item.boolean,
                rating=item.rating,
            )
            period = Period.objects.for_spec(spec)
            rows.append(ValueRow(indicator, unit, period, figure, item.note))
        if errors:
            several = "Có dòng số liệu không hợp lệ; chưa lưu dòng nào."
            message = errors[0] if len(errors) == 1 else several
            raise bad_request(message, errors, code="validation_error")
        saved = save_data_values(rows, actor=user)
    stored = DataValue.objects.filter(
        indicator__in={r.indicator.pk for r in rows},
        unit__in={r.unit.pk for r in rows},
        period__in={r.period.pk for r in rows},
    ).select_related("indicator", "unit", "period")
    wanted = {(r.indicator.pk, r.unit.pk, r.period.pk) for r in rows}
    return {
        "saved": saved,
        "values": [
            value_out(v) for v in stored if (v.indicator_id, v.unit_id, v.period_id) in wanted
        ],
    }

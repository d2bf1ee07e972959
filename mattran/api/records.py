"""Submissions (reports and their status) and activities of the units the caller sees."""

from datetime import date
from typing import Annotated

from ninja import Field, Query, Router

from mattran.accounts import scope
from mattran.activities.models import Activity
from mattran.api.convert import activity_out, submission_out
from mattran.api.errors import bad_request
from mattran.api.lookups import paginate, period_spec, unit_or_404
from mattran.api.schemas import (
    ERRORS,
    ActivityPage,
    Page,
    PageSize,
    PeriodCode,
    SubmissionPage,
    UnitCode,
)
from mattran.reporting.models import Submission, SubmissionStatus

router = Router(tags=["Báo cáo, hoạt động"])

Month = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", description="Tháng, dạng 2024-08")]


@router.get(
    "/submissions", response={200: SubmissionPage, **ERRORS}, summary="Báo cáo và trạng thái"
)
def list_submissions(
    request,
    unit: Annotated[
        UnitCode | None, Query(description="Mã đơn vị (kèm các đơn vị trực thuộc)")
    ] = None,
    period: PeriodCode | None = None,
    status: SubmissionStatus | None = None,
    page: Page = 1,
    page_size: PageSize = 50,
):
    units = scope.visible_units(request.user)
    if unit:
        units = units.subtree(unit_or_404(request.user, unit))
    found = Submission.objects.filter(unit__in=units).select_related("unit", "period")
    if period:
        found = found.filter(period__code=period_spec(period).code)
    if status:
        found = found.filter(status=status)
    result = paginate(found.order_by("-period__start", "unit__path", "pk"), page, page_size)
    result["items"] = [submission_out(s) for s in result["items"]]
    return result


@router.get("/activities", response={200: ActivityPage, **ERRORS}, summary="Hoạt động")
def list_activities(
    request,
    unit: Annotated[
        UnitCode | None, Query(description="Mã đơn vị (kèm các đơn vị trực thuộc)")
    ] = None,
    month: Month | None = None,
    page: Page = 1,
    page_size: PageSize = 50,
):
    units = scope.visible_units(request.user)
    if unit:
        units = units.subtree(unit_or_404(request.user, unit))
    found = Activity.objects.filter(unit__in=units).select_related("unit", "type")
    if month:
        year, number = (int(x) for x in month.split("-"))
        try:
            date(year, number, 1)
        except ValueError as exc:
            raise bad_request(f"Tháng “{month}” không hợp lệ (dùng dạng 2024-08).") from exc
        found = found.filter(date__year=year, date__month=number)
    result = paginate(found.order_by("-date", "-pk"), page, page_size)
    result["items"] = [activity_out(a) for a in result["items"]]
    return result

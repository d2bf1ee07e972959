"""Writes of the report workflow and of activities, through the same services as the pages:
submit a report, return it with a reason, approve it; record, change and delete an activity.

Scope as on the pages: what the caller cannot see is 404; what it sees but may not do is 403
with the services' own message.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from ninja import Router, Status

from mattran.accounts import scope
from mattran.activities.models import Activity, ActivityType
from mattran.activities.services import (
    check_not_owned,
    delete_activity,
    record_activity,
    update_activity,
)
from mattran.api.convert import activity_out, submission_out
from mattran.api.errors import bad_request, not_found
from mattran.api.lookups import period_spec, programme_or_404, unit_or_404
from mattran.api.records import router as records_router
from mattran.api.schemas import (
    ERRORS,
    ActivityChange,
    ActivityIn,
    ActivityOut,
    ErrorOut,
    Id,
    ReturnIn,
    SubmissionOut,
    SubmitIn,
)
from mattran.core.periods import PeriodKind
from mattran.programmes.selectors import programme_covers, programme_for
from mattran.reporting import workflow
from mattran.reporting.models import Period, Submission

router = Router(tags=["Báo cáo, hoạt động"])
WRITE_ERRORS = {**ERRORS, 409: ErrorOut}
REQUIRED = {"type": "loại hoạt động", "date": "ngày", "title": "tên hoạt động"}


def submission_or_404(user, pk: int) -> Submission:
    found = (
        Submission.objects.filter(pk=pk, unit__in=scope.visible_units(user))
        .select_related("unit", "period", "programme")
        .first()
    )
    if found is None:
        raise not_found(f"Không tìm thấy báo cáo số {pk} hoặc bạn không có quyền xem.")
    return found


def activity_or_404(user, pk: int) -> Activity:
    found = (
        Activity.objects.filter(pk=pk, unit__in=scope.visible_units(user))
        .select_related("unit", "type")
        .first()
    )
    if found is None:
        raise not_found(f"Không tìm thấy hoạt động số {pk} hoặc bạn không có quyền xem.")
    return found


def activity_type(code: str) -> ActivityType:
    found = ActivityType.objects.filter(code=code).first()
    if found is None:
        raise bad_request(f"Không có loại hoạt động “{code}”.", {"type": code})
    return found


@router.post(
    "/submissions/submit",
    response={200: SubmissionOut, **ERRORS},
    summary="Nộp báo cáo của một đơn vị cho một kỳ",
)
def submit(request, payload: SubmitIn):
    """As the report page's “Nộp báo cáo”: the unit's figures of the month (or year) go up
    to the committee above and are locked until it approves or returns them. Without
    `programme`, the programme the unit's report page shows for that year."""
    spec = period_spec(payload.period)
    unit = unit_or_404(request.user, payload.unit)
    if spec.kind not in (PeriodKind.MONTH, PeriodKind.YEAR):
        raise bad_request("Chỉ nộp báo cáo theo tháng hoặc theo năm.", code="invalid_period")
    if payload.programme is not None:
        programme = programme_or_404(request.user, payload.programme)
        if not programme_covers(programme, unit):
            raise bad_request(f"Chương trình “{programme.title}” không áp dụng cho {unit.name}.")
    else:
        programme = programme_for(unit, spec.start.year)
        if programme is None:
            raise not_found(
                f"{unit.name} chưa có chương trình hành động cho năm {spec.start.year}."
            )
    with transaction.atomic():  # a refused report leaves no draft behind
        period = Period.objects.for_spec(spec)
        submission = workflow.submission_for(programme, unit, period)
        submission = workflow.submit_report(submission=submission, actor=request.user)
    return submission_out(submission)


@router.post(
    "/submissions/{submission_id}/approve",
    response={200: SubmissionOut, **ERRORS},
    summary="Duyệt báo cáo đã nộp",
)
def approve(request, submission_id: Id):
    submission = submission_or_404(request.user, submission_id)
    return submission_out(workflow.approve_report(submission=submission, actor=request.user))


@router.post(
    "/submissions/{submission_id}/return",
    response={200: SubmissionOut, **ERRORS},
    summary="Trả lại báo cáo, kèm lý do",
)
def return_(request, submission_id: Id, payload: ReturnIn):
    """A submitted report goes back to the unit to correct; an approved one is reopened."""
    submission = submission_or_404(request.user, submission_id)
    returned = workflow.return_report(
        submission=submission, actor=request.user, reason=payload.reason
    )
    return submission_out(returned)


# Registered on the router that lists /activities: one path is one view in ninja, and a
# second router's view of the same path would never be reached.
@records_router.post(
    "/activities", response={201: ActivityOut, **ERRORS}, summary="Ghi một hoạt động"
)
def create_activity(request, payload: ActivityIn):
    """As the activities page: an activity of a type that feeds indicators recounts them."""
    unit = unit_or_404(request.user, payload.unit)
    fields = payload.model_dump(exclude={"unit"})
    fields["type"] = activity_type(payload.type)
    activity = record_activity(unit=unit, actor=request.user, **fields)
    return Status(201, activity_out(activity))


@router.patch(
    "/activities/{activity_id}",
    response={200: ActivityOut, **WRITE_ERRORS},
    summary="Sửa một hoạt động (chỉ các trường gửi lên)",
)
def change_activity(request, activity_id: Id, payload: ActivityChange):
    activity = activity_or_404(request.user, activity_id)
    changes = payload.model_dump(exclude_unset=True)
    empty = [name for name in REQUIRED if name in changes and changes[name] is None]
    if empty:
        raise bad_request(
            f"Không được để trống {', '.join(REQUIRED[name] for name in empty)}.",
            {name: ["Không được để trống."] for name in empty},
            code="validation_error",
        )
    for name in ("description", "link"):
        if name in changes and changes[name] is None:
            changes[name] = ""
    if "type" in changes:
        changes["type"] = activity_type(changes["type"])
    # an activity a supervision (or another register) keeps: 409 owned_by_record
    return activity_out(update_activity(activity=activity, actor=request.user, **changes))


@router.delete(
    "/activities/{activity_id}",
    response={204: None, **WRITE_ERRORS},
    summary="Xóa một hoạt động",
)
def remove_activity(request, activity_id: Id):
    activity = activity_or_404(request.user, activity_id)
    if not scope.can_enter(request.user, activity.unit):
        raise PermissionDenied(f"Bạn không có quyền xóa hoạt động của {activity.unit.name}.")
    check_not_owned(activity)  # as the activities page: 409 owned_by_record
    delete_activity(activity=activity, actor=request.user)
    return Status(204, None)

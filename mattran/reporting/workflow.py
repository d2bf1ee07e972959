"""A report's way up: draft → submitted → approved, or returned with a reason; deadlines
and who has reported on time."""

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.core.periods import PeriodKind
from mattran.programmes.models import Programme
from mattran.reporting.models import (
    Period,
    ReportingSchedule,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from mattran.units.models import Unit

DEFAULT_SCHEDULE = ReportingSchedule()


def schedule_for(unit: Unit) -> ReportingSchedule:
    """The schedule of the committee that receives `unit`'s reports (nearest one above)."""
    ancestors = unit.ancestor_paths(include_self=True)
    found = (
        ReportingSchedule.objects.filter(unit__path__in=ancestors).order_by("-unit__depth").first()
    )
    return found or DEFAULT_SCHEDULE


def schedules_for(units: list[Unit]) -> dict[int, ReportingSchedule]:
    """`schedule_for` of many units in one query (a province's hundred communes)."""
    paths = {p for u in units for p in u.ancestor_paths(include_self=True)}
    by_path = {
        s.unit.path: s
        for s in ReportingSchedule.objects.filter(unit__path__in=paths).select_related("unit")
    }
    found = {}
    for unit in units:
        nearest = [by_path[p] for p in unit.ancestor_paths(include_self=True) if p in by_path]
        found[unit.pk] = nearest[-1] if nearest else DEFAULT_SCHEDULE
    return found


def _day_month(text: str, year: int) -> date:
    day, month = (int(x) for x in text.split("/"))
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def deadline_for(unit: Unit, period: Period, schedule: ReportingSchedule | None = None) -> date:
    schedule = schedule or schedule_for(unit)
    if period.kind == PeriodKind.MONTH:
        year, month = (
            (period.end.year + 1, 1)
            if period.end.month == 12
            else (period.end.year, period.end.month + 1)
        )
        return date(year, month, min(schedule.month_due_day, calendar.monthrange(year, month)[1]))
    if period.kind == PeriodKind.HALF_YEAR and period.start.month == 1:
        return _day_month(schedule.half_year_due, period.start.year)
    return _day_month(schedule.year_due, period.end.year)


def submission_for(programme: Programme, unit: Unit, period: Period) -> Submission:
    submission, _ = Submission.objects.get_or_create(programme=programme, unit=unit, period=period)
    return submission


def _step(submission: Submission, actor: Any, action: str, reason: str = "") -> None:
    SubmissionEvent.objects.create(
        submission=submission, action=action, actor=_user(actor), reason=reason
    )
    record(
        actor=actor,
        action=f"submission.{action}",
        target=submission,
        changes={"status": submission.status, "reason": reason},
    )


# An actor of None is the system itself (a command, an import), which needs no scope.


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def submit_report(*, submission: Submission, actor: Any) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if actor is not None and not scope.can_enter(actor, submission.unit):
        raise PermissionDenied("Bạn không có quyền nộp báo cáo của đơn vị này.")
    if submission.status not in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED):
        raise ValidationError(
            f"Báo cáo đang ở trạng thái “{submission.get_status_display()}”, không nộp lại được."
        )
    if not submission.unit.values.filter(
        period=submission.period, indicator__programme=submission.programme
    ).exists():
        raise ValidationError("Báo cáo chưa có số liệu nào: hãy nhập số liệu trước khi nộp.")
    now = timezone.now()
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at, submission.submitted_by = now, _user(actor)
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.save()
    _step(submission, actor, "submit")
    return submission


@transaction.atomic
def approve_report(*, submission: Submission, actor: Any) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if actor is not None and not scope.can_approve(actor, submission.unit):
        raise PermissionDenied("Chỉ cấp trên của đơn vị mới được duyệt báo cáo.")
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError("Chỉ duyệt được báo cáo đã nộp.")
    submission.status = SubmissionStatus.APPROVED
    submission.decided_at, submission.decided_by = timezone.now(), _user(actor)
    submission.return_reason = ""
    submission.save()
    _step(submission, actor, "approve")
    return submission


@transaction.atomic
def return_report(*, submission: Submission, actor: Any, reason: str) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if actor is not None and not scope.can_approve(actor, submission.unit):
        raise PermissionDenied("Chỉ cấp trên của đơn vị mới được trả lại báo cáo.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Cần ghi lý do trả lại để đơn vị biết cần sửa gì."})
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED):
        raise ValidationError("Chỉ trả lại được báo cáo đã nộp hoặc đã duyệt.")
    action = "reopen" if submission.status == SubmissionStatus.APPROVED else "return"
    submission.status = SubmissionStatus.RETURNED
    submission.decided_at, submission.decided_by = timezone.now(), _user(actor)
    submission.return_reason = reason.strip()
    submission.save()
    _step(submission, actor, action, reason.strip())
    return submission


def lock_message(programme: Programme, unit: Unit, period: Period) -> str | None:
    """Why figures of this report cannot be changed now, or None if they can."""
    submission = Submission.objects.filter(programme=programme, unit=unit, period=period).first()
    if submission is None or not submission.is_locked:
        return None
    if submission.status == SubmissionStatus.APPROVED:
        return (
            f"Báo cáo {period} của {unit.name} đã được duyệt nên số liệu bị khóa; "
            "cấp trên cần mở lại trước khi sửa."
        )
    return (
        f"Báo cáo {period} của {unit.name} đã nộp, đang chờ duyệt: không sửa được số liệu "
        "cho đến khi cấp trên duyệt hoặc trả lại."
    )


@dataclass
class CompletenessRow:
    unit: Unit
    submission: Submission | None
    deadline: date
    state: str  # on_time, late, overdue, pending

    STATES = {
        "on_time": "Nộp đúng hạn",
        "late": "Nộp trễ hạn",
        "overdue": "Quá hạn, chưa nộp",
        "pending": "Chưa nộp",
    }

    @property
    def state_label(self) -> str:
        return self.STATES[self.state]

    @property
    def status_label(self) -> str:
        return self.submission.get_status_display() if self.submission else "Chưa nộp"


@dataclass
class Completeness:
    rows: list[CompletenessRow]

    @property
    def submitted(self) -> int:
        return sum(1 for r in self.rows if r.state in ("on_time", "late"))

    @property
    def on_time(self) -> int:
        return sum(1 for r in self.rows if r.state == "on_time")

    @property
    def summary(self) -> str:
        return f"{self.submitted}/{len(self.rows)} đơn vị đã nộp ({self.on_time} đúng hạn)"


def reporting_children(programme: Programme, parent: Unit, period: Period) -> list[Unit]:
    """The units directly below `parent` that owe a report for `period`."""
    tiers = set(
        programme.indicators.filter(frequency=period.kind).values_list("reported_by", flat=True)
    )
    return list(
        Unit.objects.filter(parent=parent, tier__in=tiers).valid_on(period.end).order_by("name")
    )


def completeness(
    programme: Programme, parent: Unit, period: Period, today: date | None = None
) -> Completeness:
    today = today or timezone.localdate()
    children = reporting_children(programme, parent, period)
    submissions = {
        s.unit_id: s
        for s in Submission.objects.filter(programme=programme, period=period, unit__in=children)
    }
    schedules = schedules_for(children)
    rows = []
    for unit in children:
        submission = submissions.get(unit.pk)
        deadline = deadline_for(unit, period, schedules[unit.pk])
        first = submission.first_submitted_at if submission and submission.is_locked else None
        if first:
            state = "on_time" if timezone.localdate(first) <= deadline else "late"
        else:
            state = "overdue" if today > deadline else "pending"
        rows.append(CompletenessRow(unit, submission, deadline, state))
    return Completeness(rows)

"""Plans' tasks as units carry them: fanning a task out to every unit of a level, progress
reports by the owner, and each task's status (done, on track, late)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.plans.criteria import criteria_references
from mattran.plans.models import (
    NationalCriterion,
    PlanSection,
    ProgressReport,
    Task,
    TaskAssignment,
)
from mattran.programmes.targets import Kind, parse_target
from mattran.units.models import Unit

MAX_EVIDENCE = 10 * 1024 * 1024


class Status:
    DONE = "done"
    ON_TRACK = "on_track"
    LATE = "late"


STATUS_LABELS = {
    Status.DONE: "Đã hoàn thành",
    Status.ON_TRACK: "Đang thực hiện",
    Status.LATE: "Quá hạn",
}


@dataclass
class AssignmentState:
    assignment: TaskAssignment
    status: str
    latest: ProgressReport | None
    achieved: Decimal | None
    target: Decimal | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def percent(self) -> int | None:
        if self.achieved is None or not self.target:
            return None
        return min(100, round(100 * self.achieved / self.target))


def units_for(task: Task) -> list[Unit]:
    """Who carries the task: its owner, or every unit of the level it is given to ("each
    ward") under the plan's unit, valid in the plan's year."""
    if task.owner_id:
        return [task.owner]
    if not task.owner_level:
        return []
    year = task.plan.year
    return list(
        Unit.objects.subtree(task.plan.unit)
        .filter(tier=task.owner_level)
        .valid_during(date(year, 1, 1), date(year, 12, 31))
        .order_by("name")
    )


@transaction.atomic
def assign(task: Task) -> list[TaskAssignment]:
    """Create the task's assignments (again after its owner changed); reported ones stay."""
    wanted = {u.pk: u for u in units_for(task)}
    task.assignments.exclude(unit__in=wanted).filter(reports=None).delete()
    existing = set(task.assignments.values_list("unit_id", flat=True))
    TaskAssignment.objects.bulk_create(
        TaskAssignment(task=task, unit=u) for pk, u in wanted.items() if pk not in existing
    )
    return list(task.assignments.all())


def set_section_criteria(section: PlanSection, text: str, year: int) -> None:
    """Tie a plan's content to the national criteria its text names."""
    refs = criteria_references(text, year)
    criteria = [
        c
        for c in NationalCriterion.objects.filter(number__in={n for _, n in refs})
        if (c.criteria_set, c.number) in refs
    ]
    section.criteria.set(criteria)


def first_target(task: Task) -> Decimal | None:
    for phrase in task.targets or []:
        parsed = parse_target(phrase)
        if parsed.kind == Kind.NUMERIC and parsed.value is not None:
            return parsed.value
    return None


def state_of(assignment: TaskAssignment, today: date | None = None) -> AssignmentState:
    today = today or timezone.localdate()
    reports = list(assignment.reports.all())
    latest = reports[0] if reports else None
    values = [r.value for r in reports if r.value is not None]
    done = any(r.done for r in reports)
    due = assignment.task.due_on
    if done:
        status = Status.DONE
    elif due and due < today:
        status = Status.LATE
    else:
        status = Status.ON_TRACK
    return AssignmentState(
        assignment, status, latest, values[0] if values else None, first_target(assignment.task)
    )


@transaction.atomic
def report_progress(
    *,
    assignment: TaskAssignment,
    actor,
    value: Decimal | None = None,
    note: str = "",
    link: str = "",
    done: bool = False,
    evidence=None,
    reported_on: date | None = None,
) -> ProgressReport:
    """The owner's report on its task. Only the unit's own staff (or its administrators
    above) may report; nothing is saved when a value is wrong."""
    if not scope.can_enter(actor, assignment.unit):
        raise PermissionDenied("Bạn không báo cáo được nhiệm vụ của đơn vị khác.")
    if value is not None and value < 0:
        raise ValidationError("Kết quả không được âm.")
    if not (note.strip() or value is not None or link or evidence or done):
        raise ValidationError("Nhập kết quả, nội dung hoặc minh chứng trước khi gửi.")
    report = ProgressReport(
        assignment=assignment,
        reported_on=reported_on or timezone.localdate(),
        value=value,
        note=note.strip(),
        link=link,
        done=done,
        created_by=actor,
    )
    if evidence is not None:
        if evidence.size > MAX_EVIDENCE:
            raise ValidationError(f"Tệp “{evidence.name}” lớn hơn 10 MB.")
        report.evidence_name, report.evidence_data = evidence.name[:255], evidence.read()
    report.full_clean()
    report.save()
    record(
        actor=actor,
        action="task.progress",
        target=report,
        changes={
            "value": str(value) if value is not None else None,
            "done": done,
            "note": report.note,
            "link": link,
        },
    )
    return report

"""Everything that falls due, as reminder events: plans' tasks, report periods, and the steps
of emulation movements (mattran.emulation.reminders)."""

from datetime import date, timedelta

from django.urls import reverse

from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.plans.models import TaskAssignment
from mattran.programmes.models import Programme
from mattran.reminders.events import ReminderEvent
from mattran.reporting.models import Period, Submission
from mattran.reporting.workflow import deadline_for
from mattran.units.models import Unit

AHEAD_DAYS = 14
BEHIND_DAYS = 30


def task_events(today: date, units=None) -> list[ReminderEvent]:
    assignments = TaskAssignment.objects.filter(
        task__due_on__gte=today - timedelta(days=BEHIND_DAYS),
        task__due_on__lte=today + timedelta(days=AHEAD_DAYS),
    ).select_related("task", "task__plan", "unit")
    if units is not None:
        assignments = assignments.filter(unit__in=units)
    done = set(
        TaskAssignment.objects.filter(
            pk__in=[a.pk for a in assignments], reports__done=True
        ).values_list("pk", flat=True)
    )
    return [
        ReminderEvent(
            key=f"task:{a.pk}",
            unit_id=a.unit_id,
            due_on=a.task.due_on,
            text=f"Nhiệm vụ “{_short(a.task.text)}” ({a.task.plan.title}) của {a.unit.name}, "
            f"hạn {a.task.due_on:%d/%m/%Y}",
            url=reverse("plans:assignment", args=[a.unit.code, a.pk]),
            done=a.pk in done,
        )
        for a in assignments
    ]


def report_events(today: date, units=None) -> list[ReminderEvent]:
    """Monthly figures owed by the units that report them, for the months whose deadline is
    near or just past."""
    events = []
    months = _recent_months(today)
    for programme in Programme.objects.filter(
        first_year__lte=today.year, last_year__gte=today.year - 1
    ):
        tiers = set(
            programme.indicators.filter(frequency=PeriodKind.MONTH).values_list(
                "reported_by", flat=True
            )
        )
        reporters = Unit.objects.subtree(programme.unit).filter(tier__in=tiers)
        if units is not None:
            reporters = reporters.filter(pk__in=units)
        for spec in months:
            period = Period.objects.for_spec(spec)
            sent = set(
                Submission.objects.filter(
                    programme=programme, period=period, status__in=["submitted", "approved"]
                ).values_list("unit_id", flat=True)
            )
            for unit in reporters.valid_on(spec.end):
                due = deadline_for(unit, period)
                if (
                    not today - timedelta(days=BEHIND_DAYS)
                    <= due
                    <= today + timedelta(days=AHEAD_DAYS)
                ):
                    continue
                events.append(
                    ReminderEvent(
                        key=f"report:{programme.pk}:{unit.pk}:{spec.code}",
                        unit_id=unit.pk,
                        due_on=due,
                        text=f"Gửi số liệu {spec.label} của {unit.name} trước ngày {due:%d/%m/%Y}",
                        url=reverse("reporting:entry", args=[unit.code, spec.code]),
                        done=unit.pk in sent,
                    )
                )
    return events


def emulation_events(today: date, units=None) -> list[ReminderEvent]:
    try:
        from mattran.emulation.reminders import events
    except ImportError:  # pragma: no cover - the emulation app is part of the product
        return []
    found = events(today)
    if units is not None:
        wanted = set(units.values_list("pk", flat=True))
        found = [e for e in found if e.unit_id in wanted]
    return found


def all_events(today: date, units=None) -> list[ReminderEvent]:
    found = task_events(today, units) + report_events(today, units) + emulation_events(today, units)
    return sorted(found, key=lambda e: (e.due_on, e.text))


def _recent_months(today: date) -> list[PeriodSpec]:
    months, year, month = [], today.year, today.month
    for _ in range(3):
        months.append(PeriodSpec.month(year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:87].rstrip() + "…"

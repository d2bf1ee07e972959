"""Reading plans: which a unit sees, and its tasks with their status."""

from collections import Counter

from django.db.models import Q

from mattran.plans.models import Plan, TaskAssignment
from mattran.plans.services import state_of


def plans_for(unit):
    """Plans the unit issued, and plans that give it a task."""
    return (
        Plan.objects.filter(Q(unit=unit) | Q(tasks__assignments__unit=unit))
        .distinct()
        .select_related("unit")
        .order_by("-year", "title")
    )


def assignment_states(assignments, today=None):
    rows = assignments.select_related("task", "task__plan", "unit").prefetch_related("reports")
    return [state_of(a, today) for a in rows]


def unit_tasks(unit, today=None):
    """The tasks plans gave the unit, soonest due first, with their status."""
    return assignment_states(
        TaskAssignment.objects.filter(unit=unit).order_by("task__due_on"), today
    )


def plan_states(plan: Plan, unit, *, status: str = "", owner: str = ""):
    """The plan's tasks as carried by each unit: all of them for the unit that issued the plan,
    only its own for any other unit."""
    assignments = TaskAssignment.objects.filter(task__plan=plan)
    if plan.unit_id != unit.pk:
        assignments = assignments.filter(unit=unit)
    if owner:
        assignments = assignments.filter(unit__code=owner)
    states = assignment_states(assignments.order_by("task__order", "unit__name"))
    counts = Counter(s.status for s in states)
    if status:
        states = [s for s in states if s.status == status]
    return states, counts

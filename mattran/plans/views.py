from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.plans import tables
from mattran.plans.forms import ProgressForm
from mattran.plans.models import ProgressReport, TaskAssignment
from mattran.plans.selectors import plan_states, plans_for, unit_tasks
from mattran.plans.services import STATUS_LABELS, report_progress, state_of


@login_required
def plan_list(request, code):
    unit = scope.unit_for(request.user, code)
    return render(request, "plans/list.html", {"unit": unit, "plans": plans_for(unit)})


@login_required
def plan_list_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    content = table_workbook(tables.plans_table(unit, plans_for(unit)))
    return xlsx_response(content, f"ke-hoach-{unit.code}.xlsx")


def _plan(request, code, pk):
    """The plan as its detail page shows it: the unit, the plan, its tasks after the filters."""
    unit = scope.unit_for(request.user, code)
    plan = get_object_or_404(plans_for(unit), pk=pk)
    status, owner = request.GET.get("status", ""), request.GET.get("owner", "")
    states, counts = plan_states(plan, unit, status=status, owner=owner)
    return unit, plan, status, owner, states, counts


@login_required
def plan_detail(request, code, pk):
    unit, plan, status, owner, states, counts = _plan(request, code, pk)
    owners = []
    if plan.unit_id == unit.pk:
        owners = sorted(
            {
                (a.unit.code, a.unit.name)
                for a in TaskAssignment.objects.filter(task__plan=plan).select_related("unit")
            },
            key=lambda pair: pair[1],
        )
    return render(
        request,
        "plans/detail.html",
        {
            "unit": unit,
            "plan": plan,
            "sections": plan.sections.prefetch_related("criteria"),
            "states": states,
            "counts": [(key, label, counts.get(key, 0)) for key, label in STATUS_LABELS.items()],
            "status": status,
            "owner": owner,
            "owners": owners,
            "issuer": plan.unit_id == unit.pk,
            "deadlines": plan.deadlines.all(),
        },
    )


@login_required
def plan_detail_xlsx(request, code, pk):
    unit, plan, status, owner, states, _ = _plan(request, code, pk)
    filters = []
    if owner:
        owners = {s.assignment.unit.code: s.assignment.unit.name for s in states}
        filters.append(f"Đơn vị thực hiện: {owners.get(owner, owner)}")
    if status in STATUS_LABELS:
        filters.append(f"Trạng thái: {STATUS_LABELS[status]}")
    content = table_workbook(tables.plan_table(plan, states, filters))
    return xlsx_response(content, f"nhiem-vu-ke-hoach-{plan.pk}-{unit.code}.xlsx")


@login_required
def task_list(request, code):
    unit = scope.unit_for(request.user, code)
    return render(request, "plans/tasks.html", {"unit": unit, "states": unit_tasks(unit)})


@login_required
def task_list_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    content = table_workbook(tables.tasks_table(unit, unit_tasks(unit)))
    return xlsx_response(content, f"nhiem-vu-{unit.code}.xlsx")


@login_required
def assignment_view(request, code, pk):
    unit = scope.unit_for(request.user, code)
    assignment = get_object_or_404(
        TaskAssignment.objects.select_related("task", "task__plan", "unit"), pk=pk, unit=unit
    )
    may_report = scope.can_enter(request.user, unit)
    form = ProgressForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_report:
            raise PermissionDenied("Bạn không báo cáo được nhiệm vụ của đơn vị này.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                report_progress(
                    assignment=assignment,
                    actor=request.user,
                    value=data["value"],
                    note=data["note"],
                    link=data["link"],
                    done=data["done"],
                    evidence=data["evidence"],
                )
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, "Đã gửi báo cáo tiến độ.")
                return redirect("plans:assignment", unit.code, assignment.pk)
    return render(
        request,
        "plans/assignment.html",
        {
            "unit": unit,
            "state": state_of(assignment),
            "form": form if may_report else None,
            "reports": assignment.reports.select_related("created_by").defer("evidence_data"),
        },
    )


@login_required
def evidence(request, code, pk):
    unit = scope.unit_for(request.user, code)
    report = get_object_or_404(ProgressReport, pk=pk, assignment__unit=unit)
    if not report.evidence_name:
        raise Http404("Báo cáo này không có tệp minh chứng.")
    response = HttpResponse(bytes(report.evidence_data), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{report.evidence_name}"'
    return response

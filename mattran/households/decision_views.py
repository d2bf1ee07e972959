"""Approval decisions: the list, one decision with its households and schedule per year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.households import decisions
from mattran.households.forms import DecisionForm, EntryForm, attach_errors
from mattran.households.house_views import _changeable_households
from mattran.households.models import ApprovalDecision
from mattran.households.privacy import PeopleAccess, may_change_people, shown
from mattran.households.schedules import (
    decisions_for,
    entries_in,
    entry_house,
    schedule,
    schedule_by_ward,
)
from mattran.households.tables import decisions_table, export_decision
from mattran.units.models import Tier, Unit


def _decision_rows(unit: Unit) -> list[dict]:
    found = []
    for decision in decisions_for(unit):
        plans = schedule(decision, unit)
        found.append(
            {
                "decision": decision,
                "planned": sum(p.planned for p in plans),
                "handed_over": sum(p.handed_over for p in plans),
            }
        )
    return found


@login_required
def decision_list(request, code):
    unit = scope.unit_for(request.user, code)
    may_add = scope.can_enter(request.user, unit)
    form = DecisionForm(request.POST or None) if may_add else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Bạn không ghi được quyết định cho đơn vị này.")
        if form.is_valid():
            try:
                decision = decisions.create_decision(
                    unit=unit, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, f"Đã ghi quyết định số {decision.number}.")
                return redirect("households:decision", unit.code, decision.pk)
    return render(
        request,
        "households/decisions.html",
        {"unit": unit, "decisions": _decision_rows(unit), "form": form, "tab": "decisions"},
    )


@login_required
def decisions_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    table = decisions_table(unit, _decision_rows(unit))
    return xlsx_response(table_workbook(table), f"quyet-dinh-phe-duyet-{unit.code}.xlsx")


def find_decision(request, code, pk) -> tuple[Unit, ApprovalDecision]:
    unit = scope.unit_for(request.user, code)
    decision = decisions_for(unit).filter(pk=pk).first()
    if decision is None:
        raise Http404("Không tìm thấy quyết định hoặc quyết định không liên quan đến đơn vị này.")
    return unit, decision


def decision_content(request, unit: Unit, decision: ApprovalDecision) -> dict:
    """What a decision's page shows: its schedule per year (per ward for a city), and its
    households (of the year asked for) as the user may read them."""
    access = PeopleAccess(request.user)
    year = request.GET.get("year", "")
    rows = [
        {
            "entry": e,
            "person": shown(access, e.household),
            "house": entry_house(e),
            "may_change": may_change_people(request.user, e.household.unit),
        }
        for e in entries_in(decision, unit)
        if not year or str(e.scheduled_year) == year
    ]
    by_ward = []
    if unit.tier in (Tier.PROVINCE, Tier.DISTRICT):
        by_ward = [
            {"ward": ward, "plans": plans} for ward, plans in schedule_by_ward(decision, unit)
        ]
    return {"plans": schedule(decision, unit), "rows": rows, "year": year, "by_ward": by_ward}


def render_decision(request, unit: Unit, decision: ApprovalDecision, form=None):
    candidates = (
        _changeable_households(request.user, unit)
        .filter(unit__in=Unit.objects.subtree(decision.unit))
        .exclude(approvals__decision=decision)
    )
    if form is None and candidates.exists():
        form = EntryForm(households=candidates, years=decision.years)
    return render(
        request,
        "households/decision.html",
        {
            "unit": unit,
            "decision": decision,
            **decision_content(request, unit, decision),
            "form": form,
            "tab": "decisions",
        },
    )


@login_required
def decision_view(request, code, pk):
    unit, decision = find_decision(request, code, pk)
    return render_decision(request, unit, decision)


@login_required
def decision_xlsx(request, code, pk):
    unit, decision = find_decision(request, code, pk)
    name, content = export_decision(
        unit=unit, decision=decision, user=request.user, **decision_content(request, unit, decision)
    )
    return xlsx_response(content, name)


@login_required
@require_POST
def entry_add(request, code, pk):
    unit, decision = find_decision(request, code, pk)
    candidates = _changeable_households(request.user, unit).exclude(approvals__decision=decision)
    if not candidates.exists():
        raise PermissionDenied("Bạn không thêm được hộ vào danh sách này.")
    form = EntryForm(request.POST, households=candidates, years=decision.years)
    if form.is_valid():
        try:
            decisions.add_entry(decision=decision, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã thêm hộ vào danh sách phê duyệt.")
            return redirect("households:decision", unit.code, decision.pk)
    return render_decision(request, unit, decision, form=form)


@login_required
@require_POST
def entry_delete(request, code, pk, epk):
    unit, decision = find_decision(request, code, pk)
    entry = get_object_or_404(entries_in(decision, unit), pk=epk)
    if not may_change_people(request.user, entry.household.unit):
        raise PermissionDenied("Bạn không sửa được danh sách của hộ này.")
    decisions.remove_entry(entry=entry, actor=request.user)
    messages.success(request, "Đã bỏ hộ khỏi danh sách phê duyệt.")
    return redirect("households:decision", unit.code, decision.pk)

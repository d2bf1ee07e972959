"""The boards at work: a commune's inspection cases and investment projects (list, add,
edit, delete, Excel) with the figures they give and why; above a commune, the same per
commune, read-only."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.boards import exports, measures, records, selectors
from mattran.boards.forms import CaseForm, ProjectForm, attach_errors
from mattran.boards.models import InspectionCase, InvestmentProject
from mattran.boards.views import seen_on, year_choices, year_param
from mattran.documents.views import download
from mattran.units.models import Tier, Unit


@dataclass(frozen=True)
class Kind:
    """One kind of board record and the words its pages use."""

    slug: str
    model: Any
    form: Any
    fields: tuple[str, ...]
    day: str
    label: str
    list_name: str


CASES = Kind(
    "cases",
    InspectionCase,
    CaseForm,
    records.CASE_FIELDS,
    "opened_on",
    "vụ việc của Ban Thanh tra Nhân dân",
    "boards:cases",
)
PROJECTS = Kind(
    "projects",
    InvestmentProject,
    ProjectForm,
    records.PROJECT_FIELDS,
    "started_on",
    "công trình, dự án",
    "boards:projects",
)
KINDS = {k.slug: k for k in (CASES, PROJECTS)}


def may_keep(user, unit: Unit) -> bool:
    return unit.tier == Tier.COMMUNE and scope.can_enter(user, unit)


def _year(request, unit: Unit, kind: Kind) -> int:
    years = selectors.record_years(kind.model, unit, kind.day)
    return year_param(request, years[0] if years else timezone.localdate().year)


@login_required
def cases(request, code):
    unit = scope.unit_for(request.user, code)
    year = _year(request, unit, CASES)
    communes = selectors.communes_below(unit, seen_on(year))
    verdicts = [measures.inspection_verdict(c, year) for c in communes]
    rows = _merged(selectors.cases_for(c, year) for c in communes)
    if request.GET.get("excel"):
        return download(
            exports.export_cases(
                unit=unit, year=year, cases=rows, verdicts=verdicts, user=request.user
            )
        )
    judged = [v for v in verdicts if v.effective is not None]
    return render(
        request,
        "boards/cases.html",
        {
            "unit": unit,
            "year": year,
            "years": year_choices(year, *selectors.record_years(InspectionCase, unit, "opened_on")),
            "rows": rows,
            "verdicts": verdicts,
            "effective": sum(1 for v in judged if v.effective),
            "communes": len(communes),
            "may_keep": may_keep(request.user, unit),
            "resolved_share": measures.RESOLVED_SHARE,
            "tab": "cases",
        },
    )


@login_required
def projects(request, code):
    unit = scope.unit_for(request.user, code)
    year = _year(request, unit, PROJECTS)
    as_of = seen_on(year)
    communes = selectors.communes_below(unit, as_of)
    shares = [measures.project_share(c, year, as_of) for c in communes]
    if request.GET.get("excel"):
        return download(
            exports.export_projects(unit=unit, year=year, shares=shares, user=request.user)
        )
    return render(
        request,
        "boards/projects.html",
        {
            "unit": unit,
            "year": year,
            "as_of": as_of,
            "years": year_choices(
                year, *selectors.record_years(InvestmentProject, unit, "started_on")
            ),
            "shares": shares,
            "rows": [(s, p) for s in shares for p in s.projects],
            "supervised": sum(s.supervised for s in shares),
            "in_scope": sum(s.total for s in shares),
            "percent": measures.share_text(
                sum(s.supervised for s in shares), sum(s.total for s in shares)
            ),
            "may_keep": may_keep(request.user, unit),
            "tab": "projects",
        },
    )


def _merged(querysets) -> list:
    seen: dict[int, Any] = {}
    for qs in querysets:
        for item in qs:
            seen.setdefault(item.pk, item)
    return sorted(seen.values(), key=lambda c: (c.opened_on, c.pk), reverse=True)


def _record(unit: Unit, kind: Kind, pk: int):
    """A record that counts for the commune `unit` (its own, or one it took over)."""
    ids = selectors.carried_unit_ids(unit, date.max)
    item = kind.model.objects.filter(pk=pk, unit_id__in=ids).select_related("unit").first()
    if item is None:
        raise Http404("Không tìm thấy hồ sơ hoặc hồ sơ không thuộc đơn vị này.")
    return item


def _check_keep(request, unit: Unit) -> None:
    if not may_keep(request.user, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi hồ sơ của {unit.name}.")


def _save(kind: Kind, unit: Unit, form, item, user):
    fields = dict(form.cleaned_data)
    if kind is CASES:
        return records.save_case(unit=unit, fields=fields, case=item, actor=user)
    return records.save_project(unit=unit, fields=fields, project=item, actor=user)


def _form_page(request, kind: Kind, unit: Unit, form, item=None):
    return render(
        request,
        "boards/record_form.html",
        {"unit": unit, "kind": kind, "form": form, "item": item, "tab": kind.slug},
    )


def _after_save(request, kind: Kind, unit: Unit, item, verb: str):
    messages.success(request, f"Đã {verb} {kind.label}: {item}.")
    year = getattr(item, kind.day).year
    return redirect(f"{reverse(kind.list_name, args=[unit.code])}?year={year}")


@login_required
def record_new(request, code, kind):
    kind = KINDS[kind]
    unit = scope.unit_for(request.user, code)
    _check_keep(request, unit)
    form = kind.form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = _save(kind, unit, form, None, request.user)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return _after_save(request, kind, unit, item, "ghi")
    return _form_page(request, kind, unit, form)


@login_required
def record_edit(request, code, kind, pk):
    kind = KINDS[kind]
    unit = scope.unit_for(request.user, code)
    item = _record(unit, kind, pk)
    _check_keep(request, unit)
    initial = {name: getattr(item, name) for name in kind.fields}
    form = kind.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = _save(kind, unit, form, item, request.user)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return _after_save(request, kind, unit, item, "lưu")
    return _form_page(request, kind, unit, form, item)


@login_required
@require_POST
def record_delete(request, code, kind, pk):
    kind = KINDS[kind]
    unit = scope.unit_for(request.user, code)
    item = _record(unit, kind, pk)
    _check_keep(request, unit)
    year = getattr(item, kind.day).year
    try:
        if kind is CASES:
            records.delete_case(unit=unit, case=item, actor=request.user)
        else:
            records.delete_project(unit=unit, project=item, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã xóa {kind.label}: {item}.")
    return redirect(f"{reverse(kind.list_name, args=[unit.code])}?year={year}")

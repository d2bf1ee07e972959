"""The register of a unit and one household's record (status by year, support, houses)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.documents.views import download
from mattran.households import registry
from mattran.households.export import export_register
from mattran.households.forms import HouseholdForm, StatusForm, SupportForm, attach_errors
from mattran.households.models import (
    AccessAction,
    Household,
    HouseholdStatus,
    PovertyStatus,
    Support,
)
from mattran.households.privacy import (
    PeopleAccess,
    log_access,
    may_change_people,
    shown,
)
from mattran.households.selectors import (
    default_year,
    households_in,
    register,
    status_years,
    ward_summary,
)
from mattran.units.models import Tier, Unit

PAGE_SIZE = 50


def writable_units(user, unit: Unit) -> QuerySet[Unit]:
    """Where `user` may register households from `unit`'s pages: its ward and areas."""
    own = getattr(user, "unit", None)
    if own is None or own.tier not in (Tier.COMMUNE, Tier.AREA):
        return Unit.objects.none()  # only a ward's or an area's own staff write
    today = timezone.localdate()
    candidates = (
        Unit.objects.subtree(unit)
        .filter(tier__in=(Tier.COMMUNE, Tier.AREA))
        .valid_on(today)
        .select_related("parent")
    )
    allowed = [u.pk for u in candidates if may_change_people(user, u)]
    return Unit.objects.filter(pk__in=allowed).order_by("path")


def places_of(unit: Unit) -> QuerySet[Unit]:
    """The units one level down a list may be narrowed to (a ward's areas, a city's wards)."""
    return Unit.objects.filter(parent=unit, tier__in=(Tier.COMMUNE, Tier.AREA)).order_by("path")


def read_filters(request, unit: Unit) -> dict:
    params = request.GET if request.method == "GET" else request.POST
    try:
        year = int(params.get("year", ""))
        if not 2000 <= year <= 2100:
            raise ValueError
    except ValueError:
        year = default_year(unit)
    status = params.get("status", "")
    if status not in PovertyStatus.values:
        status = ""
    place = places_of(unit).filter(code=params.get("place", "")).first()
    return {"year": year, "status": status, "area": place, "query": params.get("q", "")[:100]}


def find_household(request, code: str, pk: int) -> tuple[Unit, Household]:
    """The household if it lives in the acting unit's subtree, which the user reaches."""
    unit = scope.unit_for(request.user, code)
    household = households_in(unit).filter(pk=pk).first()
    if household is None:
        raise Http404("Không tìm thấy hộ hoặc hộ không thuộc đơn vị này.")
    return unit, household


@login_required
def register_view(request, code):
    unit = scope.unit_for(request.user, code)
    access = PeopleAccess(request.user)
    units = writable_units(request.user, unit)
    form = HouseholdForm(request.POST or None, units=units) if units.exists() else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Bạn không thêm được hộ vào danh sách của đơn vị này.")
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                household = registry.create_household(actor=request.user, **data)
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, "Đã thêm hộ vào danh sách. Ghi tiếp diện hộ theo năm.")
                return redirect("households:household", unit.code, household.pk)
    filters = read_filters(request, unit)
    rows, counts = register(unit, access, **filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    visible = [r for r in page.object_list if r.shown.visible]
    if visible:
        log_access(
            user=request.user,
            unit=unit,
            action=AccessAction.LIST,
            personal=True,
            detail=f"Danh sách năm {filters['year']}: {len(visible)} hộ có họ tên",
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "households/register.html",
        {
            "unit": unit,
            "rows": page.object_list,
            "page": page,
            "querystring": query.urlencode(),
            "counts": counts,
            "statuses": PovertyStatus.choices,
            "years": status_years(unit),
            "places": places_of(unit),
            "filters": filters,
            "sees_names": access.sees(unit),
            "any_masked": any(not r.shown.visible for r in page.object_list),
            "form": form,
            "wards": ward_summary(unit, filters["year"])
            if unit.tier in (Tier.PROVINCE, Tier.DISTRICT)
            else [],
            "tab": "register",
        },
    )


@login_required
@require_POST
def export_view(request, code):
    unit = scope.unit_for(request.user, code)
    filters = read_filters(request, unit)
    filters.pop("query")
    generated = export_register(unit=unit, user=request.user, **filters)
    return download(generated)


def render_household(request, unit: Unit, household: Household, status: int = 200, **forms):
    """One household's record; every time it is shown, the read is logged."""
    access = PeopleAccess(request.user)
    person = shown(access, household)
    may_change = may_change_people(request.user, household.unit)
    log_access(
        user=request.user,
        unit=unit,
        action=AccessAction.VIEW,
        households=[household],
        personal=person.visible,
        detail="Hồ sơ hộ",
    )
    this_year = timezone.localdate().year
    if may_change:
        units = writable_units(request.user, unit) | Unit.objects.filter(pk=household.unit_id)
        forms.setdefault(
            "edit_form",
            HouseholdForm(
                auto_id="edit-%s",
                units=units.distinct().order_by("path"),
                initial={
                    "unit": household.unit_id,
                    **{k: getattr(household, k) for k in registry.HOUSEHOLD_FIELDS},
                },
            ),
        )
        forms.setdefault(
            "status_form", StatusForm(auto_id="status-%s", initial={"year": this_year})
        )
        forms.setdefault("support_form", SupportForm(auto_id="support-%s"))
    houses = household.houses.select_related("list_entry__decision").prefetch_related("funding")
    return render(
        request,
        "households/household.html",
        {
            "unit": unit,
            "household": household,
            "person": person,
            "may_change": may_change,
            "statuses": household.statuses.all(),
            "supports": household.supports.all(),
            "houses": houses,
            "approvals": household.approvals.select_related("decision"),
            "tab": "register",
            **forms,
        },
        status=status,
    )


@login_required
def household_view(request, code, pk):
    unit, household = find_household(request, code, pk)
    return render_household(request, unit, household)


def _check_change(request, household: Household) -> None:
    if not may_change_people(request.user, household.unit):
        raise PermissionDenied(
            "Chỉ cán bộ nhập liệu, quản trị viên của xã, phường hoặc khu dân cư của hộ mới sửa "
            "được hồ sơ hộ."
        )


def _back(unit: Unit, household: Household, anchor: str = "") -> str:
    url = reverse("households:household", args=[unit.code, household.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_POST
def household_edit(request, code, pk):
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    units = (
        writable_units(request.user, unit) | Unit.objects.filter(pk=household.unit_id)
    ).distinct()
    form = HouseholdForm(request.POST, auto_id="edit-%s", units=units.order_by("path"))
    if form.is_valid():
        try:
            registry.update_household(household=household, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
            household.refresh_from_db()
        else:
            messages.success(request, "Đã lưu thông tin hộ.")
            return redirect(_back(unit, household))
    return render_household(request, unit, household, edit_form=form, open_edit=True)


@login_required
@require_POST
def status_add(request, code, pk):
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    form = StatusForm(request.POST, auto_id="status-%s")
    if form.is_valid():
        try:
            registry.set_status(household=household, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, f"Đã ghi diện hộ năm {form.cleaned_data['year']}.")
            return redirect(_back(unit, household, "statuses"))
    return render_household(request, unit, household, status_form=form)


@login_required
@require_POST
def status_delete(request, code, pk, spk):
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    entry = get_object_or_404(HouseholdStatus, pk=spk, household=household)
    registry.delete_status(entry=entry, actor=request.user)
    messages.success(request, f"Đã xóa diện hộ năm {entry.year}.")
    return redirect(_back(unit, household, "statuses"))


@login_required
@require_POST
def support_add(request, code, pk):
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    form = SupportForm(request.POST, auto_id="support-%s")
    if form.is_valid():
        try:
            registry.add_support(household=household, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã ghi lần hỗ trợ.")
            return redirect(_back(unit, household, "supports"))
    return render_household(request, unit, household, support_form=form)


@login_required
@require_POST
def support_delete(request, code, pk, spk):
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    support = get_object_or_404(Support, pk=spk, household=household)
    registry.delete_support(support=support, actor=request.user)
    messages.success(request, "Đã xóa lần hỗ trợ.")
    return redirect(_back(unit, household, "supports"))


@login_required
@require_POST
def household_delete(request, code, pk):
    """Remove a household entered by mistake (never one that has a house)."""
    unit, household = find_household(request, code, pk)
    _check_change(request, household)
    try:
        registry.delete_household(household=household, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_back(unit, household))
    messages.success(request, "Đã xóa hộ khỏi danh sách.")
    return redirect("households:register", unit.code)

"""Solidarity houses: the unit's list, one house with its funding and photos, and the
indicators computed from the houses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import xlsx_response
from mattran.households import feeding, houses
from mattran.households.forms import FundingForm, HouseForm, LinkForm, PhotoForm, attach_errors
from mattran.households.models import (
    AccessAction,
    ApprovalListEntry,
    FundingSource,
    HouseStatus,
    HousingIndicatorLink,
    SolidarityHouse,
)
from mattran.households.privacy import PeopleAccess, log_access, may_change_people, shown
from mattran.households.selectors import households_in, houses_in, houses_shown
from mattran.households.tables import export_houses
from mattran.households.views import writable_units
from mattran.programmes.models import Indicator, Programme
from mattran.units.models import Unit


def _changeable_households(user, unit: Unit):
    return (
        households_in(unit)
        .filter(unit__in=writable_units(user, unit))
        .order_by("unit__path", "head_name")
    )


def _entries(user, unit: Unit, household=None):
    entries = ApprovalListEntry.objects.filter(
        household__in=_changeable_households(user, unit)
    ).select_related("decision", "household__unit")
    if household is not None:
        entries = entries.filter(household=household)
    return entries.order_by("decision__signed_on", "scheduled_year")


def _programmes_managed(user, unit: Unit):
    """Programmes issued by `unit` whose indicators the user may link to the houses."""
    if not scope.can_manage(user, unit):
        return Programme.objects.none()
    return Programme.objects.filter(unit=unit)


@login_required
def house_list(request, code):
    unit = scope.unit_for(request.user, code)
    access = PeopleAccess(request.user)
    candidates = _changeable_households(request.user, unit)
    form = None
    if candidates.exists():
        form = HouseForm(
            request.POST or None,
            households=candidates,
            entries=_entries(request.user, unit),
            initial={"year": timezone.localdate().year},
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Bạn không thêm được nhà Đại đoàn kết cho đơn vị này.")
        if form.is_valid():
            data = dict(form.cleaned_data)
            household = data.pop("household")
            try:
                house = houses.create_house(household=household, actor=request.user, **data)
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, "Đã ghi nhà Đại đoàn kết. Ghi tiếp nguồn kinh phí, ảnh.")
                return redirect("households:house", unit.code, house.pk)
    found = houses_shown(unit, access, request.GET.get("year", ""), request.GET.get("status", ""))
    in_year = found.in_year
    links = HousingIndicatorLink.objects.select_related("indicator__programme")
    managed = _programmes_managed(request.user, unit)
    link_form = None
    if managed.exists():
        link_form = LinkForm(
            indicators=Indicator.objects.filter(
                programme__in=managed, value_type="count", frequency="month", aggregation="sum"
            )
            .exclude(housing_link__isnull=False)
            .order_by("programme", "order")
        )
    return render(
        request,
        "households/houses.html",
        {
            "unit": unit,
            "rows": found.rows,
            "year": found.year,
            "years": found.years,
            "status": found.status,
            "house_statuses": HouseStatus.choices,
            "summary": {
                "handed_over": sum(1 for h in in_year if h.status == HouseStatus.HANDED_OVER),
                "building": sum(1 for h in in_year if h.status == HouseStatus.BUILDING),
                "planned": sum(1 for h in in_year if h.status == HouseStatus.PLANNED),
                "cost": sum((h.cost for h in in_year if h.status != HouseStatus.CANCELLED), 0),
            },
            "form": form,
            "links": links,
            "link_form": link_form,
            "managed_programmes": {p.pk for p in managed},
            "tab": "houses",
        },
    )


@login_required
def houses_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    name, content = export_houses(
        unit=unit,
        user=request.user,
        year=request.GET.get("year", ""),
        status=request.GET.get("status", ""),
    )
    return xlsx_response(content, name)


def find_house(request, code, pk) -> tuple[Unit, SolidarityHouse]:
    unit = scope.unit_for(request.user, code)
    house = houses_in(unit).filter(pk=pk).first()
    if house is None:
        raise Http404("Không tìm thấy nhà hoặc nhà không thuộc đơn vị này.")
    return unit, house


def render_house(request, unit, house, **forms):
    access = PeopleAccess(request.user)
    person = shown(access, house.household)
    may_change = may_change_people(request.user, house.household.unit)
    log_access(
        user=request.user,
        unit=unit,
        action=AccessAction.VIEW,
        households=[house.household],
        personal=person.visible,
        detail=f"Nhà Đại đoàn kết số {house.pk}",
    )
    if may_change:
        forms.setdefault(
            "edit_form",
            HouseForm(
                auto_id="house-%s",
                fixed_household=True,
                entries=_entries(request.user, unit, house.household),
                initial={
                    name: getattr(house, name)
                    for name in ("kind", "year", "list_entry", "cost", "status", "started_on")
                }
                | {"handed_over_on": house.handed_over_on, "note": house.note},
            ),
        )
        forms.setdefault("funding_form", FundingForm(auto_id="funding-%s"))
        forms.setdefault("photo_form", PhotoForm(auto_id="photo-%s"))
    return render(
        request,
        "households/house.html",
        {
            "unit": unit,
            "house": house,
            "person": person,
            "may_change": may_change,
            "funding": house.funding.all(),
            "total": houses.funding_total(house),
            "warning": houses.funding_warning(house),
            "photos": house.photos.defer("data"),
            "tab": "houses",
            **forms,
        },
    )


@login_required
def house_view(request, code, pk):
    unit, house = find_house(request, code, pk)
    return render_house(request, unit, house)


def _check_change(request, house: SolidarityHouse) -> None:
    if not may_change_people(request.user, house.household.unit):
        raise PermissionDenied(
            "Chỉ cán bộ nhập liệu, quản trị viên của xã, phường hoặc khu dân cư của hộ mới sửa "
            "được nhà Đại đoàn kết."
        )


def _back(unit, house, anchor=""):
    url = reverse("households:house", args=[unit.code, house.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_POST
def house_edit(request, code, pk):
    unit, house = find_house(request, code, pk)
    _check_change(request, house)
    form = HouseForm(
        request.POST,
        auto_id="house-%s",
        fixed_household=True,
        entries=_entries(request.user, unit, house.household),
    )
    if form.is_valid():
        try:
            houses.update_house(house=house, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
            house.refresh_from_db()
        else:
            messages.success(request, "Đã lưu thông tin nhà.")
            return redirect(_back(unit, house))
    return render_house(request, unit, house, edit_form=form, open_edit=True)


@login_required
@require_POST
def funding_add(request, code, pk):
    unit, house = find_house(request, code, pk)
    _check_change(request, house)
    form = FundingForm(request.POST, auto_id="funding-%s")
    if form.is_valid():
        try:
            houses.add_funding(house=house, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã ghi nguồn kinh phí.")
            return redirect(_back(unit, house, "funding"))
    return render_house(request, unit, house, funding_form=form)


@login_required
@require_POST
def funding_delete(request, code, pk, fpk):
    unit, house = find_house(request, code, pk)
    _check_change(request, house)
    source = get_object_or_404(FundingSource, pk=fpk, house=house)
    houses.delete_funding(source=source, actor=request.user)
    messages.success(request, "Đã xóa nguồn kinh phí.")
    return redirect(_back(unit, house, "funding"))


@login_required
@require_POST
def indicator_links(request, code):
    """Link an indicator of the unit's programme to the houses, or unlink one."""
    unit = scope.unit_for(request.user, code)
    managed = _programmes_managed(request.user, unit)
    if not managed.exists():
        raise PermissionDenied("Chỉ quản trị viên của đơn vị ban hành chương trình mới gắn được.")
    back = reverse("households:houses", args=[unit.code])
    unlink = request.POST.get("unlink")
    try:
        if unlink:
            link = get_object_or_404(
                HousingIndicatorLink, pk=unlink, indicator__programme__in=managed
            )
            feeding.unlink_indicator(link=link, actor=request.user)
            messages.success(request, f"Chỉ tiêu {link.indicator.code} không còn tính từ số nhà.")
            return redirect(back)
        indicator = get_object_or_404(
            Indicator, pk=request.POST.get("indicator") or 0, programme__in=managed
        )
        result = feeding.link_indicator(indicator=indicator, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(
        request,
        f"Chỉ tiêu {indicator.code} được tính từ nhà bàn giao; đã tính lại {result.written} số "
        "liệu tháng.",
    )
    if result.locked:
        messages.warning(
            request,
            "Các tháng đã nộp hoặc đã duyệt báo cáo giữ nguyên số liệu (cần mở lại báo cáo để "
            f"tính lại): {', '.join(result.locked[:12])}{'…' if len(result.locked) > 12 else ''}",
        )
    return redirect(back)

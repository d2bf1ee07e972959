"""A unit's list of the Front's people, one person's page (posts over time, training, contact
data when allowed), and the changes to people and posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.households.forms import attach_errors
from mattran.people import services
from mattran.people.export import export_directory
from mattran.people.forms import EndForm, PersonForm, PersonPositionForm, PositionForm
from mattran.people.models import Board, Position
from mattran.people.reach import sees_contact
from mattran.people.rights import may_edit
from mattran.people.selectors import board_counts, directory, history, person_for
from mattran.units.models import Tier, Unit

PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def writable_units(user, unit: Unit) -> QuerySet[Unit]:
    """The units of `unit`'s subtree where `user` may record people and posts today."""
    candidates = (
        Unit.objects.subtree(unit)
        .exclude(tier=Tier.MEMBER_ORG)
        .valid_on(timezone.localdate())
        .select_related("parent")
    )
    allowed = [u.pk for u in candidates if may_edit(user, u)]
    return Unit.objects.filter(pk__in=allowed).select_related("parent").order_by("path")


def organisations(unit: Unit) -> QuerySet[Unit]:
    """Member organisations a committee member may represent: those of the unit's tree."""
    lineage = [*unit.ancestor_paths(), unit.path]
    return Unit.objects.filter(tier=Tier.MEMBER_ORG, parent__path__in=lineage).order_by("name")


def read_filters(request) -> dict:
    board = request.GET.get("board", "")
    return {
        "board": board if board in Board.values else "",
        "query": request.GET.get("q", "").strip()[:100],
        "include_ended": request.GET.get("ended") == "1",
    }


@login_required
def people_list(request, code):
    unit = scope.unit_for(request.user, code)
    filters = read_filters(request)
    found = directory(unit, request.user, **filters)
    page = Paginator(found.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/list.html",
        {
            "unit": unit,
            "directory": found,
            "rows": page.object_list,
            "page": page,
            "querystring": query.urlencode(),
            "filters": filters,
            "boards": Board.choices,
            "totals": board_counts(found.counts),
            "any_hidden": any(not r.contact for r in page.object_list),
            "may_add": writable_units(request.user, unit).exists(),
            "tab": "people",
        },
    )


@login_required
def people_export(request, code):
    unit = scope.unit_for(request.user, code)
    found = directory(unit, request.user, **read_filters(request))
    response = HttpResponse(export_directory(found, unit, user=request.user), content_type=XLSX)
    name = f"danh-sach-can-bo-{unit.code}-{found.day:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def person_new(request, code):
    unit = scope.unit_for(request.user, code)
    units = writable_units(request.user, unit)
    if not units.exists():
        raise PermissionDenied("Bạn không thêm được người vào danh sách của đơn vị này.")
    form = PersonPositionForm(
        request.POST or None, units=units, initial={"unit": unit.pk, "post_unit": unit.pk}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person_fields = {k: data[k] for k in services.PERSON_FIELDS + services.CONTACT_FIELDS}
        post = {
            "unit": data["post_unit"],
            "role": data["role"],
            "start": data["start"],
            "end": data["end"],
            "sector": data["sector"],
        }
        try:
            person, _ = services.enrol(person=person_fields, post=post, actor=request.user)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm {person.full_name} vào danh sách.")
            return redirect("people:person", unit.code, person.pk)
    return render(request, "people/person_new.html", {"unit": unit, "form": form, "tab": "people"})


def render_person(request, unit: Unit, person, status: int = 200, **forms):
    positions, attendances = history(person)
    may_change = may_edit(request.user, person.unit)
    units = writable_units(request.user, unit)
    if units.exists():
        forms.setdefault(
            "position_form",
            PositionForm(
                auto_id="pos-%s",
                units=units,
                organisations=organisations(unit),
                initial={"start": timezone.localdate()},
            ),
        )
    if may_change:
        forms.setdefault(
            "person_form",
            PersonForm(
                auto_id="edit-%s",
                units=(units | Unit.objects.filter(pk=person.unit_id)).distinct(),
                initial={
                    name: getattr(person, name)
                    for name in services.PERSON_FIELDS + services.CONTACT_FIELDS
                },
            ),
        )
    today = timezone.localdate()
    rows = [
        {"position": p, "current": p.holds_on(today), "editable": may_edit(request.user, p.unit)}
        for p in positions
    ]
    return render(
        request,
        "people/person.html",
        {
            "unit": unit,
            "person": person,
            "contact": sees_contact(request.user, person),
            "positions": rows,
            "attendances": attendances,
            "may_change": may_change,
            "today": today,
            "tab": "people",
            **forms,
        },
        status=status,
    )


@login_required
def person_view(request, code, pk):
    unit = scope.unit_for(request.user, code)
    return render_person(request, unit, person_for(unit, pk))


@login_required
@require_POST
def person_edit(request, code, pk):
    unit = scope.unit_for(request.user, code)
    person = person_for(unit, pk)
    if not may_edit(request.user, person.unit):
        raise PermissionDenied("Bạn không sửa được hồ sơ của người này.")
    units = (writable_units(request.user, unit) | Unit.objects.filter(pk=person.unit_id)).distinct()
    form = PersonForm(request.POST, auto_id="edit-%s", units=units)
    if form.is_valid():
        try:
            services.update_person(person=person, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thông tin.")
            return redirect("people:person", unit.code, person.pk)
    person.refresh_from_db()
    return render_person(request, unit, person, status=400, person_form=form, open_edit=True)


@login_required
@require_POST
def person_delete(request, code, pk):
    unit = scope.unit_for(request.user, code)
    person = person_for(unit, pk)
    try:
        services.delete_person(person=person, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("people:person", unit.code, person.pk)
    messages.success(request, f"Đã xóa {person.full_name} khỏi danh sách.")
    return redirect("people:list", unit.code)


@login_required
@require_POST
def position_add(request, code, pk):
    unit = scope.unit_for(request.user, code)
    person = person_for(unit, pk)
    units = writable_units(request.user, unit)
    if not units.exists():
        raise PermissionDenied("Bạn không ghi được chức vụ ở đơn vị này.")
    form = PositionForm(
        request.POST, auto_id="pos-%s", units=units, organisations=organisations(unit)
    )
    if form.is_valid():
        try:
            services.add_position(person=person, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã ghi chức vụ.")
            return redirect(reverse("people:person", args=[unit.code, person.pk]) + "#positions")
    return render_person(request, unit, person, status=400, position_form=form)


def _position(request, code, pk, ppk) -> tuple[Unit, object, Position]:
    unit = scope.unit_for(request.user, code)
    person = person_for(unit, pk)
    position = person.positions.select_related("unit").filter(pk=ppk).first()
    if position is None:
        raise Http404("Không tìm thấy chức vụ này.")
    if not may_edit(request.user, position.unit):
        raise PermissionDenied(f"Bạn không sửa được chức vụ tại {position.unit.name}.")
    return unit, person, position


@login_required
def position_edit(request, code, pk, ppk):
    unit, person, position = _position(request, code, pk, ppk)
    units = (
        writable_units(request.user, unit) | Unit.objects.filter(pk=position.unit_id)
    ).distinct()
    initial = {name: getattr(position, name) for name in services.POSITION_FIELDS}
    form = PositionForm(
        request.POST or None,
        units=units,
        organisations=organisations(unit),
        initial={**initial, "unit": position.unit_id, "represents": position.represents_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_position(position=position, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã lưu chức vụ.")
            return redirect(reverse("people:person", args=[unit.code, person.pk]) + "#positions")
    return render(
        request,
        "people/position_edit.html",
        {"unit": unit, "person": person, "position": position, "form": form, "tab": "people"},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def position_end(request, code, pk, ppk):
    unit, person, position = _position(request, code, pk, ppk)
    form = EndForm(request.POST, auto_id="end-%s")
    if form.is_valid():
        try:
            services.end_position(
                position=position, end=form.cleaned_data["end"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Đã ghi ngày thôi giữ chức vụ.")
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(reverse("people:person", args=[unit.code, person.pk]) + "#positions")


@login_required
@require_POST
def position_delete(request, code, pk, ppk):
    unit, person, position = _position(request, code, pk, ppk)
    try:
        services.delete_position(position=position, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Đã xóa chức vụ ghi nhầm.")
    return redirect(reverse("people:person", args=[unit.code, person.pk]) + "#positions")

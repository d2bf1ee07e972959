"""Importing an existing member list (checked, shown, then saved on confirmation) and the
page of the indicators counted from the people."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from mattran.accounts import scope
from mattran.core.periods import PeriodSpec
from mattran.people import feeding, importer
from mattran.people.forms import ImportForm
from mattran.people.models import Measure, PeopleIndicatorLink
from mattran.people.views import XLSX, writable_units
from mattran.programmes.models import Indicator, Programme
from mattran.reporting.models import DataValue
from mattran.units.models import Tier, Unit


def _session_key(unit: Unit) -> str:
    return f"people-import-{unit.code}"


@login_required
def import_template(request, code):
    unit = scope.unit_for(request.user, code)
    response = HttpResponse(importer.template(unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-danh-sach-{unit.code}.xlsx"'
    return response


@login_required
def import_view(request, code):
    unit = scope.unit_for(request.user, code)
    if not writable_units(request.user, unit).exists():
        raise PermissionDenied(f"Bạn không nhập được danh sách cán bộ của {unit.name}.")
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"unit": unit, "form": form, "tab": "import"}
    key = _session_key(unit)
    action = request.POST.get("action", "check")
    if request.method == "POST" and action == "cancel":
        request.session.pop(key, None)
        return redirect("people:import", unit.code)
    if request.method == "POST" and action == "confirm":
        stored = request.session.get(key)
        if not stored:
            messages.error(request, "Phiên nhập đã hết hạn: hãy chọn lại tệp.")
            return redirect("people:import", unit.code)
        data = base64.b64decode(stored)
        form = ImportForm()
        context["form"] = form
    elif request.method == "POST":
        if not form.is_valid():
            return render(request, "people/import.html", context, status=400)
        data = form.cleaned_data["file"].read(importer.MAX_BYTES + 1)
    else:
        return render(request, "people/import.html", context)
    try:
        reading = importer.read_members(data, unit, request.user)
        if action == "confirm" and not reading.errors:
            count = importer.save_members(reading, unit, actor=request.user)
    except ValidationError as exc:
        request.session.pop(key, None)
        context["errors"] = exc.messages
        return render(request, "people/import.html", context, status=400)
    if reading.errors:
        request.session.pop(key, None)
        context["errors"] = reading.errors
        return render(request, "people/import.html", context, status=400)
    if action == "confirm":
        request.session.pop(key, None)
        messages.success(request, f"Đã nhập {count} dòng ({reading.new_people} người mới).")
        return redirect("people:list", unit.code)
    request.session[key] = base64.b64encode(data).decode()
    context["reading"] = reading
    return render(request, "people/import.html", context)


def _programmes(unit: Unit):
    return Programme.objects.filter(unit__path__in=unit.ancestor_paths(include_self=True))


def _period(indicator: Indicator, unit: Unit, text: str) -> PeriodSpec | None:
    """The period asked for, or the latest one with a figure below `unit`."""
    if text:
        try:
            spec = PeriodSpec.parse(text)
        except ValueError:
            spec = None
        if spec is not None and spec.kind == indicator.frequency:
            return spec
    latest = (
        DataValue.objects.filter(
            indicator=indicator,
            unit__in=Unit.objects.subtree(unit),
            period__kind=indicator.frequency,
        )
        .order_by("-period__start")
        .values_list("period__start", "period__end", "period__kind")
        .first()
    )
    return PeriodSpec(*latest) if latest else None


@login_required
def indicator_links(request, code):
    unit = scope.unit_for(request.user, code)
    if request.method == "POST":
        return _change_link(request, unit)
    rows = []
    period_text = request.GET.get("period", "")
    for link in PeopleIndicatorLink.objects.filter(
        indicator__programme__in=_programmes(unit)
    ).select_related("indicator__programme__unit"):
        spec = _period(link.indicator, unit, period_text)
        values = (
            DataValue.objects.filter(
                indicator=link.indicator,
                period__code=spec.code if spec else "",
                unit__in=Unit.objects.subtree(unit).filter(tier=Tier.COMMUNE),
            )
            .select_related("unit")
            .order_by("unit__path")
        )
        rows.append(
            {
                "link": link,
                "spec": spec,
                "values": values,
                "may_manage": scope.can_manage(request.user, link.indicator.programme.unit),
            }
        )
    candidates = [
        i
        for i in Indicator.objects.filter(programme__in=_programmes(unit), programme__unit=unit)
        .select_related("programme")
        .order_by("programme", "order")
        if feeding.feedable(i) and not i.is_automatic
    ]
    return render(
        request,
        "people/indicators.html",
        {
            "unit": unit,
            "rows": rows,
            "candidates": candidates if scope.can_manage(request.user, unit) else [],
            "measures": Measure.choices,
            "period": period_text,
            "tab": "indicators",
        },
    )


def _change_link(request, unit: Unit):
    try:
        if request.POST.get("unlink"):
            link = PeopleIndicatorLink.objects.select_related("indicator__programme__unit").get(
                pk=int(request.POST["unlink"]), indicator__programme__in=_programmes(unit)
            )
            feeding.unlink_indicator(link=link, actor=request.user)
            messages.success(request, f"Đã bỏ tính tự động chỉ tiêu {link.indicator.code}.")
        else:
            indicator = Indicator.objects.select_related("programme__unit").get(
                pk=int(request.POST.get("indicator", "0")), programme__unit=unit
            )
            measure = request.POST.get("measure", "")
            if measure not in Measure.values:
                raise ValidationError("Chưa chọn cách tính.")
            result = feeding.link_indicator(
                indicator=indicator, measure=measure, actor=request.user
            )
            text = f"Đã gắn chỉ tiêu {indicator.code}: {result.written} số liệu được tính."
            if result.locked:
                text += " Kỳ đã khóa giữ nguyên: " + "; ".join(result.locked[:10])
            messages.success(request, text)
    except (PeopleIndicatorLink.DoesNotExist, Indicator.DoesNotExist, ValueError) as exc:
        raise PermissionDenied("Không tìm thấy chỉ tiêu của đơn vị này.") from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("people:indicators", unit.code)

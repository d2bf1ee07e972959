from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.activities.forms import ActivityForm
from mattran.activities.models import Activity
from mattran.activities.services import delete_activity, record_activity


@login_required
def activity_list(request, code):
    unit = scope.unit_for(request.user, code)
    month = request.GET.get("month") or date.today().strftime("%Y-%m")
    try:
        year, mon = (int(x) for x in month.split("-"))
        date(year, mon, 1)
    except ValueError:
        year, mon = date.today().year, date.today().month
    activities = (
        Activity.objects.filter(
            unit__in=scope.visible_units(request.user).subtree(unit),
            date__year=year,
            date__month=mon,
        )
        .select_related("unit", "type")
        .order_by("-date", "unit__name")
    )
    may_enter = scope.can_enter(request.user, unit)
    form = ActivityForm(request.POST or None) if may_enter else None
    if request.method == "POST":
        if not may_enter:
            raise PermissionDenied("Bạn không có quyền ghi hoạt động của đơn vị này.")
        if form.is_valid():
            try:
                record_activity(unit=unit, actor=request.user, **form.cleaned_data)
                messages.success(request, "Đã ghi hoạt động.")
                day = form.cleaned_data["date"]
                return redirect(f"{request.path}?month={day:%Y-%m}")
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.message_dict.items():
                        for message in errors:
                            form.add_error(field if field in form.fields else None, message)
                else:
                    form.add_error(None, " ".join(exc.messages))
    return render(
        request,
        "activities/list.html",
        {
            "unit": unit,
            "activities": activities,
            "form": form,
            "month": f"{year}-{mon:02d}",
            "month_label": f"tháng {mon}/{year}",
        },
    )


@login_required
@require_POST
def activity_delete(request, code, pk):
    unit = scope.unit_for(request.user, code)
    activity = get_object_or_404(Activity, pk=pk, unit=unit)
    try:
        delete_activity(activity=activity, actor=request.user)
        messages.success(request, "Đã xóa hoạt động.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"/units/{unit.code}/activities/?month={activity.date:%Y-%m}")

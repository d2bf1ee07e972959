from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.activities.forms import ActivityForm
from mattran.activities.models import Activity
from mattran.activities.selectors import month_activities, month_asked
from mattran.activities.services import check_not_owned, delete_activity, record_activity
from mattran.activities.tables import activities_table
from mattran.core.xlsx import table_workbook, xlsx_response


@login_required
def activity_list(request, code):
    unit = scope.unit_for(request.user, code)
    year, mon = month_asked(request.GET.get("month"))
    activities = month_activities(request.user, unit, year, mon)
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
def activity_list_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    year, mon = month_asked(request.GET.get("month"))
    table = activities_table(unit, year, mon, month_activities(request.user, unit, year, mon))
    return xlsx_response(table_workbook(table), f"hoat-dong-{unit.code}-{year}-{mon:02d}.xlsx")


@login_required
@require_POST
def activity_delete(request, code, pk):
    unit = scope.unit_for(request.user, code)
    activity = get_object_or_404(Activity, pk=pk, unit=unit)
    try:
        check_not_owned(activity)
        delete_activity(activity=activity, actor=request.user)
        messages.success(request, "Đã xóa hoạt động.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"/units/{unit.code}/activities/?month={activity.date:%Y-%m}")

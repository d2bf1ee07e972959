from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.reminders.services import reminder_lists
from mattran.reminders.tables import reminders_table


@login_required
def reminder_list(request):
    lists = reminder_lists(request.user)
    return render(
        request,
        "reminders/list.html",
        {
            "upcoming": lists.upcoming,
            "overdue": lists.overdue,
            "below": lists.below,
            "emailed": request.user.reminders.exclude(emailed_at=None).count(),
        },
    )


@login_required
def reminder_list_xlsx(request):
    """What the page lists for the signed-in user (their own unit, and below for admins)."""
    today = timezone.localdate()
    table = reminders_table(request.user.unit, today, reminder_lists(request.user, today))
    return xlsx_response(table_workbook(table), f"nhac-viec-{today:%Y%m%d}.xlsx")

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from mattran.reminders.models import ReminderKind
from mattran.reminders.services import events_for


@login_required
def reminder_list(request):
    own, below = events_for(request.user)
    return render(
        request,
        "reminders/list.html",
        {
            "upcoming": [e for e, k in own if k == ReminderKind.UPCOMING],
            "overdue": [e for e, k in own if k == ReminderKind.OVERDUE],
            "below": below,
            "emailed": request.user.reminders.exclude(emailed_at=None).count(),
        },
    )

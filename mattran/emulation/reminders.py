"""Reminder events of emulation movements: each participant's self-assessment due date and
the organiser's review due date. The caller (`mattran.reminders`) keeps the ones near
enough and turns them into reminders; done events produce none."""

from datetime import date

from django.urls import reverse

from mattran.emulation.models import Movement
from mattran.reminders.events import ReminderEvent


def events(today: date) -> list[ReminderEvent]:
    """Every event of the movements still running (opened, results not yet published)."""
    out: list[ReminderEvent] = []
    movements = Movement.objects.filter(
        opened_at__isnull=False, published_at__isnull=True
    ).select_related("organiser")
    for movement in movements:
        participations = list(
            movement.participations.filter(withdrawn_at__isnull=True).select_related("unit")
        )
        for participation in participations:
            due = movement.self_due_on
            if participation.reopened_until and participation.reopened_until > due:
                due = participation.reopened_until
            out.append(
                ReminderEvent(
                    key=f"emulation-self:{movement.pk}:{participation.pk}",
                    unit_id=participation.unit_id,
                    due_on=due,
                    text=f"Nộp bảng tự chấm điểm phong trào “{movement.title}” trước ngày "
                    f"{due:%d/%m/%Y}",
                    url=reverse("emulation:score", args=[participation.unit.code, movement.pk]),
                    done=participation.submitted_at is not None,
                )
            )
        waiting = [p for p in participations if p.submitted_at and not p.reviewed_at]
        out.append(
            ReminderEvent(
                key=f"emulation-review:{movement.pk}",
                unit_id=movement.organiser_id,
                due_on=movement.review_due_on,
                text=f"Chấm điểm chính thức phong trào “{movement.title}” trước ngày "
                f"{movement.review_due_on:%d/%m/%Y}"
                + (f" (còn {len(waiting)} đơn vị chờ chấm)" if waiting else ""),
                url=reverse("emulation:movement", args=[movement.organiser.code, movement.pk]),
                done=not waiting,
            )
        )
    return out

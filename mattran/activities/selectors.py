"""Reading activities: a month of a unit and the units below it, as the user may see them."""

from datetime import date

from mattran.accounts import scope
from mattran.activities.models import Activity
from mattran.activities.services import owner_of, owner_relations


def month_asked(text: str | None) -> tuple[int, int]:
    """The month of `?month=2024-08`, this month when missing or not a month."""
    try:
        year, month = (int(x) for x in (text or "").split("-"))
        date(year, month, 1)
    except ValueError:
        today = date.today()
        return today.year, today.month
    return year, month


def month_activities(user, unit, year: int, month: int) -> list[Activity]:
    """Each with `owner_label`: the record of another register it is counted for, if any."""
    found = list(
        Activity.objects.filter(
            unit__in=scope.visible_units(user).subtree(unit), date__year=year, date__month=month
        )
        .select_related("unit", "type", *owner_relations())
        .order_by("-date", "unit__name")
    )
    for activity in found:
        owner = owner_of(activity)
        activity.owner_label = f"{owner._meta.verbose_name} “{owner}”" if owner else ""
    return found

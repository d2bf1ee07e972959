"""What the monthly report can say about petitions and follow-up, beyond the activities it
already counts (each supervision, critique, forum, dialogue and voter meeting is an
`Activity`). A hook for `documents.monthly`: plain sentences for a unit and a period."""

from datetime import date

from django.db.models import Count, Q

from mattran.core.numbers import format_count
from mattran.units.models import Unit
from mattran.voice.models import FollowUp, Petition, Recommendation
from mattran.voice.selectors import below


def petition_sentence(unit: Unit, start: date, end: date) -> str | None:
    """ "Tổng hợp 25 kiến nghị của cử tri tại 14 hội nghị tiếp xúc cử tri …; đến 31/08/2024,
    đã trả lời 10, đang chờ trả lời 9, quá hạn 6 kiến nghị." (None when there were none)."""
    received = below(
        Petition.objects.filter(meeting__held_on__gte=start, meeting__held_on__lte=end),
        unit,
        via="meeting__unit",
    ).aggregate(n=Count("pk"), meetings=Count("meeting", distinct=True))
    if not received["n"]:
        return None
    # the state of every petition still open at the end of the period, whenever raised
    open_or_answered = below(
        Petition.objects.filter(meeting__held_on__lte=end), unit, via="meeting__unit"
    ).aggregate(
        answered=Count("pk", filter=Q(responded_on__gte=start, responded_on__lte=end)),
        overdue=Count(
            "pk",
            filter=(Q(responded_on__isnull=True) | Q(responded_on__gt=end)) & Q(deadline__lt=end),
        ),
        waiting=Count(
            "pk",
            filter=(Q(responded_on__isnull=True) | Q(responded_on__gt=end))
            & (Q(deadline__isnull=True) | Q(deadline__gte=end)),
        ),
    )
    answered, waiting, overdue = (open_or_answered[k] for k in ("answered", "waiting", "overdue"))
    still = [
        f"{format_count(n)} kiến nghị {what}"
        for n, what in ((waiting, "đang chờ trả lời"), (overdue, "quá hạn chưa được trả lời"))
        if n
    ]
    return (
        f"Tổng hợp {format_count(received['n'])} kiến nghị của cử tri tại "
        f"{format_count(received['meetings'])} hội nghị tiếp xúc cử tri, chuyển đến cơ quan có "
        "thẩm quyền xem xét, giải quyết; "
        + (
            f"trong kỳ đã nhận trả lời {format_count(answered)} kiến nghị; "
            if answered
            else "trong kỳ chưa nhận được trả lời nào; "
        )
        + (
            f"đến ngày {end:%d/%m/%Y} còn {' và '.join(still)}."
            if still
            else f"đến ngày {end:%d/%m/%Y}, mọi kiến nghị đều đã được trả lời."
        )
    )


def recommendation_sentence(unit: Unit, start: date, end: date) -> str | None:
    """Follow-up of the recommendations made after supervisions up to the end of the period."""
    rows = below(
        Recommendation.objects.filter(supervision__started_on__lte=end),
        unit,
        via="supervision__unit",
    ).aggregate(
        total=Count("pk"),
        acted=Count("pk", filter=Q(status__in=[FollowUp.DONE, FollowUp.ACCEPTED])),
        pending=Count("pk", filter=Q(status=FollowUp.PENDING)),
    )
    if not rows["total"]:
        return None
    pending = (
        f"{format_count(rows['pending'])} kiến nghị chưa có phản hồi"
        if rows["pending"]
        else "không còn kiến nghị nào chưa có phản hồi"
    )
    return (
        f"Theo dõi kết quả thực hiện kiến nghị sau giám sát: "
        f"{format_count(rows['acted'])}/{format_count(rows['total'])} kiến nghị đã được tiếp "
        f"thu, thực hiện; {pending}."
    )

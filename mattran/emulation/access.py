"""Who may see and do what in a movement, on top of `accounts.scope`.

The acting unit (the `code` of the URL, already checked by `scope.unit_for`) reaches a
movement when it organises it (or is above the organiser), or takes part in it. It sees one
participant's sheet (notes, evidence) when it is the organiser or above it, or that
participant or above it (a ward sees its residential areas' sheets); never a fellow
participant's. Participants see the ranking — names, totals, ranks — only once the
organiser has published the final results.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from mattran.accounts import scope
from mattran.emulation.models import STATUS_CHIPS, Movement, Participation
from mattran.emulation.ranking import standing_of
from mattran.units.models import Unit


def _is_user(actor) -> bool:
    return getattr(actor, "is_authenticated", False)


def movements_for(unit: Unit) -> QuerySet[Movement]:
    """What `unit` organises, oversees (organised below it) or takes part in."""
    below = Unit.objects.subtree(unit).values("pk")
    return (
        Movement.objects.filter(
            Q(organiser__in=below) | Q(participations__unit=unit, opened_at__isnull=False)
        )
        .distinct()
        .select_related("organiser")
    )


def movement_for(unit: Unit, pk: int) -> Movement:
    movement = movements_for(unit).filter(pk=pk).first()
    if movement is None:
        raise Http404("Không tìm thấy phong trào hoặc đơn vị không tham gia phong trào này.")
    return movement


def organises(unit: Unit, movement: Movement) -> bool:
    """`unit` is the organiser or a committee above it: it sees every participant."""
    return unit.is_ancestor_of(movement.organiser)


def may_see_sheet(unit: Unit, movement: Movement, participation: Participation) -> bool:
    return organises(unit, movement) or unit.is_ancestor_of(participation.unit)


def participation_for(unit: Unit, movement: Movement, pk: int) -> Participation:
    participation = (
        Participation.objects.filter(movement=movement, pk=pk).select_related("unit").first()
    )
    if participation is None or not may_see_sheet(unit, movement, participation):
        raise Http404("Không tìm thấy bảng chấm điểm hoặc bạn không có quyền xem.")
    return participation


def may_self_assess(actor, participation: Participation) -> bool:
    """The participant's own staff, or an administrator of a committee between it and the
    organiser (a ward's administrator scores for its residential areas); never the
    organiser's staff, who score officially instead."""
    if not _is_user(actor):
        return True  # commands and the demo
    if not scope.can_enter(actor, participation.unit):
        return False
    if actor.is_system_admin:
        return True
    return not actor.unit.is_ancestor_of(participation.movement.organiser)


def may_manage(actor, movement: Movement) -> bool:
    """Open the movement, score officially, reopen, withdraw, publish, export awards."""
    return not _is_user(actor) or scope.can_manage(actor, movement.organiser)


def stage_of(movement: Movement) -> tuple[str, str]:
    """Where a movement stands for its organiser: a label and its chip."""
    if movement.published_at:
        return "Đã công bố kết quả", "s-met"
    if movement.opened_at:
        return "Đang chấm điểm", "s-on_track"
    return "Chưa mở", "s-no_data"


def movement_lists(unit: Unit) -> tuple[list[dict], list[dict]]:
    """The movements page's two lists: those `unit` organises or oversees, with how many
    participants submitted and were reviewed, and those it takes part in, with its standing."""
    organised, taking_part = [], []
    for movement in movements_for(unit):
        if organises(unit, movement):
            active = movement.participations.filter(withdrawn_at__isnull=True)
            organised.append(
                {
                    "movement": movement,
                    "participants": active.count(),
                    "submitted": active.filter(submitted_at__isnull=False).count(),
                    "reviewed": active.filter(reviewed_at__isnull=False).count(),
                    "stage": stage_of(movement),
                }
            )
        participation = movement.participations.filter(unit=unit).first()
        if participation is not None:
            taking_part.append(
                {
                    "movement": movement,
                    "participation": participation,
                    "chip": STATUS_CHIPS[participation.status],
                    "standing": standing_of(movement, participation),
                }
            )
    return organised, taking_part

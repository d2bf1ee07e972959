"""Movement pages: the list, one movement with its criteria and ranking, and the organiser's
actions on the whole movement (open it, publish the results, export award proposals)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.documents.views import download
from mattran.emulation import access, awards, movements, tables
from mattran.emulation.models import STATUS_CHIPS
from mattran.emulation.ranking import standings
from mattran.units.models import Tier


def _movement(request, code, pk, *, manage=False):
    unit = scope.unit_for(request.user, code)
    movement = access.movement_for(unit, pk)
    if manage and not (
        access.organises(unit, movement) and access.may_manage(request.user, movement)
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {movement.organiser.name} mới thực hiện được việc này."
        )
    return unit, movement


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@login_required
def index(request, code):
    unit = scope.unit_for(request.user, code)
    organised, taking_part = access.movement_lists(unit)
    return render(
        request,
        "emulation/index.html",
        {"unit": unit, "organised": organised, "taking_part": taking_part},
    )


@login_required
def index_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    organised, taking_part = access.movement_lists(unit)
    sheets = [
        table
        for table, rows in (
            (tables.organised_table(unit, organised), organised),
            (tables.taking_part_table(unit, taking_part), taking_part),
        )
        if rows
    ] or [tables.taking_part_table(unit, [])]
    return xlsx_response(table_workbook(*sheets), f"phong-trao-thi-dua-{unit.code}.xlsx")


def _ranking(request, unit, movement) -> dict:
    """The ranking the acting unit may see: every participant of the tier for the organiser,
    the published official ranks for a participant, nothing before they are published."""
    organiser_view = access.organises(unit, movement)
    groups = standings(movement)
    tiers = [t for t in Tier.values if t in groups]
    tier = request.GET.get("tier")
    if tier not in tiers:
        tier = tiers[0] if tiers else ""
    shown = []
    if organiser_view or movement.published_at:
        shown = groups.get(tier, [])
        if not organiser_view:  # the published ranking: ranked units only, nothing else
            shown = [s for s in shown if s.rank is not None and s.official]
    return {
        "organiser_view": organiser_view,
        "groups": groups,
        "tiers": [(t, Tier(t).label) for t in tiers],
        "tier": tier,
        "rows": shown,
        "below": _below(unit, movement, groups) if not organiser_view else [],
        "criteria": movement.criteria.select_related("indicator"),
    }


@login_required
def movement_view(request, code, pk):
    unit, movement = _movement(request, code, pk)
    ranking = _ranking(request, unit, movement)
    organiser_view, groups = ranking["organiser_view"], ranking.pop("groups")
    own = movement.participations.filter(unit=unit).first()
    context = {
        **ranking,
        "unit": unit,
        "movement": movement,
        "may_manage": organiser_view and access.may_manage(request.user, movement),
        "chips": STATUS_CHIPS,
        "own": own,
        "own_standing": _own_standing(groups, own),
        "maxima": [(Tier(t).label, movement.max_total(t)) for t in movement.participant_tiers],
        "candidates": {t: len(awards.candidates(movement, t, groups)) for t, _ in ranking["tiers"]}
        if organiser_view
        else {},
    }
    if request.htmx and request.GET.get("tier"):
        return render(request, "emulation/_ranking.html", context)
    return render(request, "emulation/movement.html", context)


@login_required
def movement_xlsx(request, code, pk):
    unit, movement = _movement(request, code, pk)
    r = _ranking(request, unit, movement)
    sheets = []
    if r["organiser_view"] or movement.published_at:
        label = dict(r["tiers"]).get(r["tier"], "")
        sheets.append(tables.ranking_table(movement, label, r["rows"], r["organiser_view"]))
    sheets.append(tables.criteria_table(movement, r["criteria"]))
    if r["below"]:
        sheets.append(tables.below_table(unit, r["below"]))
    return xlsx_response(table_workbook(*sheets), f"phong-trao-{movement.pk}-{unit.code}.xlsx")


def _own_standing(groups, own):
    if own is None:
        return None
    return next((s for s in groups.get(own.unit.tier, []) if s.participation.pk == own.pk), None)


def _below(unit, movement, groups) -> list:
    """The participants under a participant (a ward's residential areas) with their status."""
    rows = []
    for tier_rows in groups.values():
        for standing in tier_rows:
            other = standing.unit
            if other.pk != unit.pk and unit.is_ancestor_of(other):
                rows.append(standing)
    return rows


@login_required
@require_POST
def open_view(request, code, pk):
    unit, movement = _movement(request, code, pk, manage=True)
    try:
        added = movements.open_movement(movement=movement, actor=request.user)
        messages.success(request, f"Đã mở phong trào cho {added} đơn vị tham gia.")
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("emulation:movement", unit.code, movement.pk)


@login_required
@require_POST
def publish(request, code, pk):
    unit, movement = _movement(request, code, pk, manage=True)
    try:
        movements.publish_results(movement=movement, actor=request.user)
        messages.success(request, "Đã công bố kết quả: các đơn vị tham gia xem được bảng xếp hạng.")
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("emulation:movement", unit.code, movement.pk)


@login_required
@require_POST
def export_awards(request, code, pk, tier):
    unit, movement = _movement(request, code, pk, manage=True)
    try:
        generated = awards.export_award_proposal(movement=movement, tier=tier, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("emulation:movement", unit.code, movement.pk)
    return download(generated)

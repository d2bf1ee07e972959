"""Programmes and their indicators, with the target of every year."""

from ninja import Router

from mattran.api.convert import indicator_out
from mattran.api.lookups import programme_or_404, visible_programmes
from mattran.api.schemas import ERRORS, Id, IndicatorOut, ProgrammeOut

router = Router(tags=["Chương trình, chỉ tiêu"])


@router.get(
    "/programmes", response={200: list[ProgrammeOut], **ERRORS}, summary="Chương trình hành động"
)
def list_programmes(request):
    """The programmes of the caller's units and those of the committees above that apply."""
    return [
        {
            "id": p.pk,
            "title": p.title,
            "number": p.number,
            "unit": p.unit.code,
            "unit_name": p.unit.name,
            "first_year": p.first_year,
            "last_year": p.last_year,
            "issued_on": p.issued_on,
        }
        for p in visible_programmes(request.user)
    ]


@router.get(
    "/programmes/{programme_id}/indicators",
    response={200: list[IndicatorOut], **ERRORS},
    summary="Chỉ tiêu của chương trình, kèm chỉ tiêu từng năm",
)
def programme_indicators(request, programme_id: Id):
    programme = programme_or_404(request.user, programme_id)
    indicators = (
        programme.indicators.select_related("area")
        .prefetch_related("targets", "fed_by")
        .order_by("order", "pk")
    )
    return [indicator_out(i) for i in indicators]

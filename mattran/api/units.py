"""Units (the tree, search) and a unit's progress — what `mattran progress` shows."""

from typing import Annotated

from django.db.models import Q
from ninja import Query, Router

from mattran.accounts import scope
from mattran.analytics.progress import programme_progress
from mattran.api.convert import unit_out
from mattran.api.errors import not_found
from mattran.api.lookups import paginate, programme_or_404, unit_or_404
from mattran.api.schemas import (
    ERRORS,
    Id,
    Page,
    PageSize,
    ProgressOut,
    SearchText,
    UnitCode,
    UnitOut,
    UnitPage,
)
from mattran.programmes.selectors import programme_for

router = Router(tags=["Đơn vị"])


@router.get("/units", response={200: UnitPage, **ERRORS}, summary="Danh sách đơn vị được xem")
def list_units(
    request,
    search: SearchText = None,
    parent: Annotated[UnitCode | None, Query(description="Mã đơn vị cấp trên")] = None,
    page: Page = 1,
    page_size: PageSize = 50,
):
    """Every unit the caller may see, in tree order; `search` looks in names and codes."""
    units = scope.visible_units(request.user).select_related("parent")
    if parent:
        units = units.filter(parent=unit_or_404(request.user, parent))
    if search and search.strip():
        text = search.strip()
        units = units.filter(Q(name__icontains=text) | Q(code__icontains=text))
    result = paginate(units.order_by("path"), page, page_size)
    result["items"] = [unit_out(u) for u in result["items"]]
    return result


@router.get("/units/{code}", response={200: UnitOut, **ERRORS}, summary="Một đơn vị")
def get_unit(request, code: UnitCode):
    return unit_out(unit_or_404(request.user, code))


@router.get(
    "/units/{code}/children", response={200: list[UnitOut], **ERRORS}, summary="Đơn vị trực thuộc"
)
def unit_children(request, code: UnitCode):
    unit = unit_or_404(request.user, code)
    children = scope.visible_units(request.user).filter(parent=unit).select_related("parent")
    return [unit_out(u) for u in children.order_by("path")]


@router.get(
    "/units/{code}/progress",
    response={200: ProgressOut, **ERRORS},
    summary="Tiến độ thực hiện chỉ tiêu của đơn vị trong năm",
)
def unit_progress(
    request,
    code: UnitCode,
    year: Annotated[int, Query(ge=1900, le=2200)],
    programme: Annotated[Id | None, Query(description="Mã số chương trình")] = None,
):
    """The same content as `mattran progress --unit CODE --year YEAR --format json`."""
    unit = unit_or_404(request.user, code)
    if programme is not None:
        chosen = programme_or_404(request.user, programme)
    else:
        chosen = programme_for(unit, year)
        if chosen is None:
            raise not_found(f"{unit.name} chưa có chương trình hành động nào cho năm {year}.")
    rows, as_of = programme_progress(chosen, unit, year)
    return {
        "unit": unit.code,
        "year": year,
        "programme": chosen.pk,
        "programme_title": chosen.title,
        "as_of": as_of,
        "indicators": [r.as_dict() for r in rows],
    }

"""Finding what the caller may see; anything else is 404, as if it did not exist."""

from typing import Any

from django.db.models import Q, QuerySet

from mattran.accounts import scope
from mattran.api.errors import bad_request, not_found
from mattran.core.periods import PeriodCodeError, PeriodSpec
from mattran.programmes.models import Indicator, Programme
from mattran.programmes.selectors import programme_covers
from mattran.units.models import Unit


def unit_or_404(user: Any, code: str) -> Unit:
    unit = scope.visible_units(user).filter(code=code).first()
    if unit is None:
        raise not_found(f"Không tìm thấy đơn vị “{code}” hoặc bạn không có quyền xem đơn vị này.")
    return unit


def visible_programmes(user: Any) -> list[Programme]:
    """Programmes issued by a unit the user sees, and those above that apply to its unit."""
    programmes = Programme.objects.select_related("unit").order_by("-first_year", "title", "pk")
    if user.is_system_admin:
        return list(programmes)
    own = user.unit
    if own is None:
        return []
    near = programmes.filter(
        Q(unit__in=scope.visible_units(user)) | Q(unit__path__in=own.ancestor_paths())
    )
    found = {p.pk: p for p in near}
    # after a reorganisation a unit also works under its predecessors' programmes
    for programme in programmes.exclude(pk__in=found):
        if programme_covers(programme, own):
            found[programme.pk] = programme
    return sorted(found.values(), key=lambda p: (-p.first_year, p.title, p.pk))


def programme_or_404(user: Any, pk: int) -> Programme:
    for programme in visible_programmes(user):
        if programme.pk == pk:
            return programme
    raise not_found(f"Không tìm thấy chương trình số {pk} hoặc bạn không có quyền xem.")


def indicator_or_404(user: Any, pk: int) -> Indicator:
    indicators = Indicator.objects.select_related("programme", "programme__unit")
    indicator = indicators.filter(pk=pk).first()
    if indicator is None or indicator.programme_id not in {p.pk for p in visible_programmes(user)}:
        raise not_found(f"Không tìm thấy chỉ tiêu số {pk} hoặc bạn không có quyền xem.")
    return indicator


def period_spec(code: str) -> PeriodSpec:
    try:
        return PeriodSpec.parse(code)
    except (PeriodCodeError, ValueError) as exc:
        message = str(exc)
        if not isinstance(exc, PeriodCodeError):
            message = f"Kỳ báo cáo “{code}” không hợp lệ."
        raise bad_request(message, code="invalid_period") from exc


def paginate(queryset: QuerySet, page: int, page_size: int) -> dict:
    count = queryset.count()
    start = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "items": list(queryset[start : start + page_size]) if start < count else [],
    }

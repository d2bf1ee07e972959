"""Ratings: the year's table of the committees and boards a unit rates (the level above
enters rating and reasons inline, htmx), the unit's own ratings (read-only), the Excel
download, and which indicators are computed from ratings and boards."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.boards import feeding, ratings, selectors
from mattran.boards.exports import export_ratings
from mattran.boards.forms import LinkForm, RatingForm, attach_errors
from mattran.boards.measures import share_text
from mattran.boards.models import BoardIndicatorLink, Subject, YearlyRating, subject_name
from mattran.core.ratings import Rating
from mattran.documents.views import download
from mattran.programmes.models import Indicator, Programme
from mattran.units.models import Unit


def year_param(request, default: int) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return default
    return year if 2000 <= year <= timezone.localdate().year else default


def year_choices(*extra: int) -> list[int]:
    this_year = timezone.localdate().year
    return sorted({*range(this_year - 4, this_year + 1), *extra}, reverse=True)


def seen_on(year: int) -> date:
    """The day the tree is read on for a year: its last day, or today while it lasts."""
    return min(date(year, 12, 31), timezone.localdate())


@dataclass
class RatingRow:
    unit: Unit
    subject: str
    item: YearlyRating | None
    may_rate: bool
    form: RatingForm | None = None

    @property
    def name(self) -> str:
        return subject_name(self.subject, self.unit)

    @property
    def dom_id(self) -> str:
        return f"rating-{self.unit.code}-{self.subject}"

    @property
    def good(self) -> bool:
        return self.item is not None and self.item.rating >= Rating.GOOD


def build_row(
    user, unit: Unit, subject: str, item: YearlyRating | None, form: RatingForm | None = None
) -> RatingRow:
    row = RatingRow(unit, subject, item, ratings.may_rate(user, unit, subject))
    if row.may_rate:
        initial = {"rating": item.rating, "reasons": item.reasons} if item else None
        row.form = form or RatingForm(initial=initial, auto_id=f"{row.dom_id}-%s")
    return row


def default_year(unit: Unit) -> int:
    below = Unit.objects.subtree(unit).values_list("pk", flat=True)
    latest = YearlyRating.objects.filter(unit_id__in=below).order_by("-year").first()
    this_year = timezone.localdate().year
    return latest.year if latest and latest.year <= this_year else this_year - 1


def programmes_for(unit: Unit):
    """Programmes whose linked indicators this page explains: those of the unit's ancestors
    and of the unit itself."""
    paths = unit.ancestor_paths(include_self=True)
    return Programme.objects.filter(unit__path__in=paths)


@login_required
def index(request, code):
    unit = scope.unit_for(request.user, code)
    year = year_param(request, default_year(unit))
    subjects = selectors.rated_subjects(unit, seen_on(year))
    given = selectors.ratings_given(subjects, year)
    rows = [build_row(request.user, u, s, given.get((u.pk, s))) for u, s in subjects]
    if request.GET.get("excel"):
        return download(_export(request, unit, year, rows))
    history = selectors.own_history(unit)
    return render(
        request,
        "boards/index.html",
        {
            "unit": unit,
            "year": year,
            "years": year_choices(year),
            "rows": rows,
            "groups": _summary(rows),
            "history": history,
            "tab": "ratings",
            **_links_context(request.user, unit),
        },
    )


def _export(request, unit: Unit, year: int, rows: list[RatingRow]):
    lines = [(r.unit, r.subject, r.item) for r in rows]
    if not lines:  # a unit that rates nobody downloads its own ratings of the year
        lines = [(r.unit, r.subject, r) for r in selectors.own_history(unit) if r.year == year]
    return export_ratings(unit=unit, year=year, rows=lines, user=request.user)


def _summary(rows: list[RatingRow]) -> list[tuple[str, int, int, str, int]]:
    """(what, rated good or better, all, share, not yet rated): the count behind V.4, V.5."""
    out = []
    for subject, label in (
        (Subject.COMMITTEE, "Ủy ban MTTQ cấp dưới"),
        (Subject.AREA_BOARD, "Ban Công tác Mặt trận khu dân cư"),
    ):
        mine = [r for r in rows if r.subject == subject]
        if mine:
            rated = [r for r in mine if r.item]
            good = sum(1 for r in rated if r.good)
            share = share_text(good, len(mine))
            out.append((label, good, len(mine), share, len(mine) - len(rated)))
    return out


def _links_context(user, unit: Unit) -> dict:
    programmes = programmes_for(unit)
    links = BoardIndicatorLink.objects.filter(indicator__programme__in=programmes).select_related(
        "indicator__programme"
    )
    managed = [p for p in programmes if p.unit_id == unit.pk and scope.can_manage(user, unit)]
    form = None
    if managed:
        candidates = (
            Indicator.objects.filter(
                programme__in=managed, value_type__in=["rating", "yes_no", "fraction"]
            )
            .exclude(board_link__isnull=False)
            .exclude(housing_link__isnull=False)
            .order_by("programme", "order")
        )
        if candidates.exists():
            form = LinkForm(indicators=candidates)
    return {"links": links, "link_form": form, "managed": {p.pk for p in managed}}


def _find_subject(request, code: str, subject: str) -> Unit:
    unit = scope.unit_for(request.user, code)
    if subject not in Subject.values:
        raise Http404("Không có đối tượng xếp loại này.")
    return unit


def _back(unit: Unit, subject: str, year: int):
    """The page the rating was made from: the rater's table."""
    page = unit
    if subject in (Subject.COMMITTEE, Subject.AREA_BOARD) and unit.parent_id:
        page = unit.parent
    url = reverse("boards:index", args=[page.code])
    return redirect(f"{url}?year={year}#rating-{unit.code}-{subject}")


def _row_response(request, row: RatingRow, year: int, status: int = 200, error: str = ""):
    return render(
        request,
        "boards/_rating_row.html",
        {"row": row, "year": year, "error": error, "saved": request.method == "POST"},
        status=status,
    )


@login_required
def rate(request, code, subject, year):
    unit = _find_subject(request, code, subject)
    if request.method != "POST":
        row = build_row(request.user, unit, subject, selectors.rating_of(unit, subject, year))
        if request.htmx:
            return _row_response(request, row, year)
        return render(request, "boards/rate.html", {"unit": unit, "row": row, "year": year})
    form = RatingForm(request.POST, auto_id=f"rating-{unit.code}-{subject}-%s")
    error = ""
    if form.is_valid():
        try:
            item = ratings.rate(
                unit=unit,
                subject=subject,
                year=year,
                rating=form.cleaned_data["rating"],
                reasons=form.cleaned_data["reasons"],
                actor=request.user,
            )
        except PermissionDenied as exc:
            if not request.htmx:
                raise
            error = str(exc)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            if not request.htmx:
                messages.success(request, f"Đã xếp loại {subject_name(subject, unit)}.")
                return _back(unit, subject, year)
            return _row_response(request, build_row(request.user, unit, subject, item), year)
    current = selectors.rating_of(unit, subject, year)
    row = build_row(request.user, unit, subject, current, form=form)
    if not request.htmx:
        return render(request, "boards/rate.html", {"unit": unit, "row": row, "year": year})
    return _row_response(request, row, year, error=error)


@login_required
@require_POST
def rate_delete(request, code, subject, year):
    unit = _find_subject(request, code, subject)
    item = selectors.rating_of(unit, subject, year)
    if item is None:
        raise Http404("Chưa có xếp loại này.")
    try:
        ratings.clear_rating(item=item, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã bỏ xếp loại năm {year} của {subject_name(subject, unit)}.")
    return _back(unit, subject, year)


@login_required
@require_POST
def indicators(request, code):
    unit = scope.unit_for(request.user, code)
    if not scope.can_manage(request.user, unit):
        raise PermissionDenied("Chỉ quản trị viên đơn vị mới gắn được chỉ tiêu.")
    back = redirect("boards:index", unit.code)
    if request.POST.get("unlink"):
        link = BoardIndicatorLink.objects.filter(
            pk=request.POST["unlink"], indicator__programme__unit=unit
        ).first()
        if link is None:
            raise Http404("Không tìm thấy chỉ tiêu đã gắn.")
        feeding.unlink_indicator(link=link, actor=request.user)
        messages.success(request, f"Chỉ tiêu {link.indicator.code} thôi tính tự động.")
        return back
    form = LinkForm(
        request.POST,
        indicators=Indicator.objects.filter(programme__unit=unit).exclude(board_link__isnull=False),
    )
    if not form.is_valid():
        messages.error(request, "Chọn chỉ tiêu và cách tính.")
        return back
    try:
        result = feeding.link_indicator(
            indicator=form.cleaned_data["indicator"],
            measure=form.cleaned_data["measure"],
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return back
    text = f"Đã gắn chỉ tiêu {form.cleaned_data['indicator'].code}; ghi {result.written} số liệu."
    if result.locked:
        text += " Giữ nguyên các kỳ đã khóa: " + ", ".join(result.locked[:10])
    messages.success(request, text)
    return back

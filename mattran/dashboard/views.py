from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from mattran.accounts import scope
from mattran.analytics import overview as ov
from mattran.analytics.progress import (
    STATUS_LABELS,
    display_actual,
    programme_progress,
)
from mattran.analytics.series import year_to_date_series
from mattran.dashboard.charts import STATUS_COLOURS, bars, sparkline
from mattran.programmes.models import Indicator
from mattran.reporting import workflow
from mattran.reporting.models import Period
from mattran.reporting.selectors import programme_and_year


@login_required
def unit_dashboard(request, code):
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    data = ov.overview(programme, unit, year)
    area = request.GET.get("area", "")
    status = request.GET.get("status", "")
    rows = [
        {"row": r, "spark": sparkline(r.series, colour=STATUS_COLOURS[r.progress.status])}
        for r in data.rows
        if (not area or r.progress.indicator.area.number == area)
        and (not status or r.progress.status == status)
    ]
    frontier = Period.objects.filter(
        start__year=year, start__month=data.as_of.month, kind="month"
    ).first()
    pending = []
    if frontier and unit.children.exists():
        pending = [
            r
            for r in workflow.completeness(programme, unit, frontier).rows
            if r.state in ("overdue", "pending")
        ]
    context = {
        "unit": unit,
        "programme": programme,
        "year": year,
        "data": data,
        "rows": rows,
        "areas": programme.areas.order_by("order"),
        "area": area,
        "status": status,
        "statuses": STATUS_LABELS,
        "frontier": frontier,
        "pending": pending,
        "ancestors": ancestors_in_scope(request.user, unit),
    }
    if request.htmx and request.htmx.target == "indicator-list":
        return render(request, "dashboard/_indicator_list.html", context)
    return render(request, "dashboard/unit.html", context)


def ancestors_in_scope(user, unit):
    return list(scope.visible_units(user).filter(path__in=unit.ancestor_paths()).order_by("depth"))


@login_required
def children(request, code):
    """Lazily loaded: the units below, each with its indicators by status."""
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    rows = ov.children_status(programme, unit, year)
    return render(
        request,
        "dashboard/_children.html",
        {
            "unit": unit,
            "year": year,
            "rows": rows,
            "statuses": STATUS_LABELS,
        },
    )


@login_required
def indicator(request, code, indicator_id):
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    item = get_object_or_404(
        Indicator.objects.select_related("area"), pk=indicator_id, programme=programme
    )
    rows, as_of = programme_progress(programme, unit, year)
    progress = next((r for r in rows if r.indicator.pk == item.pk), None)
    compared = ov.compare_children(item, unit, year)
    child_rows = []
    for child, result, value in compared:
        child_rows.append(
            {
                "unit": child,
                "value": value,
                "text": display_actual(item, result),
                "reporting": result.units_reporting,
                "total": result.units_total,
            }
        )
    chart = (
        bars(
            [(r["unit"].name, r["value"], "on_track", r["text"]) for r in child_rows],
            unit_label=item.measure_unit,
        )
        if child_rows
        else ""
    )
    series = year_to_date_series(item, unit, year, as_of)
    return render(
        request,
        "dashboard/indicator.html",
        {
            "unit": unit,
            "year": year,
            "indicator": item,
            "progress": progress,
            "child_rows": child_rows,
            "chart": chart,
            "spark": sparkline(series, width=320, height=80),
            "series": series,
        },
    )

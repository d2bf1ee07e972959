from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from mattran.accounts import scope
from mattran.analytics import overview as ov
from mattran.analytics.progress import (
    STATUS_LABELS,
    display_actual,
    programme_progress,
)
from mattran.analytics.series import year_to_date_series
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.dashboard import tables
from mattran.dashboard.charts import STATUS_COLOURS, bars, sparkline
from mattran.programmes.models import Indicator
from mattran.reporting import workflow
from mattran.reporting.models import Period
from mattran.reporting.selectors import programme_and_year
from mattran.units.selectors import taken_over


def _overview(request, code, *, series=True):
    """The unit, its programme and year, and the dashboard rows the filters let through."""
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    data = ov.overview(programme, unit, year, series=series)
    area = request.GET.get("area", "")
    status = request.GET.get("status", "")
    shown = [
        r
        for r in data.rows
        if (not area or r.progress.indicator.area.number == area)
        and (not status or r.progress.status == status)
    ]
    return unit, programme, year, data, area, status, shown


@login_required
def unit_dashboard(request, code):
    unit, programme, year, data, area, status, shown = _overview(request, code)
    rows = [
        {"row": r, "spark": sparkline(r.series, colour=STATUS_COLOURS[r.progress.status])}
        for r in shown
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
        "taken_over": taken_over(unit, timezone.localdate()),
    }
    if request.htmx and request.htmx.target == "indicator-list":
        return render(request, "dashboard/_indicator_list.html", context)
    return render(request, "dashboard/unit.html", context)


@login_required
def unit_xlsx(request, code):
    unit, programme, year, data, area, status, shown = _overview(request, code, series=False)
    filters = []
    if area:
        found = programme.areas.filter(number=area).first()
        filters.append(f"Nội dung: {area}. {found.title}" if found else f"Nội dung: {area}")
    if status in STATUS_LABELS:
        filters.append(f"Trạng thái: {STATUS_LABELS[status]}")
    content = table_workbook(tables.indicators_table(data, shown, filters))
    return xlsx_response(content, f"tien-do-{unit.code}-{year}.xlsx")


def ancestors_in_scope(user, unit):
    return list(scope.visible_units(user).filter(path__in=unit.ancestor_paths()).order_by("depth"))


def _children(request, code):
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    return unit, year, ov.children_status(programme, unit, year)


@login_required
def children(request, code):
    """Lazily loaded: the units below, each with its indicators by status."""
    unit, year, rows = _children(request, code)
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
def children_xlsx(request, code):
    unit, year, rows = _children(request, code)
    content = table_workbook(tables.children_table(unit, year, rows))
    return xlsx_response(content, f"don-vi-truc-thuoc-{unit.code}-{year}.xlsx")


def _indicator(request, code, indicator_id) -> dict:
    """One indicator of the unit's programme: its progress, the units below, its months."""
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    item = get_object_or_404(
        Indicator.objects.select_related("area"), pk=indicator_id, programme=programme
    )
    rows, as_of = programme_progress(programme, unit, year)
    child_rows = [
        {
            "unit": child,
            "value": value,
            "text": display_actual(item, result),
            "reporting": result.units_reporting,
            "total": result.units_total,
        }
        for child, result, value in ov.compare_children(item, unit, year)
    ]
    return {
        "unit": unit,
        "year": year,
        "indicator": item,
        "progress": next((r for r in rows if r.indicator.pk == item.pk), None),
        "child_rows": child_rows,
        "series": year_to_date_series(item, unit, year, as_of),
    }


@login_required
def indicator(request, code, indicator_id):
    context = _indicator(request, code, indicator_id)
    child_rows, item = context["child_rows"], context["indicator"]
    context["chart"] = (
        bars(
            [(r["unit"].name, r["value"], "on_track", r["text"]) for r in child_rows],
            unit_label=item.measure_unit,
        )
        if child_rows
        else ""
    )
    context["spark"] = sparkline(context["series"], width=320, height=80)
    return render(request, "dashboard/indicator.html", context)


@login_required
def indicator_xlsx(request, code, indicator_id):
    c = _indicator(request, code, indicator_id)
    unit, year, item = c["unit"], c["year"], c["indicator"]
    sheets = tables.comparison_tables(unit, year, item, c["child_rows"], c["series"])
    return xlsx_response(table_workbook(*sheets), f"chi-tieu-{item.pk}-{unit.code}-{year}.xlsx")

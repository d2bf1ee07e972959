"""Reads for the report pages: which indicators a unit enters, and the figures beside them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max
from django.http import Http404

from mattran.accounts import scope
from mattran.core.periods import PeriodCodeError, PeriodKind, PeriodSpec
from mattran.programmes.models import COMPUTED_LINKS, Indicator, Programme
from mattran.programmes.selectors import programme_for
from mattran.reporting.models import DataValue, Period, Submission
from mattran.units.models import Unit


@dataclass
class ReportPage:
    unit: Unit
    period: Period
    programme: Programme
    indicators: list[Indicator]
    submission: Submission | None


def entry_indicators(programme: Programme, unit: Unit, period: Period) -> list[Indicator]:
    # Indicator.is_automatic reads the computed links and fed_by: loaded here at once, not
    # with four queries per indicator (the entry page's cost under load).
    return list(
        programme.indicators.filter(reported_by=unit.tier, frequency=period.kind)
        .select_related("area", "programme__unit", *COMPUTED_LINKS)
        .prefetch_related("fed_by")
        .order_by("order")
    )


def previous_spec(spec: PeriodSpec) -> PeriodSpec:
    if spec.kind == PeriodKind.MONTH:
        year, month = (
            (spec.start.year - 1, 12)
            if spec.start.month == 1
            else (spec.start.year, spec.start.month - 1)
        )
        return PeriodSpec.month(year, month)
    return PeriodSpec.year(spec.start.year - 1)


def values_of(unit: Unit, spec: PeriodSpec, indicators: list[Indicator]) -> dict[int, DataValue]:
    return {
        v.indicator_id: v
        for v in DataValue.objects.filter(
            unit=unit, period__code=spec.code, indicator__in=indicators
        ).select_related("indicator", "entered_by")
    }


def latest_year_with_data(programme: Programme, fallback: int) -> int:
    """The year a user most likely wants: the latest one figures were reported for."""
    latest = DataValue.objects.filter(indicator__programme=programme).aggregate(
        y=Max("period__start")
    )["y"]
    year = latest.year if latest else fallback
    return min(max(year, programme.first_year), programme.last_year)


def programme_and_year(unit: Unit, requested: str | None) -> tuple[Programme, int]:
    """The programme a page shows for `unit`, and the year: the one asked for if valid."""
    today = date.today().year
    wanted = int(requested) if requested and requested.isdigit() else None
    programme = programme_for(unit, wanted or today)
    if programme is None:
        programme = next(
            (p for y in range(today + 1, today - 15, -1) if (p := programme_for(unit, y))), None
        )
    if programme is None:
        raise Http404(f"{unit.name} chưa có chương trình hành động nào.")
    if wanted in programme.years:
        return programme, wanted
    return programme, latest_year_with_data(programme, today)


def year_reports(
    programme: Programme, unit: Unit, year: int
) -> list[tuple[PeriodSpec, Submission | None]]:
    """The twelve months of `year` and the year itself, each with the unit's report if any."""
    submissions = {
        s.period.code: s
        for s in Submission.objects.filter(
            programme=programme, unit=unit, period__start__year=year
        ).select_related("period")
    }
    specs = [*PeriodSpec.year(year).months(), PeriodSpec.year(year)]
    return [(spec, submissions.get(spec.code)) for spec in specs]


def report_page(user, code: str, period_code: str) -> ReportPage:
    unit = scope.unit_for(user, code)
    try:
        spec = PeriodSpec.parse(period_code)
    except PeriodCodeError as exc:
        raise Http404(str(exc)) from exc
    if spec.kind not in (PeriodKind.MONTH, PeriodKind.YEAR):
        raise Http404("Chỉ nhập số liệu theo tháng hoặc theo năm.")
    programme = programme_for(unit, spec.start.year)
    if programme is None:
        raise Http404(f"{unit.name} chưa có chương trình hành động cho năm {spec.start.year}.")
    period = Period.objects.for_spec(spec)
    submission = Submission.objects.filter(programme=programme, unit=unit, period=period).first()
    return ReportPage(
        unit, period, programme, entry_indicators(programme, unit, period), submission
    )

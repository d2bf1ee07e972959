"""Pre-aggregated yearly figures give exactly what the roll-up over raw values gives."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from mattran.analytics import aggregates
from mattran.analytics.models import AggregateState, YearAggregate
from mattran.analytics.progress import programme_progress
from mattran.benchmarks import generate
from mattran.programmes.models import Programme
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_read import read_rows
from mattran.reporting.models import DataValue, Submission
from mattran.reporting.services import Figure, save_data_value
from mattran.units.models import Tier, Unit
from mattran.units.services import merge_into


@pytest.fixture
def country(db):
    generate.run(
        io.StringIO(), provinces=2, communes=9, areas=40, years=2, extra_indicators=2, seed=7
    )
    return Programme.objects.get(unit__code=generate.CENTRAL_CODE)


def reopen(unit, period: str) -> None:
    """The generated reports are mostly approved (locked): the level above reopens one."""
    Submission.objects.filter(unit=unit, period__code=period).delete()


def rounded(value):
    return None if value is None else round(Decimal(value), 6)


def snapshot(programme, unit, year, monkeypatch, fast: bool):
    monkeypatch.setattr(
        aggregates, "uses_aggregates", lambda u, y: fast and u.tier in ("central", "province")
    )
    rows, as_of = programme_progress(programme, unit, year, as_of=None)
    return as_of, {
        r.indicator.code: (
            r.status,
            rounded(r.actual),
            rounded(r.result.value),
            rounded(r.result.numerator),
            rounded(r.result.denominator),
            rounded(r.result.percent),
            r.result.units_reporting,
            r.result.units_total,
            r.result.has_data,
        )
        for r in rows
    }


def test_the_country_and_each_province_read_the_same_figures_as_the_raw_roll_up(
    country, monkeypatch
):
    units = [country.unit, *Unit.objects.filter(tier=Tier.PROVINCE)]
    for year in country.years:
        for unit in units:
            slow = snapshot(country, unit, year, monkeypatch, fast=False)
            fast = snapshot(country, unit, year, monkeypatch, fast=True)
            assert fast == slow, (unit.code, year)
            # the issuer's every target; a province the shares and conditions it inherits
            assert len(fast[1]) >= (20 if unit == country.unit else 10), unit.code
    assert not AggregateState.objects.filter(stale=True).exists()
    assert YearAggregate.objects.filter(unit=country.unit).count() == country.indicators.count() * 2


def test_a_saved_figure_makes_its_year_stale_and_the_next_read_counts_it(country, monkeypatch):
    year = country.first_year
    before = snapshot(country, country.unit, year, monkeypatch, fast=True)[1]
    indicator = country.indicators.get(code="VII.1")
    commune = Unit.objects.filter(tier=Tier.COMMUNE).order_by("pk").first()
    reopen(commune, f"{year}-03")
    value = save_data_value(
        indicator=indicator, unit=commune, period=f"{year}-03", figure=Figure(number=Decimal(500))
    )
    assert AggregateState.objects.get(indicator=indicator, year=year).stale
    after = snapshot(country, country.unit, year, monkeypatch, fast=True)[1]
    assert after == snapshot(country, country.unit, year, monkeypatch, fast=False)[1]
    assert value.number == 500 and after["VII.1"] != before.get("VII.1")


def test_a_bulk_import_marks_its_years_stale(country, monkeypatch):
    year = country.first_year
    snapshot(country, country.unit, year, monkeypatch, fast=True)
    commune = Unit.objects.filter(tier=Tier.COMMUNE).order_by("pk").last()
    reopen(commune, f"{year}-05")
    rows = read_rows(f"unit,indicator,period,value\n{commune.code},VII.2,{year}-05,777\n", "csv")
    assert import_values(rows).rejected == []
    indicator = country.indicators.get(code="VII.2")
    assert AggregateState.objects.get(indicator=indicator, year=year).stale
    fast = snapshot(country, country.unit, year, monkeypatch, fast=True)[1]
    assert fast == snapshot(country, country.unit, year, monkeypatch, fast=False)[1]


def test_a_merge_sends_only_the_windows_it_falls_in_back_to_the_raw_roll_up(country, monkeypatch):
    first_year, second_year = country.years
    province = Unit.objects.filter(tier=Tier.PROVINCE).order_by("pk").first()
    other = Unit.objects.filter(tier=Tier.PROVINCE).exclude(pk=province.pk).first()
    cumulative = country.indicators.get(code="VII.1")
    cumulative.cumulative = True
    cumulative.save()
    indicators = list(country.indicators.select_related("programme"))
    assert aggregates.aggregated(country.unit, first_year, indicators) == indicators
    first, second = Unit.objects.filter(tier=Tier.COMMUNE, parent=province).order_by("pk")[:2]
    merge_into([second], first, effective_on=date(first_year, 7, 1))

    def same_as_raw():
        for year in country.years:
            for unit in (country.unit, province, other):
                fast = snapshot(country, unit, year, monkeypatch, fast=True)
                assert fast == snapshot(country, unit, year, monkeypatch, fast=False), (unit, year)

    for unit in (country.unit, province):
        assert aggregates.aggregated(unit, first_year, indicators) == []  # the merge's year
    assert aggregates.aggregated(other, first_year, indicators) == indicators
    # Recorded after the fact: the old commune reported on after the merge took effect, so
    # its later figures are folded into its successor's, which only the raw roll-up does.
    assert aggregates.aggregated(country.unit, second_year, indicators) == []
    same_as_raw()
    # Once the old commune and its areas have no figures after their closure, the next year
    # reads the aggregates again, except for an indicator counted from the start of the term.
    DataValue.objects.filter(
        unit__in=Unit.objects.subtree(second), period__start__gt=date(first_year, 6, 30)
    ).delete()
    later = aggregates.aggregated(country.unit, second_year, indicators)
    left_out = [i.code for i in indicators if i not in later]
    assert left_out == [i.code for i in indicators if i.cumulative] and "VII.1" in left_out
    assert len(later) > len(left_out)
    same_as_raw()


def test_the_command_rebuilds_what_is_stale_and_nothing_else(country):
    out = io.StringIO()
    call_command("aggregates", "--programme", str(country.pk), stdout=out)
    built = country.indicators.count() * len(country.years)
    assert f"dựng lại {built} chỉ tiêu-năm" in out.getvalue()
    assert not AggregateState.objects.filter(stale=True).exists()
    commune = Unit.objects.filter(tier=Tier.COMMUNE).order_by("pk").first()
    year = country.first_year
    reopen(commune, f"{year}-04")
    indicator = country.indicators.get(code="VII.1")
    save_data_value(
        indicator=indicator, unit=commune, period=f"{year}-04", figure=Figure(number=Decimal(5))
    )
    out = io.StringIO()
    call_command("aggregates", "--year", str(year + 1), stdout=out)
    assert "dựng lại 1 chỉ tiêu-năm" in out.getvalue()  # a later year of the written indicator
    out = io.StringIO()
    call_command("aggregates", stdout=out)
    assert "dựng lại 1 chỉ tiêu-năm" in out.getvalue()  # then its own year
    with pytest.raises(CommandError, match="Không có chương trình số 999999"):
        call_command("aggregates", "--programme", "999999")


def test_the_provinces_below_the_country_read_together_equal_each_read_alone(country):
    from mattran.analytics.overview import child_units, children_status
    from mattran.analytics.progress import children_progress

    central = country.unit
    provinces = child_units(central, country.first_year)
    assert {p.tier for p in provinces} == {Tier.PROVINCE} and len(provinces) == 2
    for year in country.years:
        together = children_progress(country, central, year, provinces)
        for province in provinces:
            rows, as_of = programme_progress(country, province, year)
            assert together[province.pk][1] == as_of
            assert [(r.indicator.code, r.status, r.actual, r.result.units_total) for r in rows] == [
                (r.indicator.code, r.status, r.actual, r.result.units_total)
                for r in together[province.pk][0]
            ]
            assert len(rows) >= 10
    listed = children_status(country, central, country.first_year)
    assert [unit for unit, _ in listed] == provinces

"""One indicator across the units below: read once and split, or per unit after a merge —
the same figures as rolling each unit up on its own."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mattran.analytics.overview import child_units, compare_children
from mattran.analytics.progress import children_progress, programme_progress
from mattran.analytics.rollup import rollup, rollups_below
from mattran.core.periods import PeriodSpec
from mattran.testing import add_indicator, put
from mattran.units.models import Tier, UnitKind
from mattran.units.services import merge_units

PERIODS = ["2024", "2024-H1", "2024-03", "2025", "2025-H2"]


def figures(result):
    return (
        result.value,
        result.numerator,
        result.denominator,
        result.percent,
        result.units_reporting,
        result.units_total,
        sorted(u.pk for u in result.units_met),
        result.has_data,
        result.own_value,
    )


def one_by_one(indicator, unit, period):
    children = child_units(unit, period.start.year)
    return {c.pk: figures(rollup(indicator, c, period)) for c in children}


def together(indicator, unit, period):
    children = child_units(unit, period.start.year)
    results = rollups_below(indicator, unit, children, period)
    return {c.pk: figures(results[c.pk]) for c in children}


@pytest.fixture
def indicators(programme):
    houses = add_indicator(programme, "II.1", {2024: "12 nhà", 2025: "30 nhà"}, cumulative=True)
    dialogue = add_indicator(
        programme,
        "III.8",
        {2024: "3/3 xã, phường", 2025: "3/3 xã, phường"},
        aggregation="count_units",
        unit_condition="ít nhất 02",
    )
    followers = add_indicator(programme, "I.2b", {2025: "500"}, aggregation="latest")
    share = add_indicator(
        programme, "IV.1", {2024: ">80%"}, value_type="fraction", aggregation="ratio"
    )
    cultured = add_indicator(
        programme,
        "VI.2",
        {2024: ">90%", 2025: ">92%"},
        value_type="yes_no",
        aggregation="count_units",
        reported_by=Tier.AREA,
        frequency="year",
    )
    return houses, dialogue, followers, share, cultured


def fill(city, indicators, year: int) -> None:
    houses, dialogue, followers, share, cultured = indicators
    for n, ward in enumerate(city.wards):
        for month in (2, 3, 7, 11):
            put(houses, ward, f"{year}-{month:02d}", number=n + month % 3)
            put(dialogue, ward, f"{year}-{month:02d}", number=(n + month) % 2)
            put(followers, ward, f"{year}-{month:02d}", number=100 * n + month)
            put(share, ward, f"{year}-{month:02d}", numerator=n + 1, denominator=n + 3)
        for k, area in enumerate(city.areas[ward.code]):
            put(cultured, area, f"{year}", boolean=(k + n) % 3 != 0)


def test_the_units_below_read_in_one_go_match_each_unit_rolled_up_alone(city, indicators):
    fill(city, indicators, 2024)
    fill(city, indicators, 2025)
    for indicator in indicators:
        for code in PERIODS:
            period = PeriodSpec.parse(code)
            expected = one_by_one(indicator, city.city, period)
            assert together(indicator, city.city, period) == expected, (indicator.code, code)
            if len(code) == 4:  # a whole year: every indicator has figures to compare
                assert any(f[0] or f[-1] for f in expected.values()), (indicator.code, code)
    # a ward's residential areas: the reporting tier itself is below
    ward = city.wards[0]
    cultured = indicators[-1]
    assert together(cultured, ward, PeriodSpec.year(2024)) == one_by_one(
        cultured, ward, PeriodSpec.year(2024)
    )


def test_a_stable_tree_is_read_with_a_fixed_number_of_queries(city, indicators):
    fill(city, indicators, 2024)
    houses = indicators[0]
    children = child_units(city.city, 2024)
    with CaptureQueriesContext(connection) as queries:
        results = rollups_below(houses, city.city, children, PeriodSpec.year(2024))
    assert len(queries) <= 4  # the tree, its successions, the figures
    expected = sum(n + m % 3 for n in range(len(city.wards)) for m in (2, 3, 7, 11))
    assert sum(r.value for r in results.values()) == Decimal(expected)


def test_a_merge_in_the_window_falls_back_to_rolling_up_each_unit(city, indicators):
    fill(city, indicators, 2024)
    fill(city, indicators, 2025)
    a, b, _ = city.wards
    new = merge_units(
        [a, b],
        code="tk-new",
        name="Phường Bàn Thạch",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
        carry_children=True,
    )
    houses, *_ = indicators
    put(houses, new, "2025-08", number=4)
    for indicator in indicators:
        for code in PERIODS:
            period = PeriodSpec.parse(code)
            assert together(indicator, city.city, period) == one_by_one(
                indicator, city.city, period
            ), (indicator.code, code)
    rows = {child.code: value for child, _, value in compare_children(houses, city.city, 2025)}
    # the new ward carries all the old wards' figures (those typed under their old names
    # after the merge too; II.1 counts from the start of the term: 2024 and 2025) and its
    # own 4 of August
    old = sum(n + m % 3 for n in (0, 1) for m in (2, 3, 7, 11))
    assert rows["tk-new"] == 2 * old + 4


def progress_of(rows):
    return [(r.indicator.code, r.status, r.actual, r.result.value, r.expected) for r in rows]


@pytest.mark.parametrize("merged", [False, True])
def test_the_progress_of_every_unit_below_is_each_units_own_progress(
    city, programme, indicators, merged
):
    fill(city, indicators, 2024)
    fill(city, indicators, 2025)
    if merged:
        merge_units(
            list(city.wards[:2]),
            code="tk-new",
            name="Phường Bàn Thạch",
            kind=UnitKind.WARD,
            parent=city.city,
            effective_on=date(2025, 7, 1),
            carry_children=True,
        )
    for year in (2024, 2025):
        children = child_units(city.city, year)
        together = children_progress(programme, city.city, year, children)
        for child in children:
            rows, as_of = programme_progress(programme, child, year)
            assert progress_of(together[child.pk][0]) == progress_of(rows), (child.code, year)
            assert together[child.pk][1] == as_of
            assert len(rows) >= 2, (child.code, year)

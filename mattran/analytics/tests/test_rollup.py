from datetime import date
from decimal import Decimal

import pytest

from mattran.analytics.rollup import rollup
from mattran.core.periods import PeriodSpec
from mattran.testing import add_indicator, put
from mattran.units.models import Tier, UnitKind
from mattran.units.services import merge_units

YEAR_2024 = PeriodSpec.year(2024)
YEAR_2025 = PeriodSpec.year(2025)


def test_sum_adds_units_and_months_and_rolls_months_up_to_half_years(city, programme):
    houses = add_indicator(programme, "II.1", measure_unit="nhà")
    w1, w2, _ = city.wards
    put(houses, w1, "2024-01", number=2)
    put(houses, w1, "2024-02", number=3)
    put(houses, w1, "2024-07", number=1)
    put(houses, w2, "2024-03", number=4)
    result = rollup(houses, city.city, YEAR_2024)
    assert result.value == 10
    assert (result.units_reporting, result.units_total) == (2, 3)
    assert rollup(houses, city.city, PeriodSpec.parse("2024-H1")).value == 9
    assert rollup(houses, city.city, PeriodSpec.parse("2024-02")).value == 3
    assert rollup(houses, w1, YEAR_2024).value == 6
    assert rollup(houses, city.city, PeriodSpec.parse("2024-09")).has_data is False


def test_cumulative_counts_from_the_first_year_of_the_term(city, programme):
    houses = add_indicator(programme, "II.1", cumulative=True)
    put(houses, city.wards[0], "2024-12", number=5)
    put(houses, city.wards[1], "2025-03", number=2)
    assert rollup(houses, city.city, YEAR_2024).value == 5
    assert rollup(houses, city.city, YEAR_2025).value == 7
    assert rollup(houses, city.city, PeriodSpec.parse("2025-01")).value == 5


def test_ratio_uses_each_units_latest_fraction_then_sums(city, programme):
    visited = add_indicator(programme, "II.2", value_type="fraction", aggregation="ratio")
    w1, w2, _ = city.wards
    put(visited, w1, "2024-01", numerator=5, denominator=10)
    put(visited, w1, "2024-08", numerator=8, denominator=10)
    put(visited, w2, "2024-03", numerator=3, denominator=5)
    year = rollup(visited, city.city, YEAR_2024)
    assert (year.numerator, year.denominator) == (11, 15)
    assert round(year.percent, 2) == Decimal("73.33")
    half = rollup(visited, city.city, PeriodSpec.parse("2024-H1"))
    assert (half.numerator, half.denominator) == (8, 15)


def test_count_units_counts_areas_meeting_the_condition_of_all(city, programme):
    cultured = add_indicator(
        programme,
        "VI.2",
        value_type="yes_no",
        aggregation="count_units",
        reported_by=Tier.AREA,
        frequency="year",
    )
    areas = [a for ward in city.wards for a in city.areas[ward.code]]
    for area, answer in zip(areas, [True, True, True, True, False], strict=False):
        put(cultured, area, "2024", boolean=answer)
    result = rollup(cultured, city.city, YEAR_2024)
    assert (result.value, result.units_total, result.units_reporting) == (4, 6, 5)
    assert round(result.percent, 2) == Decimal("66.67")
    ward = rollup(cultured, city.wards[0], YEAR_2024)
    assert (ward.value, ward.units_total) == (2, 2)


def test_count_units_with_a_numeric_condition(city, programme):
    supervised = add_indicator(
        programme, "III.3", aggregation="count_units", unit_condition="trên 01 cuộc giám sát"
    )
    w1, w2, _ = city.wards
    put(supervised, w1, "2024-02", number=1)
    put(supervised, w1, "2024-06", number=1)
    put(supervised, w2, "2024-04", number=1)
    result = rollup(supervised, city.city, YEAR_2024)
    assert [u.pk for u in result.units_met] == [w1.pk]
    assert (result.value, result.units_total, result.units_reporting) == (1, 3, 2)
    assert rollup(supervised, w1, YEAR_2024).own_value == 2


def test_latest_adds_up_each_units_latest_stock(city, programme):
    followers = add_indicator(programme, "I.2b", aggregation="latest")
    w1, w2, _ = city.wards
    put(followers, w1, "2024-01", number=10)
    put(followers, w1, "2024-06", number=40)
    put(followers, w2, "2024-03", number=25)
    assert rollup(followers, city.city, YEAR_2024).value == 65
    assert rollup(followers, city.city, PeriodSpec.parse("2024-03")).value == 25


def test_event_happened_or_not(city, programme):
    forum = add_indicator(
        programme, "IV.2", value_type="yes_no", aggregation="event", reported_by=Tier.DISTRICT
    )
    assert rollup(forum, city.city, YEAR_2024).has_data is False
    put(forum, city.city, "2024-05", boolean=False)
    assert rollup(forum, city.city, YEAR_2024).value == 0
    put(forum, city.city, "2024-06", boolean=True)
    assert rollup(forum, city.city, YEAR_2024).value == 1


@pytest.fixture
def merged(city):
    a, b, c = city.wards
    new = merge_units(
        [a, b],
        code="tk-new",
        name="Phường Bàn Thạch",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
        carry_children=True,
    )
    for unit in (a, b):
        unit.refresh_from_db()
    return a, b, c, new


def test_a_2025_figure_spans_both_sides_of_the_merge(city, programme, merged):
    a, b, c, new = merged
    houses = add_indicator(programme, "II.1")
    for month in range(1, 7):
        put(houses, a, f"2025-{month:02d}", number=1)
    put(houses, b, "2025-03", number=2)
    put(houses, c, "2025-04", number=5)
    put(houses, new, "2025-07", number=3)
    put(houses, new, "2025-12", number=1)
    assert rollup(houses, new, YEAR_2025).value == 12  # 6 + 2 from before, 4 after
    assert rollup(houses, new, PeriodSpec.parse("2025-H1")).value == 8
    assert rollup(houses, a, YEAR_2025).value == 6  # the old ward as it was
    city_year = rollup(houses, city.city, YEAR_2025)
    assert city_year.value == 17
    assert city_year.units_total == 2  # the new ward and the ward left alone
    assert city_year.units_reporting == 2


def test_after_a_merge_the_successor_is_counted_once(city, programme, merged):
    a, b, _, new = merged
    dialogue = add_indicator(
        programme, "III.8", aggregation="count_units", unit_condition="ít nhất 01"
    )
    put(dialogue, a, "2025-02", number=1)
    put(dialogue, b, "2025-03", number=0)
    result = rollup(dialogue, city.city, YEAR_2025)
    # a's dialogue counts for the new ward, which therefore meets the condition.
    assert (result.value, result.units_total) == (1, 2)
    assert [u.pk for u in result.units_met] == [new.pk]
    before = rollup(dialogue, city.city, PeriodSpec.parse("2025-H1"))
    assert (before.value, before.units_total) == (1, 3)


def test_stocks_of_merged_units_add_up_until_the_successor_reports(city, programme, merged):
    a, b, _, new = merged
    followers = add_indicator(programme, "I.2b", aggregation="latest")
    put(followers, a, "2025-06", number=40)
    put(followers, b, "2025-06", number=20)
    assert rollup(followers, new, PeriodSpec.parse("2025-07")).has_data is False
    assert rollup(followers, new, YEAR_2025).value == 60
    put(followers, new, "2025-08", number=70)
    assert rollup(followers, new, YEAR_2025).value == 70


def test_residential_area_figures_follow_their_areas_into_the_new_ward(city, programme, merged):
    a, _, _, new = merged
    cultured = add_indicator(
        programme,
        "VI.2",
        value_type="yes_no",
        aggregation="count_units",
        reported_by=Tier.AREA,
        frequency="year",
    )
    old_area = city.areas[a.code][0]
    put(cultured, old_area, "2024", boolean=True)
    assert rollup(cultured, new, YEAR_2024).units_total == 4  # the old areas, as they were
    assert rollup(cultured, new, YEAR_2024).value == 1
    assert rollup(cultured, new, YEAR_2025).units_total == 4  # the carried areas
    assert rollup(cultured, new, YEAR_2025).has_data is False

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from mattran.analytics.progress import Status, programme_progress
from mattran.testing import add_indicator, put
from mattran.units.models import Tier

AUGUST = date(2024, 8, 31)  # two thirds of 2024 gone


def statuses(programme, unit, as_of=AUGUST, year=2024):
    rows, _ = programme_progress(programme, unit, year, as_of=as_of)
    return {r.indicator.code: r for r in rows}


def test_status_is_computed_from_target_actual_and_time_elapsed(city, programme):
    met = add_indicator(programme, "met", targets={2024: "ít nhất 02"}, reported_by=Tier.DISTRICT)
    on_track = add_indicator(
        programme, "track", targets={2024: "trên 03"}, reported_by=Tier.DISTRICT
    )
    behind = add_indicator(
        programme, "behind", targets={2024: "trên 02"}, reported_by=Tier.DISTRICT
    )
    add_indicator(
        programme, "nodata", targets={2024: "100%"}, value_type="fraction", aggregation="ratio"
    )
    add_indicator(
        programme,
        "words",
        targets={2024: "Duy trì và hoạt động hiệu quả"},
        value_type="yes_no",
        aggregation="latest",
        reported_by=Tier.DISTRICT,
    )
    add_indicator(
        programme,
        "notarget",
        targets={2025: "Tổ chức"},
        value_type="yes_no",
        aggregation="event",
        reported_by=Tier.DISTRICT,
    )
    put(met, city.city, "2024-03", number=2)
    put(on_track, city.city, "2024-05", number=2)  # 2 >= 3 x 2/3
    put(behind, city.city, "2024-05", number=1)  # 1 < 2 x 2/3
    rows = statuses(programme, city.city)
    assert rows["met"].status == Status.MET
    assert rows["track"].status == Status.ON_TRACK
    assert rows["track"].expected == Decimal(2)
    assert rows["behind"].status == Status.BEHIND
    assert rows["nodata"].status == Status.NO_DATA
    assert rows["words"].status == Status.QUALITATIVE
    assert "notarget" not in rows
    # Once the year is over, what is not met is behind.
    assert statuses(programme, city.city, as_of=date(2024, 12, 31))["track"].status == Status.BEHIND


def test_cumulative_targets_expect_this_years_share_on_top_of_last_years(city, programme):
    houses = add_indicator(
        programme, "II.1", cumulative=True, targets={2024: "30/100 nhà", 2025: "50/100 nhà"}
    )
    put(houses, city.wards[0], "2024-12", number=30)
    put(houses, city.wards[1], "2025-05", number=10)
    halfway = date(2025, 7, 1)  # 182 days of 365: 30 + 20 x 182/365 = 39,97 expected
    rows = statuses(programme, city.city, as_of=halfway, year=2025)
    assert rows["II.1"].actual == 40
    assert rows["II.1"].status == Status.ON_TRACK
    assert rows["II.1"].expected == Decimal("39.97")
    assert statuses(programme, city.city, as_of=date(2024, 12, 31))["II.1"].status == Status.MET


def test_share_of_units_targets_compare_as_shares(city, programme):
    launched = add_indicator(
        programme,
        "I.2a",
        value_type="yes_no",
        aggregation="count_units",
        targets={2024: "13/13 xã, phường ra mắt trang"},
    )
    for ward in city.wards:
        put(launched, ward, "2024-06", boolean=True)
    row = statuses(programme, city.city)["I.2a"]
    assert row.status == Status.MET  # 3 of the 3 wards that exist
    assert row.as_dict()["actual_display"] == "03/03 (100,0%)"
    assert (row.as_dict()["units_reporting"], row.as_dict()["units_total"]) == (3, 3)


def test_a_ward_is_held_to_the_condition_each_ward_must_meet(city, programme):
    supervised = add_indicator(
        programme,
        "III.3",
        aggregation="count_units",
        unit_condition="trên 01 cuộc giám sát",
        targets={2024: "13/13 xã, phường"},
    )
    houses = add_indicator(programme, "II.1", targets={2024: "30/100 nhà"}, cumulative=True)
    share = add_indicator(
        programme, "II.2", value_type="fraction", aggregation="ratio", targets={2024: "100%"}
    )
    ward = city.wards[0]
    put(supervised, ward, "2024-03", number=2)
    put(houses, ward, "2024-03", number=1)
    put(share, ward, "2024-03", numerator=4, denominator=5)
    rows = statuses(programme, ward)
    assert rows["III.3"].target_display == "trên 01 cuộc giám sát"
    assert rows["III.3"].status == Status.MET
    assert "II.1" not in rows  # a city total is not split among wards
    assert rows["II.2"].target_display == "100%" and rows["II.2"].status == Status.ON_TRACK


def test_progress_outside_the_term_or_the_programme_is_refused(city, programme):
    with pytest.raises(ValidationError) as exc:
        programme_progress(programme, city.city, 2031)
    assert "nằm ngoài nhiệm kỳ" in exc.value.messages[0]
    with pytest.raises(ValidationError) as exc:
        programme_progress(programme, city.province, 2024)
    assert "không thuộc phạm vi chương trình" in exc.value.messages[0]

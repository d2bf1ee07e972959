"""The demo's households and houses: realistic, and the II.1 figures are the houses."""

from collections import Counter
from datetime import date

from mattran.core.periods import PeriodSpec
from mattran.households.feeding import handed_over_count
from mattran.households.models import (
    ApprovalDecision,
    Household,
    HousingIndicatorLink,
    SolidarityHouse,
)
from mattran.households.privacy import PeopleAccess
from mattran.households.selectors import register
from mattran.programmes.models import Programme
from mattran.reporting.models import DataValue
from mattran.units.models import Unit


def ensure_demo_households() -> Unit:
    """The demo command calls create_households once it is wired; until then, call it here."""
    city = Unit.objects.get(code="tamky")
    if not Household.objects.exists():
        from mattran.demo.households import create_households

        create_households(city, Programme.objects.get(unit=city))
    return city


def test_the_demo_register_and_houses_follow_the_programme(demo):
    city = ensure_demo_households()
    per_ward = Counter(Household.objects.values_list("unit__parent__code", flat=True))
    assert len(per_ward) == 13 and all(3 <= n <= 8 for n in per_ward.values())
    assert all(h.unit.tier == "area" for h in Household.objects.select_related("unit")[:20])
    decision = ApprovalDecision.objects.get(number="1543/QĐ-UBND")
    years = Counter(decision.entries.values_list("scheduled_year", flat=True))
    assert sum(years.values()) == 40 and set(years) == {2023, 2024, 2025}
    assert SolidarityHouse.objects.filter(year=2024).count() == 30  # "30/100 nhà" in 2024
    handed = SolidarityHouse.objects.filter(status="handed_over", handed_over_on__year=2024)
    assert (
        15 <= handed.count() <= 25
        and handed.filter(handed_over_on__gt=date(2024, 8, 31)).count() == 0
    )
    assert handed.filter(
        household__unit__parent__code="tamky-tamthanh", handed_over_on__month=8
    ).exists()
    _, counts = register(city, PeopleAccess(None), year=2024)
    assert counts.tet_percent >= 90 and counts.escaped_this_year >= 3
    # no double entry: every II.1 figure is the count of houses handed over that month
    indicator = HousingIndicatorLink.objects.get().indicator
    assert indicator.code == "II.1"
    values = DataValue.objects.filter(indicator=indicator).select_related("unit", "period")
    assert values.count() == 13 * 8
    for value in values:
        month = PeriodSpec.month(value.period.start.year, value.period.start.month)
        assert value.number == handed_over_count(value.unit, month), (value.unit, month)
    assert sum(v.number for v in values) == handed.count()

"""The Tam Kỳ demo's people, and V.1/V.2 recounted here the plain way — posts held on the
last day of the month in the ward's subtree and in the subtrees it took over — against the
stored figures, across the move of a cadre in July 2024 and the merges of 2025."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q

from mattran.people.models import Attendance, Person, Position
from mattran.programmes.models import Indicator
from mattran.reporting.models import DataValue
from mattran.units.models import Tier, Unit

POSTS = ("chair", "vice_chair", "standing_member", "cadre")


def naive(code: str, wards: list[str], day: date) -> tuple[int, int]:
    """Trained people of the population of `wards`' subtrees on `day`, by plain queries."""
    units = Unit.objects.none()
    for ward in Unit.objects.filter(code__in=wards):
        units |= Unit.objects.subtree(ward)
    held = Position.objects.filter(
        Q(end__isnull=True) | Q(end__gte=day), start__lte=day, unit__in=units
    )
    people = set(
        held.filter(role__in=POSTS, unit__tier=Tier.COMMUNE).values_list("person_id", flat=True)
    )
    if code == "V.1":
        people |= set(
            held.filter(role="area_head", unit__tier=Tier.AREA).values_list("person_id", flat=True)
        )
    kinds = ["front_work", "professional"] if code == "V.1" else ["professional"]
    trained = set(
        Attendance.objects.filter(
            person_id__in=people,
            completed=True,
            course__kind__in=kinds,
            course__end_date__gte=date(2024, 1, 1),
            course__end_date__lte=day,
        ).values_list("person_id", flat=True)
    )
    return len(trained), len(people)


def stored(code: str, ward: str, period: str) -> tuple[int, int]:
    value = DataValue.objects.get(indicator__code=code, unit__code=ward, period__code=period)
    assert value.note.startswith("Tính tự động từ danh sách cán bộ")
    return int(value.numerator), int(value.denominator)


@pytest.mark.django_db
def test_the_demo_people_and_their_counted_indicators():
    call_command("demo", "--through", "2025", stdout=StringIO())
    city = Unit.objects.get(code="tamky")
    committee = Position.objects.filter(
        unit=city, role__in=("chair", "vice_chair", "standing_member", "committee_member")
    )
    assert committee.count() >= 30
    assert committee.filter(role="chair").count() == 1
    assert committee.exclude(sector="").count() >= 30
    assert committee.filter(represents__code="tamky-hnd", sector="Hội Nông dân thành phố").exists()
    areas_2024 = Unit.objects.filter(tier=Tier.AREA, valid_from__isnull=True)
    headed = Position.objects.filter(role="area_head", unit__in=areas_2024)
    assert headed.values("unit").distinct().count() == 140
    assert Position.objects.filter(role="inspection_head").count() == 4
    assert Person.objects.exclude(phone="").exclude(phone__startswith="0123 ").count() == 0
    for code in ("V.1", "V.2"):
        assert Indicator.objects.get(code=code).is_automatic
    minh = Position.objects.get(note="Điều động từ phường Phước Hòa").person
    assert minh.positions.get(end=date(2024, 6, 30)).unit.code == "tamky-phuochoa"
    checks = [
        ("tamky-tanthanh", ["tamky-tanthanh"], "2024-06", date(2024, 6, 30)),
        ("tamky-tanthanh", ["tamky-tanthanh"], "2024-07", date(2024, 7, 31)),
        ("tamky-phuochoa", ["tamky-phuochoa"], "2024-12", date(2024, 12, 31)),
        ("tamky-anxuan", ["tamky-anxuan", "tamky-phuochoa"], "2025-03", date(2025, 3, 31)),
        ("tamky-anmy", ["tamky-anmy"], "2025-06", date(2025, 6, 30)),
        (
            "danang-tamky",
            ["danang-tamky", "tamky-anmy", "tamky-anxuan", "tamky-truongxuan", "tamky-phuochoa"],
            "2025-08",
            date(2025, 8, 31),
        ),
    ]
    for code in ("V.1", "V.2"):
        for ward, subtrees, period, day in checks:
            assert stored(code, ward, period) == naive(code, subtrees, day), (code, ward, period)
    # Minh left Phước Hòa for Tân Thạnh on 01/07/2024: one more cadre there from July.
    assert naive("V.2", ["tamky-tanthanh"], date(2024, 7, 31))[1] == (
        naive("V.2", ["tamky-tanthanh"], date(2024, 6, 30))[1] + 1
    )
    assert not DataValue.objects.filter(
        indicator__code="V.1", unit__code="tamky-phuochoa", period__start__year=2025
    ).exists()
    assert DataValue.objects.filter(indicator__code="V.1", period__code="2024-03").count() == 13

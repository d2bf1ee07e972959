"""Totals and ranks: ties share a rank, each tier is ranked on its own, official scores
replace self-assessed ones once confirmed."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from mattran.emulation.ranking import competition_ranks, standings
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.emulation.testing import build_movement, sheet_of
from mattran.testing import build_world, put

NOW = timezone.make_aware(datetime.combine(date(2024, 11, 10), time(9)))


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    totals = [Decimal(100), Decimal(95), Decimal(95), Decimal(90), Decimal(90), Decimal(80)]
    assert competition_ranks(totals) == [1, 2, 2, 4, 4, 6]
    assert competition_ranks([]) == []


@pytest.fixture
def world(db):
    world = build_world()
    world.movement = build_movement(world)
    world.crit = {c.number: c for c in world.movement.criteria.all()}
    return world


def submit(world, unit, **scores):
    sheet = sheet_of(world.movement, unit)
    save_self_assessment(
        participation=sheet,
        entries={world.crit[n].pk: SelfEntry(score=Decimal(v)) for n, v in scores.items()},
        submit=True,
        now=NOW,
    )
    return sheet


def test_wards_and_areas_are_ranked_separately_with_ties(world):
    w1, w2, w3 = world.city.wards
    houses = world.indicators["houses"]
    put(houses, w1, "2024-05", number=4)  # 10 computed points
    put(houses, w2, "2024-05", number=2)  # 5
    put(houses, w3, "2024-05", number=4)  # 10
    submit(world, w1, **{"1": 8})  # 18
    submit(world, w2, **{"1": 10})  # 15
    submit(world, w3, **{"1": 8})  # 18
    areas = world.city.areas
    submit(world, areas[w1.code][0], **{"1": 9, "3": 20})  # 29
    submit(world, areas[w2.code][1], **{"1": 10, "3": 15.5})  # 25.5
    groups = standings(world.movement)
    assert list(groups) == ["commune", "area"]
    wards = [(s.unit.code, s.total, s.rank) for s in groups["commune"]]
    assert wards == [
        (w1.code, Decimal(18), 1),
        (w3.code, Decimal(18), 1),
        (w2.code, Decimal(15), 3),
    ]
    ranked_areas = [(s.total, s.rank) for s in groups["area"] if s.rank]
    assert ranked_areas == [(Decimal(29), 1), (Decimal("25.5"), 2)]
    assert len(groups["area"]) == 6 and groups["area"][2].total is None  # not submitted
    assert groups["commune"][0].maximum == Decimal(20)
    assert groups["area"][0].maximum == Decimal(30)


def test_the_official_total_replaces_the_self_assessed_one_once_confirmed(world):
    w1, w2 = world.city.wards[:2]
    first = submit(world, w1, **{"1": 10})
    submit(world, w2, **{"1": 6})
    review_sheet(
        participation=first,
        entries={world.crit["1"].pk: ReviewEntry(score=Decimal(5), note="Thiếu minh chứng")},
    )
    rows = {s.unit.code: s for s in standings(world.movement)["commune"]}
    assert rows[w1.code].total == 5 and rows[w1.code].official
    assert rows[w2.code].total == 6 and not rows[w2.code].official  # chưa chấm chính thức
    assert rows[w2.code].rank == 1 and rows[w1.code].rank == 2

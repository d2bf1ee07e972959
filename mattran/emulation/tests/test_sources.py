"""Scores computed from the system's data, with the sentence that explains them."""

from decimal import Decimal

import pytest

from mattran.emulation.models import Criterion, CriterionSource
from mattran.emulation.sources import SOURCES, compute
from mattran.emulation.testing import build_movement, sheet_of
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    world.movement = build_movement(world)
    world.houses = world.movement.criteria.get(number="2")
    return world


def test_every_computed_source_has_a_scoring_function():
    computed = {value for value in CriterionSource.values if value != CriterionSource.MANUAL}
    assert computed == set(SOURCES)


def test_the_score_is_the_achieved_share_of_the_target_as_of_the_movement_end(world):
    ward = world.city.wards[0]
    houses = world.indicators["houses"]
    put(houses, ward, "2024-04", number=1)
    put(houses, ward, "2024-09", number=2)
    put(houses, ward, "2024-11", number=5)  # after the movement ended: not counted
    put(houses, world.city.wards[1], "2024-05", number=4)  # another ward's houses
    result = compute(sheet_of(world.movement, ward), world.houses)
    assert result.score == Decimal("7.5")
    assert result.explanation == "Đạt 3/4 nhà theo số liệu đến 31/10/2024 (75%) → 7,5/10 điểm"


def test_a_target_met_or_exceeded_gives_the_full_score(world):
    ward = world.city.wards[1]
    put(world.indicators["houses"], ward, "2024-05", number=6)
    result = compute(sheet_of(world.movement, ward), world.houses)
    assert result.score == Decimal(10)
    assert result.explanation.startswith("Đạt 6 nhà (chỉ tiêu: 04 nhà)")
    assert result.explanation.endswith("(100%) → 10/10 điểm")


def test_no_data_scores_zero_and_says_so(world):
    result = compute(sheet_of(world.movement, world.city.wards[2]), world.houses)
    assert result.score == 0
    assert result.explanation == "Chưa có số liệu đến 31/10/2024 → 0/10 điểm"


def test_without_its_own_target_the_programme_target_as_it_applies_is_used(world):
    """The zalo indicator counts wards that launched a page: a ward itself must have one."""
    criterion = Criterion.objects.create(
        movement=world.movement,
        number="4",
        text="Ra mắt trang Zalo OA",
        max_score=Decimal(5),
        applies_to="commune",
        source=CriterionSource.INDICATOR,
        indicator=world.indicators["zalo"],
        order=4,
    )
    ward = world.city.wards[0]
    put(world.indicators["zalo"], ward, "2024-03", boolean=True)
    result = compute(sheet_of(world.movement, ward), criterion)
    assert result.score == Decimal(5)
    assert "→ 5/5 điểm" in result.explanation
    other = compute(sheet_of(world.movement, world.city.wards[1]), criterion)
    assert other.score == 0 and other.explanation.startswith("Chưa có số liệu")

from types import SimpleNamespace

import pytest

from mattran.accounts.models import Role, User
from mattran.boards.feeding import link_indicator
from mattran.boards.models import Measure
from mattran.testing import add_indicator, build_world
from mattran.units.models import Tier


def board_indicators(programme) -> dict:
    """The programme's III.9, III.10, V.3, V.4 and V.5, linked as in the demo."""
    specs = {
        "III.9": (
            Measure.INSPECTION_EFFECTIVE,
            {"value_type": "yes_no", "aggregation": "count_units", "frequency": "year"},
            "trên 90%",
        ),
        "III.10": (
            Measure.PROJECTS_SUPERVISED,
            {"value_type": "fraction", "aggregation": "ratio"},
            "100%",
        ),
        "V.3": (
            Measure.COMMITTEE_RATING,
            {
                "value_type": "rating",
                "aggregation": "latest",
                "frequency": "year",
                "reported_by": Tier.DISTRICT,
            },
            "Hoàn thành tốt nhiệm vụ trở lên",
        ),
        "V.4": (
            Measure.COMMITTEE_RATING,
            {
                "value_type": "rating",
                "aggregation": "count_units",
                "unit_condition": "hoàn thành tốt nhiệm vụ trở lên",
                "frequency": "year",
            },
            "trên 90%",
        ),
        "V.5": (
            Measure.AREA_BOARD_RATING,
            {
                "value_type": "rating",
                "aggregation": "count_units",
                "unit_condition": "hoàn thành tốt nhiệm vụ trở lên",
                "frequency": "year",
                "reported_by": Tier.AREA,
            },
            "trên 90%",
        ),
    }
    found = {}
    for code, (measure, fields, target) in specs.items():
        indicator = add_indicator(programme, code, targets={2024: target, 2025: target}, **fields)
        link_indicator(indicator=indicator, measure=measure)
        found[code] = indicator
    return found


@pytest.fixture
def world(db):
    world = build_world()
    city = world.city
    world.w1, world.w2, world.w3 = city.wards
    world.kp = {w.code: city.areas[w.code] for w in city.wards}
    world.boards = board_indicators(world.programme)
    for name, role, unit in [
        ("w1_admin", Role.UNIT_ADMIN, world.w1),
        ("province_admin", Role.UNIT_ADMIN, city.province),
    ]:
        world.users[name] = User.objects.create_user(
            username=name, password="mattran2024", role=role, unit=unit
        )
    return world


@pytest.fixture
def users(world):
    return SimpleNamespace(**world.users)

"""Small factories for tests: a city with wards and residential areas, and a programme."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mattran.programmes.models import ContentArea, Indicator, Programme
from mattran.programmes.services import create_indicator
from mattran.reporting.models import DataValue
from mattran.reporting.services import Figure, save_data_value
from mattran.units.models import Tier, Unit, UnitKind
from mattran.units.services import create_unit


@dataclass
class City:
    province: Unit
    city: Unit
    wards: list[Unit] = field(default_factory=list)
    areas: dict[str, list[Unit]] = field(default_factory=dict)


def build_city(
    ward_names: tuple[str, ...] = ("An Mỹ", "An Phú", "Tam Thăng"), areas: int = 2
) -> City:
    province = create_unit(code="qn", name="Tỉnh Quảng Nam", kind=UnitKind.PROVINCE)
    city = create_unit(code="tk", name="Thành phố Tam Kỳ", kind=UnitKind.CITY, parent=province)
    result = City(province=province, city=city)
    for i, name in enumerate(ward_names, start=1):
        ward = create_unit(code=f"tk-w{i}", name=f"Phường {name}", kind=UnitKind.WARD, parent=city)
        result.wards.append(ward)
        result.areas[ward.code] = [
            create_unit(
                code=f"tk-w{i}-kp{n}",
                name=f"Khối phố {n}",
                kind=UnitKind.RESIDENTIAL_AREA,
                parent=ward,
            )
            for n in range(1, areas + 1)
        ]
    return result


def build_programme(unit: Unit, first_year: int = 2024, last_year: int = 2029) -> Programme:
    programme = Programme.objects.create(
        unit=unit,
        title="Chương trình hành động nhiệm kỳ 2024 - 2029",
        number="01/CTr-MTTQ-BTT",
        first_year=first_year,
        last_year=last_year,
    )
    ContentArea.objects.create(programme=programme, number="I", title="Tuyên truyền", order=1)
    return programme


def add_indicator(
    programme: Programme, code: str, targets: dict[int, str] | None = None, **fields: Any
) -> Indicator:
    defaults = {
        "text": f"Chỉ tiêu {code}",
        "value_type": "count",
        "aggregation": "sum",
        "reported_by": Tier.COMMUNE,
        "frequency": "month",
    }
    return create_indicator(
        programme=programme,
        area=programme.areas.first(),
        code=code,
        targets=targets or {},
        **{**defaults, **fields},
    )


def put(indicator: Indicator, unit: Unit, period: str, **figure: Any) -> DataValue:
    """Save one figure through the service, as a clerk would."""
    decimal_fields = {"number", "numerator", "denominator"}
    values = {k: Decimal(str(v)) if k in decimal_fields else v for k, v in figure.items()}
    return save_data_value(indicator=indicator, unit=unit, period=period, figure=Figure(**values))


@dataclass
class World:
    """A city with wards, a programme and one user per role: enough to click through."""

    city: City
    programme: Programme
    indicators: dict[str, Indicator]
    users: dict[str, Any]


def build_world() -> World:
    from mattran.accounts.models import Role, User
    from mattran.activities.models import ActivityType

    city = build_city()
    programme = build_programme(city.city)
    indicators = {
        "houses": add_indicator(
            programme,
            "II.1",
            text="Nhà Đại đoàn kết",
            measure_unit="nhà",
            cumulative=True,
            targets={2024: "30/100 nhà"},
        ),
        "visits": add_indicator(
            programme,
            "II.2",
            text="Hộ nghèo được thăm hỏi",
            value_type="fraction",
            aggregation="ratio",
            targets={2024: "100%"},
        ),
        "zalo": add_indicator(
            programme,
            "I.2a",
            text="Ra mắt trang OA Zalo",
            value_type="yes_no",
            aggregation="count_units",
            targets={2024: "13/13 xã, phường ra mắt trang"},
        ),
        "supervisions": add_indicator(
            programme,
            "III.3",
            text="Giám sát chuyên đề",
            aggregation="count_units",
            unit_condition="trên 01 cuộc",
            targets={2024: "13/13 xã, phường"},
        ),
    }
    supervision = ActivityType.objects.create(code="supervision", name="Giám sát chuyên đề")
    supervision.feeds.add(indicators["supervisions"])
    users = {}
    specs = [
        ("city_admin", Role.UNIT_ADMIN, city.city),
        ("w1_clerk", Role.DATA_CLERK, city.wards[0]),
        ("w1_viewer", Role.VIEWER, city.wards[0]),
        ("w2_clerk", Role.DATA_CLERK, city.wards[1]),
        ("w2_admin", Role.UNIT_ADMIN, city.wards[1]),
    ]
    for name, role, unit in specs:
        user = User.objects.create_user(username=name, password="mattran2024", role=role, unit=unit)
        users[name] = user
    return World(city, programme, indicators, users)

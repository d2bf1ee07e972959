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

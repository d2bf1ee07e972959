from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mattran.audit.models import AuditEntry
from mattran.reporting.models import DataValue, Period
from mattran.reporting.services import (
    ConflictError,
    Figure,
    ValueRow,
    save_data_value,
    save_data_values,
)
from mattran.testing import add_indicator, put
from mattran.units.models import Tier, UnitKind
from mattran.units.services import create_unit, merge_units


@pytest.fixture
def indicators(programme):
    return {
        "count": add_indicator(programme, "C"),
        "percent": add_indicator(programme, "P", value_type="percent", aggregation="latest"),
        "fraction": add_indicator(programme, "F", value_type="fraction", aggregation="ratio"),
        "yearly": add_indicator(
            programme,
            "Y",
            value_type="yes_no",
            aggregation="count_units",
            reported_by=Tier.AREA,
            frequency="year",
        ),
        "rating": add_indicator(
            programme,
            "R",
            value_type="rating",
            aggregation="latest",
            reported_by=Tier.DISTRICT,
            frequency="year",
        ),
    }


def refused(field_or_none, **kwargs):
    with pytest.raises(ValidationError) as exc:
        save_data_value(**kwargs)
    if field_or_none:
        assert field_or_none in exc.value.message_dict
    return " ".join(exc.value.messages)


def test_a_good_figure_is_stored_with_who_and_when_and_audited(city, indicators):
    value = put(indicators["count"], city.wards[0], "2024-08", number=3)
    assert value.number == 3 and value.version == 1 and value.period.code == "2024-08"
    entry = AuditEntry.objects.get(action="data_value.save")
    assert entry.changes["after"]["number"] == "3"


@pytest.mark.parametrize(
    ("key", "figure", "field", "words"),
    [
        ("percent", Figure(number=Decimal(101)), "number", "Tỷ lệ phải từ 0% đến 100%"),
        (
            "fraction",
            Figure(numerator=Decimal(12), denominator=Decimal(10)),
            "numerator",
            "không được lớn hơn mẫu số",
        ),
        (
            "fraction",
            Figure(numerator=Decimal(1), denominator=Decimal(0)),
            "denominator",
            "Mẫu số phải lớn hơn 0",
        ),
        ("count", Figure(number=Decimal(-1)), "number", "không được âm"),
        ("count", Figure(number=Decimal("1.5")), "number", "số nguyên"),
        ("count", Figure(), "number", "Chưa nhập"),
        ("count", Figure(number=Decimal(1), boolean=True), "boolean", "không nhập trường này"),
    ],
)
def test_out_of_range_figures_are_refused_and_nothing_changes(
    city, indicators, key, figure, field, words
):
    ward = city.wards[0]
    first = put(indicators["count"], ward, "2024-07", number=2)
    message = refused(field, indicator=indicators[key], unit=ward, period="2024-08", figure=figure)
    assert words in message
    assert list(DataValue.objects.values_list("pk", "number")) == [(first.pk, Decimal(2))]


def test_a_unit_outside_the_indicators_scope_is_refused(city, indicators):
    area = city.areas[city.wards[0].code][0]
    message = refused(
        "unit",
        indicator=indicators["count"],
        unit=area,
        period="2024-08",
        figure=Figure(number=Decimal(1)),
    )
    assert "cấp xã" in message and "Khối phố 1" in message


def test_a_unit_outside_the_programme_is_refused(city, indicators):
    stranger = create_unit(
        code="dn", name="Thị xã Điện Bàn", kind=UnitKind.TOWN, parent=city.province
    )
    ward = create_unit(code="dn-w", name="Phường Điện Ngọc", kind=UnitKind.WARD, parent=stranger)
    message = refused(
        "unit",
        indicator=indicators["count"],
        unit=ward,
        period="2024-08",
        figure=Figure(number=Decimal(1)),
    )
    assert "không thuộc phạm vi chương trình" in message


def test_a_period_outside_the_term_or_of_the_wrong_kind_is_refused(city, indicators):
    ward = city.wards[0]
    assert "nằm ngoài nhiệm kỳ 2024 - 2029" in refused(
        "period",
        indicator=indicators["count"],
        unit=ward,
        period="2030-01",
        figure=Figure(number=Decimal(1)),
    )
    assert "báo cáo hằng năm" in refused(
        "period",
        indicator=indicators["yearly"],
        unit=city.areas[ward.code][0],
        period="2024-08",
        figure=Figure(boolean=True),
    )
    assert "báo cáo hằng tháng" in refused(
        "period",
        indicator=indicators["count"],
        unit=ward,
        period="2024",
        figure=Figure(number=Decimal(1)),
    )


def test_a_merged_unit_cannot_report_after_the_merge(city, indicators):
    a, b, _ = city.wards
    merge_units(
        [a, b],
        code="new",
        name="Phường Mới",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
    )
    a.refresh_from_db()
    put(indicators["count"], a, "2025-06", number=1)
    message = refused(
        "unit",
        indicator=indicators["count"],
        unit=a,
        period="2025-07",
        figure=Figure(number=Decimal(1)),
    )
    assert "đã kết thúc hoạt động từ ngày 30/06/2025" in message


def test_ratings_must_be_on_the_scale(city, indicators):
    message = refused(
        "rating",
        indicator=indicators["rating"],
        unit=city.city,
        period="2024",
        figure=Figure(rating=7),
    )
    assert "Xếp loại không hợp lệ" in message


def test_a_newer_value_is_never_silently_overwritten(city, indicators):
    ward = city.wards[0]
    opened = put(indicators["count"], ward, "2024-08", number=3)
    save_data_value(
        indicator=indicators["count"],
        unit=ward,
        period="2024-08",
        figure=Figure(number=Decimal(5)),
        expected_version=opened.version,
    )
    with pytest.raises(ConflictError) as exc:
        save_data_value(
            indicator=indicators["count"],
            unit=ward,
            period="2024-08",
            figure=Figure(number=Decimal(4)),
            expected_version=opened.version,
        )
    assert "Giá trị đang lưu: 5" in exc.value.messages[0]
    assert "giá trị bạn nhập: 4" in exc.value.messages[0]
    assert DataValue.objects.get().number == 5


def test_the_database_refuses_what_slips_past_the_services(city, indicators):
    period = Period.objects.for_code("2024-08")
    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.create(
            indicator=indicators["fraction"],
            unit=city.wards[0],
            period=period,
            numerator=5,
            denominator=3,
        )


def test_a_batch_is_stored_whole_or_not_at_all(city, indicators):
    period = Period.objects.for_code("2024-08")
    good = ValueRow(indicators["count"], city.wards[0], period, Figure(number=Decimal(2)))
    bad = ValueRow(indicators["percent"], city.wards[1], period, Figure(number=Decimal(120)))
    with pytest.raises(ValidationError) as exc:
        save_data_values([good, bad])
    assert exc.value.messages == [
        "Dòng 2 (P, tk-w2, 2024-08): Tỷ lệ phải từ 0% đến 100% (đã nhập 120%)."
    ]
    assert not DataValue.objects.exists()
    assert save_data_values([good]) == 1
    assert save_data_values([good]) == 1  # the same batch again changes nothing but the version
    assert DataValue.objects.get().number == 2

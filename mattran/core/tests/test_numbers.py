from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mattran.core.numbers import (
    NumberFormatError,
    format_count,
    format_money,
    format_number,
    parse_number,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.234", Decimal(1234)),
        ("1234", Decimal(1234)),
        ("1.234.567", Decimal(1234567)),
        ("13,386", Decimal("13.386")),
        ("1.234,5", Decimal("1234.5")),
        ("0.5", Decimal("0.5")),
        (" 60.000.000 ", Decimal(60000000)),
        ("-3", Decimal(-3)),
    ],
)
def test_reads_numbers_typed_the_vietnamese_way(typed, expected):
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "1,2,3", "1.2.3", "12a", ",5,"])
def test_refuses_what_is_not_a_number_with_a_vietnamese_message(typed):
    with pytest.raises(NumberFormatError) as exc:
        parse_number(typed)
    assert "số" in str(exc.value)


def test_formats_thousands_with_dots_and_decimals_with_a_comma():
    assert format_number(1234567) == "1.234.567"
    assert format_number(Decimal("13.386")) == "13,386"
    assert format_number(Decimal("99.1919"), decimals=1) == "99,2"
    assert format_number(Decimal("100.0000")) == "100"


def test_counts_below_ten_are_zero_padded_as_in_documents():
    assert format_count(4) == "04"
    assert format_count(Decimal(1)) == "01"
    assert format_count(13) == "13"
    assert format_count(5675) == "5.675"


def test_money_reads_as_in_reports():
    assert format_money(60_000_000) == "60.000.000 đồng"
    assert format_money(13_386_000_000) == "13,386 tỷ đồng"
    assert format_money(3_000_000_000) == "3 tỷ đồng"


@given(st.integers(min_value=0, max_value=10**15))
def test_formatted_integers_read_back(value):
    assert parse_number(format_number(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_formatted_decimals_read_back(value):
    assert parse_number(format_number(value)) == value

from datetime import date
from fractions import Fraction

import pytest

from mattran.core.periods import PeriodCodeError, PeriodKind, PeriodSpec


def test_period_codes_parse_and_label_in_vietnamese():
    august = PeriodSpec.parse("2024-08")
    assert (august.start, august.end, august.kind) == (date(2024, 8, 1), date(2024, 8, 31), "month")
    assert august.label == "tháng 8/2024"
    assert PeriodSpec.parse("2024-H1").label == "6 tháng đầu năm 2024"
    assert PeriodSpec.parse("2024").end == date(2024, 12, 31)
    term = PeriodSpec.parse("2024-2029")
    assert term.kind == PeriodKind.TERM and term.label == "nhiệm kỳ 2024 - 2029"
    assert PeriodSpec.parse("2024-02").end == date(2024, 2, 29)


@pytest.mark.parametrize("code", ["2024-H1", "2024-08", "2024", "2024-2029", "2025-H2"])
def test_codes_round_trip(code):
    assert PeriodSpec.parse(code).code == code


@pytest.mark.parametrize("code", ["2024-13", "tháng 8", "2029-2024", ""])
def test_bad_codes_are_refused_in_vietnamese(code):
    with pytest.raises(PeriodCodeError) as exc:
        PeriodSpec.parse(code)
    assert any(word in str(exc.value) for word in ("kỳ", "Tháng", "Nhiệm kỳ"))


def test_months_and_elapsed_share():
    year = PeriodSpec.year(2024)
    assert [m.code for m in PeriodSpec.half_year(2024, 2).months()] == [
        "2024-07",
        "2024-08",
        "2024-09",
        "2024-10",
        "2024-11",
        "2024-12",
    ]
    assert len(year.months()) == 12
    assert year.elapsed_fraction(date(2023, 12, 31)) == 0
    assert year.elapsed_fraction(date(2025, 1, 1)) == 1
    assert year.elapsed_fraction(date(2024, 8, 31)) == Fraction(244, 366)

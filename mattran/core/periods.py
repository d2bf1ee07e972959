"""Reporting periods as values: a month, a half-year, a year or a term.

Codes are stable and sortable: "2024-08" (month), "2024-H1"/"2024-H2" (half-year),
"2024" (year), "2024-2029" (term). Boundaries are calendar ones; a committee's own
cut-off days (REFERENCE.md §3) belong to its reporting schedule, not to the period.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.db import models


class PeriodKind(models.TextChoices):
    MONTH = "month", "Tháng"
    HALF_YEAR = "half_year", "6 tháng"
    YEAR = "year", "Năm"
    TERM = "term", "Nhiệm kỳ"


class PeriodCodeError(ValueError):
    """A period code that cannot be read; the message is Vietnamese."""


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_HALF = re.compile(r"^(\d{4})-?[HhSs]([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_TERM = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


@dataclass(frozen=True, order=True)
class PeriodSpec:
    """One reporting period: its kind and first and last day (both inclusive)."""

    start: date
    end: date
    kind: str

    @classmethod
    def month(cls, year: int, month: int) -> "PeriodSpec":
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), PeriodKind.MONTH)

    @classmethod
    def half_year(cls, year: int, half: int) -> "PeriodSpec":
        if half == 1:
            return cls(date(year, 1, 1), date(year, 6, 30), PeriodKind.HALF_YEAR)
        return cls(date(year, 7, 1), date(year, 12, 31), PeriodKind.HALF_YEAR)

    @classmethod
    def year(cls, year: int) -> "PeriodSpec":
        return cls(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def term(cls, first_year: int, last_year: int) -> "PeriodSpec":
        return cls(date(first_year, 1, 1), date(last_year, 12, 31), PeriodKind.TERM)

    @classmethod
    def parse(cls, code: str) -> "PeriodSpec":
        text = (code or "").strip()
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise PeriodCodeError(f"Tháng {month} không tồn tại (mã kỳ “{code}”).")
            return cls.month(year, month)
        if m := _HALF.match(text):
            return cls.half_year(int(m[1]), int(m[2]))
        if m := _YEAR.match(text):
            return cls.year(int(m[1]))
        if m := _TERM.match(text):
            first, last = int(m[1]), int(m[2])
            if last < first:
                raise PeriodCodeError(f"Nhiệm kỳ “{code}” có năm kết thúc trước năm bắt đầu.")
            return cls.term(first, last)
        raise PeriodCodeError(
            f"Không hiểu kỳ báo cáo “{code}”. Dùng dạng 2024-08 (tháng), 2024-H1 (6 tháng), "
            "2024 (năm) hoặc 2024-2029 (nhiệm kỳ)."
        )

    @property
    def code(self) -> str:
        if self.kind == PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == PeriodKind.HALF_YEAR:
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        return f"{self.start.year}-{self.end.year}"

    @property
    def label(self) -> str:
        """The period as documents name it: "tháng 8/2024", "6 tháng đầu năm 2024"."""
        if self.kind == PeriodKind.MONTH:
            return f"tháng {self.start.month}/{self.start.year}"
        if self.kind == PeriodKind.HALF_YEAR:
            part = "đầu" if self.start.month == 1 else "cuối"
            return f"6 tháng {part} năm {self.start.year}"
        if self.kind == PeriodKind.YEAR:
            return f"năm {self.start.year}"
        return f"nhiệm kỳ {self.start.year} - {self.end.year}"

    def contains(self, other: "PeriodSpec") -> bool:
        return self.start <= other.start and other.end <= self.end

    def months(self) -> list["PeriodSpec"]:
        result = []
        year, month = self.start.year, self.start.month
        while date(year, month, 1) <= self.end:
            result.append(PeriodSpec.month(year, month))
            month += 1
            if month == 13:
                year, month = year + 1, 1
        return result

    def elapsed_fraction(self, as_of: date) -> Fraction:
        """Share of the period that has passed at the end of `as_of`, exactly."""
        if as_of < self.start:
            return Fraction(0)
        if as_of >= self.end:
            return Fraction(1)
        total = (self.end - self.start).days + 1
        return Fraction((as_of - self.start).days + 1, total)

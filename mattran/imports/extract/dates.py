"""Dates as Vietnamese documents write them: 15/5/2024, 15-5-2024, ngày 15 tháng 5 năm 2024,
tháng 12/2024 (a whole month)."""

import calendar
import re
from datetime import date

_DAY_MONTH_YEAR = re.compile(
    r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?![\d/])"
)
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/\s*|năm\s+)((?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
_QUARTER = re.compile(r"quý\s+(I{1,3}|IV|[1-4])\s*(?:/\s*|năm\s+)((?:19|20)\d{2})", re.IGNORECASE)
_QUARTER_NUMBER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def make_date(year: int | str, month: int | str, day: int | str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def end_of_month(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date in the text: (start, end, date), in order. Impossible dates
    (31/02/2024) are skipped."""
    found = []
    for pattern in (_DAY_MONTH_YEAR, _WORDS):
        for m in pattern.finditer(text):
            day, month, year = m.groups()
            value = make_date(year, month, day)
            if value:
                found.append((m.start(), m.end(), value))
    return sorted(found, key=lambda item: item[0])


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0][2] if dates else None


def find_month_ends(text: str) -> list[tuple[int, int, date]]:
    """'tháng 12/2024', 'quý III/2024': the last day of that month or quarter."""
    found = []
    for m in _MONTH.finditer(text):
        value = end_of_month(int(m.group(2)), int(m.group(1)))
        if value:
            found.append((m.start(), m.end(), value))
    for m in _QUARTER.finditer(text):
        quarter = _QUARTER_NUMBER[m.group(1).upper()]
        value = end_of_month(int(m.group(2)), quarter * 3)
        if value:
            found.append((m.start(), m.end(), value))
    return sorted(found, key=lambda item: item[0])

"""Dates as users read them: dd/mm/yyyy."""

from datetime import date


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""

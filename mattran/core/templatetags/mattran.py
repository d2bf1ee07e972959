from datetime import date
from decimal import Decimal

from django import template

from mattran.core.dates import format_date
from mattran.core.numbers import format_number

register = template.Library()


@register.filter
def vn_number(value, decimals=1):
    """1234.5 -> "1.234,5": numbers as Vietnamese documents write them."""
    if value is None or value == "":
        return "—"
    return format_number(Decimal(str(value)), int(decimals))


@register.filter
def get_item(mapping, key):
    """mapping[key]; JSON data keys are strings, so a number key is tried as text too."""
    if key in mapping:
        return mapping[key]
    return mapping.get(str(key), "")


@register.filter
def iso_date(value):
    """ "2024-05-15" (as JSON keeps dates) -> "15/05/2024"."""
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return value

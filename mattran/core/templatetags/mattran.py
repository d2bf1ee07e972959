from decimal import Decimal

from django import template

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
    return mapping.get(key, "")

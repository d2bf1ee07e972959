from decimal import Decimal

from django import template

from mattran.core.numbers import format_count, format_money, format_number
from mattran.households.models import HOUSE_CHIPS, STATUS_CHIPS

register = template.Library()


@register.filter
def money(value):
    """60000000 -> "60.000.000 đồng"; nothing -> "—"."""
    if value is None or value == "":
        return "—"
    return format_money(Decimal(str(value)))


@register.filter
def count(value):
    """3 -> "03": counts as documents write them."""
    return format_count(value or 0)


@register.filter
def percent(value):
    """Decimal("87.5") -> "87,5%"; nothing -> "—"."""
    if value is None:
        return "—"
    return f"{format_number(Decimal(str(value)).quantize(Decimal('0.1')))}%"


@register.filter
def status_chip(code):
    return STATUS_CHIPS.get(code or "", "s-no_data")


@register.filter
def house_chip(code):
    return HOUSE_CHIPS.get(code, "s-no_data")

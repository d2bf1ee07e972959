from decimal import Decimal

from django import template

from mattran.core.numbers import format_money, format_number

register = template.Library()

KIND_CHIPS = {
    "receipt": "k-receipt",
    "disbursement": "k-disbursement",
    "transfer_out": "k-transfer",
    "transfer_in": "k-transfer",
    "reversal": "k-reversal",
}


@register.filter
def dong(value):
    """60000000 -> "60.000.000"; nothing -> "—" (ledger columns are headed "đồng")."""
    if value is None or value == "":
        return "—"
    return format_number(Decimal(str(value)), 0)


@register.filter
def money(value):
    """60000000 -> "60.000.000 đồng"."""
    return format_money(Decimal(str(value or 0)))


@register.filter
def qty(value):
    """12.50 -> "12,5"; 1200 -> "1.200"."""
    if value is None or value == "":
        return "—"
    return format_number(Decimal(str(value)))


@register.filter
def kind_chip(kind):
    return KIND_CHIPS.get(kind, "s-no_data")


@register.filter
def signed_qty(value):
    """+12 / −3 for a correction column; 0 -> "—"."""
    if not value:
        return "—"
    number = Decimal(str(value))
    return ("+" if number > 0 else "−") + format_number(abs(number))

from decimal import Decimal

from django import template

from mattran.core.numbers import format_count
from mattran.emulation.sources import points as format_points
from mattran.units.models import Tier

register = template.Library()


@register.filter
def points(value):
    """Decimal("7.50") -> "7,5"; nothing -> "—"."""
    if value is None or value == "":
        return "—"
    return format_points(Decimal(str(value)))


@register.filter
def count(value):
    """3 -> "03": counts as documents write them."""
    return format_count(value or 0)


@register.filter
def unit_label(unit):
    """A residential area is named with its ward: "Khối phố 1 · Phường An Mỹ"."""
    if unit.tier == Tier.AREA and unit.parent_id:
        return f"{unit.name} · {unit.parent.name}"
    return unit.name

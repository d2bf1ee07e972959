from django import template

from mattran.core.numbers import format_count
from mattran.voice.tallies import percent

register = template.Library()

CHIPS = {
    # petitions
    "answered": "s-met",
    "overdue": "s-behind",
    # recommendations
    "done": "s-met",
    "accepted": "s-on_track",
    "rejected": "s-behind",
    # commitments
    "in_progress": "s-on_track",
    "not_done": "s-behind",
    # petitions' satisfaction
    "yes": "s-met",
    "no": "s-behind",
}


@register.filter
def chip(status: str) -> str:
    """The colour of a status chip: done is green, late is red, waiting is blue or grey."""
    if status == "pending":
        return "s-no_data"
    return CHIPS.get(status, "s-no_data")


@register.filter
def count(value) -> str:
    """3 -> "03": counts as documents write them."""
    return format_count(value or 0)


@register.filter
def share(value) -> str:
    """Decimal("0.8667") -> "86,7%"."""
    return percent(value)


@register.filter
def lines(text: str) -> list[str]:
    return [line.strip(" -;") for line in (text or "").splitlines() if line.strip(" -;")]


@register.filter
def get_count(mapping, key) -> int:
    return mapping.get(key, 0) if mapping else 0

"""Numbers as Vietnamese documents write them: 1.234.567 and 13,386; counts padded as 04/13."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


class NumberFormatError(ValueError):
    """Raised with a Vietnamese message when a typed number cannot be read."""


def parse_number(text: str) -> Decimal:
    """Read a number typed the Vietnamese way.

    "1.234" and "1234" are both one thousand two hundred and thirty-four; "13,386" and
    "1.234,5" use the comma as the decimal mark. A lone dot that does not group thousands
    ("0.5", "1.25") is taken as a decimal point, since that is what a user meant.
    """
    raw = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    negative = raw.startswith("-")
    body = raw[1:] if negative else raw
    if not body:
        raise NumberFormatError("Chưa nhập số.")
    if "," in body:
        whole, _, frac = body.rpartition(",")
        if "," in whole or not frac.isdigit():
            raise NumberFormatError(f"“{text}” không phải là số hợp lệ.")
        if whole and not (_PLAIN.match(whole) or _GROUPED.match(whole)):
            raise NumberFormatError(f"“{text}” không phải là số hợp lệ.")
        normalised = f"{whole.replace('.', '') or '0'}.{frac}"
    elif "." in body:
        if _GROUPED.match(body):
            normalised = body.replace(".", "")
        elif re.match(r"^\d+\.\d+$", body):
            normalised = body
        else:
            raise NumberFormatError(f"“{text}” không phải là số hợp lệ.")
    elif _PLAIN.match(body):
        normalised = body
    else:
        raise NumberFormatError(f"“{text}” không phải là số hợp lệ.")
    try:
        value = Decimal(normalised)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude it
        raise NumberFormatError(f"“{text}” không phải là số hợp lệ.") from exc
    return value.copy_negate() if negative else value


def format_number(value: Decimal | int | float, decimals: int | None = None) -> str:
    """1234567 -> "1.234.567"; Decimal("13.386") -> "13,386"; trailing zeros dropped."""
    number = Decimal(str(value))
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = format(number.copy_abs(), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    grouped = ".".join(groups)
    if decimals is None:
        frac = frac.rstrip("0")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_count(value: Decimal | int) -> str:
    """Counts below ten carry a leading zero, as in "04/13 đơn vị" or "01 tập thể"."""
    number = Decimal(str(value))
    if number == number.to_integral() and 0 <= number < 10:
        return f"{int(number):02d}"
    return format_number(number)


def format_money(value: Decimal | int) -> str:
    """Money in đồng: "60.000.000 đồng"; from a billion on, "13,386 tỷ đồng"."""
    amount = Decimal(str(value))
    if abs(amount) >= Decimal(1_000_000_000):
        billions = format_number(amount / Decimal(1_000_000_000), decimals=3)
        return f"{billions.rstrip('0').rstrip(',')} tỷ đồng"
    return f"{format_number(amount, decimals=0)} đồng"


def format_percent(share: float, decimals: int = 1) -> str:
    """0.9702 -> "97,02%" with decimals=2: a share written as Vietnamese documents do."""
    return format_number(Decimal(str(share)) * 100, decimals) + "%"

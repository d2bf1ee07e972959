"""Data values written out in the format `bulk_read` reads back (CSV, one figure per row)."""

import csv
from collections.abc import Iterator
from decimal import Decimal
from typing import TextIO

from mattran.programmes.models import ValueType
from mattran.reporting.models import DataValue
from mattran.units.models import Unit

HEADER = ("unit", "indicator", "period", "value", "note")


def plain(number: Decimal) -> str:
    """1234.5000 → "1234.5": no exponent, no trailing zeros, the dot as decimal mark."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(value: DataValue) -> str:
    kind = value.indicator.value_type
    if kind == ValueType.FRACTION:
        return f"{plain(value.numerator)}/{plain(value.denominator)}"
    if kind == ValueType.YES_NO:
        return "có" if value.boolean else "không"
    if kind == ValueType.RATING:
        return str(value.rating)
    return plain(value.number)


def value_rows(unit: Unit, *, year: int | None = None) -> Iterator[tuple[str, ...]]:
    values = DataValue.objects.filter(unit__in=Unit.objects.subtree(unit))
    if year:
        values = values.filter(period__start__year=year)
    ordered = values.select_related("indicator", "unit", "period").order_by(
        "period__start", "unit__path", "indicator__order", "pk"
    )
    for value in ordered.iterator(chunk_size=5000):
        yield (
            value.unit.code,
            value.indicator.code,
            value.period.code,
            value_text(value),
            value.note,
        )


def write_csv(out: TextIO, unit: Unit, *, year: int | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    for row in value_rows(unit, year=year):
        writer.writerow(row)
        count += 1
    return count

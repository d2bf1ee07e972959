"""A first guess at how an imported indicator is measured, from its text and targets:
what kind of figure, who reports it and how the figures add up. The reviewer may change it."""

import re

from mattran.programmes.models import Aggregation, ValueType
from mattran.programmes.targets import Kind, parse_target
from mattran.units.models import Tier

_AREAS = re.compile(r"khu dân cư|\bKDC\b|thôn|khối phố|tổ dân phố", re.IGNORECASE)
_COMMUNES = re.compile(r"xã,?\s*phường|cấp xã|\bxã\b|\bphường\b", re.IGNORECASE)
_PEOPLE = re.compile(r"\bhộ\b|cán bộ|hội viên|đoàn viên|người|lượt|học sinh", re.IGNORECASE)


def aggregation_for(value_type: str, reported_by: str, own_tier: str) -> str:
    if value_type in (ValueType.COUNT, ValueType.AMOUNT):
        return Aggregation.SUM
    if value_type == ValueType.FRACTION:
        return Aggregation.RATIO
    if value_type == ValueType.PERCENT:
        return Aggregation.LATEST
    if value_type == ValueType.RATING:
        return Aggregation.COUNT_UNITS
    return Aggregation.EVENT if reported_by == own_tier else Aggregation.COUNT_UNITS


def guess_measure(text: str, targets: dict, own_tier: str) -> dict:
    """{"value_type", "reported_by", "cumulative", "measure_unit", "unit_condition"}."""
    parsed = [parse_target(t) for t in targets.values() if t]
    numeric = [p for p in parsed if p.kind == Kind.NUMERIC]
    rating = next((p for p in parsed if p.kind == Kind.RATING), None)
    words = text + " " + " ".join(p.label for p in numeric)
    tier = Tier.AREA if _AREAS.search(words) else Tier.COMMUNE if _COMMUNES.search(words) else ""
    guess = {"cumulative": False, "measure_unit": "", "unit_condition": ""}
    if rating is not None:
        return {
            **guess,
            "value_type": ValueType.RATING,
            "reported_by": tier or Tier.COMMUNE,
            "unit_condition": rating.display(),
        }
    if not numeric:
        return {**guess, "value_type": ValueType.YES_NO, "reported_by": tier or own_tier}
    first = numeric[0]
    counts_units = tier and not _PEOPLE.search(first.label or text)
    if first.percent:
        if counts_units:
            return {**guess, "value_type": ValueType.YES_NO, "reported_by": tier}
        return {**guess, "value_type": ValueType.FRACTION, "reported_by": Tier.COMMUNE}
    if counts_units:
        return {
            **guess,
            "value_type": ValueType.YES_NO,
            "reported_by": tier,
            "measure_unit": first.label,
        }
    return {
        **guess,
        "value_type": ValueType.COUNT,
        "reported_by": Tier.COMMUNE,
        "cumulative": first.total is not None,
        "measure_unit": first.label,
    }

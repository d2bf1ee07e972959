"""What a report says in figures: its period, and the "09/13 đơn vị …" counts with the
footnote each points to (the list of units and what they did)."""

import re
from dataclasses import dataclass

_MONTH = re.compile(r"tháng\s+0?(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})", re.IGNORECASE)
_HALF = re.compile(r"(?:0?6|sáu)\s+tháng(?:\s+đầu)?\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_QUARTER = re.compile(r"quý\s+(I{1,3}|IV|[1-4])\s*(?:/|năm)\s*((?:19|20)\d{2})", re.IGNORECASE)
_YEAR = re.compile(r"năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\d/.,])(\d{1,3})/(\d{1,3})(?![\d/])(?=\s+[^\W\d])")
_MARKER = re.compile(r"\[\^(\d+)\]|\((\d{1,2})\)(?=[\s.,;:…]|$)")


@dataclass(frozen=True)
class Count:
    count: str
    text: str
    footnote: int | None = None
    in_footnote: int | None = None

    def as_dict(self, footnotes: dict[int, str]) -> dict:
        data = {"count": self.count, "text": self.text, "footnote": self.footnote}
        if self.footnote is not None:
            data["footnote_text"] = footnotes.get(self.footnote, "")
        if self.in_footnote is not None:
            data["in_footnote"] = self.in_footnote
        return data


def report_period(title: str) -> str:
    """'2024-08', '2024-H1', '2024-Q3' or '2024' from a report's title; '' if none."""
    if m := _HALF.search(title):
        return f"{m.group(1)}-H1"
    if m := _MONTH.search(title):
        month = int(m.group(1))
        return f"{m.group(2)}-{month:02d}" if 1 <= month <= 12 else ""
    if m := _QUARTER.search(title):
        quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(m.group(1).upper(), m.group(1))
        return f"{m.group(2)}-Q{quarter}"
    if m := _YEAR.search(title):
        return m.group(1)
    return ""


def find_counts(
    text: str, footnotes: dict[int, str], *, in_footnote: int | None = None
) -> list[Count]:
    counts = []
    for m in _COUNT.finditer(text):
        done, total = int(m.group(1)), int(m.group(2))
        if total < 2 or done > total:
            continue
        footnote = None
        if in_footnote is None:
            for marker in _MARKER.finditer(text, m.end()):
                number = int(marker.group(1) or marker.group(2))
                if marker.group(1) or number in footnotes:
                    footnote = number
                    break
        counts.append(Count(m.group(0), text, footnote, in_footnote))
    return counts

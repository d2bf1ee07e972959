"""An appendix table: one row per indicator, one column per year of the term, grouped under
"I. …" rows. Columns are found from the header row that holds the years."""

import re
from dataclasses import dataclass, field

from mattran.imports.extract.outline import Outline, Section

_YEAR = re.compile(r"(?:Năm\s+)?((?:19|20)\d{2})", re.IGNORECASE)


@dataclass
class TableIndicator:
    text: str
    targets: dict[str, str] = field(default_factory=dict)


def year_columns(cells: list[str]) -> dict[int, str]:
    columns = {}
    for index, cell in enumerate(cells):
        m = _YEAR.fullmatch(cell.strip())
        if m:
            columns[index] = m.group(1)
    return columns if len(columns) >= 2 else {}


def table_indicators(outline: Outline) -> list[tuple[Section | None, TableIndicator]]:
    """Each indicator row with its section and its targets keyed by year."""
    columns: dict[int, str] = {}
    found: list[tuple[Section | None, TableIndicator]] = []
    owners = [(None, outline.preamble)] + [(s, s.items) for s in outline.walk()]
    for section, items in owners:
        for item in items:
            if item.row is None:
                continue
            header = year_columns(item.row)
            if header:
                columns = header
                continue
            if not columns:
                continue
            first_year_column = min(columns)
            text = next(
                (c for c in item.row[:first_year_column] if re.search(r"[^\W\d]{3}", c)), ""
            )
            text = re.sub(r"^[-–+•]\s*", "", text).strip()
            if not text:
                continue
            targets = {
                year: item.row[index].strip()
                for index, year in sorted(columns.items())
                if index < len(item.row) and item.row[index].strip()
            }
            found.append((section, TableIndicator(text, targets)))
    return found

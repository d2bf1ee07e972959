"""Reading back the table workbooks the pages hand out, for tests."""

from dataclasses import dataclass
from io import BytesIO

from openpyxl import load_workbook


@dataclass
class ReadTable:
    notes: list[str]  # the heading and the lines under it
    header: list[str]
    rows: list[list]

    def column(self, title: str) -> list:
        index = self.header.index(title)
        return [row[index] for row in self.rows]


def read_table(content: bytes, sheet: str | None = None) -> ReadTable:
    """The table of one sheet (the first if not named): its header is the frozen row."""
    book = load_workbook(BytesIO(content))
    found = book[sheet] if sheet else book.worksheets[0]
    header_row = int(found.freeze_panes[1:]) - 1
    values = [list(row) for row in found.iter_rows(values_only=True)]
    notes = [row[0] for row in values[: header_row - 1] if row and row[0] is not None]
    return ReadTable(notes, list(values[header_row - 1]), values[header_row:])


def sheet_names(content: bytes) -> list[str]:
    return load_workbook(BytesIO(content)).sheetnames

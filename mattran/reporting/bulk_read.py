"""Reading a set of data values from JSON or CSV, as other systems send them.

A row names its unit by code, its indicator by code (within the programme the unit works
under that year, or the one given), its period by code ("2024-08", "2024"), and its figure
as `value` ("12", "3/4", "có", "Hoàn thành tốt nhiệm vụ") or as separate fields. Column
names may be English (unit, indicator, period, value, note; DHIS2's orgUnit, dataElement,
comment too) or Vietnamese (Mã đơn vị, Mã chỉ tiêu, Kỳ, Giá trị, Ghi chú).
"""

import csv
import io
import json
from typing import Any, NamedTuple

from mattran.imports.diacritics import strip_diacritics

MAX_ROWS = 2_000_000

FIELDS = ("unit", "indicator", "period", "value", "numerator", "denominator", "note", "programme")

_ALIASES = {
    "unit": "unit",
    "orgunit": "unit",
    "unit_code": "unit",
    "ma don vi": "unit",
    "don vi": "unit",
    "indicator": "indicator",
    "dataelement": "indicator",
    "indicator_code": "indicator",
    "ma chi tieu": "indicator",
    "chi tieu": "indicator",
    "period": "period",
    "ky": "period",
    "ma ky": "period",
    "ky bao cao": "period",
    "value": "value",
    "gia tri": "value",
    "so lieu": "value",
    "numerator": "numerator",
    "tu so": "numerator",
    "denominator": "denominator",
    "mau so": "denominator",
    "note": "note",
    "comment": "note",
    "ghi chu": "note",
    "programme": "programme",
    "program": "programme",
    "chuong trinh": "programme",
}


class BulkFormatError(ValueError):
    """The file as a whole cannot be read; the message says why, in Vietnamese."""


class RawRow(NamedTuple):
    """One row as it came, before any lookup: `line` is the CSV line or the JSON position.
    (A named tuple: a set holds up to millions of them.)"""

    line: int
    unit: str
    indicator: str
    period: str
    value: Any = None
    numerator: Any = None
    denominator: Any = None
    note: str = ""
    programme: Any = None


def field_name(header: str) -> str | None:
    key = strip_diacritics(str(header or "")).strip().lower().replace("-", " ")
    return _ALIASES.get(key) or _ALIASES.get(key.replace(" ", ""))


def read_rows(data: bytes | str, fmt: str) -> list[RawRow]:
    """Rows of a JSON or CSV document; raises BulkFormatError if the whole file is unusable."""
    if fmt == "json":
        return _read_json(data)
    if fmt == "csv":
        return _read_csv(data)
    raise BulkFormatError(f"Không đọc được định dạng “{fmt}”: chỉ nhận JSON hoặc CSV.")


def guess_format(filename: str, content_type: str = "") -> str:
    name = filename.lower()
    if name.endswith(".json") or "json" in content_type:
        return "json"
    if name.endswith((".csv", ".txt")) or "csv" in content_type:
        return "csv"
    raise BulkFormatError(
        f"Tệp “{filename}” không phải JSON (.json) hay CSV (.csv): không nhập được."
    )


def _text(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BulkFormatError(
            "Tệp không ở mã UTF-8: hãy lưu lại tệp với mã hóa UTF-8 rồi nhập lại."
        ) from exc


def _read_json(data: bytes | str) -> list[RawRow]:
    try:
        document = json.loads(_text(data))
    except json.JSONDecodeError as exc:
        raise BulkFormatError(
            f"Tệp JSON bị lỗi ở dòng {exc.lineno}, cột {exc.colno}: không đọc được."
        ) from exc
    defaults: dict[str, Any] = {}
    if isinstance(document, dict):
        items = None
        for key in ("dataValues", "data_values", "values"):
            if isinstance(document.get(key), list):
                items = document[key]
        if items is None:
            raise BulkFormatError(
                'Tệp JSON cần một danh sách số liệu: {"dataValues": [...]} hoặc [...].'
            )
        defaults = {k: document[k] for k in ("period", "programme", "unit") if k in document}
        defaults.update({"unit": document["orgUnit"]} if "orgUnit" in document else {})
    elif isinstance(document, list):
        items = document
    else:
        raise BulkFormatError("Tệp JSON cần một danh sách số liệu.")
    _check_size(len(items))
    rows = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise BulkFormatError(
                f"Phần tử thứ {position} không phải một số liệu (cần một đối tượng)."
            )
        fields = dict(defaults)
        for key, value in item.items():
            name = field_name(key)
            if name:
                fields[name] = value
        rows.append(_row(position, fields))
    return rows


def _read_csv(data: bytes | str) -> list[RawRow]:
    text = _text(data)
    if not text.strip():
        raise BulkFormatError("Tệp CSV trống.")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise BulkFormatError(f"Tệp CSV bị lỗi: {exc}.") from exc
    names = [field_name(h) for h in header]
    missing = [n for n in ("unit", "indicator", "period") if n not in names]
    if missing:
        wanted = {"unit": "Mã đơn vị", "indicator": "Mã chỉ tiêu", "period": "Kỳ"}
        raise BulkFormatError(
            "Dòng tiêu đề của tệp CSV thiếu cột "
            + ", ".join(f"“{wanted[m]}” ({m})" for m in missing)
            + "."
        )
    positions = {name: names.index(name) for name in FIELDS if name in names}
    width = len(names)
    get = [positions.get(name) for name in FIELDS]
    rows = []
    try:
        for cells in reader:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            unit, indicator, period, value, numerator, denominator, note, programme = (
                cells[i].replace("\x00", "").strip() if i is not None else "" for i in get
            )
            if not (unit or indicator or period or value or numerator or denominator or note):
                continue
            rows.append(
                RawRow(
                    reader.line_num,
                    unit,
                    indicator,
                    period,
                    value or None,
                    numerator or None,
                    denominator or None,
                    note,
                    programme or None,
                )
            )
            if len(rows) > MAX_ROWS:
                _check_size(len(rows))
    except csv.Error as exc:
        raise BulkFormatError(f"Tệp CSV bị lỗi ở dòng {reader.line_num}: {exc}.") from exc
    return rows


def _row(line: int, fields: dict[str, Any]) -> RawRow:
    def text(name: str) -> str:
        value = fields.get(name)
        return "" if value is None else str(value).replace("\x00", "").strip()

    return RawRow(
        line=line,
        unit=text("unit"),
        indicator=text("indicator"),
        period=text("period"),
        value=_clean(fields.get("value")),
        numerator=_clean(fields.get("numerator")),
        denominator=_clean(fields.get("denominator")),
        note=text("note"),
        programme=text("programme") or None,
    )


def _clean(value: Any) -> Any:
    """No NUL character reaches the database (PostgreSQL refuses them in text)."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _check_size(count: int) -> None:
    if count > MAX_ROWS:
        raise BulkFormatError(
            f"Tệp có hơn {MAX_ROWS:,} số liệu".replace(",", ".")
            + ": hãy chia thành nhiều tệp nhỏ hơn."
        )

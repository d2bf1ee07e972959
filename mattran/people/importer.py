"""Existing member lists from Excel: read whole, every wrong cell named by row, and saved all
together or not at all after the clerk has seen what will be added.

A row is one post of one person. A person already on the unit's lists (same name, and the
same birth year when the row gives one) gets the new post; otherwise a new person is kept by
the row's unit. Contact data in the file only fills what the record lacks.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import Any
from zipfile import BadZipFile

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from mattran.audit.services import record
from mattran.core.dates import format_date
from mattran.people import columns as col
from mattran.people import feeding, services
from mattran.people.models import Person, Position, Role
from mattran.people.reach import people_reached
from mattran.people.rights import may_edit
from mattran.people.search import fold
from mattran.units.models import Unit

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
MAX_ERRORS = 60
PHONE = re.compile(r"^\+?[\d\s.()-]{8,20}$")


@dataclass
class Row:
    """One row read from the file, checked."""

    line: int
    full_name: str = ""
    birth_year: int | None = None
    gender: str = ""
    role: str = ""
    sector: str = ""
    unit: Unit | None = None
    start: date | None = None
    end: date | None = None
    phone: str = ""
    email: str = ""
    note: str = ""
    person: Person | None = None

    @property
    def key(self) -> tuple[str, int | None]:
        return fold(self.full_name), self.birth_year

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


@dataclass
class Reading:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def new_people(self) -> int:
        return len({r.key for r in self.rows if r.person is None})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _open(data: bytes):
    if len(data) > MAX_BYTES:
        raise ValidationError("Tệp lớn quá 2 MB: hãy chia danh sách thành nhiều tệp.")
    try:
        return load_workbook(BytesIO(data), data_only=False)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError("Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ.") from exc


def _header(sheet) -> tuple[int, dict[str, int]]:
    """The row holding the column titles (within the first ten) and each column's index."""
    for row in sheet.iter_rows(min_row=1, max_row=10):
        found = {}
        for cell in row:
            column = col.column_of(_text(cell.value)) if cell.value is not None else None
            if column and column not in found:
                found[column] = cell.column
        if col.NAME in found:
            missing = [c for c in col.REQUIRED if c not in found]
            if missing:
                names = ", ".join(f"“{c}”" for c in missing)
                raise ValidationError(
                    f"Dòng tiêu đề (dòng {row[0].row}) thiếu cột {names}: hãy dùng tệp mẫu."
                )
            return row[0].row, found
    raise ValidationError(
        "Không thấy dòng tiêu đề có cột “Họ và tên” trong 10 dòng đầu: hãy dùng tệp mẫu."
    )


def _date(value: Any, errors: list[str], where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        errors.append(f"{where}: ngày “{text}” không hợp lệ, ghi theo dạng ngày/tháng/năm.")
        return None


class UnitFinder:
    """Units named in a file: by code or by name, within the importing unit's subtree."""

    def __init__(self, unit: Unit) -> None:
        self.units = list(Unit.objects.subtree(unit).select_related("parent"))
        self.by_code = {u.code.casefold(): u for u in self.units}
        self.by_name: dict[str, list[Unit]] = {}
        for u in self.units:
            self.by_name.setdefault(fold(u.name), []).append(u)
            if u.parent_id and u.parent:
                self.by_name.setdefault(fold(f"{u.name} - {u.parent.name}"), []).append(u)
        self.root = unit

    def find(self, text: str) -> tuple[Unit | None, str]:
        if not text:
            return None, "chưa ghi đơn vị"
        if found := self.by_code.get(text.casefold()):
            return found, ""
        matches = self.by_name.get(fold(text.replace("–", "-")), [])
        open_ones = [u for u in matches if u.valid_to is None] or matches
        if len(open_ones) == 1:
            return open_ones[0], ""
        if open_ones:
            return None, f"có {len(open_ones)} đơn vị tên “{text}”, hãy ghi mã đơn vị"
        return None, f"không có đơn vị “{text}” trong {self.root.name}"


def _cell_errors(cells: dict[str, Any], line: int, header: dict[str, int]) -> list[str]:
    errors = []
    for column, cell in cells.items():
        formula = cell.data_type == "f" or (
            isinstance(cell.value, str) and cell.value.strip().startswith("=")
        )
        if formula:
            ref = f"{get_column_letter(header[column])}{line}"
            errors.append(f"ô {ref} ({column}) có công thức: hãy dán giá trị thay cho công thức")
    return errors


def _read_row(cells: dict[str, Any], row: Row, finder: UnitFinder, user) -> list[str]:
    errors: list[str] = []
    value = {column: cell.value for column, cell in cells.items()}
    row.full_name = _text(value.get(col.NAME))
    if not row.full_name:
        errors.append("chưa ghi họ và tên")
    year = _text(value.get(col.BIRTH_YEAR))
    if year:
        this_year = timezone.localdate().year
        if not year.isdigit() or not 1900 <= int(year) <= this_year:
            errors.append(f"năm sinh “{year}” phải là số từ 1900 đến {this_year}")
        else:
            row.birth_year = int(year)
    gender = _text(value.get(col.GENDER))
    if gender:
        row.gender = col.GENDERS.get(fold(gender), "")
        if not row.gender:
            errors.append(f"giới tính “{gender}” chỉ ghi Nam hoặc Nữ")
    unit_text = _text(value.get(col.UNIT))
    row.unit, problem = finder.find(unit_text)
    if problem:
        errors.append(problem)
    elif not may_edit(user, row.unit):
        errors.append(f"bạn không có quyền cập nhật cán bộ của {row.unit.name}")
    role = _text(value.get(col.ROLE))
    row.role = col.role_of(role, row.unit.tier if row.unit else None) or ""
    if not role:
        errors.append("chưa ghi chức vụ, vai trò")
    elif not row.role:
        errors.append(f"không hiểu chức vụ “{role}”: ghi như trong danh sách của tệp mẫu")
    row.sector = _text(value.get(col.SECTOR))
    row.start = _date(value.get(col.START), errors, "từ ngày")
    if value.get(col.START) in (None, ""):
        errors.append("chưa ghi ngày bắt đầu giữ chức vụ")
    row.end = _date(value.get(col.END), errors, "đến ngày")
    if row.start and row.end and row.end < row.start:
        errors.append(
            f"ngày thôi ({format_date(row.end)}) trước ngày bắt đầu ({format_date(row.start)})"
        )
    row.phone = _text(value.get(col.PHONE))
    if row.phone == col.HIDDEN:
        row.phone = ""
    if row.phone and not PHONE.match(row.phone):
        errors.append(f"số điện thoại “{row.phone}” không hợp lệ")
    row.email = _text(value.get(col.EMAIL))
    if row.email == col.HIDDEN:
        row.email = ""
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            errors.append(f"email “{row.email}” không hợp lệ")
    row.note = _text(value.get(col.NOTE))[:500]
    return errors


def _match_people(unit: Unit, rows: list[Row], errors: list[str]) -> None:
    """Find each row's person among those the unit already lists."""
    names = {fold(r.full_name) for r in rows}
    known: dict[str, list[Person]] = {}
    for person in people_reached(unit, Person.objects.filter(search_name__in=names)):
        known.setdefault(person.search_name, []).append(person)
    for row in rows:
        same = known.get(fold(row.full_name), [])
        if row.birth_year is not None:
            same = [p for p in same if p.birth_year in (None, row.birth_year)]
        if len(same) == 1:
            row.person = same[0]
        elif len(same) > 1:
            errors.append(
                f"Dòng {row.line}: có {len(same)} người tên “{row.full_name}” trong danh sách, "
                "hãy ghi năm sinh để phân biệt."
            )


def _check_posts(rows: list[Row], errors: list[str]) -> None:
    """Every post against the rules and the posts already recorded (and the file's own)."""
    seen: list[Row] = []
    for row in rows:
        holder = row.person or Person(full_name=row.full_name, unit=row.unit)
        position = Position(
            person=holder, unit=row.unit, role=row.role, start=row.start, end=row.end
        )
        try:
            if row.person is None:
                services.validate_position_rules(position)
            else:
                services.validate_position(position)
        except ValidationError as exc:
            errors.append(f"Dòng {row.line}: {' '.join(exc.messages)}")
            continue
        for other in seen:
            if (
                other.key == row.key
                and other.unit == row.unit
                and other.role == row.role
                and other.start <= (row.end or date.max)
                and row.start <= (other.end or date.max)
            ):
                errors.append(
                    f"Dòng {row.line}: trùng thời gian với dòng {other.line} (cùng người, cùng "
                    "chức vụ, cùng đơn vị)."
                )
                break
        seen.append(row)


def read_members(data: bytes, unit: Unit, user: Any) -> Reading:
    """Read and check a member list; `errors` says what to correct, row by row."""
    book = _open(data)
    sheet = book.worksheets[0]
    header_row, header = _header(sheet)
    finder = UnitFinder(unit)
    reading = Reading()
    for cells_row in sheet.iter_rows(min_row=header_row + 1):
        cells = {
            column: cells_row[index - 1]
            for column, index in header.items()
            if index - 1 < len(cells_row)
        }
        if all(_text(c.value) == "" for c in cells.values()):
            continue
        line = cells_row[0].row
        if len(reading.rows) >= MAX_ROWS:
            raise ValidationError(f"Tệp có hơn {MAX_ROWS} dòng: hãy chia thành nhiều tệp.")
        row = Row(line=line)
        problems = _cell_errors(cells, line, header) or _read_row(cells, row, finder, user)
        if problems:
            reading.errors.append(f"Dòng {line}: {'; '.join(problems)}.")
        else:
            reading.rows.append(row)
    if not reading.rows and not reading.errors:
        raise ValidationError("Tệp không có dòng nào dưới dòng tiêu đề.")
    _match_people(unit, reading.rows, reading.errors)
    _check_posts(reading.rows, reading.errors)
    reading.errors = sorted(reading.errors, key=_line_of)[:MAX_ERRORS]
    return reading


def _line_of(message: str) -> int:
    found = re.match(r"Dòng (\d+)", message)
    return int(found[1]) if found else 0


@transaction.atomic
def save_members(reading: Reading, unit: Unit, *, actor: Any = None) -> int:
    """Save every row of a checked reading, or nothing (the posts are checked again)."""
    if reading.errors:
        raise ValidationError(reading.errors)
    created: dict[tuple[str, int | None], Person] = {}
    for row in reading.rows:
        person = row.person or created.get(row.key)
        if person is None:
            person = services.create_person(
                unit=row.unit,
                full_name=row.full_name,
                gender=row.gender,
                birth_year=row.birth_year,
                phone=row.phone,
                email=row.email,
                actor=actor,
            )
            created[row.key] = person
        else:
            fill = {
                name: getattr(row, name)
                for name in ("phone", "email", "gender")
                if getattr(row, name) and not getattr(person, name)
            }
            if fill:
                person = services.update_person(person=person, actor=actor, **fill)
        try:
            services.add_position(
                person=person,
                unit=row.unit,
                role=row.role,
                start=row.start,
                end=row.end,
                sector=row.sector,
                note=row.note,
                actor=actor,
                refresh=False,
            )
        except ValidationError as exc:
            raise ValidationError(f"Dòng {row.line}: {' '.join(exc.messages)}") from exc
    record(
        actor=actor,
        action="people.import",
        target=unit,
        changes={"rows": len(reading.rows), "new_people": len(created)},
    )
    feeding.refresh_after_change(
        since=min(r.start for r in reading.rows),
        units={r.unit.pk for r in reading.rows},
        actor=actor,
    )
    return len(reading.rows)


def template(unit: Unit) -> bytes:
    """The blank list to fill: the columns, and the roles and units to pick from."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sach"
    sheet["A1"] = f"DANH SÁCH CÁN BỘ, ỦY VIÊN, THÀNH VIÊN CÁC BAN — {unit.name.upper()}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Mỗi dòng một chức vụ của một người (người giữ hai chức vụ ghi hai dòng). Ngày ghi "
        "dd/mm/yyyy; “Đến ngày” để trống nếu đang giữ. Đơn vị ghi mã hoặc tên như ở trang "
        "“Danh mục”. Chức vụ chọn trong trang “Danh mục”."
    )
    sheet["A2"].font = Font(italic=True, color="5F6368")
    for index, title in enumerate(col.COLUMNS, start=1):
        cell = sheet.cell(row=4, column=index, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1F3F4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = col.WIDTHS.get(title, 14)
    lists = book.create_sheet("Danh muc")
    lists.append(["Chức vụ, vai trò", "Đơn vị", "Mã đơn vị"])
    units = list(Unit.objects.subtree(unit).valid_on(timezone.localdate()).select_related("parent"))
    for index in range(max(len(Role.choices), len(units))):
        role = Role.choices[index][1] if index < len(Role.choices) else None
        where = units[index] if index < len(units) else None
        lists.append(
            [
                role,
                f"{where.name} - {where.parent.name}" if where and where.parent else None,
                where.code if where else None,
            ]
        )
    for letter, width in (("A", 46), ("B", 40), ("C", 30)):
        lists.column_dimensions[letter].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()

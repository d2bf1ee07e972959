"""Bulk data values: a whole set validated together, then stored in one set-based upsert.

Either every row is stored or none is; the result lists every rejected row with a stable
code and a Vietnamese reason. Storing the same set twice changes nothing (a figure equal to
the stored one is left alone: no new version, no new timestamp). The write goes through a
staging table (COPY on PostgreSQL) and one INSERT … ON CONFLICT DO UPDATE, so the database
does the work once for the whole set rather than once per row.
"""

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldError, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.core.keys import dangling, key_triggers_off, key_triggers_on
from mattran.core.periods import PeriodCodeError, PeriodSpec
from mattran.core.ratings import Rating
from mattran.imports.diacritics import strip_diacritics
from mattran.programmes.models import COMPUTED_LINKS, Indicator, Programme, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.bulk_read import RawRow
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.reporting.services import Figure, validate_figure, validate_placement
from mattran.reporting.signals import values_written
from mattran.reporting.workflow import lock_message
from mattran.units.models import Unit

REASONS = {
    "missing_field": "thiếu thông tin",
    "unknown_unit": "không có đơn vị",
    "out_of_scope": "ngoài phạm vi được nhập",
    "invalid_period": "kỳ báo cáo không hợp lệ",
    "unknown_programme": "không có chương trình",
    "unknown_indicator": "không có chỉ tiêu",
    "computed": "chỉ tiêu tính tự động",
    "not_applicable": "không áp dụng cho đơn vị hoặc kỳ này",
    "invalid_value": "số liệu không đúng kiểu",
    "out_of_range": "số liệu ngoài giới hạn",
    "period_locked": "kỳ báo cáo đã khóa",
    "duplicate": "trùng dòng khác",
}


@dataclass(frozen=True)
class Rejection:
    line: int
    unit: str
    indicator: str
    period: str
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "unit": self.unit,
            "indicator": self.indicator,
            "period": self.period,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class BulkResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # validate, write

    @property
    def stored(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        if self.rejected:
            return f"Không lưu số liệu nào: {len(self.rejected)}/{self.total} dòng bị từ chối."
        return (
            f"Đã nhận {self.total} số liệu: {self.created} mới, {self.updated} thay đổi, "
            f"{self.unchanged} không đổi."
        )


class _Ready(NamedTuple):
    line: int
    indicator: Indicator
    unit: Unit
    period: Period
    figure: Figure
    note: str


class _Refused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class _Lookups:
    """Everything a batch needs from the database, fetched once per distinct key."""

    def __init__(self, rows: list[RawRow], actor: Any, programme: Programme | None):
        self.actor = actor
        self.fixed_programme = programme
        codes = {r.unit for r in rows if r.unit}
        self.units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        self.enterable: dict[int, bool] = {}
        self.periods: dict[str, Period | _Refused] = {}
        self.programmes = list(Programme.objects.select_related("unit"))
        self.programme_of: dict[tuple[int, int], list[Programme]] = {}
        indicators = Indicator.objects.select_related("programme", "programme__unit")
        self.indicators = {(i.programme_id, i.code): i for i in indicators}
        self.computed = self._computed_ids()
        self.placed: set[tuple] = set()
        self.places: dict[tuple[str, str], tuple[Unit, Period] | _Refused] = {}
        self.resolved: dict[tuple, Indicator | _Refused] = {}

    @staticmethod
    def _computed_ids() -> set[int]:
        ids = set(Indicator.objects.filter(fed_by__isnull=False).values_list("pk", flat=True))
        for link in COMPUTED_LINKS:
            try:
                lookup = {f"{link}__isnull": False}
                ids |= set(Indicator.objects.filter(**lookup).values_list("pk", flat=True))
            except FieldError:  # the app holding that link is not installed
                continue
        return ids

    def unit(self, code: str) -> Unit:
        unit = self.units.get(code)
        if unit is None:
            raise _Refused("unknown_unit", f"Không có đơn vị mang mã “{code}”.")
        if self.actor is not None:
            allowed = self.enterable.get(unit.pk)
            if allowed is None:
                allowed = self.enterable[unit.pk] = scope.can_enter(self.actor, unit)
            if not allowed:
                raise _Refused("out_of_scope", f"Bạn không có quyền nhập số liệu của {unit.name}.")
        return unit

    def place(self, unit_code: str, period_code: str) -> tuple[Unit, Period]:
        """The unit and period of a row, resolved once per pair (rows come in groups)."""
        key = (unit_code, period_code)
        found = self.places.get(key)
        if found is None:
            try:
                found = (self.unit(unit_code), self.period(period_code))
            except _Refused as refused:
                found = refused
            self.places[key] = found
        if isinstance(found, _Refused):
            raise found
        return found

    def period(self, code: str) -> Period:
        found = self.periods.get(code)
        if found is None:
            try:
                found = Period.objects.for_spec(PeriodSpec.parse(code))
            except (PeriodCodeError, ValueError) as exc:
                message = str(exc) if isinstance(exc, PeriodCodeError) else ""
                found = _Refused("invalid_period", message or f"Kỳ “{code}” không hợp lệ.")
            self.periods[code] = found
        if isinstance(found, _Refused):
            raise found
        return found

    def candidates(self, unit: Unit, year: int) -> list[Programme]:
        """Programmes the unit works under in `year`, nearest issuer first."""
        key = (unit.id, year)
        found = self.programme_of.get(key)
        if found is None:
            active = [p for p in self.programmes if p.first_year <= year <= p.last_year]
            found = [p for p in active if unit.path.startswith(p.unit.path)]
            if not found:  # a successor unit works under its predecessors' programmes
                found = [p for p in active if programme_covers(p, unit)]
            found.sort(key=lambda p: (-p.unit.depth, -p.first_year, p.pk))
            self.programme_of[key] = found
        return found

    def indicator(self, row: RawRow, unit: Unit, period: Period) -> Indicator:
        key = (row.indicator, row.programme, unit.id, period.start.year)
        found = self.resolved.get(key)
        if found is None:
            try:
                found = self._indicator(row, unit, period)
            except _Refused as refused:
                found = refused
            self.resolved[key] = found
        if isinstance(found, _Refused):
            raise found
        return found

    def _indicator(self, row: RawRow, unit: Unit, period: Period) -> Indicator:
        if self.fixed_programme is not None or row.programme not in (None, ""):
            programme = self.fixed_programme or self._programme(row.programme)
            indicator = self.indicators.get((programme.id, row.indicator))
            if indicator is None:
                raise _Refused(
                    "unknown_indicator",
                    f"Chương trình “{programme.title}” không có chỉ tiêu mã “{row.indicator}”.",
                )
            if not programme_covers(programme, unit):
                raise _Refused(
                    "not_applicable",
                    f"{unit.name} không thuộc phạm vi chương trình của {programme.unit.name}.",
                )
            return indicator
        programmes = self.candidates(unit, period.start.year)
        for programme in programmes:
            indicator = self.indicators.get((programme.id, row.indicator))
            if indicator is not None:
                return indicator
        if not programmes:
            raise _Refused(
                "unknown_programme",
                f"{unit.name} không có chương trình hành động nào trong năm {period.start.year}.",
            )
        raise _Refused(
            "unknown_indicator",
            f"Chương trình của {unit.name} năm {period.start.year} không có chỉ tiêu mã "
            f"“{row.indicator}”.",
        )

    def _programme(self, given: Any) -> Programme:
        for programme in self.programmes:
            if str(programme.pk) == str(given).strip():
                return programme
        raise _Refused("unknown_programme", f"Không có chương trình số “{given}”.")


def _decimal(value: Any) -> Decimal:
    """A number as machines write it: "1234567.5" (a lone comma is read as the decimal mark).

    Thousands separators are refused rather than guessed: "1.234" could mean either.
    """
    if isinstance(value, bool):
        raise _Refused("invalid_value", f"“{value}” không phải là số.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or "e" in text.lower():
        raise _Refused(
            "invalid_value",
            f"“{value}” không phải là số (ghi số liền, dấu chấm thập phân, ví dụ 1234567.5).",
        )
    return number


_YES = {"co", "true", "1", "yes", "x"}
_NO = {"khong", "false", "0", "no"}
_RATINGS = {strip_diacritics(label).lower(): value for value, label in Rating.choices}


def parse_figure(indicator: Indicator, row: RawRow) -> Figure:
    """The figure a row gives for the indicator's value type, or a refusal saying why."""
    kind = indicator.value_type
    value = row.value
    if kind == ValueType.FRACTION:
        numerator, denominator = row.numerator, row.denominator
        if numerator in (None, "") and isinstance(value, str) and "/" in value:
            numerator, _, denominator = value.partition("/")
        if numerator in (None, "") or denominator in (None, ""):
            raise _Refused(
                "missing_field",
                f"Chỉ tiêu {indicator.code} cần tử số và mẫu số (ví dụ “3/4”).",
            )
        return Figure(numerator=_decimal(numerator), denominator=_decimal(denominator))
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _Refused("missing_field", "Thiếu giá trị số liệu.")
    if kind == ValueType.YES_NO:
        if isinstance(value, bool):
            return Figure(boolean=value)
        answer = strip_diacritics(str(value)).strip().lower()
        if answer in _YES or answer in _NO:
            return Figure(boolean=answer in _YES)
        raise _Refused("invalid_value", f"“{value}”: chỉ ghi “có” hoặc “không”.")
    if kind == ValueType.RATING:
        text = strip_diacritics(str(value)).strip().lower()
        if text.isdigit():
            return Figure(rating=int(text))
        if text in _RATINGS:
            return Figure(rating=_RATINGS[text])
        raise _Refused("invalid_value", f"“{value}” không phải một mức xếp loại.")
    if isinstance(value, str) and value.isascii() and value.isdigit():  # the common case
        return _plain_figure(value)
    return Figure(number=_decimal(value))


@lru_cache(maxsize=4096)
def _plain_figure(digits: str) -> Figure:
    """Figures are immutable: the same typed count is one object however often it comes."""
    return Figure(number=Decimal(digits))


def _reason(exc: ValidationError) -> str:
    return "; ".join(exc.messages)


def validate(
    rows: list[RawRow], *, actor: Any = None, programme: Programme | None = None
) -> tuple[list[_Ready], list[Rejection]]:
    """Check every row against the database in one pass; nothing is written.

    A figure of a computed indicator, or of a report already submitted or approved, is
    refused unless it equals the stored figure: sending the same set again changes nothing
    and is not an error.
    """
    lookups = _Lookups(rows, actor, programme)
    ready: list[_Ready] = []
    rejected: list[Rejection] = []
    seen: dict[tuple[int, int, int], int] = {}
    for row in rows:
        try:
            ready.append(_checked(row, lookups, seen))
        except _Refused as refused:
            rejected.append(
                Rejection(
                    row.line, row.unit, row.indicator, row.period, refused.code, refused.message
                )
            )
    guarded = _computed(ready, lookups.computed) + _locked(ready)
    rejected.extend(_changed_only(guarded))
    rejected.sort(key=lambda r: r.line)
    return ready, rejected


def _checked(row: RawRow, lookups: _Lookups, seen: dict[tuple[int, int, int], int]) -> _Ready:
    if not (row.unit and row.indicator and row.period):
        missing = [
            name
            for name, given in (
                ("mã đơn vị", row.unit),
                ("mã chỉ tiêu", row.indicator),
                ("kỳ", row.period),
            )
            if not given
        ]
        raise _Refused("missing_field", "Thiếu " + ", ".join(missing) + ".")
    unit, period = lookups.place(row.unit, row.period)
    indicator = lookups.indicator(row, unit, period)
    # placement depends on the indicator only through these fields: one check per
    # unit and period for all indicators alike
    placement = (indicator.programme_id, indicator.frequency, indicator.reported_by, unit.id)
    placement += (period.id,)
    if placement not in lookups.placed:
        try:
            validate_placement(indicator, unit, period, covered=True)
        except ValidationError as exc:
            raise _Refused("not_applicable", _reason(exc)) from exc
        lookups.placed.add(placement)
    figure = parse_figure(indicator, row)
    if not _plainly_valid(indicator.value_type, figure):
        try:
            validate_figure(indicator, figure)
        except ValidationError as exc:
            raise _Refused("out_of_range", _reason(exc)) from exc
    key = (indicator.id, unit.id, period.id)
    if key in seen:
        raise _Refused("duplicate", f"Trùng đơn vị, chỉ tiêu và kỳ với dòng {seen[key]}.")
    seen[key] = row.line
    return _Ready(row.line, indicator, unit, period, figure, row.note)


def _plainly_valid(kind: str, figure: Figure) -> bool:
    """The common case checked without building messages: a count, amount or share in range.

    Anything else goes through `validate_figure`, which explains what is wrong.
    """
    number = figure.number
    if number is None or figure.numerator is not None or figure.denominator is not None:
        return False
    if figure.boolean is not None or figure.rating is not None:
        return False
    if kind == ValueType.COUNT:
        return number >= 0 and number == number.to_integral_value()
    if kind == ValueType.AMOUNT:
        return number >= 0
    return kind == ValueType.PERCENT and 0 <= number <= 100


def _computed(ready: list[_Ready], computed: set[int]) -> list[tuple[_Ready, str, str]]:
    return [
        (
            item,
            "computed",
            f"Chỉ tiêu {item.indicator.code} được tính tự động từ hồ sơ, không nhập tay.",
        )
        for item in ready
        if item.indicator.id in computed
    ]


def _locked(ready: list[_Ready]) -> list[tuple[_Ready, str, str]]:
    """One query finds the submitted or approved reports among the batch's reports."""
    if not ready:
        return []
    keys = {(r.indicator.programme_id, r.unit.id, r.period.id) for r in ready}
    candidates = Submission.objects.filter(
        status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED),
        period_id__in={k[2] for k in keys},
        unit_id__in={k[1] for k in keys},
    ).values_list("programme_id", "unit_id", "period_id")
    locked = {k for k in candidates if k in keys}
    messages: dict[tuple[int, int, int], str] = {}
    found = []
    if not locked:
        return []
    for item in ready:
        key = (item.indicator.programme_id, item.unit.id, item.period.id)
        if key in locked:
            if key not in messages:
                messages[key] = lock_message(item.indicator.programme, item.unit, item.period)
            found.append((item, "period_locked", messages[key]))
    return found


def _changed_only(guarded: list[tuple[_Ready, str, str]]) -> list[Rejection]:
    """Refusals for the guarded rows whose figure differs from the stored one."""
    if not guarded:
        return []
    items = [g[0] for g in guarded]
    stored = {
        (v.indicator_id, v.unit_id, v.period_id): (Figure.of(v), v.note)
        for v in DataValue.objects.filter(
            indicator_id__in={i.indicator.pk for i in items},
            unit_id__in={i.unit.pk for i in items},
            period_id__in={i.period.pk for i in items},
        )
    }
    refused, done = [], set()
    for item, code, message in guarded:
        current = stored.get((item.indicator.pk, item.unit.pk, item.period.pk))
        if current == (item.figure, item.note) or item.line in done:
            continue
        done.add(item.line)
        refused.append(
            Rejection(
                item.line, item.unit.code, item.indicator.code, item.period.code, code, message
            )
        )
    return refused


def import_values(
    rows: list[RawRow],
    *,
    actor: Any = None,
    programme: Programme | None = None,
    source: str = "",
    content: bytes = b"",
) -> BulkResult:
    """Validate the whole set and store it, or store nothing and report every refused row."""
    result = BulkResult(total=len(rows))
    with transaction.atomic():
        started = time.perf_counter()
        ready, rejected = validate(rows, actor=actor, programme=programme)
        result.seconds["validate"] = time.perf_counter() - started
        if rejected:
            result.rejected = rejected
            transaction.set_rollback(True)  # periods created while validating go too
            return result
        started = time.perf_counter()
        result.created, result.updated = upsert(ready, actor=actor)
        result.seconds["write"] = time.perf_counter() - started
        if result.created or result.updated:
            pairs = {(r.indicator.id, r.period.start.year) for r in ready}
            values_written.send(sender=DataValue, pairs=pairs)
        result.unchanged = len(ready) - result.created - result.updated
        if result.created or result.updated:
            target = programme or (ready[0].indicator.programme if ready else None)
            record(
                actor=actor,
                action="data_value.bulk_import",
                target=target,
                changes={
                    "source": source,
                    "sha256": hashlib.sha256(content).hexdigest() if content else "",
                    "rows": len(ready),
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "units": len({r.unit.pk for r in ready}),
                    "periods": sorted({r.period.code for r in ready}),
                },
            )
    return result


_STAGE_COLUMNS = (
    "indicator_id",
    "unit_id",
    "period_id",
    "number",
    "numerator",
    "denominator",
    "boolean",
    "rating",
    "note",
)
_COMPARED = ("number", "numerator", "denominator", "boolean", "rating", "note")


def _stage_rows(ready: Iterable[_Ready]) -> Iterable[tuple]:
    for r in ready:
        f = r.figure
        yield (
            r.indicator.id,
            r.unit.id,
            r.period.id,
            f.number,
            f.numerator,
            f.denominator,
            f.boolean,
            f.rating,
            r.note,
        )


def _key_checks_once(cursor, user_id: int | None) -> bool:
    """On PostgreSQL every inserted row fires one foreign-key trigger per key (indicator,
    unit, period): two thirds of the time of a new month's figures. Every key of the batch
    was looked up while validating, in this transaction; here each referenced row is locked
    once (FOR KEY SHARE, the very lock the triggers take, so none can be deleted before the
    commit), checked once, and the per-row triggers are switched off for the one INSERT
    (`core.keys`); without the right to do so they simply stay on."""
    if not key_triggers_off(cursor):
        return False
    for column, target in (
        ("indicator_id", Indicator._meta.db_table),
        ("unit_id", Unit._meta.db_table),
        ("period_id", Period._meta.db_table),
    ):
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {target} WHERE id IN "
            f"(SELECT DISTINCT {column} FROM bulk_stage) FOR KEY SHARE) locked"
        )
        if dangling(cursor, "bulk_stage", column, target):
            key_triggers_on(cursor)
            raise IntegrityError(f"bulk_stage.{column} trỏ tới dòng không có trong {target}.")
    if user_id is not None:
        users = get_user_model()._meta.db_table
        cursor.execute(f"SELECT 1 FROM {users} WHERE id = %s FOR KEY SHARE", [user_id])
    return True


def upsert(ready: list[_Ready], *, actor: Any = None) -> tuple[int, int]:
    """Store validated figures; returns (created, updated). Equal figures are not touched."""
    if not ready:
        return 0, 0
    table = DataValue._meta.db_table
    user_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    postgres = connection.vendor == "postgresql"
    number_type = "numeric" if postgres else "decimal"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bulk_stage")
        cursor.execute(
            "CREATE TEMPORARY TABLE bulk_stage (indicator_id bigint, unit_id bigint, "
            f"period_id bigint, number {number_type}, numerator {number_type}, "
            f"denominator {number_type}, boolean boolean, rating smallint, note text)"
        )
        if postgres:
            columns = ", ".join(_STAGE_COLUMNS)
            with cursor.cursor.copy(f"COPY bulk_stage ({columns}) FROM STDIN") as copy:
                for item in _stage_rows(ready):
                    copy.write_row(item)
        else:
            marks = ", ".join(["%s"] * len(_STAGE_COLUMNS))
            cursor.executemany(f"INSERT INTO bulk_stage VALUES ({marks})", list(_stage_rows(ready)))
        if not postgres:  # PostgreSQL tells inserted from updated rows as it writes them
            cursor.execute(
                f"SELECT count(*) FROM bulk_stage s JOIN {table} d "
                "ON d.indicator_id = s.indicator_id AND d.unit_id = s.unit_id "
                "AND d.period_id = s.period_id"
            )
            existing = cursor.fetchone()[0]
        differs = " OR ".join(f"{table}.{c} IS DISTINCT FROM excluded.{c}" for c in _COMPARED)
        if not postgres:
            differs = differs.replace("IS DISTINCT FROM", "IS NOT")
        assign = ", ".join(f"{c} = excluded.{c}" for c in _COMPARED)
        checked_once = _key_checks_once(cursor, user_id)
        # In the unique key's order: consecutive rows land on neighbouring index pages, so
        # each page of a large table's index is read once rather than once per row.
        insert = (
            f"INSERT INTO {table} (indicator_id, unit_id, period_id, number, numerator, "
            "denominator, boolean, rating, note, entered_by_id, entered_at, updated_at, version) "
            "SELECT indicator_id, unit_id, period_id, number, numerator, denominator, boolean, "
            "rating, coalesce(note, ''), %s, %s, %s, 1 FROM bulk_stage "
            "WHERE true ORDER BY indicator_id, unit_id, period_id "
            "ON CONFLICT (indicator_id, unit_id, period_id) DO UPDATE SET "
            f"{assign}, entered_by_id = excluded.entered_by_id, "
            f"updated_at = excluded.updated_at, version = {table}.version + 1 WHERE {differs}"
        )
        if postgres:  # xmax is 0 on a row this statement inserted, not on one it updated
            cursor.execute(
                f"WITH written AS ({insert} RETURNING {table}.xmax = 0 AS inserted) "
                "SELECT count(*) FILTER (WHERE inserted), count(*) FROM written",
                [user_id, now, now],
            )
            created, touched = cursor.fetchone()
        else:
            cursor.execute(insert, [user_id, now, now])
            created, touched = len(ready) - existing, cursor.rowcount
        if checked_once:
            key_triggers_on(cursor)
        cursor.execute("DROP TABLE bulk_stage")
    return created, touched - created

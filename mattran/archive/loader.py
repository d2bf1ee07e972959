"""Load a checked archive into the database: all of it in one transaction, or nothing.

Owned rows must not exist yet (same primary key): the import refuses before writing anything.
References are inserted when missing and skipped when the same row is there already; a
reference that differs from the row in the database is refused too.
"""

import json
from dataclasses import dataclass, field

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection

from mattran.archive.errors import ArchiveError
from mattran.archive.reader import ArchiveReader, ModelPart
from mattran.archive.registry import model_label, rule_for
from mattran.archive.rows import STUB, Encoder, stub_identity, unpack
from mattran.archive.selection import CHUNK, serialize
from mattran.core.numbers import format_number


@dataclass
class Loaded:
    inserted: dict[str, int] = field(default_factory=dict)  # label -> rows written
    skipped: int = 0  # references already in the database
    models: list = field(default_factory=list)


def load(reader: ArchiveReader, parts: list[ModelPart]) -> Loaded:
    """Insert the rows (the caller holds the transaction)."""
    to_insert = _plan(reader, parts)
    loaded = Loaded()
    try:
        with connection.constraint_checks_disabled():
            for part, lines in to_insert:
                rows = [unpack(part.model, line, reader.read) for line in lines]
                for obj in serializers.deserialize("python", rows):
                    obj.save(force_insert=True)
                loaded.inserted[part.label] = len(rows)
                loaded.skipped += part.rows - len(rows)
                loaded.models.append(part.model)
        connection.check_constraints(table_names=[m._meta.db_table for m in loaded.models])
    except (DeserializationError, ValidationError, ValueError, TypeError) as exc:
        raise ArchiveError(f"Dữ liệu trong bản lưu trữ không hợp lệ: {exc}") from exc
    except DatabaseError as exc:
        raise ArchiveError(
            f"Dữ liệu trong bản lưu trữ mâu thuẫn với cơ sở dữ liệu (trùng mã hoặc thiếu bản "
            f"ghi liên quan), không nhập gì: {exc}"
        ) from exc
    _reset_sequences(loaded.models)
    return loaded


def _plan(reader: ArchiveReader, parts: list[ModelPart]) -> list[tuple[ModelPart, list[dict]]]:
    """The lines to insert, once it is sure that none of the owned rows exists yet and that
    every reference already present is the same row."""
    taken: dict[str, int] = {}
    differing: list[str] = []
    plan = []
    masked = not reader.manifest.get("personal_data", False)
    for part in parts:
        existing = _existing(part)
        keep = []
        for line in part.lines:
            if line["pk"] not in existing:
                keep.append(line)
            elif "role" not in line:
                taken[part.label] = taken.get(part.label, 0) + 1
            elif not _same(part, line, existing[line["pk"]], reader, masked):
                differing.append(f"{model_label(part.model)} số {line['pk']}")
        plan.append((part, keep))
    if taken:
        found = [
            f"{model_label(p.model)}: {format_number(taken[p.label])}"
            for p in parts
            if p.label in taken
        ]
        counts = "; ".join(found[:6]) + (
            f"; và {len(found) - 6} loại khác" if len(found) > 6 else ""
        )
        raise ArchiveError(
            f"Cơ sở dữ liệu đã có dữ liệu của bản lưu trữ này ({counts}). Chỉ nhập được vào cơ "
            "sở dữ liệu chưa có các bản ghi này, ví dụ một cơ sở dữ liệu mới tạo bằng "
            "`mattran migrate`. Không nhập gì."
        )
    if differing:
        raise ArchiveError(
            "Dữ liệu tham chiếu trong bản lưu trữ khác với dữ liệu đang có trong cơ sở dữ liệu "
            f"({', '.join(differing[:5])}). Không nhập gì."
        )
    return plan


def _existing(part: ModelPart) -> dict:
    """The rows of the database with the archive's primary keys, serialized the same way."""
    manager = part.model._base_manager
    pks = [line["pk"] for line in part.lines]
    found: dict = {}
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        try:
            rows = serialize(part.model, manager.filter(pk__in=chunk))
        except (ValidationError, ValueError, TypeError) as exc:
            raise ArchiveError(f"Mã bản ghi trong “{part.member}” không hợp lệ.") from exc
        for row in rows:
            found[row["pk"]] = json.loads(json.dumps(row["fields"], cls=Encoder))
    return found


def _same(part: ModelPart, line: dict, current: dict, reader: ArchiveReader, masked: bool):
    if line.get("role") == STUB:
        name = stub_identity(part.model)
        return line["fields"].get(name) == current.get(name)
    archived = unpack(part.model, line, reader.read)["fields"]
    ignored = set(rule_for(part.model).personal_fields) if masked else set()
    return all(archived.get(k) == v for k, v in current.items() if k not in ignored)


def _reset_sequences(models: list) -> None:
    """Rows kept their ids; on PostgreSQL the next id must come after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

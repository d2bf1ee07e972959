"""Export a committee's whole data to one archive, and import an archive into a database.

The archive is also Mattran's backup format for one committee (docs/backup.md): a ZIP with
manifest.json, one JSON Lines member per model in Django's serialization, and the uploaded
files (photos of houses, evidence, generated documents) under files/.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.utils.dateparse import parse_datetime

from mattran.archive import loader
from mattran.archive.errors import ArchiveError
from mattran.archive.reader import ArchiveReader
from mattran.archive.registry import model_label, undeclared
from mattran.archive.selection import select
from mattran.archive.writer import write_archive
from mattran.audit.services import record
from mattran.households.models import AccessAction
from mattran.households.privacy import log_access
from mattran.units.models import Unit


@dataclass
class ModelCount:
    model: str  # app_label.model
    label: str  # its Vietnamese name
    rows: int
    references: int = 0


@dataclass
class ExportSummary:
    path: Path
    root: Unit
    size: int
    counts: list[ModelCount]
    files: int
    file_bytes: int
    include_files: bool
    personal_data: bool
    omitted: list[str] = field(default_factory=list)  # Vietnamese names of models left out

    @property
    def total(self) -> int:
        return sum(c.rows for c in self.counts)


@dataclass
class ImportSummary:
    root: Unit
    created_at: datetime | None
    counts: list[ModelCount]
    skipped: int
    files: int
    include_files: bool
    personal_data: bool

    @property
    def total(self) -> int:
        return sum(c.rows for c in self.counts)


def export_unit(
    unit: Unit,
    path: str | Path,
    *,
    include_files: bool = True,
    include_personal_data: bool = False,
    actor: Any = None,
) -> ExportSummary:
    """Write everything of `unit` and its subtree (with the units they carry on after a
    merge) to one archive. Personal data (households, citizens' names) only when asked."""
    missing = undeclared()
    if missing:
        raise ArchiveError(
            "Chưa khai báo cách sao lưu cho loại dữ liệu: " + ", ".join(missing) + " (xem "
            "mattran/archive/registry.py). Không ghi bản lưu trữ thiếu dữ liệu."
        )
    path = Path(path)
    with _snapshot():
        selection = select(unit, personal=include_personal_data)
        written = write_archive(
            selection,
            path,
            include_files=include_files,
            created_by=getattr(actor, "username", "") or "",
        )
    summary = ExportSummary(
        path=path,
        root=unit,
        size=written.size,
        counts=[_count(c) for c in written.counts],
        files=written.files,
        file_bytes=written.file_bytes,
        include_files=include_files,
        personal_data=include_personal_data,
        omitted=[model_label(apps.get_model(label)) for label in selection.omitted],
    )
    _record_export(summary, selection, actor)
    return summary


def import_archive(path: str | Path, *, actor: Any = None) -> ImportSummary:
    """Load an archive: checked whole first, then written in one transaction, or nothing."""
    with ArchiveReader(Path(path)) as reader:
        reader.verify()
        parts = reader.parts()
        manifest = reader.manifest
        with transaction.atomic():
            loaded = loader.load(reader, parts)
            root = Unit.objects.filter(pk=manifest["root_unit"].get("pk")).first()
            if root is None:
                raise ArchiveError("Bản lưu trữ không có đơn vị gốc ghi trong manifest.json.")
            total = sum(loaded.inserted.values())
            record(
                actor=actor,
                action="archive.import",
                target=root,
                changes={
                    "file": reader.name,
                    "created_at": manifest.get("created_at", ""),
                    "format_version": manifest["format_version"],
                    "rows": total,
                    "references_present": loaded.skipped,
                },
            )
    counts = [
        ModelCount(model=p.label, label=model_label(p.model), rows=loaded.inserted.get(p.label, 0))
        for p in parts
    ]
    return ImportSummary(
        root=root,
        created_at=parse_datetime(str(manifest.get("created_at", ""))),
        counts=counts,
        skipped=loaded.skipped,
        files=int(manifest.get("files", {}).get("count", 0)),
        include_files=bool(manifest.get("files_included", False)),
        personal_data=bool(manifest.get("personal_data", False)),
    )


@contextmanager
def _snapshot():
    """Read every table as of one moment. SQLite's read transaction is one already; on
    PostgreSQL the default isolation would let rows change between two queries."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _count(entry: dict) -> ModelCount:
    model = apps.get_model(entry["model"])
    return ModelCount(
        model=entry["model"],
        label=model_label(model),
        rows=entry["rows"],
        references=entry["references"],
    )


@transaction.atomic
def _record_export(summary: ExportSummary, selection, actor: Any) -> None:
    record(
        actor=actor,
        action="archive.export",
        target=summary.root,
        changes={
            "file": summary.path.name,
            "rows": summary.total,
            "files": summary.files if summary.include_files else 0,
            "personal_data": summary.personal_data,
        },
    )
    households = len(selection.owned.get("households.household", {}))
    if summary.personal_data and households:
        # Reading households' names is logged like any other export of them.
        log_access(
            user=actor,
            unit=summary.root,
            action=AccessAction.EXPORT,
            personal=True,
            detail=f"Bản lưu trữ {summary.path.name}: {households} hộ",
        )

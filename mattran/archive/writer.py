"""Write a selection as one ZIP: manifest.json, data/<model>.jsonl, files/…"""

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from mattran.archive.errors import FORMAT_NAME, FORMAT_VERSION, MANIFEST, ArchiveError
from mattran.archive.registry import archived_models, rule_for
from mattran.archive.rows import OWNED, REFERENCE, STUB, Encoder, pack
from mattran.archive.selection import Selection


@dataclass
class Written:
    manifest: dict
    size: int
    files: int = 0
    file_bytes: int = 0
    counts: list[dict] = field(default_factory=list)


def app_version() -> str:
    try:
        return metadata.version("mattran")
    except metadata.PackageNotFoundError:  # pragma: no cover - always installed here
        return "unknown"


def schema() -> dict[str, list[str]]:
    """The last migration of every project app: what the rows' shape was."""
    labels = {c.label for c in apps.get_app_configs() if c.name.startswith("mattran.")}
    leaves: dict[str, list[str]] = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        if app in labels:
            leaves.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(leaves.items())}


def write_archive(
    selection: Selection, path: Path, *, include_files: bool, created_by: str = ""
) -> Written:
    members: dict[str, str] = {}
    written = Written(manifest={}, size=0)
    part = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as zf:

            def put(member: str, data: bytes) -> None:
                zf.writestr(member, data)
                members[member] = hashlib.sha256(data).hexdigest()

            for model in archived_models():
                label = model._meta.label_lower
                owned = selection.owned.get(label, {})
                references = selection.references.get(label, {})
                if not owned and not references:
                    continue
                stub = bool(rule_for(model).stub_keep)
                lines, roles = [], {OWNED: 0, REFERENCE: 0, STUB: 0}
                for pk in sorted({*owned, *references}):
                    role = OWNED if pk in owned else (STUB if stub else REFERENCE)
                    row = owned.get(pk) or references[pk]
                    line, attachments = pack(
                        model,
                        row,
                        role=role,
                        personal=selection.personal,
                        include_files=include_files,
                    )
                    for member, data in attachments:
                        put(member, data)
                        written.files += 1
                        written.file_bytes += len(data)
                    roles[role] += 1
                    lines.append(json.dumps(line, cls=Encoder, ensure_ascii=False))
                member = f"data/{label}.jsonl"
                put(member, ("\n".join(lines) + "\n").encode("utf-8"))
                written.counts.append(
                    {
                        "model": label,
                        "member": member,
                        "rows": len(lines),
                        "references": roles[REFERENCE] + roles[STUB],
                        "stubs": roles[STUB],
                    }
                )
            written.manifest = _manifest(selection, written, members, include_files, created_by)
            zf.writestr(
                MANIFEST, json.dumps(written.manifest, ensure_ascii=False, indent=2).encode()
            )
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ArchiveError(f"Không ghi được tệp “{path}”: {exc.strerror or exc}.") from exc
    written.size = path.stat().st_size
    return written


def _manifest(
    selection: Selection, written: Written, members: dict, include_files: bool, created_by: str
) -> dict:
    root = selection.scope.root
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "created_at": timezone.now().isoformat(),
        "created_by": created_by,
        "root_unit": {"pk": root.pk, "code": root.code, "name": root.name},
        "units_carried": [u.code for u in selection.scope.roots],
        "personal_data": selection.personal,
        "personal_models_omitted": selection.omitted,
        "files_included": include_files,
        "files": {"count": written.files, "bytes": written.file_bytes},
        "schema": schema(),
        "models": written.counts,
        "members": dict(sorted(members.items())),
    }

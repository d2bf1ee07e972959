"""Open an archive and check it before anything is written: a ZIP, a manifest of our format
and of a version this code reads, every member present with its SHA-256, no stray member,
no model or migration this code does not know."""

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from mattran.archive.errors import FORMAT_NAME, FORMAT_VERSION, MANIFEST, ArchiveError
from mattran.archive.registry import RULES

NOT_AN_ARCHIVE = "Tệp “{name}” không phải là bản lưu trữ Mattran"


@dataclass
class ModelPart:
    model: type
    label: str
    member: str
    rows: int
    lines: list[dict]


class ArchiveReader:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.name
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise ArchiveError(f"Không tìm thấy tệp “{self.name}”.") from exc
        except (zipfile.BadZipFile, OSError) as exc:
            raise ArchiveError(
                NOT_AN_ARCHIVE.format(name=self.name) + " (không đọc được tệp nén ZIP)."
            ) from exc
        self.manifest = self._manifest()
        self.members: dict[str, str] = self.manifest["members"]

    def close(self) -> None:
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _raw(self, member: str) -> bytes:
        try:
            return self.zip.read(member)
        except KeyError as exc:
            raise ArchiveError(f"Bản lưu trữ thiếu thành phần “{member}”.") from exc
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ArchiveError(f"Thành phần “{member}” của bản lưu trữ bị hỏng.") from exc

    def read(self, member: str) -> bytes:
        """A member listed in the manifest, checked against its SHA-256."""
        if member not in self.members:
            raise ArchiveError(f"Bản lưu trữ dùng thành phần “{member}” không khai báo.")
        data = self._raw(member)
        if hashlib.sha256(data).hexdigest() != self.members[member]:
            raise ArchiveError(
                f"Thành phần “{member}” đã bị thay đổi hoặc hỏng (mã SHA-256 không khớp): "
                "không nhập gì."
            )
        return data

    def _manifest(self) -> dict:
        if MANIFEST not in self.zip.namelist():
            raise ArchiveError(NOT_AN_ARCHIVE.format(name=self.name) + " (thiếu manifest.json).")
        try:
            manifest = json.loads(self._raw(MANIFEST).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ArchiveError(f"Tệp manifest.json của “{self.name}” bị hỏng.") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise ArchiveError(NOT_AN_ARCHIVE.format(name=self.name) + ".")
        version = manifest.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ArchiveError(
                f"Tệp manifest.json của “{self.name}” không ghi phiên bản định dạng."
            )
        if version > FORMAT_VERSION:
            raise ArchiveError(
                f"Bản lưu trữ theo định dạng phiên bản {version}, mới hơn phiên bản mà Mattran "
                f"này đọc được ({FORMAT_VERSION}). Hãy cập nhật Mattran rồi nhập lại."
            )
        shapes = {"members": dict, "models": list, "root_unit": dict, "schema": dict}
        for key, kind in shapes.items():
            if not isinstance(manifest.get(key), kind):
                raise ArchiveError(f"Tệp manifest.json của “{self.name}” thiếu mục “{key}”.")
        return manifest

    def verify(self) -> None:
        """Every member present and intact, nothing unlisted, a schema this code knows."""
        names = set(self.zip.namelist()) - {MANIFEST}
        stray = sorted(names - set(self.members))
        if stray:
            raise ArchiveError(
                f"Bản lưu trữ có thành phần không khai báo trong manifest.json: “{stray[0]}”."
            )
        for member in self.members:
            self.read(member)
        self._check_schema()

    def _check_schema(self) -> None:
        loader = MigrationLoader(None, ignore_no_migrations=True)
        for app, names in self.manifest["schema"].items():
            unknown = [n for n in names if (app, n) not in loader.disk_migrations]
            if unknown:
                raise ArchiveError(
                    f"Bản lưu trữ được tạo từ phiên bản Mattran mới hơn (cấu trúc dữ liệu "
                    f"“{app}/{unknown[0]}” chưa có ở đây). Hãy cập nhật Mattran rồi nhập lại."
                )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise ArchiveError(
                "Cơ sở dữ liệu chưa được cập nhật cấu trúc: hãy chạy `mattran migrate` trước."
            )

    def parts(self) -> list[ModelPart]:
        """The rows of each model, in the order they were written."""
        parts = []
        for entry in self.manifest["models"]:
            label = str(entry.get("model", ""))
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError) as exc:
                raise ArchiveError(
                    f"Bản lưu trữ có loại dữ liệu “{label}” mà phiên bản Mattran này không có."
                ) from exc
            if label not in RULES:
                raise ArchiveError(f"Loại dữ liệu “{label}” không được nhập từ bản lưu trữ.")
            member = str(entry.get("member", ""))
            lines = self._lines(member, label)
            if len(lines) != entry.get("rows"):
                raise ArchiveError(f"Số bản ghi trong “{member}” không khớp với manifest.json.")
            parts.append(ModelPart(model, label, member, len(lines), lines))
        return parts

    def _lines(self, member: str, label: str) -> list[dict]:
        lines = []
        text = self.read(member).decode("utf-8")
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ArchiveError(f"Dòng {number} của “{member}” bị hỏng.") from exc
            if (
                not isinstance(line, dict)
                or line.get("model") != label
                or "pk" not in line
                or not isinstance(line.get("fields"), dict)
            ):
                raise ArchiveError(f"Dòng {number} của “{member}” không đúng định dạng.")
            lines.append(line)
        return lines

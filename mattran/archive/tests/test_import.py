"""Importing an archive: exactly what was exported, all or nothing, never over existing data."""

import hashlib
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command

from mattran.archive.errors import ArchiveError
from mattran.archive.services import export_unit, import_archive
from mattran.archive.tests.world import archived_keys, build_archive_world, snapshot
from mattran.audit.models import AuditEntry
from mattran.households.models import HousePhoto
from mattran.programmes.models import Programme
from mattran.reporting.models import DataValue
from mattran.units.models import Unit, UnitKind
from mattran.units.services import create_unit


def flush() -> None:
    call_command("flush", interactive=False, verbosity=0, stdout=StringIO())


def rewrite(src, dst, *, manifest=None, members=None, drop=(), extra=None, rehash=True):
    """A copy of an archive with some members changed (their SHA-256 updated or not)."""
    with zipfile.ZipFile(src) as zin:
        data = {n: zin.read(n) for n in zin.namelist()}
    doc = json.loads(data.pop("manifest.json"))
    for name, change in (members or {}).items():
        data[name] = change(data[name])
        if rehash:
            doc["members"][name] = hashlib.sha256(data[name]).hexdigest()
    for name in drop:
        data.pop(name, None)
    if manifest:
        manifest(doc)
    with zipfile.ZipFile(dst, "w") as zout:
        for name, body in {**data, **(extra or {})}.items():
            zout.writestr(name, body)
        if "manifest.json" not in drop:
            zout.writestr("manifest.json", json.dumps(doc))
    return dst


def test_round_trip_gives_back_every_row_exactly(transactional_db, tmp_path):
    aw = build_archive_world()
    path = tmp_path / "tk.zip"
    export_unit(aw.city, path, include_personal_data=True)
    keys = archived_keys(path)
    before = snapshot(keys)
    assert sum(len(rows) for rows in before.values()) == sum(len(k) for k in keys.values())

    flush()
    assert not Unit.objects.exists()
    summary = import_archive(path)

    assert snapshot(keys) == before
    assert bytes(HousePhoto.objects.get().data) == aw.photo_bytes
    assert summary.root.code == aw.city.code
    assert summary.total == sum(len(k) for k in keys.values()) - summary.skipped
    entry = AuditEntry.objects.get(action="archive.import")
    assert entry.target_id == str(aw.city.pk) and entry.changes["file"] == "tk.zip"
    # New rows take ids after the imported ones.
    unit = create_unit(code="tk-new", name="Phường Mới", kind=UnitKind.WARD, parent=summary.root)
    assert unit.pk > max(keys["units.unit"])


def test_a_database_that_has_the_data_is_refused(db, tmp_path):
    aw = build_archive_world()
    export_unit(aw.wards[0], tmp_path / "w1.zip")
    entries = AuditEntry.objects.count()
    with pytest.raises(ArchiveError, match="Cơ sở dữ liệu đã có dữ liệu của bản lưu trữ này"):
        import_archive(tmp_path / "w1.zip")
    assert AuditEntry.objects.count() == entries


def test_wards_restored_one_by_one_share_their_references(transactional_db, tmp_path):
    aw = build_archive_world()
    export_unit(aw.wards[0], tmp_path / "w1.zip", include_personal_data=True)
    export_unit(aw.wards[1], tmp_path / "w2.zip", include_personal_data=True)
    w2_keys = archived_keys(tmp_path / "w2.zip")
    w2_owned = {k: v for k, v in w2_keys.items() if k == "reporting.datavalue"}
    before = snapshot(w2_owned)

    flush()
    import_archive(tmp_path / "w1.zip")
    summary = import_archive(tmp_path / "w2.zip")
    assert summary.skipped > 0  # the province, the city, its programme, the official's stub
    assert snapshot(w2_owned) == before
    assert set(DataValue.objects.values_list("unit__code", flat=True)) == {"tk-w1", "tk-w2"}

    flush()
    import_archive(tmp_path / "w1.zip")
    Programme.objects.update(title="Chương trình đã sửa")
    with pytest.raises(ArchiveError, match="khác với dữ liệu đang có"):
        import_archive(tmp_path / "w2.zip")
    assert not DataValue.objects.filter(unit__code="tk-w2").exists()


def _negative(body: bytes) -> bytes:
    lines = [json.loads(line) for line in body.decode().splitlines()]
    lines[-1]["fields"]["number"] = "-5"
    return ("\n".join(json.dumps(line) for line in lines) + "\n").encode()


def _without_units(body: bytes) -> bytes:
    return body.decode().splitlines()[0].encode() + b"\n"


def _newer_format(doc):
    doc["format_version"] = 99


def _newer_schema(doc):
    doc["schema"]["units"] = ["0001_initial", "0099_future"]


CORRUPTIONS = [
    ("not a zip", "không đọc được tệp nén ZIP"),
    ("no manifest", "thiếu manifest.json"),
    ("tampered", "SHA-256 không khớp"),
    ("newer format", "phiên bản 99, mới hơn"),
    ("newer schema", "phiên bản Mattran mới hơn"),
    ("stray member", "không khai báo trong manifest.json"),
    ("broken line", "Dòng 1 của “data/reporting.datavalue.jsonl” bị hỏng"),
    ("negative figure", "mâu thuẫn với cơ sở dữ liệu"),  # fails in the database, midway
    ("missing unit", "mâu thuẫn với cơ sở dữ liệu"),  # a foreign key left dangling
    ("row count", "không khớp với manifest.json"),
]


def test_a_broken_archive_is_refused_with_a_message_and_nothing_is_imported(
    transactional_db, tmp_path
):
    aw = build_archive_world()
    good = tmp_path / "good.zip"
    export_unit(aw.city, good, include_personal_data=True)
    values, units = "data/reporting.datavalue.jsonl", "data/units.unit.jsonl"
    flush()

    def make(case: str):
        bad = tmp_path / f"{case}.zip"
        if case == "not a zip":
            bad.write_bytes(b"PK\x03\x04 this is not really a zip")
            return bad
        changes = {
            "no manifest": {"drop": ["manifest.json"]},
            "tampered": {"members": {values: _negative}, "rehash": False},
            "newer format": {"manifest": _newer_format},
            "newer schema": {"manifest": _newer_schema},
            "stray member": {"extra": {"files/ghost.txt": b"boo"}},
            "broken line": {"members": {values: lambda b: b"{not json\n" + b}},
            "negative figure": {"members": {values: _negative}},
            "missing unit": {
                "members": {units: _without_units},
                "manifest": lambda d: [
                    m.update(rows=1) for m in d["models"] if m["model"] == "units.unit"
                ],
            },
            "row count": {
                "manifest": lambda d: [
                    m.update(rows=m["rows"] + 1)
                    for m in d["models"]
                    if m["model"] == "reporting.datavalue"
                ]
            },
        }[case]
        return rewrite(good, bad, **changes)

    for case, message in CORRUPTIONS:
        with pytest.raises(ArchiveError) as caught:
            import_archive(make(case))
        assert message in caught.value.message, (case, caught.value.message)
        assert not Unit.objects.exists(), case
        assert not AuditEntry.objects.exists(), case

    import_archive(good)  # the good one still loads after all that
    assert Unit.objects.count() == 1 + 1 + 3 + 3 * 2

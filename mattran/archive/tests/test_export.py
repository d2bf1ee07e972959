"""What an archive holds: a committee's rows and the references they need, nothing of
another ward, personal data only when asked, every member with its SHA-256."""

import hashlib
import json
import zipfile
from datetime import date

import pytest
from django.contrib.auth.hashers import is_password_usable

from mattran.archive.errors import FORMAT_NAME, FORMAT_VERSION, ArchiveError
from mattran.archive.services import export_unit
from mattran.archive.tests.world import archive_lines, build_archive_world
from mattran.audit.models import AuditEntry
from mattran.households.models import HouseholdAccess
from mattran.reporting.models import DataValue
from mattran.testing import put
from mattran.units.models import Unit, UnitKind
from mattran.units.services import merge_units


@pytest.fixture
def aw(db):
    return build_archive_world()


def _units_in(lines: dict) -> set[int]:
    return {line["pk"] for line in lines["units.unit"]}


def test_ward_archive_holds_its_data_and_nothing_of_another_ward(aw, tmp_path):
    w1, w2 = aw.wards[0], aw.wards[1]
    export_unit(w1, tmp_path / "w1.zip", include_personal_data=True)
    lines = archive_lines(tmp_path / "w1.zip")

    other = set(Unit.objects.subtree(w2).values_list("pk", flat=True))
    assert _units_in(lines) == {
        *Unit.objects.subtree(w1).values_list("pk", flat=True),
        aw.city.pk,
        aw.world.city.province.pk,
    }
    # No row of any model points at a unit of the other ward.
    for label, rows in lines.items():
        for row in rows:
            for name, value in row["fields"].items():
                if name in {"unit", "owner", "area", "organiser", "recipient_unit", "successor"}:
                    assert value not in other, (label, row["pk"], name)
    values = {row["pk"] for row in lines["reporting.datavalue"]}
    assert values == set(DataValue.objects.filter(unit=w1).values_list("pk", flat=True))
    assert {row["fields"]["unit"] for row in lines["activities.activity"]} == {w1.pk}
    assert {row["fields"]["username"] for row in lines["accounts.user"]} == {
        "w1_clerk",
        "w1_viewer",
        "city_admin",  # decided the ward's report: a stub
    }


def test_the_city_programme_and_outside_users_come_as_references(aw, tmp_path):
    export_unit(aw.wards[0], tmp_path / "w1.zip")
    lines = archive_lines(tmp_path / "w1.zip")

    programme = lines["programmes.programme"]
    assert [(row["pk"], row.get("role")) for row in programme] == [
        (aw.world.programme.pk, "reference")
    ]
    assert len(lines["programmes.target"]) == 4  # the programme comes whole
    city_unit = next(row for row in lines["units.unit"] if row["pk"] == aw.city.pk)
    assert city_unit["role"] == "reference"
    admin = next(r for r in lines["accounts.user"] if r["fields"]["username"] == "city_admin")
    assert admin["role"] == "stub"
    assert not is_password_usable(admin["fields"]["password"])
    assert admin["fields"]["is_active"] is False
    assert admin["fields"]["email"] == ""
    clerk = next(r for r in lines["accounts.user"] if r["fields"]["username"] == "w1_clerk")
    assert "role" not in clerk and is_password_usable(clerk["fields"]["password"])
    # The ward's transfer in points at the city's transfer out: that one entry comes along.
    entries = {row["pk"]: row for row in lines["funds.entry"]}
    transfer_in = next(r for r in entries.values() if r["fields"]["kind"] == "transfer_in")
    assert entries[transfer_in["fields"]["counterpart"]]["role"] == "reference"


def test_personal_data_is_left_out_unless_asked_for(aw, tmp_path):
    summary = export_unit(aw.wards[0], tmp_path / "masked.zip")
    lines = archive_lines(tmp_path / "masked.zip")
    assert "households.household" not in lines
    assert "households.housephoto" not in lines
    assert "hộ gia đình" in summary.omitted
    petition = lines["voice.petition"][0]["fields"]
    assert petition["citizen_name"] == "" and petition["citizen_contact"] == ""
    spent = [r for r in lines["funds.entry"] if r["fields"]["kind"] == "disbursement"]
    assert spent and all(r["fields"]["beneficiary"] == "" for r in spent)
    with zipfile.ZipFile(tmp_path / "masked.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["personal_data"] is False
        assert "Lê Văn Hùng" not in b"".join(zf.read(n) for n in zf.namelist()).decode()

    export_unit(aw.wards[0], tmp_path / "full.zip", include_personal_data=True)
    lines = archive_lines(tmp_path / "full.zip")
    assert lines["voice.petition"][0]["fields"]["citizen_name"] == "Lê Văn Hùng"
    assert len(lines["households.household"]) == 1


def test_manifest_lists_every_member_with_its_sha256_and_files_go_under_files(aw, tmp_path):
    summary = export_unit(aw.wards[0], tmp_path / "w1.zip", include_personal_data=True)
    with zipfile.ZipFile(tmp_path / "w1.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist()) - {"manifest.json"}
        assert names == set(manifest["members"])
        for name in names:
            assert hashlib.sha256(zf.read(name)).hexdigest() == manifest["members"][name]
        photo_member = next(n for n in names if n.startswith("files/households.housephoto/"))
        assert photo_member.endswith("/data/ban-giao.png")
        assert zf.read(photo_member) == aw.photo_bytes
        assert any(n.endswith("/evidence_data/bien-ban.pdf") for n in names)
        assert any(n.startswith("files/documents.generatedfile/") for n in names)
    assert manifest["format"] == FORMAT_NAME and manifest["format_version"] == FORMAT_VERSION
    assert manifest["root_unit"]["code"] == aw.wards[0].code
    assert {"units", "reporting", "households"} <= set(manifest["schema"])
    assert all(name[:4].isdigit() for names in manifest["schema"].values() for name in names)
    counts = {m["model"]: m["rows"] for m in manifest["models"]}
    assert counts["reporting.datavalue"] == 2
    assert summary.files == manifest["files"]["count"] == 5  # photo, evidence ×2, docx, upload


def test_without_files_the_rows_keep_their_metadata(aw, tmp_path):
    export_unit(aw.wards[0], tmp_path / "w1.zip", include_files=False, include_personal_data=True)
    with zipfile.ZipFile(tmp_path / "w1.zip") as zf:
        assert not [n for n in zf.namelist() if n.startswith("files/")]
    photo = archive_lines(tmp_path / "w1.zip")["households.housephoto"][0]["fields"]
    assert photo["name"] == "ban-giao.png"
    assert photo["data"] == {"file": None, "size": len(aw.photo_bytes)}


def test_a_merged_ward_carries_its_predecessors_data(aw, tmp_path):
    w1, w2, w3 = aw.wards
    put(aw.world.indicators["houses"], w3, "2024-04", number=4)
    merged = merge_units(
        [w2, w3],
        code="tk-w23",
        name="Phường Hòa Xuân",
        kind=UnitKind.WARD,
        parent=aw.city,
        effective_on=date(2025, 1, 1),
        carry_children=True,
    )
    export_unit(merged, tmp_path / "merged.zip")
    lines = archive_lines(tmp_path / "merged.zip")
    owned_units = {r["pk"] for r in lines["units.unit"] if "role" not in r}
    assert {w2.pk, w3.pk, merged.pk} <= owned_units
    assert w1.pk not in _units_in(lines)
    assert {r["fields"]["unit"] for r in lines["reporting.datavalue"]} == {w2.pk, w3.pk}
    assert len(lines["units.unitsuccession"]) == 2 + 2 * 2  # wards, and their two areas each


def test_export_is_audited_and_reading_households_is_logged(aw, tmp_path):
    export_unit(
        aw.wards[0],
        tmp_path / "w1.zip",
        include_personal_data=True,
        actor=aw.world.users["w1_clerk"],
    )
    entry = AuditEntry.objects.filter(action="archive.export").get()
    assert entry.target_id == str(aw.wards[0].pk)
    assert entry.changes["personal_data"] is True
    access = HouseholdAccess.objects.get(action="export")
    assert access.personal and access.user.username == "w1_clerk"


def test_a_file_that_cannot_be_written_is_a_vietnamese_error(aw, tmp_path):
    with pytest.raises(ArchiveError, match="Không ghi được tệp"):
        export_unit(aw.wards[0], tmp_path / "no-such-dir" / "w1.zip")

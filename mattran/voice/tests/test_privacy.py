"""Citizens' names and contacts (Nghị định 13/2023/NĐ-CP): seen by the recording unit and
those it grants, masked for everyone else, every view logged, never in the audit trail."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from mattran.audit.models import AuditEntry
from mattran.documents.models import GeneratedFile
from mattran.voice.exports import export_petitions
from mattran.voice.privacy import VIEWED, grant_access, reveal, revoke_access
from mattran.voice.records import save_item
from mattran.voice.tests.conftest import PETITION, meeting, petition

NAME, CONTACT = "Ông Nguyễn Văn Lộc", "Tổ 5, khối phố 3"


@pytest.fixture
def asked(world):
    held = meeting(world.w1, actor=world.users["w1_clerk"])
    world.petition = petition(
        held, actor=world.users["w1_clerk"], citizen_name=NAME, citizen_contact=CONTACT
    )
    world.anonymous = petition(held, content="Đề nghị sửa đèn đường")
    return world


def viewed(world):
    return AuditEntry.objects.filter(action=VIEWED)


def test_the_recording_unit_reads_the_names_and_each_view_is_logged(asked):
    w = asked
    rows = reveal([w.petition, w.anonymous], w.users["w1_viewer"], where="test")
    assert (rows[0].citizen_shown, rows[0].contact_shown) == (NAME, CONTACT)
    assert rows[1].citizen_shown == ""  # nothing personal: nothing to log
    entry = viewed(w).get()
    assert entry.actor == w.users["w1_viewer"] and entry.target_id == str(w.petition.pk)
    assert entry.changes == {"where": "test", "fields": ["citizen_name", "citizen_contact"]}


def test_committees_above_see_the_petition_but_not_the_citizen(asked):
    w = asked
    row = reveal([w.petition], w.users["city_admin"], where="test")[0]
    assert (row.citizen_shown, row.contact_shown) == ("(đã ẩn)", "(đã ẩn)")
    assert row.content and row.forwarded_to and row.status
    assert not viewed(w).exists()


def test_a_grant_from_the_wards_administrator_opens_the_names_until_it_ends(asked):
    w = asked
    ward_admin = w.users["w2_admin"]  # an administrator of another ward cannot grant
    with pytest.raises(PermissionDenied):
        grant_access(
            unit=w.w1,
            user=w.users["city_admin"],
            reason="x",
            valid_until=date.today(),
            actor=ward_admin,
        )
    with pytest.raises(PermissionDenied):  # nor can the city grant itself
        grant_access(
            unit=w.w1,
            user=w.users["city_admin"],
            reason="x",
            valid_until=date.today(),
            actor=w.users["city_admin"],
        )
    with pytest.raises(ValidationError) as exc:  # only users of the committees above
        grant_access(unit=w.w1, user=w.users["w2_clerk"], reason="", valid_until=date.today())
    assert set(exc.value.message_dict) == {"user", "reason"}
    grant = grant_access(
        unit=w.w1, user=w.users["city_admin"], reason="Theo dõi trả lời", valid_until=date.today()
    )
    assert reveal([w.petition], w.users["city_admin"], where="t")[0].citizen_shown == NAME
    revoke_access(grant=grant)
    assert reveal([w.petition], w.users["city_admin"], where="t")[0].citizen_shown == "(đã ẩn)"
    grant_access(unit=w.w1, user=w.users["city_admin"], reason="Theo dõi", valid_until=date.today())
    with pytest.raises(ValidationError, match="phải từ hôm nay"):
        grant_access(
            unit=w.w1,
            user=w.users["city_admin"],
            reason="Theo dõi",
            valid_until=date.today() - timedelta(days=1),
        )


def test_names_never_reach_the_audit_trail(asked):
    w = asked
    save_item(
        spec=PETITION,
        parent=w.petition.meeting,
        item=w.petition,
        fields={"citizen_contact": "Tổ 6, khối phố 3"},
        actor=w.users["w1_clerk"],
    )
    trail = " ".join(str(e.changes) + e.target_repr for e in AuditEntry.objects.all())
    assert NAME not in trail and "khối phố 3" not in trail
    assert "(thông tin cá nhân đã thay đổi)" in trail


def test_someone_above_may_record_the_answer_but_not_the_citizen(asked):
    w = asked
    answer = {"response": "Đã sửa", "responded_on": date(2024, 9, 2), "satisfied": "yes"}
    save_item(
        spec=PETITION,
        parent=w.petition.meeting,
        item=w.petition,
        fields=answer,
        actor=w.users["city_admin"],
    )
    w.petition.refresh_from_db()
    assert w.petition.citizen_name == NAME and w.petition.status == "answered"
    with pytest.raises(PermissionDenied):
        save_item(
            spec=PETITION,
            parent=w.petition.meeting,
            item=w.petition,
            fields={"citizen_name": "Người khác"},
            actor=w.users["city_admin"],
        )


def test_a_masked_export_is_kept_an_export_with_names_is_handed_over_once(asked):
    w = asked
    rows = [w.petition, w.anonymous]
    masked = export_petitions(
        unit=w.w1, petitions=rows, title="=DANH SÁCH", actor=w.users["w1_clerk"]
    )
    sheet = load_workbook(BytesIO(masked.data)).active
    assert sheet["A1"].value == "'=DANH SÁCH"  # safe_cell
    assert sheet["G5"].value == "(đã ẩn)" and sheet["L5"].value == "Quá hạn"
    assert masked.generated is not None and GeneratedFile.objects.count() == 1
    full = export_petitions(
        unit=w.w1, petitions=rows, title="Danh sách", actor=w.users["w1_clerk"], with_personal=True
    )
    sheet = load_workbook(BytesIO(full.data)).active
    assert (sheet["G5"].value, sheet["H5"].value) == (NAME, CONTACT)
    assert full.generated is None and GeneratedFile.objects.count() == 1
    assert viewed(w).filter(changes__where="xlsx").count() == 1
    above = export_petitions(
        unit=w.w1,
        petitions=rows,
        title="Danh sách",
        actor=w.users["city_admin"],
        with_personal=True,
    )
    assert load_workbook(BytesIO(above.data)).active["G5"].value == "(đã ẩn)"
    assert above.generated is not None


def test_pages_mask_and_log_as_the_services_do(client, asked):
    w = asked
    url = reverse("voice:record", args=[w.w1.code, "meetings", w.petition.meeting_id])
    client.force_login(w.users["city_admin"])
    page = client.get(url).content.decode()
    assert NAME not in page and "(đã ẩn)" in page and "Đề nghị nâng cấp tuyến đường" in page
    edit = reverse(
        "voice:item_edit",
        args=[w.w1.code, "meetings", w.petition.meeting_id, "petitions", w.petition.pk],
    )
    form = client.get(edit).content.decode()
    assert NAME not in form and 'name="citizen_name"' not in form
    for where in ("petitions", "overdue"):
        listing = client.get(reverse(f"voice:{where}", args=["tk"])).content.decode()
        assert NAME not in listing and "(đã ẩn)" in listing
    assert not viewed(w).exists()
    client.force_login(w.users["w1_clerk"])
    assert NAME in client.get(url).content.decode()
    assert NAME in client.get(edit).content.decode()
    overdue = client.get(reverse("voice:overdue", args=[w.w1.code])).content.decode()
    assert NAME in overdue and "quá" in overdue
    assert list(viewed(w).order_by("pk").values_list("changes__where", flat=True)) == [
        f"meetings:{w.petition.meeting_id}",
        f"meetings:{w.petition.meeting_id}:edit",
        "overdue",
    ]

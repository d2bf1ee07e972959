"""The pages: a clerk records a supervision and follows up its recommendations; bad input
comes back with Vietnamese messages and nothing lost; lists cost the same few queries
however many records they show; overdue petitions are flagged."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mattran.activities.models import Activity
from mattran.documents.models import GeneratedFile
from mattran.voice.models import Recommendation, Supervision
from mattran.voice.tests.conftest import dialogue, meeting, petition, supervision

FORM = {
    "kind": "thematic",
    "title": "Giám sát việc thực hiện chính sách hỗ trợ hộ nghèo",
    "subject": "UBND phường An Mỹ",
    "started_on": "05/08/2024",
    "ended_on": "6/8/2024",
    "members": "Phó Chủ tịch Ủy ban MTTQ — Trưởng đoàn\nĐại diện Hội Nông dân",
    "conclusions": "",
    "link": "mattrantamky.vn/tin/giam-sat",
    "note": "",
}


def test_a_clerk_records_a_supervision_and_its_recommendation(client, world):
    client.force_login(world.users["w1_clerk"])
    new = reverse("voice:record_new", args=[world.w1.code, "supervisions"])
    page = client.get(new).content.decode()
    assert 'placeholder="dd/mm/yyyy"' in page and 'type="date"' not in page
    response = client.post(new, FORM)
    record = Supervision.objects.get()
    assert response.url == reverse("voice:record", args=[world.w1.code, "supervisions", record.pk])
    assert (record.started_on, record.ended_on) == (date(2024, 8, 5), date(2024, 8, 6))
    assert record.link == "https://mattrantamky.vn/tin/giam-sat"
    page = client.get(response.url).content.decode()
    assert "Đã tính trong báo cáo tháng 8/2024" in page and "Trưởng đoàn" in page
    add = reverse(
        "voice:item_add", args=[world.w1.code, "supervisions", record.pk, "recommendations"]
    )
    response = client.post(
        add,
        {
            "recommendations-text": "Công khai danh sách hộ vay",
            "recommendations-addressed_to": "UBND phường",
            "recommendations-status": "done",
        },
    )
    assert response.status_code == 200  # back on the record's page, the form kept
    text = response.content.decode()
    assert "Cần ghi ngày cơ quan phản hồi." in text and "Công khai danh sách hộ vay" in text
    assert not Recommendation.objects.exists()
    response = client.post(
        add,
        {
            "recommendations-text": "Công khai danh sách hộ vay",
            "recommendations-addressed_to": "UBND phường",
            "recommendations-status": "pending",
        },
    )
    assert response.status_code == 302 and response.url.endswith("#recommendations")
    rec = Recommendation.objects.get()
    edit = reverse(
        "voice:item_edit",
        args=[world.w1.code, "supervisions", record.pk, "recommendations", rec.pk],
    )
    client.post(
        edit,
        {
            "text": rec.text,
            "addressed_to": rec.addressed_to,
            "status": "done",
            "response": "Đã niêm yết",
            "responded_on": "02/09/2024",
        },
    )
    rec.refresh_from_db()
    assert rec.status == "done" and rec.responded_on == date(2024, 9, 2)


def test_a_date_typed_the_wrong_way_is_explained_and_the_form_kept(client, world):
    client.force_login(world.users["w1_clerk"])
    new = reverse("voice:record_new", args=[world.w1.code, "supervisions"])
    response = client.post(new, {**FORM, "started_on": "2024-13-05"})
    text = response.content.decode()
    assert "Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 15/08/2024." in text
    assert 'value="2024-13-05"' in text and "Giám sát việc thực hiện chính sách" in text
    response = client.post(new, {**FORM, "ended_on": "01/08/2024"})
    assert "Ngày kết thúc giám sát không được trước ngày 05/08/2024." in response.content.decode()
    assert not Supervision.objects.exists() and not Activity.objects.exists()


def test_editing_keeps_the_activity_in_step_and_deleting_removes_both(client, world):
    record = supervision(world.w1)
    client.force_login(world.users["w1_clerk"])
    edit = reverse("voice:record_edit", args=[world.w1.code, "supervisions", record.pk])
    page = client.get(edit).content.decode()
    assert 'value="12/08/2024"' in page
    client.post(edit, {**FORM, "title": "Giám sát tín dụng chính sách xã hội"})
    record.activity.refresh_from_db()
    assert record.activity.title == "Giám sát tín dụng chính sách xã hội"
    delete = reverse("voice:record_delete", args=[world.w1.code, "supervisions", record.pk])
    assert client.post(delete).status_code == 302
    assert not Supervision.objects.exists() and not Activity.objects.exists()


def test_a_viewer_reads_but_cannot_write(client, world):
    record = supervision(world.w1)
    client.force_login(world.users["w1_viewer"])
    page = client.get(reverse("voice:record", args=[world.w1.code, "supervisions", record.pk]))
    assert page.status_code == 200 and "Thêm kiến nghị" not in page.content.decode()
    assert (
        client.get(reverse("voice:record_new", args=[world.w1.code, "meetings"])).status_code == 403
    )
    assert (
        client.post(
            reverse("voice:record_delete", args=[world.w1.code, "supervisions", record.pk])
        ).status_code
        == 403
    )
    assert Supervision.objects.exists()


def test_overdue_petitions_are_flagged_in_the_lists_and_counted_on_the_overview(client, world):
    held = meeting(world.w1)
    petition(held)  # deadline 14/09/2024, unanswered
    petition(held, content="Đề nghị sửa đèn", response="Đã sửa", responded_on=date(2024, 9, 1))
    client.force_login(world.users["city_admin"])
    listing = client.get(reverse("voice:petitions", args=["tk"]), {"year": 2024})
    text = listing.content.decode()
    assert text.count('class="v-overdue"') == 1 and "Quá hạn" in text and "Đã trả lời" in text
    overview = client.get(reverse("voice:index", args=["tk"])).content.decode()
    assert "01 kiến nghị quá hạn" in overview
    meetings = client.get(reverse("voice:records", args=["tk", "meetings"])).content.decode()
    assert "01/02 kiến nghị đã trả lời" in meetings and "01 quá hạn" in meetings
    export = client.post(reverse("voice:petitions_export", args=["tk"]), {"overdue": "1"})
    assert export["Content-Disposition"].startswith('attachment; filename="kien-nghi-cu-tri-tk')
    assert GeneratedFile.objects.get().unit == world.city.city


def test_list_pages_cost_the_same_whatever_the_number_of_records(client, world):
    client.force_login(world.users["city_admin"])
    urls = [
        reverse("voice:records", args=["tk", kind])
        for kind in ("supervisions", "dialogues", "meetings")
    ]
    urls += [
        reverse("voice:petitions", args=["tk"]),
        reverse("voice:overdue", args=["tk"]),
        reverse("voice:index", args=["tk"]),
    ]

    def costs():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, {"year": 2024}).status_code == 200
            found.append(len(queries))
        return found

    for ward in world.city.wards:
        supervision(ward)
        dialogue(ward)
        petition(meeting(ward))
    few = costs()
    for ward in world.city.wards:
        for area in world.city.areas[ward.code]:
            supervision(area)
            dialogue(area)
            petition(meeting(area))
    assert costs() == few


def test_the_month_table_reads_the_records_of_the_year(client, world):
    supervision(world.w1, day=date(2024, 8, 5))
    dialogue(world.w2, kind="forum", day=date(2024, 3, 2))
    client.force_login(world.users["city_admin"])
    page = client.get(reverse("voice:index", args=["tk"]), {"year": "2024"}).content.decode()
    assert "Tháng 8/2024" in page and "Tháng 3/2024" in page
    assert client.get(reverse("voice:index", args=["tk"]), {"year": "abc"}).status_code == 200


def test_a_dialogue_entered_on_the_activities_page_is_adopted_not_counted_twice(client, world):
    from mattran.activities.services import record_activity
    from mattran.voice.activity_link import activity_type

    entered = record_activity(
        unit=world.w1, type=activity_type("dialogue"), date=date(2024, 8, 3), title="Đối thoại"
    )
    client.force_login(world.users["w1_clerk"])
    new = reverse("voice:record_new", args=[world.w1.code, "dialogues"])
    assert "Đã ghi ở trang Hoạt động?" in client.get(new).content.decode()
    data = {
        "kind": "forum",
        "title": "Đối thoại với thanh niên",
        "held_on": "03/08/2024",
        "hosts": "Bí thư Đảng ủy",
        "participants": "Thanh niên",
        "activity": entered.pk,
    }
    response = client.post(new, data)
    assert "thuộc loại “Đối thoại trực tiếp”, không phải “Diễn đàn Nhân dân”" in (
        response.content.decode()
    )
    response = client.post(new, {**data, "kind": "dialogue"})
    assert response.status_code == 302
    assert Activity.objects.count() == 1
    entered.refresh_from_db()
    assert entered.title == "Đối thoại với thanh niên"


def test_the_wards_administrator_lets_the_city_read_its_citizens(client, world):
    from mattran.voice.models import PetitionAccessGrant

    url = reverse("voice:grants", args=[world.w2.code])
    client.force_login(world.users["w2_clerk"])
    assert "Cho phép xem" not in client.get(url).content.decode()
    assert client.post(url, {"user": world.users["city_admin"].pk}).status_code == 403
    client.force_login(world.users["w2_admin"])
    page = client.get(url).content.decode()
    assert "city_admin" in page and "w1_clerk" not in page
    response = client.post(
        url, {"user": world.users["city_admin"].pk, "reason": "", "valid_until": "31/12/2099"}
    )
    assert "This field is required" not in response.content.decode()
    assert not PetitionAccessGrant.objects.exists()
    client.post(
        url,
        {
            "user": world.users["city_admin"].pk,
            "reason": "Theo dõi trả lời",
            "valid_until": "31/12/2099",
        },
    )
    grant = PetitionAccessGrant.objects.get()
    assert grant.granted_by == world.users["w2_admin"] and grant.is_active()
    client.post(reverse("voice:grant_revoke", args=[world.w2.code, grant.pk]))
    grant.refresh_from_db()
    assert not grant.is_active()

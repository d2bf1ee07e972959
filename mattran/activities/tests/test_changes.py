"""Changing and listing activities: an update recounts the months it moves between, an
activity a register keeps (a supervision's) is changed only through its record, and the
month's list downloads as the page shows it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mattran.activities.models import Activity, ActivityType
from mattran.activities.services import record_activity, update_activity
from mattran.audit.models import AuditEntry
from mattran.core.tests.workbooks import read_table
from mattran.reporting.models import DataValue, Period
from mattran.reporting.workflow import submission_for, submit_report
from mattran.testing import build_world
from mattran.voice.kinds import KINDS
from mattran.voice.records import save_record


@pytest.fixture
def world(db):
    return build_world()


def supervise(ward, day, title="Giám sát chính sách hỗ trợ hộ nghèo"):
    return record_activity(unit=ward, type=ActivityType.objects.get(), date=day, title=title)


def counted(world, ward, month) -> int | None:
    value = DataValue.objects.filter(
        indicator=world.indicators["supervisions"], unit=ward, period__code=month
    ).first()
    return int(value.number) if value else None


def register_supervision(ward):
    fields = {
        "kind": "thematic",
        "title": "Giám sát thực hiện tín dụng chính sách",
        "subject": "UBND phường",
        "started_on": date(2024, 8, 12),
    }
    return save_record(kind=KINDS["supervisions"], unit=ward, fields=fields).activity


def test_moving_an_activity_recounts_both_months(world):
    ward = world.city.wards[0]
    activity = supervise(ward, date(2024, 7, 5))
    supervise(ward, date(2024, 7, 20))
    assert counted(world, ward, "2024-07") == 2
    clerk = world.users["w1_clerk"]
    update_activity(activity=activity, actor=clerk, date=date(2024, 8, 2), title="Giám sát lại")
    assert (counted(world, ward, "2024-07"), counted(world, ward, "2024-08")) == (1, 1)
    entry = AuditEntry.objects.filter(action="activity.update").get()
    assert entry.changes["title"] == ["Giám sát chính sách hỗ trợ hộ nghèo", "Giám sát lại"]


def test_a_new_title_in_a_submitted_month_needs_no_recount(world):
    ward = world.city.wards[0]
    activity = supervise(ward, date(2024, 8, 5))
    period = Period.objects.for_code("2024-08")
    submit_report(submission=submission_for(world.programme, ward, period), actor=None)
    update_activity(activity=activity, title="Giám sát chuyên đề về tín dụng")
    assert Activity.objects.get().title == "Giám sát chuyên đề về tín dụng"
    with pytest.raises(ValidationError) as exc:
        update_activity(activity=activity, date=date(2024, 7, 31))
    assert "đã nộp" in " ".join(exc.value.messages)
    assert Activity.objects.get().date == date(2024, 8, 5)


def test_updates_are_checked_like_new_activities(world):
    ward = world.city.wards[0]
    activity = supervise(ward, date(2024, 8, 5))
    with pytest.raises(ValidationError) as exc:
        update_activity(activity=activity, title="  ")
    assert exc.value.message_dict == {"title": ["Cần ghi tên hoạt động."]}
    with pytest.raises(PermissionDenied):
        update_activity(activity=activity, actor=world.users["w2_clerk"], title="Khác")
    assert Activity.objects.get().title == "Giám sát chính sách hỗ trợ hộ nghèo"


def test_an_activity_kept_by_a_supervision_record_is_changed_only_there(client, world):
    ward = world.city.wards[0]
    activity = register_supervision(ward)
    with pytest.raises(ValidationError) as exc:
        update_activity(activity=activity, title="Đổi tên")
    message = exc.value.messages[0]
    assert message.startswith("Hoạt động này được ghi từ hồ sơ cuộc giám sát “Giám sát thực")
    client.force_login(world.users["w1_clerk"])
    page = client.get(reverse("activities:list", args=[ward.code]) + "?month=2024-08")
    assert "Ghi từ hồ sơ cuộc giám sát" in page.content.decode()
    url = reverse("activities:delete", args=[ward.code, activity.pk])
    response = client.post(url, follow=True)
    assert message in response.content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert counted(world, ward, "2024-08") == 1


def test_the_month_downloads_as_the_page_lists_it(client, world):
    w1, w2 = world.city.wards[:2]
    supervise(w1, date(2024, 8, 5), title="=Giám sát")
    supervise(w2, date(2024, 8, 9))
    supervise(w1, date(2024, 7, 9))
    register_supervision(w1)
    client.force_login(world.users["city_admin"])
    response = client.get(reverse("activities:list_xlsx", args=["tk"]) + "?month=2024-08")
    table = read_table(response.content)
    assert table.notes[0] == "HOẠT ĐỘNG THÁNG 8/2024 — THÀNH PHỐ TAM KỲ"
    assert [(r[0].day, r[1], r[3]) for r in table.rows] == [
        (12, "Phường An Mỹ", "Giám sát thực hiện tín dụng chính sách"),
        (9, "Phường An Phú", "Giám sát chính sách hỗ trợ hộ nghèo"),
        (5, "Phường An Mỹ", "'=Giám sát"),
    ]
    assert table.rows[0][-1].startswith("cuộc giám sát “Giám sát thực hiện")
    page = client.get(reverse("activities:list", args=["tk"]) + "?month=2024-08").content.decode()
    assert 'href="/units/tk/activities/xlsx/?month=2024-08"' in page
    client.force_login(world.users["w2_clerk"])
    mine = client.get(reverse("activities:list_xlsx", args=["tk-w2"]) + "?month=2024-08")
    assert read_table(mine.content).column("Đơn vị") == ["Phường An Phú"]

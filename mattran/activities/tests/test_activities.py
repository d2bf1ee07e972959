from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mattran.activities.models import Activity, ActivityType
from mattran.activities.services import delete_activity, record_activity
from mattran.reporting.models import DataValue, Period
from mattran.reporting.workflow import submission_for, submit_report
from mattran.testing import build_world


@pytest.fixture
def world(db):
    return build_world()


def supervise(world, ward, day, actor=None):
    return record_activity(
        unit=ward,
        actor=actor,
        type=ActivityType.objects.get(),
        date=day,
        title="Giám sát thực hiện chính sách hỗ trợ hộ nghèo",
    )


def test_recorded_supervisions_feed_the_indicator_of_their_month(world):
    ward = world.city.wards[0]
    supervise(world, ward, date(2024, 8, 5))
    second = supervise(world, ward, date(2024, 8, 20))
    value = DataValue.objects.get(indicator=world.indicators["supervisions"], unit=ward)
    assert value.number == 2 and value.period.code == "2024-08"
    assert "Tính tự động từ 2 hoạt động" in value.note
    delete_activity(activity=second)
    value.refresh_from_db()
    assert value.number == 1


def test_bad_activities_are_refused_in_vietnamese(world):
    ward = world.city.wards[0]
    with pytest.raises(ValidationError) as exc:
        supervise(world, ward, date.today() + timedelta(days=3))
    assert "không được sau ngày hôm nay" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        record_activity(
            unit=ward, type=ActivityType.objects.get(), date=date(2024, 8, 1), title="  "
        )
    assert "Cần ghi tên hoạt động" in str(exc.value)
    assert not Activity.objects.exists()


def test_an_activity_cannot_change_a_submitted_month(world):
    ward = world.city.wards[0]
    supervise(world, ward, date(2024, 8, 5))
    period = Period.objects.for_code("2024-08")
    submit_report(submission=submission_for(world.programme, ward, period), actor=None)
    with pytest.raises(ValidationError) as exc:
        supervise(world, ward, date(2024, 8, 9))
    assert "đã nộp" in str(exc.value)
    assert Activity.objects.count() == 1


def test_the_activities_page_records_and_lists(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    url = reverse("activities:list", args=[ward.code])
    response = client.post(
        url,
        {
            "type": ActivityType.objects.get().pk,
            "date": "2024-08-05",
            "title": "Giám sát tín dụng chính sách",
            "amount": "60.000.000",
            "link": "https://mattrantamky.vn/tin/1",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Đã ghi hoạt động." in page and "Giám sát tín dụng chính sách" in page
    assert Activity.objects.get().amount == 60_000_000
    page = client.post(
        url,
        {
            "type": ActivityType.objects.get().pk,
            "date": "2024-08-05",
            "title": "Sai số tiền",
            "amount": "sáu mươi",
        },
    ).content.decode()
    assert "“sáu mươi” không phải là số hợp lệ." in page
    assert Activity.objects.count() == 1

"""Records are the activities the monthly report and the area-III indicators count: created,
moved, adopted and removed with them, never twice."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mattran.activities.models import Activity, ActivityType
from mattran.activities.services import delete_activity, record_activity
from mattran.audit.models import AuditEntry
from mattran.reporting.models import DataValue, Period
from mattran.reporting.workflow import submission_for, submit_report
from mattran.testing import put
from mattran.voice.models import Recommendation, Supervision
from mattran.voice.records import delete_record, save_item, save_record
from mattran.voice.tests.conftest import (
    COMMIT,
    CRITIQUE,
    RECOMMEND,
    SUPERVISE,
    dialogue,
    meeting,
    supervision,
)


def figure(world, ward, month="2024-08"):
    value = DataValue.objects.filter(
        indicator=world.indicators["supervisions"], unit=ward, period__code=month
    ).first()
    return None if value is None else int(value.number)


def test_a_thematic_supervision_is_one_counted_activity(world):
    record = supervision(world.w1, actor=world.users["w1_clerk"])
    activity = record.activity
    assert activity.type.code == "supervision" and activity.unit == world.w1
    assert activity.date == date(2024, 8, 12) and activity.title == record.title
    assert figure(world, world.w1) == 1
    assert Activity.objects.count() == 1
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"voice.supervision.create", "activity.create", "data_value.save"} <= actions


def test_moving_a_supervision_to_another_month_moves_its_count(world):
    record = supervision(world.w1)
    save_record(
        kind=SUPERVISE, unit=world.w1, record_obj=record, fields={"started_on": date(2024, 7, 30)}
    )
    record.activity.refresh_from_db()
    assert record.activity.date == date(2024, 7, 30)
    assert (figure(world, world.w1, "2024-07"), figure(world, world.w1)) == (1, 0)
    assert Activity.objects.count() == 1


def test_deleting_a_record_deletes_its_activity_and_recounts(world):
    record = supervision(world.w1)
    save_item(
        spec=RECOMMEND,
        parent=record,
        fields={"text": "Công khai danh sách hộ vay", "addressed_to": "UBND phường"},
    )
    delete_record(record_obj=record)
    assert not Activity.objects.exists() and not Recommendation.objects.exists()
    assert figure(world, world.w1) == 0


def test_a_regular_supervision_counts_in_the_report_but_not_as_thematic(world):
    record = supervision(world.w1, kind="regular")
    assert record.activity.type.code == "supervision_regular"
    assert record.activity.type.report_section == "party_building"
    assert not record.activity.type.feeds.exists()
    assert figure(world, world.w1) is None


def test_missing_activity_types_are_created_for_part_three_of_the_report(world):
    assert not ActivityType.objects.filter(code__in=["forum", "voter_meeting"]).exists()
    forum = dialogue(world.w1, kind="forum")
    held = meeting(world.w1)
    assert forum.activity.type.name == "Diễn đàn Nhân dân"
    assert held.activity.type.phrase == "phối hợp tổ chức Hội nghị tiếp xúc cử tri"
    assert {forum.activity.type.report_section, held.activity.type.report_section} == {
        "party_building"
    }


def test_a_record_adopts_an_activity_already_entered_instead_of_counting_twice(world):
    entered = record_activity(
        unit=world.w1,
        type=ActivityType.objects.get(code="supervision"),
        date=date(2024, 8, 3),
        title="Giám sát tín dụng",
    )
    record = save_record(
        kind=SUPERVISE,
        unit=world.w1,
        adopt=entered,
        fields={
            "kind": "thematic",
            "title": "Giám sát kết quả tín dụng chính sách xã hội",
            "subject": "UBND phường",
            "started_on": date(2024, 8, 5),
        },
    )
    entered.refresh_from_db()
    assert record.activity == entered and entered.title.startswith("Giám sát kết quả")
    assert Activity.objects.count() == 1 and figure(world, world.w1) == 1
    with pytest.raises(ValidationError, match="đã gắn với một hồ sơ khác"):
        save_record(
            kind=SUPERVISE,
            unit=world.w1,
            adopt=entered,
            fields={
                "kind": "thematic",
                "title": "Khác",
                "subject": "X",
                "started_on": date(2024, 8, 6),
            },
        )


def test_another_units_or_another_types_activity_cannot_be_adopted(world):
    other = record_activity(
        unit=world.w2,
        type=ActivityType.objects.get(code="supervision"),
        date=date(2024, 8, 3),
        title="Giám sát của phường khác",
    )
    fields = {
        "kind": "thematic",
        "title": "Giám sát",
        "subject": "X",
        "started_on": date(2024, 8, 5),
    }
    with pytest.raises(ValidationError, match="của đơn vị khác"):
        save_record(kind=SUPERVISE, unit=world.w1, adopt=other, fields=fields)
    assert not Supervision.objects.exists()


def test_a_locked_month_refuses_the_record_and_keeps_nothing(world):
    put(world.indicators["houses"], world.w1, "2024-08", number=1)
    period = Period.objects.for_code("2024-08")
    submit_report(submission=submission_for(world.programme, world.w1, period), actor=None)
    with pytest.raises(ValidationError) as exc:
        supervision(world.w1)
    text = " ".join(exc.value.messages)
    assert "được tính vào số liệu tháng 8/2024 của Phường An Mỹ" in text and "đã nộp" in text
    assert not Supervision.objects.exists() and not Activity.objects.exists()
    # a record that feeds nothing (a voter meeting) is still welcome that month
    assert meeting(world.w1).activity is not None


def test_an_activity_deleted_on_the_activities_page_is_recreated_on_the_next_save(world):
    record = supervision(world.w1)
    delete_activity(activity=record.activity)
    record.refresh_from_db()
    assert record.activity is None and figure(world, world.w1) == 0
    save_record(kind=SUPERVISE, unit=world.w1, record_obj=record, fields={"note": "Lưu lại"})
    record.refresh_from_db()
    assert record.activity is not None and figure(world, world.w1) == 1


def test_bad_dates_are_refused_in_vietnamese(world):
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        supervision(world.w1, day=tomorrow)
    assert "Ngày bắt đầu giám sát không được sau ngày hôm nay." in exc.value.messages
    with pytest.raises(ValidationError) as exc:
        supervision(world.w1, ended_on=date(2024, 8, 1))
    assert exc.value.message_dict["ended_on"] == [
        "Ngày kết thúc giám sát không được trước ngày 12/08/2024."
    ]
    world.w1.valid_to = date(2024, 6, 30)
    world.w1.save()
    with pytest.raises(ValidationError) as exc:
        supervision(world.w1)
    assert "Phường An Mỹ không hoạt động vào ngày 12/08/2024." in exc.value.messages
    assert not Supervision.objects.exists()


def test_a_recommendations_follow_up_needs_its_date_and_result(world):
    record = supervision(world.w1)
    base = {"text": "Công khai danh sách hộ vay", "addressed_to": "UBND phường"}
    with pytest.raises(ValidationError) as exc:
        save_item(spec=RECOMMEND, parent=record, fields={**base, "status": "done"})
    assert exc.value.message_dict == {"responded_on": ["Cần ghi ngày cơ quan phản hồi."]}
    with pytest.raises(ValidationError) as exc:
        save_item(
            spec=RECOMMEND,
            parent=record,
            fields={**base, "status": "done", "responded_on": date(2024, 8, 1)},
        )
    assert "không được trước ngày 12/08/2024" in exc.value.message_dict["responded_on"][0]
    done = save_item(
        spec=RECOMMEND,
        parent=record,
        fields={
            **base,
            "status": "done",
            "responded_on": date(2024, 9, 2),
            "response": "Đã niêm yết tại nhà văn hóa",
        },
    )
    assert done.get_status_display() == "Đã thực hiện"


def test_a_commitment_is_overdue_while_in_progress_after_its_deadline(world):
    held = dialogue(world.w1)
    late = save_item(
        spec=COMMIT,
        parent=held,
        fields={"text": "Sửa đèn đường", "responsible": "UBND phường", "due_on": date(2024, 9, 30)},
    )
    assert late.is_overdue(date(2024, 10, 1)) and not late.is_overdue(date(2024, 9, 30))
    done = save_item(
        spec=COMMIT,
        parent=held,
        item=late,
        fields={
            "status": "done",
            "checked_on": date(2024, 9, 25),
            "follow_up": "Đã thay 12 bóng đèn",
        },
    )
    assert not done.is_overdue(date(2024, 10, 1))


def test_a_clerk_cannot_write_another_wards_records(world):
    with pytest.raises(PermissionDenied):
        supervision(world.w2, actor=world.users["w1_clerk"])
    record = supervision(world.w2)
    with pytest.raises(PermissionDenied):
        delete_record(record_obj=record, actor=world.users["w1_clerk"])
    with pytest.raises(PermissionDenied):
        supervision(world.w1, actor=world.users["w1_viewer"])
    # the city's administrator enters for the wards below it
    assert supervision(world.w2, actor=world.users["city_admin"]).pk


def test_a_critique_conference_is_titled_from_its_draft(world):
    conference = save_record(
        kind=CRITIQUE,
        unit=world.city.city,
        fields={
            "document_title": "Dự thảo Kế hoạch xây dựng tuyến phố văn minh đô thị",
            "drafting_body": "Phòng Quản lý đô thị",
            "held_on": date(2024, 5, 17),
        },
    )
    assert conference.title == (
        "Hội nghị phản biện xã hội đối với dự thảo Kế hoạch xây dựng tuyến phố văn minh đô thị"
    )
    assert conference.activity.type.code == "critique"
    with pytest.raises(ValidationError) as exc:
        save_record(
            kind=CRITIQUE,
            unit=world.city.city,
            record_obj=conference,
            fields={"responded_on": date(2024, 6, 1)},
        )
    assert exc.value.message_dict == {"response": ["Cần ghi nội dung tiếp thu, giải trình."]}

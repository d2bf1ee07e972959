"""Petitions: computed status (waiting, overdue, answered), the overdue list of a unit and
its subtree, the month table and the sentences the monthly report can use."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mattran.voice.models import Petition, PetitionStatus
from mattran.voice.records import save_item
from mattran.voice.reports import petition_sentence, recommendation_sentence
from mattran.voice.selectors import month_counts, overdue_petitions, petitions, summary
from mattran.voice.tests.conftest import (
    RECOMMEND,
    dialogue,
    meeting,
    petition,
    supervision,
)

ANSWER = {"response": "Đã đưa vào kế hoạch sửa chữa năm 2025", "responded_on": date(2024, 9, 20)}


def test_a_petition_is_overdue_only_once_its_deadline_has_passed_unanswered(world):
    held = meeting(world.w1)
    waiting = petition(held, deadline=date(2024, 9, 14))
    assert waiting.status_on(date(2024, 9, 14)) == PetitionStatus.PENDING
    assert waiting.status_on(date(2024, 9, 15)) == PetitionStatus.OVERDUE
    assert waiting.days_overdue(date(2024, 9, 20)) == 6
    no_deadline = petition(held, deadline=None)
    assert no_deadline.status_on(date(2030, 1, 1)) == PetitionStatus.PENDING
    late = petition(held, deadline=date(2024, 9, 14), **ANSWER, satisfied="no")
    assert late.status_on(date(2024, 10, 1)) == PetitionStatus.ANSWERED and late.answered_late
    assert late.get_satisfied_display() == "Chưa hài lòng"


def test_an_answer_needs_its_date_and_satisfaction_needs_an_answer(world):
    held = meeting(world.w1)
    with pytest.raises(ValidationError) as exc:
        petition(held, response="Đã trả lời")
    assert exc.value.message_dict == {"responded_on": ["Cần ghi ngày cơ quan trả lời."]}
    with pytest.raises(ValidationError) as exc:
        petition(held, satisfied="yes")
    assert exc.value.message_dict == {
        "satisfied": ["Chỉ ghi cử tri hài lòng hay không khi đã có trả lời."]
    }
    with pytest.raises(ValidationError) as exc:
        petition(held, forwarded_on=date(2024, 8, 1), deadline=date(2024, 7, 1))
    errors = exc.value.message_dict
    assert errors["forwarded_on"] == ["Ngày chuyển không được trước ngày 09/08/2024."]
    assert errors["deadline"] == ["Hạn trả lời không được trước ngày 01/08/2024."]
    assert not Petition.objects.exists()


def test_the_overdue_list_covers_the_unit_and_everything_below_it(world):
    w1_meeting, w2_meeting = meeting(world.w1), meeting(world.w2)
    area_meeting = meeting(world.city.areas[world.w1.code][0])
    city_meeting = meeting(world.city.city, level="province")
    overdue_w1 = petition(w1_meeting)
    overdue_area = petition(area_meeting)
    overdue_w2 = petition(w2_meeting)
    overdue_city = petition(city_meeting)
    petition(w1_meeting, **ANSWER)
    petition(w1_meeting, deadline=date.today() + timedelta(days=10), forwarded_on=None)
    ward_list = list(overdue_petitions(world.w1))
    assert ward_list == [overdue_w1, overdue_area]
    city_list = set(overdue_petitions(world.city.city))
    assert city_list == {overdue_w1, overdue_area, overdue_w2, overdue_city}
    assert [p.pk for p in petitions(world.w1, status="answered")] != []
    assert petitions(world.w1, status="pending").count() == 1
    assert petitions(world.w1, field_code="land").count() == 0


def test_the_month_table_and_summary_count_what_the_monthly_report_counts(world):
    supervision(world.w1, day=date(2024, 8, 5))
    supervision(world.w1, day=date(2024, 3, 5), kind="regular")
    dialogue(world.w1, kind="forum")
    dialogue(world.w2)
    held = meeting(world.w1)
    petition(held)
    petition(held, **ANSWER, satisfied="yes")
    months = {row.month: row.counts for row in month_counts(world.city.city, 2024)}
    assert months[8]["thematic"] == 1 and months[3]["regular"] == 1
    assert months[8]["forum"] == 1 and months[8]["dialogue"] == 1 and months[8]["meeting"] == 1
    assert months[8]["petitions"] == 2 and months[9]["answered"] == 1
    assert month_counts(world.w2, 2024)[7].counts["forum"] == 0
    result = summary(world.city.city, 2024, today=date(2024, 10, 1))
    assert result.petitions == {
        "total": 2,
        "answered": 1,
        "overdue": 1,
        "waiting": 0,
        "pleased": 1,
        "displeased": 0,
    }
    assert result.held["thematic"] == 1 and result.overdue_now == 1


def test_the_monthly_report_sentences_say_what_happened_to_petitions(world):
    held = meeting(world.w1)
    petition(held)
    petition(held, **ANSWER)
    petition(meeting(world.w2), deadline=None)
    text = petition_sentence(world.city.city, date(2024, 9, 1), date(2024, 9, 30))
    assert text is None  # no voter meeting in September
    text = petition_sentence(world.city.city, date(2024, 8, 1), date(2024, 8, 31))
    assert text.startswith("Tổng hợp 03 kiến nghị của cử tri tại 02 hội nghị tiếp xúc cử tri")
    # none answered in August, none overdue yet: said in words, never "00 kiến nghị"
    assert "trong kỳ chưa nhận được trả lời nào" in text
    assert text.endswith("đến ngày 31/08/2024 còn 03 kiến nghị đang chờ trả lời.")
    assert "00 " not in text
    record = supervision(world.w1)
    save_item(
        spec=RECOMMEND,
        parent=record,
        fields={
            "text": "Công khai danh sách",
            "addressed_to": "UBND phường",
            "status": "done",
            "responded_on": date(2024, 9, 1),
        },
    )
    save_item(
        spec=RECOMMEND,
        parent=record,
        fields={"text": "Bổ sung vốn", "addressed_to": "Ngân hàng CSXH"},
    )
    assert recommendation_sentence(world.w1, date(2024, 8, 1), date(2024, 8, 31)) == (
        "Theo dõi kết quả thực hiện kiến nghị sau giám sát: 01/02 kiến nghị đã được tiếp thu, "
        "thực hiện; 01 kiến nghị chưa có phản hồi."
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    deadline=st.one_of(st.none(), st.dates(date(2024, 8, 10), date(2025, 6, 1))),
    answered=st.one_of(st.none(), st.dates(date(2024, 8, 10), date(2025, 6, 1))),
    today=st.dates(date(2024, 8, 1), date(2025, 12, 31)),
)
def test_status_and_the_database_filters_always_agree(world, deadline, answered, today):
    """Whatever the dates, a petition is in exactly one list, the one its status names."""
    item = Petition.objects.first() or petition(meeting(world.w1), forwarded_on=None)
    Petition.objects.filter(pk=item.pk).update(deadline=deadline, responded_on=answered)
    item.refresh_from_db()
    status = item.status_on(today)
    found = [
        s
        for s in PetitionStatus.values
        if Petition.objects.with_status(s, today).filter(pk=item.pk).exists()
    ]
    assert found == [status]
    assert (item.days_overdue(today) > 0) == (status == PetitionStatus.OVERDUE)

"""Satisfaction surveys: the questionnaire, anonymous sheets, and the share satisfied per
question and per residential area."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mattran.voice.models import Answer, Response
from mattran.voice.surveys import (
    add_question,
    delete_question,
    save_response,
    save_survey,
    survey_areas,
)
from mattran.voice.tallies import tally


@pytest.fixture
def survey(world):
    world.survey = save_survey(
        unit=world.w1,
        fields={
            "title": "Lấy ý kiến về kết quả xây dựng đô thị văn minh năm 2024",
            "kind": "urban",
            "starts_on": date(2024, 8, 1),
            "ends_on": date(2024, 8, 25),
        },
    )
    world.clean = add_question(survey=world.survey, text="Đường phố sạch đẹp", scale="three")
    world.light = add_question(survey=world.survey, text="Chiếu sáng, thoát nước", scale="five")
    world.kp1, world.kp2 = world.city.areas[world.w1.code]
    return world


def sheet(w, area, clean, light):
    return save_response(survey=w.survey, area=area, answers={w.clean.pk: clean, w.light.pk: light})


def test_shares_per_question_and_per_area(survey):
    w = survey
    sheet(w, w.kp1, 1, 5)  # satisfied, satisfied
    sheet(w, w.kp1, 2, 4)  # not satisfied, satisfied (4 counts)
    sheet(w, w.kp1, 3, 3)  # no opinion, not satisfied (3 does not)
    sheet(w, w.kp2, 1, None)  # the second question left blank
    result = tally(w.survey)
    clean, light = result.questions
    assert (clean.total.answered, clean.total.satisfied) == (4, 2)
    assert clean.total.share == Decimal("0.5") and clean.total.share_text == "50%"
    assert clean.distribution == [("Hài lòng", 2), ("Không hài lòng", 1), ("Không ý kiến", 1)]
    assert (light.total.answered, light.total.satisfied) == (3, 2)
    assert light.total.share_text == "66,7%"
    kp1, kp2 = result.areas
    assert (kp1.area, kp1.responses, kp2.responses) == (w.kp1, 3, 1)
    assert [c.share_text for c in kp1.cells] == ["33,3%", "66,7%"]
    assert [c.share_text for c in kp2.cells] == ["100%", "—"]
    assert kp1.overall.share_text == "50%" and result.responses == 4
    assert result.overall.satisfied == 4 and result.overall.answered == 7


def test_a_sheet_is_refused_whole_when_anything_is_wrong(survey):
    w = survey
    with pytest.raises(ValidationError) as exc:
        save_response(survey=w.survey, area=w.kp1, answers={w.clean.pk: 1, w.light.pk: 9})
    assert exc.value.message_dict == {f"q{w.light.pk}": ["Câu 2: câu trả lời không hợp lệ."]}
    with pytest.raises(ValidationError, match="chưa trả lời câu hỏi nào"):
        save_response(survey=w.survey, area=w.kp1, answers={w.clean.pk: None})
    other_area = w.city.areas[w.w2.code][0]
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        save_response(survey=w.survey, area=other_area, answers={w.clean.pk: 1})
    first = sheet(w, w.kp1, 1, 5)
    with pytest.raises(ValidationError, match="Đã có phiếu số 1"):
        save_response(survey=w.survey, area=w.kp1, answers={w.clean.pk: 1}, number=first.number)
    assert Response.objects.count() == 1 and Answer.objects.count() == 2


def test_a_question_with_answers_stays(survey):
    w = survey
    sheet(w, w.kp1, 1, None)
    with pytest.raises(ValidationError, match="Câu 1 đã có phiếu trả lời"):
        delete_question(question=w.clean)
    delete_question(question=w.light)  # no answer yet
    again = add_question(survey=w.survey, text="An ninh trật tự", scale="three")
    assert again.number == 2 and list(w.survey.questions.all()) == [w.clean, again]


def test_the_survey_reaches_the_residential_areas_that_existed_then(survey):
    w = survey
    w.kp2.valid_to = date(2024, 7, 31)
    w.kp2.save()
    assert list(survey_areas(w.survey)) == [w.kp1]
    with pytest.raises(ValidationError) as exc:
        save_survey(unit=w.w1, survey=w.survey, fields={"ends_on": date(2024, 7, 1)})
    assert "Ngày kết thúc phải sau ngày bắt đầu lấy ý kiến." in exc.value.messages


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sheets=st.lists(
        st.tuples(
            st.integers(0, 1),
            st.one_of(st.none(), st.integers(1, 3)),
            st.one_of(st.none(), st.integers(1, 5)),
        ).filter(lambda s: s[1] is not None or s[2] is not None),
        max_size=12,
    )
)
def test_tallies_add_up_whatever_the_answers(survey, sheets):
    """Per area and per question, the shares are the counted answers, and the areas add up
    to the whole."""
    w = survey
    Response.objects.filter(survey=w.survey).delete()
    areas = [w.kp1, w.kp2]
    for area, clean, light in sheets:
        sheet(w, areas[area], clean, light)
    result = tally(w.survey)
    clean_given = [s for s in sheets if s[1] is not None]
    light_given = [s for s in sheets if s[2] is not None]
    assert result.questions[0].total.answered == len(clean_given)
    assert result.questions[0].total.satisfied == sum(1 for s in clean_given if s[1] == 1)
    assert result.questions[1].total.satisfied == sum(1 for s in light_given if s[2] >= 4)
    for index in (0, 1):
        assert sum(a.cells[index].answered for a in result.areas) == (
            result.questions[index].total.answered
        )
        share = result.questions[index].total.share
        assert share is None or Decimal(0) <= share <= Decimal(1)
    assert sum(a.responses for a in result.areas) == len(sheets)

"""Writing satisfaction surveys: the survey, its questionnaire and the answer sheets.

Questions can be added at any time; a question that already has answers cannot be deleted
(its tallies would vanish). Sheets are anonymous: a residential area, a sheet number, and
one answer per question.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet

from mattran.audit.services import record
from mattran.units.models import Tier, Unit
from mattran.voice.models import Answer, Question, Response, ResponseSource, Scale, Survey
from mattran.voice.records import check_may_enter

SURVEY_FIELDS = ("title", "kind", "starts_on", "ends_on", "note")


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def survey_areas(survey: Survey) -> QuerySet[Unit]:
    """The residential areas a survey's sheets come from: those of its unit's subtree that
    existed during the survey (the unit itself when it is a residential area)."""
    return (
        Unit.objects.subtree(survey.unit)
        .filter(tier=Tier.AREA)
        .valid_during(survey.starts_on, survey.ends_on)
        .select_related("parent")
        .order_by("path")
    )


@transaction.atomic
def save_survey(
    *, unit: Unit, fields: dict[str, Any], actor: Any = None, survey: Survey | None = None
) -> Survey:
    check_may_enter(actor, unit)
    unknown = set(fields) - set(SURVEY_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    creating = survey is None
    survey = survey or Survey(unit=unit, created_by=_user(actor))
    before = {k: getattr(survey, k) for k in fields}
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.full_clean()
    if (
        not creating
        and survey.responses.exclude(area__in=survey_areas(survey).values("pk")).exists()
    ):
        raise ValidationError(
            {"starts_on": "Đã có phiếu của khu dân cư không còn trong thời gian lấy ý kiến mới."}
        )
    survey.save()
    record(
        actor=actor,
        action=f"voice.survey.{'create' if creating else 'update'}",
        target=survey,
        changes=fields if creating else {k: [before[k], v] for k, v in fields.items()},
    )
    return survey


@transaction.atomic
def delete_survey(*, survey: Survey, actor: Any = None) -> None:
    check_may_enter(actor, survey.unit)
    record(
        actor=actor,
        action="voice.survey.delete",
        target=survey,
        changes={"title": survey.title, "responses": survey.responses.count()},
    )
    Answer.objects.filter(response__survey=survey).delete()
    survey.delete()


@transaction.atomic
def add_question(*, survey: Survey, text: str, scale: str, actor: Any = None) -> Question:
    check_may_enter(actor, survey.unit)
    if not text.strip():
        raise ValidationError({"text": "Cần ghi nội dung câu hỏi."})
    if scale not in Scale.values:
        raise ValidationError({"scale": "Chọn cách trả lời cho câu hỏi."})
    number = (survey.questions.aggregate(n=Max("number"))["n"] or 0) + 1
    question = Question.objects.create(survey=survey, number=number, text=text.strip(), scale=scale)
    record(
        actor=actor,
        action="voice.question.create",
        target=question,
        changes={"survey": survey.pk, "text": question.text, "scale": scale},
    )
    return question


@transaction.atomic
def delete_question(*, question: Question, actor: Any = None) -> None:
    check_may_enter(actor, question.survey.unit)
    if question.answers.exists():
        raise ValidationError(
            f"Câu {question.number} đã có phiếu trả lời nên không xóa được (kết quả sẽ mất)."
        )
    record(actor=actor, action="voice.question.delete", target=question, changes={})
    question.delete()


def _check_answers(survey: Survey, answers: dict[int, int | None]) -> dict[Question, int]:
    """Validate a sheet's answers (question pk -> value or None); blank answers are skipped."""
    questions = {q.pk: q for q in survey.questions.all()}
    errors: dict[str, str] = {}
    kept: dict[Question, int] = {}
    for pk, value in answers.items():
        question = questions.get(pk)
        if question is None:
            raise ValidationError("Câu hỏi không thuộc phiếu lấy ý kiến này.")
        if value is None:
            continue
        if value not in dict(question.choices()):
            errors[f"q{pk}"] = f"Câu {question.number}: câu trả lời không hợp lệ."
            continue
        kept[question] = value
    if errors:
        raise ValidationError(errors)
    if not kept:
        raise ValidationError("Phiếu chưa trả lời câu hỏi nào.")
    return kept


def next_number(survey: Survey) -> int:
    return (survey.responses.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def save_response(
    *,
    survey: Survey,
    area: Unit,
    answers: dict[int, int | None],
    number: int | None = None,
    actor: Any = None,
    source: str = ResponseSource.FORM,
) -> Response:
    """Store one anonymous sheet (all its answers, or nothing)."""
    check_may_enter(actor, survey.unit)
    if not survey_areas(survey).filter(pk=area.pk).exists():
        raise ValidationError({"area": f"{area.name} không thuộc phạm vi đợt lấy ý kiến này."})
    kept = _check_answers(survey, answers)
    number = number or next_number(survey)
    if survey.responses.filter(number=number).exists():
        raise ValidationError({"number": f"Đã có phiếu số {number} trong đợt lấy ý kiến này."})
    response = Response.objects.create(
        survey=survey, area=area, number=number, source=source, created_by=_user(actor)
    )
    Answer.objects.bulk_create(
        Answer(response=response, question=q, value=v) for q, v in kept.items()
    )
    record(
        actor=actor,
        action="voice.response.create",
        target=response,
        changes={
            "survey": survey.pk,
            "area": area.code,
            "answers": {q.number: v for q, v in kept.items()},
        },
    )
    return response


@transaction.atomic
def delete_response(*, response: Response, actor: Any = None) -> None:
    check_may_enter(actor, response.survey.unit)
    record(
        actor=actor,
        action="voice.response.delete",
        target=response,
        changes={"survey": response.survey_id, "number": response.number},
    )
    response.answers.all().delete()
    response.delete()

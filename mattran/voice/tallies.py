"""Tallies of a satisfaction survey: per question and per residential area, how many
answered, how many were satisfied, and the share satisfied.

The share is satisfied answers over answers given (a "no opinion" answer counts in the
denominator; a question left blank does not). On the five-point scale, 4 and 5 count as
satisfied. One query reads every count; the rest is arithmetic.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from mattran.core.numbers import format_percent
from mattran.units.models import Unit
from mattran.voice.models import Answer, Question, Survey
from mattran.voice.surveys import survey_areas


def percent(share: Decimal | None) -> str:
    """0.8667 -> "86,7%"; 0.5 -> "50%"; nothing -> "—"."""
    if share is None:
        return "—"
    return format_percent(share, 1).replace(",0%", "%")


@dataclass
class Cell:
    """Answers to one question (from one area, or from all)."""

    answered: int = 0
    satisfied: int = 0
    by_value: dict[int, int] = field(default_factory=dict)
    number: int = 0  # the question's number, for labels

    def add(self, question: Question, value: int, count: int) -> None:
        self.answered += count
        self.by_value[value] = self.by_value.get(value, 0) + count
        if question.is_satisfied(value):
            self.satisfied += count

    @property
    def share(self) -> Decimal | None:
        if not self.answered:
            return None
        return Decimal(self.satisfied) / Decimal(self.answered)

    @property
    def share_text(self) -> str:
        return percent(self.share)


@dataclass
class QuestionRow:
    question: Question
    total: Cell
    distribution: list[tuple[str, int]]


@dataclass
class AreaRow:
    area: Unit
    responses: int
    cells: list[Cell]
    overall: Cell


@dataclass
class Tally:
    survey: Survey
    questions: list[QuestionRow]
    areas: list[AreaRow]
    responses: int
    overall: Cell


def tally(survey: Survey) -> Tally:
    questions = list(survey.questions.all())
    areas = list(survey_areas(survey))
    known = {a.pk for a in areas}
    counts = (
        Answer.objects.filter(response__survey=survey)
        .values("question_id", "response__area_id", "value")
        .annotate(n=Count("pk"))
    )
    per_question = {q.pk: Cell(number=q.number) for q in questions}
    per_area = {a.pk: {q.pk: Cell(number=q.number) for q in questions} for a in areas}
    by_pk = {q.pk: q for q in questions}
    extra_areas: set[int] = set()
    for row in counts:
        question = by_pk[row["question_id"]]
        area_id = row["response__area_id"]
        per_question[question.pk].add(question, row["value"], row["n"])
        if area_id not in known:  # an area that ended since; keep its answers visible
            extra_areas.add(area_id)
            per_area.setdefault(area_id, {q.pk: Cell(number=q.number) for q in questions})
        per_area[area_id][question.pk].add(question, row["value"], row["n"])
    if extra_areas:
        areas += list(Unit.objects.filter(pk__in=extra_areas).select_related("parent"))
    sheets = dict(
        survey.responses.values("area_id").annotate(n=Count("pk")).values_list("area_id", "n")
    )
    area_rows = []
    for area in areas:
        cells = [per_area[area.pk][q.pk] for q in questions]
        area_rows.append(AreaRow(area, sheets.get(area.pk, 0), cells, _sum(cells)))
    question_rows = [
        QuestionRow(q, per_question[q.pk], _distribution(q, per_question[q.pk])) for q in questions
    ]
    return Tally(
        survey=survey,
        questions=question_rows,
        areas=area_rows,
        responses=sum(sheets.values()),
        overall=_sum([r.total for r in question_rows]),
    )


def _sum(cells: list[Cell]) -> Cell:
    total = Cell()
    for cell in cells:
        total.answered += cell.answered
        total.satisfied += cell.satisfied
    return total


def _distribution(question: Question, cell: Cell) -> list[tuple[str, int]]:
    return [(label, cell.by_value.get(value, 0)) for value, label in question.choices()]

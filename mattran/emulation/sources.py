"""Scores computed from data already in the system, never typed in.

`SOURCES` maps each computed `CriterionSource` to a function (participation, criterion) ->
`Computed`: a score and the sentence that explains it. Another source is one more function
and one more entry: "houses" scores from the solidarity houses on approved lists.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from mattran.analytics.progress import comparable, display_actual, may_apply, target_for
from mattran.analytics.rollup import rollup
from mattran.core.numbers import format_number
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.emulation.models import Criterion, CriterionSource, Participation
from mattran.households.schedules import schedule_progress
from mattran.programmes.models import Target
from mattran.programmes.targets import Kind, Op, TargetExpr, parse_target

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Computed:
    score: Decimal
    explanation: str


def compute(participation: Participation, criterion: Criterion) -> Computed:
    return SOURCES[criterion.source](participation, criterion)


def points(value: Decimal) -> str:
    """7.50 -> "7,5": a score as the sheets write it."""
    return format_number(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def indicator_score(participation: Participation, criterion: Criterion) -> Computed:
    """max × min(1, achieved share of the participant's target) for the movement's year."""
    indicator, unit, movement = criterion.indicator, participation.unit, participation.movement
    maximum = criterion.max_score
    if indicator is None:
        return Computed(Decimal(0), "Tiêu chí chưa gắn chỉ tiêu nguồn số liệu → 0 điểm")
    if not may_apply(indicator, unit):
        return Computed(
            Decimal(0), f"Chỉ tiêu {indicator.code} không do cấp của {unit.name} báo cáo → 0 điểm"
        )
    year = movement.year
    if year not in indicator.programme.years:
        return Computed(Decimal(0), f"Chương trình không có năm {year} → 0 điểm")
    today = timezone.localdate()
    if indicator.frequency == PeriodKind.MONTH:
        end = min(movement.ends_on, today)
        window = PeriodSpec(date(year, 1, 1), end, PeriodKind.YEAR)
        span = f"đến {end:%d/%m/%Y}"
    else:
        window = PeriodSpec.year(year)
        span = f"năm {year}"
    as_of = f"theo số liệu {span}"
    goal = _target(criterion, unit, year)
    if goal.kind in (Kind.NONE, Kind.QUALITATIVE):
        return Computed(Decimal(0), f"Chưa có chỉ tiêu định lượng cho {unit.name} → 0 điểm")
    result = rollup(indicator, unit, window)
    actual, goal = comparable(indicator, unit, goal, result)
    if not result.has_data or actual is None:
        return Computed(Decimal(0), f"Chưa có số liệu {span} → 0/{points(maximum)} điểm")
    met = goal.is_met(actual)
    proportional = goal.kind == Kind.NUMERIC and goal.op in (Op.GE, Op.GT, Op.RANGE) and goal.value
    if met:
        share = Decimal(1)
    elif proportional:
        share = min(Decimal(1), max(Decimal(0), actual / goal.value))
    else:
        share = Decimal(0)
    score = (maximum * share).quantize(CENT, rounding=ROUND_HALF_UP)
    if proportional:
        achieved = _achieved(indicator.measure_unit, actual, goal, met)
        percent = format_number(share * 100, 0)
        text = f"Đạt {achieved} {as_of} ({percent}%)"
    else:
        verdict = "đạt" if met else "chưa đạt"
        text = f"{display_actual(indicator, result)} {as_of}: {verdict} chỉ tiêu “{goal.display()}”"
    return Computed(score, f"{text} → {points(score)}/{points(maximum)} điểm")


def _target(criterion: Criterion, unit, year: int) -> TargetExpr:
    """The criterion's own target for each participant, else the programme's as it applies."""
    if criterion.target.strip():
        return parse_target(criterion.target)
    row = Target.objects.filter(indicator=criterion.indicator, year=year).first()
    return target_for(criterion.indicator, unit, row.parsed if row else None)


def _achieved(measure: str, actual: Decimal, goal: TargetExpr, met: bool) -> str:
    """ "1/2 nhà" while short of the target; "3 nhà (chỉ tiêu: 02 nhà)" once it is met."""
    if goal.percent:
        figure = f"{format_number(actual, 1)}%"
        return f"{figure} (chỉ tiêu: {goal.display()})"
    label = goal.label or measure
    if met:
        return f"{format_number(actual)} {label} (chỉ tiêu: {goal.display()})".replace("  ", " ")
    return f"{format_number(actual)}/{format_number(goal.value)} {label}".strip()


def houses_score(participation: Participation, criterion: Criterion) -> Computed:
    """max × the share of the participant's houses scheduled for the movement's year (on the
    approved lists) that were handed over by the movement's end."""
    unit, movement, maximum = participation.unit, participation.movement, criterion.max_score
    year = movement.year
    end = min(movement.ends_on, timezone.localdate())
    progress = schedule_progress(unit, year, end)
    if not progress.scheduled:
        return Computed(
            Decimal(0),
            f"{unit.name} không có hộ nào trong danh sách được duyệt hỗ trợ nhà năm {year} "
            f"→ 0/{points(maximum)} điểm",
        )
    share = Decimal(progress.handed_over) / Decimal(progress.scheduled)
    score = (maximum * share).quantize(CENT, rounding=ROUND_HALF_UP)
    percent = format_number(share * 100, 0)
    return Computed(
        score,
        f"Bàn giao {progress.handed_over}/{progress.scheduled} nhà theo kế hoạch năm {year} "
        f"đến {end:%d/%m/%Y} ({percent}%) → {points(score)}/{points(maximum)} điểm",
    )


HOUSES = "houses"

SOURCES: dict[str, Callable[[Participation, Criterion], Computed]] = {
    CriterionSource.INDICATOR: indicator_score,
}
# The housing records join once `CriterionSource` lists HOUSES (a choice and a migration in
# emulation/models.py); until then no criterion can carry that source.
if HOUSES in CriterionSource.values:
    SOURCES[HOUSES] = houses_score

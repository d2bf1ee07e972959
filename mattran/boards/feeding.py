"""No double entry: the indicators on ratings and boards (V.3, V.4, V.5, III.9, III.10 in
the demo) are computed from the ratings and the boards' records and written as each unit's
figures through the same service as a clerk's (`reporting.services.save_data_value`), like
the houses feed II.1 (`households.feeding`).

A change to a rating, a case or a project rewrites the figures it moves, inside the same
transaction: a period whose report is locked (submitted or approved) refuses the change
with the reporting module's message. `refresh_all(programme)` recomputes everything (the
demo, `mattran refresh_boards`) and lists the locked periods it left as they were.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.boards.measures import inspection_verdict, project_share
from mattran.boards.models import (
    BoardIndicatorLink,
    InspectionCase,
    InvestmentProject,
    Measure,
    Subject,
    YearlyRating,
)
from mattran.boards.selectors import carried_unit_ids_by_id, projects_for, successors_by
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.programmes.models import COMPUTED_LINKS, Indicator, Programme, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.models import DataValue
from mattran.reporting.services import Figure, clear_data_value, save_data_value
from mattran.units.models import Tier, Unit

RATING_SUBJECT = {
    Measure.COMMITTEE_RATING: Subject.COMMITTEE,
    Measure.AREA_BOARD_RATING: Subject.AREA_BOARD,
}


@dataclass(frozen=True)
class Rule:
    """What an indicator must be for a measure to fill it."""

    value_type: str
    tiers: tuple[str, ...]
    frequencies: tuple[str, ...]


RULES = {
    Measure.COMMITTEE_RATING: Rule(
        ValueType.RATING, (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE), (PeriodKind.YEAR,)
    ),
    Measure.AREA_BOARD_RATING: Rule(ValueType.RATING, (Tier.AREA,), (PeriodKind.YEAR,)),
    Measure.INSPECTION_EFFECTIVE: Rule(ValueType.YES_NO, (Tier.COMMUNE,), (PeriodKind.YEAR,)),
    Measure.PROJECTS_SUPERVISED: Rule(
        ValueType.FRACTION, (Tier.COMMUNE,), (PeriodKind.MONTH, PeriodKind.YEAR)
    ),
}


def check_link(indicator: Indicator, measure: str) -> None:
    """Refuse a link whose indicator cannot hold what the measure computes."""
    rule = RULES[Measure(measure)]
    label = Measure(measure).label.lower()
    if indicator.value_type != rule.value_type:
        raise ValidationError(
            f"Chỉ tiêu {indicator.code} có kiểu số liệu “{indicator.get_value_type_display()}”, "
            f"không tính được từ {label} (cần “{ValueType(rule.value_type).label}”)."
        )
    if indicator.reported_by not in rule.tiers:
        raise ValidationError(
            f"Chỉ tiêu {indicator.code} do {indicator.get_reported_by_display().lower()} báo "
            f"cáo, không tính được từ {label}."
        )
    if indicator.frequency not in rule.frequencies:
        raise ValidationError(
            f"Chỉ tiêu {indicator.code} báo cáo hằng tháng; {label} chỉ có theo năm."
        )
    taken = [name for name in COMPUTED_LINKS if hasattr(indicator, name)]
    if taken:
        raise ValidationError(f"Chỉ tiêu {indicator.code} đã được tính tự động từ nguồn khác.")


@dataclass
class Planned:
    """One figure as the records say it should be, beside the one stored."""

    indicator: Indicator
    unit: Unit
    period: PeriodSpec
    figure: Figure | None
    note: str
    current: DataValue | None

    @property
    def figure_changes(self) -> bool:
        if self.figure is None:
            return self.current is not None
        return self.current is None or Figure.of(self.current) != self.figure

    @property
    def changes(self) -> bool:
        """The figure, or only the explanation in its note (kept as is where locked)."""
        return self.figure_changes or (self.figure is not None and self.current.note != self.note)


def compute(link: BoardIndicatorLink, unit: Unit, period: PeriodSpec) -> tuple[Figure | None, str]:
    """The figure of `unit` for `period` and the note saying where it comes from."""
    year = period.start.year
    measure = link.measure
    if measure in RATING_SUBJECT:
        rating = YearlyRating.objects.filter(
            unit=unit, subject=RATING_SUBJECT[measure], year=year
        ).first()
        if rating is None:
            return None, ""
        return Figure(rating=rating.rating), (
            f"Tính tự động từ xếp loại năm {year}: {rating.get_rating_display()}."
        )
    if measure == Measure.INSPECTION_EFFECTIVE:
        verdict = inspection_verdict(unit, year)
        if verdict.effective is None:
            return None, ""
        return Figure(boolean=verdict.effective), (
            f"Tính tự động từ hoạt động của Ban Thanh tra Nhân dân: {verdict.reason}"
        )
    share = project_share(unit, year, period.end)
    if not share.total:
        return None, ""
    return Figure(numerator=Decimal(share.supervised), denominator=Decimal(share.total)), (
        f"Tính tự động từ danh sách công trình, dự án đến ngày {period.end:%d/%m/%Y}: "
        f"{share.reason}"
    )


def _source_unit_ids(measure: str, year: int) -> set[int]:
    """The units whose records of `year` may give a figure under `measure`."""
    if measure in RATING_SUBJECT:
        return set(
            YearlyRating.objects.filter(subject=RATING_SUBJECT[measure], year=year).values_list(
                "unit_id", flat=True
            )
        )
    if measure == Measure.INSPECTION_EFFECTIVE:
        ids = set(
            InspectionCase.objects.filter(opened_on__year=year).values_list("unit_id", flat=True)
        )
        return ids | set(
            YearlyRating.objects.filter(subject=Subject.INSPECTION_BOARD, year=year).values_list(
                "unit_id", flat=True
            )
        )
    return set(
        InvestmentProject.objects.filter(started_on__year__lte=year)
        .exclude(completed_on__year__lt=year)
        .values_list("unit_id", flat=True)
    )


def _periods(link: BoardIndicatorLink, unit: Unit, year: int, stored: set[PeriodSpec]):
    """The periods of `year` for which `unit` gets a figure computed, and those it holds
    (a figure stored before the unit ended in a merge is cleared)."""
    indicator = link.indicator
    today = timezone.localdate()
    if indicator.frequency == PeriodKind.YEAR:
        spec = PeriodSpec.year(year)
        return [spec] if unit.is_valid_on(spec.end) or spec in stored else []
    months = [m for m in PeriodSpec.year(year).months() if m.start <= today]
    last = _last_active_month(link, unit, year)
    return [
        m
        for m in months
        if m in stored or (unit.is_valid_on(m.end) and last is not None and m.start <= last)
    ]


def _last_active_month(link: BoardIndicatorLink, unit: Unit, year: int) -> date | None:
    """The last month of `year` worth a monthly figure: the later of the unit's last project
    event (start, supervision, completion) and the last month it reported anything else."""
    days = []
    for project in projects_for(unit, year, date(year, 12, 31)):
        if project.in_scope:
            days += [project.started_on, project.supervised_on, project.completed_on]
    days = [d for d in days if d is not None and d.year == year]
    reported = (
        DataValue.objects.filter(
            unit=unit,
            indicator__programme_id=link.indicator.programme_id,
            period__kind=PeriodKind.MONTH,
            period__start__year=year,
        )
        .exclude(indicator_id=link.indicator_id)
        .aggregate(last=Max("period__start"))["last"]
    )
    if reported:
        days.append(reported)
    if not days:
        return None
    last = max(days)
    return date(last.year, last.month, 1)


def plan(
    link: BoardIndicatorLink,
    *,
    unit_ids: Iterable[int] | None = None,
    years: Iterable[int] | None = None,
) -> list[Planned]:
    """Every figure of `link`'s indicator the records decide, for the units carrying the
    work of `unit_ids` (all records when None), in `years` (every year of the term so far)."""
    indicator = link.indicator
    programme = indicator.programme
    this_year = timezone.localdate().year
    wanted = [y for y in (years or programme.years) if y in programme.years and y <= this_year]
    result: list[Planned] = []
    for year in wanted:
        stored = {
            (v.unit_id, PeriodSpec(v.period.start, v.period.end, v.period.kind)): v
            for v in DataValue.objects.filter(
                indicator=indicator, period__start__year=year
            ).select_related("period", "indicator")
        }
        if unit_ids is None:
            sources = _source_unit_ids(link.measure, year) | {unit_id for unit_id, _ in stored}
        else:  # the units changed, and those they took over (whose figures may be stale)
            sources = {pk for u in unit_ids for pk in carried_unit_ids_by_id(u, date(year, 12, 31))}
        units = [
            u
            for u in successors_by(sources, date(year, 12, 31))
            if u.tier == indicator.reported_by and programme_covers(programme, u)
        ]
        for unit in units:
            mine = {spec for unit_id, spec in stored if unit_id == unit.pk}
            for spec in _periods(link, unit, year, mine):
                figure, note = (
                    compute(link, unit, spec) if unit.is_valid_on(spec.end) else (None, "")
                )
                result.append(
                    Planned(indicator, unit, spec, figure, note, stored.get((unit.pk, spec)))
                )
    return result


def write(item: Planned, actor: Any) -> None:
    writer = actor if actor is not None and scope.can_enter(actor, item.unit) else None
    if item.figure is None:
        clear_data_value(value=item.current, actor=writer)
        return
    save_data_value(
        indicator=item.indicator,
        unit=item.unit,
        period=item.period,
        figure=item.figure,
        note=item.note,
        actor=writer,
    )


def links_for(*measures: str) -> list[BoardIndicatorLink]:
    return list(
        BoardIndicatorLink.objects.filter(measure__in=measures).select_related(
            "indicator__programme__unit"
        )
    )


WHAT = {
    Measure.COMMITTEE_RATING: "xếp loại",
    Measure.AREA_BOARD_RATING: "xếp loại",
    Measure.INSPECTION_EFFECTIVE: "kết quả hoạt động của Ban Thanh tra Nhân dân",
    Measure.PROJECTS_SUPERVISED: "tỷ lệ công trình, dự án được giám sát",
}


def refresh_for(
    measures: Iterable[str], unit_ids: Iterable[int], years: Iterable[int], *, actor: Any = None
) -> int:
    """Rewrite the figures a change to records of `unit_ids` in `years` moves. A locked
    period refuses the whole change with the reporting module's message."""
    written = 0
    unit_ids, years = list(unit_ids), sorted(set(years))
    for link in links_for(*measures):
        # A project under way keeps counting in the years after its start.
        span = years
        if link.measure == Measure.PROJECTS_SUPERVISED and years:
            span = list(range(years[0], link.indicator.programme.last_year + 1))
        for item in plan(link, unit_ids=unit_ids, years=span):
            if not item.changes:
                continue
            try:
                with transaction.atomic():
                    write(item, actor)
            except (ValidationError, PermissionDenied) as exc:
                if not item.figure_changes:
                    continue  # a locked figure keeps its old explanation
                messages = getattr(exc, "messages", None) or [str(exc)]
                raise ValidationError(
                    f"Không lưu được vì {WHAT[link.measure]} được tính vào chỉ tiêu "
                    f"{item.indicator.code} của {item.unit.name} {item.period.label}: "
                    f"{' '.join(messages)}"
                ) from exc
            written += 1
    return written


@dataclass
class RefreshResult:
    written: int = 0
    locked: list[str] = field(default_factory=list)


def refresh_indicator(link: BoardIndicatorLink, *, actor: Any = None) -> RefreshResult:
    """Make every figure of the link's indicator say what the records say; periods whose
    report is locked keep their figure and are listed."""
    result = RefreshResult()
    for item in plan(link):
        if not item.changes:
            continue
        try:
            with transaction.atomic():
                write(item, actor)
            result.written += 1
        except (ValidationError, PermissionDenied):
            if item.figure_changes:
                result.locked.append(f"{item.indicator.code} {item.unit.name} {item.period.label}")
    return result


def refresh_all(programme: Programme, *, actor: Any = None) -> RefreshResult:
    total = RefreshResult()
    for link in BoardIndicatorLink.objects.filter(indicator__programme=programme).select_related(
        "indicator__programme__unit"
    ):
        part = refresh_indicator(link, actor=actor)
        total.written += part.written
        total.locked += part.locked
    return total


@transaction.atomic
def link_indicator(*, indicator: Indicator, measure: str, actor: Any = None) -> RefreshResult:
    """Mark `indicator` as computed from ratings or the boards' records and compute it."""
    if getattr(actor, "is_authenticated", False) and not scope.can_manage(
        actor, indicator.programme.unit
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {indicator.programme.unit.name} mới gắn được chỉ tiêu."
        )
    check_link(indicator, measure)
    link = BoardIndicatorLink.objects.create(
        indicator=indicator,
        measure=measure,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(actor=actor, action="boards.link_indicator", target=link, changes={"measure": measure})
    return refresh_indicator(link, actor=actor)


@transaction.atomic
def unlink_indicator(*, link: BoardIndicatorLink, actor: Any = None) -> None:
    """Stop computing the indicator; its figures stay as they are and can be typed again."""
    if getattr(actor, "is_authenticated", False) and not scope.can_manage(
        actor, link.indicator.programme.unit
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {link.indicator.programme.unit.name} mới bỏ gắn được."
        )
    record(actor=actor, action="boards.unlink_indicator", target=link, changes={})
    link.delete()

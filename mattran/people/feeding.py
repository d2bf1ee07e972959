"""No double entry: the training indicators (V.1, V.2) are counted from the people, their
posts and the courses they completed (`measures`), and written into each period's figure of
every commune through the same service as a clerk's figures
(`reporting.services.save_data_value`), as the houses feed II.1 (`households.feeding`).

A change to a post, a course or an attendance recounts the figures it may move, from the
change's date to today, inside the change's own transaction: a period whose report is
submitted or approved refuses the new figure, and with it the change, with the reporting
module's message. `refresh_all` (the demo, `mattran people refresh`) recounts everything and
lists the locked periods it had to leave as they were.

A commune that has no counted post in a period gets no figure; a figure typed before the
indicator was linked stays there until the commune's people are entered.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.people.measures import Count, Roster
from mattran.people.models import PeopleIndicatorLink
from mattran.programmes.models import Aggregation, Indicator, Programme, ValueType
from mattran.programmes.selectors import programme_covers
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.reporting.services import Figure, ValueRow, clear_data_value, save_data_values
from mattran.reporting.workflow import lock_message
from mattran.units.models import Tier, Unit

NOTE = "Tính tự động từ danh sách cán bộ và các lớp bồi dưỡng"


def note_for(count: Count) -> str:
    return f"{NOTE}: {count.trained}/{count.total} người"


def feedable(indicator: Indicator) -> bool:
    return (
        indicator.value_type == ValueType.FRACTION
        and indicator.aggregation == Aggregation.RATIO
        and indicator.reported_by == Tier.COMMUNE
        and indicator.frequency in (PeriodKind.MONTH, PeriodKind.YEAR)
    )


def links(programme: Programme | None = None) -> list[PeopleIndicatorLink]:
    found = PeopleIndicatorLink.objects.select_related("indicator__programme__unit")
    if programme is not None:
        found = found.filter(indicator__programme=programme)
    return list(found.order_by("indicator__programme_id", "indicator__order"))


def term_start(programme: Programme) -> date:
    return date(programme.first_year, 1, 1)


def periods(indicator: Indicator, first: date, last: date) -> list[PeriodSpec]:
    """The indicator's periods of the term that end on or after `first` and start by `last`."""
    found = []
    for year in indicator.programme.years:
        specs = (
            PeriodSpec.year(year).months()
            if indicator.frequency == PeriodKind.MONTH
            else [PeriodSpec.year(year)]
        )
        found += [s for s in specs if s.end >= first and s.start <= last]
    return found


@dataclass
class RefreshResult:
    written: int = 0
    cleared: int = 0
    locked: list[str] = field(default_factory=list)


@dataclass
class Touched:
    """What a change concerned: the people and units whose communes may see a new figure."""

    persons: set[int] = field(default_factory=set)
    units: set[int] = field(default_factory=set)


@dataclass
class _Plan:
    """What one recount would change: figures to write and computed figures to remove."""

    writes: list[tuple[Unit, PeriodSpec, Count]] = field(default_factory=list)
    clears: list[DataValue] = field(default_factory=list)


def _plan(
    indicator: Indicator, roster: Roster, specs: list[PeriodSpec], communes: set[int] | None
) -> _Plan:
    plan = _Plan()
    existing = {
        (v.unit_id, v.period.code): v
        for v in DataValue.objects.filter(
            indicator=indicator,
            period__kind=indicator.frequency,
            period__start__gte=specs[0].start,
            period__end__lte=specs[-1].end,
        ).select_related("period", "unit", "indicator__programme")
    }
    covered: dict[int, bool] = {}
    for spec in specs:
        counts = roster.counts(spec.end)
        targets = communes
        if targets is None:
            targets = set(counts) | {pk for pk, code in existing if code == spec.code}
        for pk in sorted(targets):
            unit = roster.locator.unit(pk)
            if unit.tier != indicator.reported_by:
                continue
            if pk not in covered:
                covered[pk] = programme_covers(indicator.programme, unit)
            if not covered[pk]:
                continue
            # A unit that had ended (merged) by then keeps no computed figure.
            count = counts.get(pk) if unit.is_valid_on(spec.end) else None
            current = existing.get((pk, spec.code))
            if count is None or count.total == 0:
                if current is not None and current.note.startswith(NOTE):
                    plan.clears.append(current)
            elif (
                current is None
                or (current.numerator, current.denominator) != (count.trained, count.total)
                or current.note != note_for(count)
            ):
                plan.writes.append((unit, spec, count))
    return plan


def _locked(indicator: Indicator, plan: _Plan) -> set[tuple[int, str]]:
    """(unit id, period code) of the planned changes whose report is submitted or approved."""
    keys = {(u.pk, s.code) for u, s, _ in plan.writes} | {
        (v.unit_id, v.period.code) for v in plan.clears
    }
    if not keys:
        return set()
    found = Submission.objects.filter(
        programme=indicator.programme,
        unit_id__in={k[0] for k in keys},
        period__code__in={k[1] for k in keys},
        status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED),
    ).values_list("unit_id", "period__code")
    return set(found) & keys


def _sync(
    link: PeopleIndicatorLink,
    *,
    first: date,
    last: date,
    touched: Touched | None,
    actor: Any,
    strict: bool,
) -> RefreshResult:
    result = RefreshResult()
    indicator = link.indicator
    specs = periods(indicator, first, last)
    if not specs:
        return result
    roster = Roster(
        link.measure,
        term_start=term_start(indicator.programme),
        first_day=specs[0].end,
        last_day=specs[-1].end,
    )
    communes = (
        None
        if touched is None
        else roster.communes_of(touched.persons, touched.units, [s.end for s in specs])
    )
    plan = _plan(indicator, roster, specs, communes)
    locked = _locked(indicator, plan)
    if locked and strict:
        unit_id, code = min(locked, key=lambda k: (k[1], k[0]))
        unit, period = roster.locator.unit(unit_id), Period.objects.get(code=code)
        raise ValidationError(
            f"Không lưu được vì thay đổi này làm đổi số liệu chỉ tiêu {indicator.code} của "
            f"{unit.name} {period.spec.label}: "
            f"{lock_message(indicator.programme, unit, period)}"
        )
    for value in plan.clears:
        if (value.unit_id, value.period.code) in locked:
            result.locked.append(f"{value.unit.name} {value.period.spec.label}")
            continue
        clear_data_value(value=value, actor=_writer(actor, value.unit))
        result.cleared += 1
    batches: dict[Any, list[ValueRow]] = {}
    stored: dict[str, Period] = {}
    for unit, spec, count in plan.writes:
        if (unit.pk, spec.code) in locked:
            result.locked.append(f"{unit.name} {spec.label}")
            continue
        if spec.code not in stored:
            stored[spec.code] = Period.objects.for_spec(spec)
        batches.setdefault(_writer(actor, unit), []).append(
            ValueRow(
                indicator,
                unit,
                stored[spec.code],
                Figure(numerator=Decimal(count.trained), denominator=Decimal(count.total)),
                note_for(count),
            )
        )
    for writer, rows in batches.items():
        result.written += save_data_values(rows, actor=writer)
    return result


def _writer(actor: Any, unit: Unit) -> Any:
    """Who the figure is written as: the user when they may enter the unit's figures, the
    system when another unit's change moved it."""
    if getattr(actor, "is_authenticated", False) and scope.can_enter(actor, unit):
        return actor
    return None


def _last_day(programme: Programme, through: date | None) -> date:
    return min(through or timezone.localdate(), date(programme.last_year, 12, 31))


def refresh_after_change(
    *,
    since: date,
    persons: Iterable[int] = (),
    units: Iterable[int] = (),
    actor: Any = None,
) -> None:
    """Recount, from `since` to today, the figures of the communes where `persons`' posts or
    posts in `units` count. Raises ValidationError (nothing changed) if one is locked."""
    touched = Touched(set(persons), set(units))
    if not touched.persons and not touched.units:
        return
    for link in links():
        programme = link.indicator.programme
        first = max(since, term_start(programme))
        last = _last_day(programme, None)
        if first <= last:
            _sync(link, first=first, last=last, touched=touched, actor=actor, strict=True)


def refresh_indicator(
    link: PeopleIndicatorLink, *, through: date | None = None, actor: Any = None
) -> RefreshResult:
    """Make every figure of the linked indicator, from the term's start to `through` (today),
    equal to the count. Periods whose report is locked keep their figure and are listed."""
    programme = link.indicator.programme
    return _sync(
        link,
        first=term_start(programme),
        last=_last_day(programme, through),
        touched=None,
        actor=actor,
        strict=False,
    )


def refresh_all(
    programme: Programme | None = None, *, through: date | None = None, actor: Any = None
) -> dict[str, RefreshResult]:
    return {
        f"{link.indicator.code} ({link.indicator.programme.unit.name})": refresh_indicator(
            link, through=through, actor=actor
        )
        for link in links(programme)
    }


def _check_manager(actor: Any, indicator: Indicator) -> None:
    if getattr(actor, "is_authenticated", False) and not scope.can_manage(
        actor, indicator.programme.unit
    ):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {indicator.programme.unit.name} mới gắn hoặc bỏ gắn được "
            "chỉ tiêu."
        )


@transaction.atomic
def link_indicator(
    *, indicator: Indicator, measure: str, actor: Any = None, through: date | None = None
) -> RefreshResult:
    """Count `indicator` from the people and their training from now on, and recount it."""
    _check_manager(actor, indicator)
    if not feedable(indicator):
        raise ValidationError(
            f"Chỉ tiêu {indicator.code} không phải chỉ tiêu tỷ lệ (tử số/mẫu số) do xã, phường "
            "báo cáo nên không tính được từ danh sách cán bộ."
        )
    if Indicator.objects.get(pk=indicator.pk).is_automatic:
        raise ValidationError(f"Chỉ tiêu {indicator.code} đã được tính tự động từ nguồn khác.")
    indicator.__dict__.pop("is_automatic", None)  # a cached "no" would now be wrong
    link = PeopleIndicatorLink.objects.create(
        indicator=indicator,
        measure=measure,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(actor=actor, action="people.link_indicator", target=link, changes={"measure": measure})
    return refresh_indicator(link, through=through, actor=actor)


@transaction.atomic
def unlink_indicator(*, link: PeopleIndicatorLink, actor: Any = None) -> None:
    """Stop computing the indicator; its figures stay as they are and may be typed again."""
    _check_manager(actor, link.indicator)
    record(actor=actor, action="people.unlink_indicator", target=link, changes={})
    link.delete()

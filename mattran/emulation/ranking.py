"""Totals and ranks: each participant's total is the sum of its criteria's scores — the
official score where the organiser has confirmed the sheet, otherwise the self-assessed one
(flagged "chưa chấm chính thức") — and participants are ranked within their tier, ties
sharing a rank (1, 2, 2, 4)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from mattran.emulation.models import Movement, Participation, Score
from mattran.units.models import Tier


@dataclass
class Standing:
    participation: Participation
    total: Decimal | None  # None: nothing submitted yet (or withdrawn)
    official: bool
    maximum: Decimal
    rank: int | None = None

    @property
    def unit(self):
        return self.participation.unit


def competition_ranks(totals: list[Decimal]) -> list[int]:
    """Ranks of totals sorted from the highest: equal totals share a rank, the next one
    skips (100, 95, 95, 90 -> 1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, total in enumerate(totals):
        ranks.append(ranks[-1] if i and total == totals[i - 1] else i + 1)
    return ranks


def sheet_total(participation: Participation, scores: list[Score]) -> Decimal:
    official = participation.reviewed_at is not None
    total = Decimal(0)
    for score in scores:
        value = score.final_score if official and score.final_score is not None else None
        if value is None:
            value = score.self_score
        total += value or Decimal(0)
    return total


def standings(movement: Movement) -> dict[str, list[Standing]]:
    """Every participant by tier (in the order of `Tier`), ranked first, then the ones not
    yet submitted, then the withdrawn."""
    participations = list(movement.participations.select_related("unit", "unit__parent"))
    criteria = list(movement.criteria.all())
    by_participation: dict[int, list[Score]] = defaultdict(list)
    for score in Score.objects.filter(participation__movement=movement).only(
        "participation_id", "criterion_id", "self_score", "final_score"
    ):
        by_participation[score.participation_id].append(score)
    groups: dict[str, list[Standing]] = defaultdict(list)
    for participation in participations:
        tier = participation.unit.tier
        applicable = {c.pk for c in criteria if c.applies_to in ("", tier)}
        maximum = sum((c.max_score for c in criteria if c.pk in applicable), Decimal(0))
        counted = participation.submitted_at or participation.reviewed_at
        total = None
        if counted and not participation.withdrawn_at:
            scores = [s for s in by_participation[participation.pk] if s.criterion_id in applicable]
            total = sheet_total(participation, scores)
        official = participation.reviewed_at is not None
        groups[tier].append(Standing(participation, total, official, maximum))
    ordered: dict[str, list[Standing]] = {}
    for tier in Tier.values:
        if tier not in groups:
            continue
        rows = groups[tier]
        ranked = sorted(
            (s for s in rows if s.total is not None), key=lambda s: (-s.total, s.unit.path)
        )
        for standing, rank in zip(
            ranked, competition_ranks([s.total for s in ranked]), strict=True
        ):
            standing.rank = rank
        rest = sorted(
            (s for s in rows if s.total is None),
            key=lambda s: (s.participation.withdrawn_at is not None, s.unit.path),
        )
        ordered[tier] = ranked + rest
    return ordered


def standing_of(movement: Movement, participation: Participation) -> Standing | None:
    for standing in standings(movement).get(participation.unit.tier, []):
        if standing.participation.pk == participation.pk:
            return standing
    return None

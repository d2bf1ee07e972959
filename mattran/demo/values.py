"""Plausible figures for the demo, drawn from a fixed random seed.

Each ward gets a profile (how diligent it is, when it reaches each milestone) so that
the city ends up with some indicators met, some on track and some behind, as real
reports read. Figures go through the same checks as a clerk's (save_data_values).
"""

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.core.ratings import Rating
from mattran.programmes.models import COMPUTED_LINKS, Programme
from mattran.reporting.models import Period
from mattran.reporting.services import Figure, ValueRow, save_data_values
from mattran.units.models import Tier, Unit

SEED = 2024


@dataclass
class Profile:
    """How one unit behaves over the demo's months."""

    diligence: float
    milestones: dict[str, int] = field(default_factory=dict)  # indicator -> month index reached
    sizes: dict[str, int] = field(default_factory=dict)  # indicator -> denominator
    followers: int = 0


def month_index(period: PeriodSpec) -> int:
    return (period.start.year - 2024) * 12 + period.start.month


def make_profile(rng: random.Random, unit: Unit) -> Profile:
    profile = Profile(diligence=rng.uniform(0.55, 1.25))
    profile.milestones = {
        "I.2a": rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 12]),
        "II.4": rng.choice([1, 1, 2, 2, 3, 4]),
        "II.5": rng.choice([1, 2, 3, 5, 7, 9, 11]),
    }
    profile.sizes = {
        "II.2": rng.randint(40, 160),
        "III.10": rng.randint(3, 12),
        "V.1": rng.randint(14, 26),
        "V.2": rng.randint(8, 15),
    }
    return profile


# City-level figures by month of 2024 (the rest of the months report zero).
CITY_EVENTS = {"III.1": {3: 1, 7: 1}, "III.2": {5: 1}, "III.5": {4: 1, 8: 1}, "III.6": {6: 1}}


def commune_month_figure(
    code: str, profile: Profile, period: PeriodSpec, rng: random.Random
) -> Figure | None:
    m = month_index(period)
    month = period.start.month
    d = profile.diligence
    if code in profile.milestones:
        reached = m >= profile.milestones[code]
        return Figure(boolean=reached)
    if code == "I.2b":
        if m < profile.milestones["I.2a"]:
            return Figure(number=Decimal(0))
        profile.followers += rng.randint(4, 30)
        return Figure(number=Decimal(profile.followers))
    if code == "II.1":
        houses = 1 if rng.random() < 0.2 * d else 0
        return Figure(number=Decimal(houses + (1 if rng.random() < 0.03 else 0)))
    chances = {"III.3": 0.09, "III.4": 0.07, "III.7": 0.14, "III.8": 0.17}
    if code in chances:
        return Figure(number=Decimal(1 if rng.random() < chances[code] * d else 0))
    if code in profile.sizes:
        size = profile.sizes[code]
        if code == "II.2":
            share = 0.8 if month == 1 else min(1.0, 0.93 + 0.07 * d)
        else:
            share = min(1.0, month / 12 * rng.uniform(0.75, 1.2) * d)
        done = min(size, round(size * share))
        return Figure(numerator=Decimal(done), denominator=Decimal(size))
    return None


def city_month_figure(code: str, period: PeriodSpec) -> Figure | None:
    month = period.start.month
    if code == "I.1":
        return Figure(boolean=True)
    if code == "IV.1":
        return Figure(number=Decimal(100))
    if code in CITY_EVENTS:
        return Figure(number=Decimal(CITY_EVENTS[code].get(month, 0)))
    return None


def year_figure(code: str, unit: Unit, year: int, rng: random.Random) -> Figure | None:
    """Yearly assessments: residential areas, ward ratings, the city's own rating."""
    good = rng.random()
    if code in ("I.3", "VI.2"):
        return Figure(boolean=good < 0.95)
    if code == "VI.1":
        return Figure(boolean=good < (0.02 if year == 2024 else 0.12))
    if code == "VI.3":
        return Figure(boolean=good < 0.78)
    if code == "II.3":
        return Figure(number=Decimal(1 if good < (0.12 if year == 2024 else 0.2) else 0))
    if code == "II.6":
        households = rng.randint(180, 420)
        return Figure(
            numerator=Decimal(round(households * rng.uniform(0.88, 0.99))),
            denominator=Decimal(households),
        )
    if code in ("V.4", "V.5", "V.3"):
        grade = Rating.EXCELLENT if good < 0.25 else Rating.GOOD if good < 0.9 else Rating.COMPLETED
        return Figure(rating=int(grade))
    if code == "III.9":
        return Figure(boolean=good < 0.9)
    return None


def computed(indicator) -> bool:
    """Figures computed from another app's records (ratings, training) are not stored."""
    return any(hasattr(indicator, name) for name in COMPUTED_LINKS)


def generate(programme: Programme, first: date, last: date) -> int:
    """Figures for every month from `first` to `last` (and each year they complete)."""
    rng = random.Random(SEED)
    indicators = list(programme.indicators.order_by("order"))
    # Computed ones are still drawn, so that the seed gives every other figure as before.
    skipped = {i.pk for i in indicators if computed(i)}
    months = [p for p in PeriodSpec(first, last, PeriodKind.YEAR).months() if p.end <= last]
    profiles: dict[int, Profile] = {}
    rows: list[ValueRow] = []
    periods = {s: Period.objects.for_spec(s) for s in months}
    for spec in months:
        for unit in units_reporting_on(programme, spec.end):
            profile = profiles.get(unit.pk) or profiles.setdefault(unit.pk, make_profile(rng, unit))
            for indicator in indicators:
                if indicator.frequency != PeriodKind.MONTH or indicator.reported_by != unit.tier:
                    continue
                if unit.tier == Tier.COMMUNE:
                    figure = commune_month_figure(indicator.code, profile, spec, rng)
                else:
                    figure = city_month_figure(indicator.code, spec)
                if figure is not None and indicator.pk not in skipped:
                    rows.append(ValueRow(indicator, unit, periods[spec], figure))
    for year in sorted({s.start.year for s in months if s.start.month == 12}):
        spec = PeriodSpec.year(year)
        period = Period.objects.for_spec(spec)
        for unit in units_reporting_on(programme, spec.end):
            for indicator in indicators:
                if indicator.frequency == PeriodKind.YEAR and indicator.reported_by == unit.tier:
                    figure = year_figure(indicator.code, unit, year, rng)
                    if figure is not None and indicator.pk not in skipped:
                        rows.append(ValueRow(indicator, unit, period, figure))
    return save_data_values(rows)


def units_reporting_on(programme: Programme, day: date) -> list[Unit]:
    """The units that report on `day`: the issuer's subtree, or its successors after a merge."""
    tiers = [Tier.DISTRICT, Tier.COMMUNE, Tier.AREA]
    root = Unit.objects.get(pk=programme.unit_id)  # fresh: a merge may have closed it
    units = list(Unit.objects.subtree(root).valid_on(day).filter(tier__in=tiers))
    if not root.is_valid_on(day):
        units = list(
            Unit.objects.valid_on(day)
            .filter(tier__in=tiers, predecessions__isnull=False)
            .distinct()
        )
    return sorted({u.pk: u for u in units}.values(), key=lambda u: u.path)

"""The training indicators counted from the people (area V of the action programme):

- V.1 "100% cán bộ Mặt trận cấp xã và Trưởng ban Công tác Mặt trận được bồi dưỡng kiến thức,
  kỹ năng công tác Mặt trận, ít nhất 01 lần": the people holding, at the period's end, a
  commune-level Front post (chair, vice-chair, standing member, full-time cadre) in the
  commune or the head's post of one of its residential areas' boards; trained = completed a
  Front-work or professional course that ended between the term's first day and that end.
- V.2 "cán bộ Mặt trận được bồi dưỡng chuyên môn, nghiệp vụ": the commune-level Front posts
  only; trained = completed a professional course in the term so far.

A person counts once per commune however many posts they hold there. A post counts where it
is held at the period's end: someone who moved from one ward to another in June counts in
the second ward from June's figure on. A post in a unit that has since been merged counts for
its successor from the merge date (`reach.Locator`).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from mattran.people.models import Attendance, CourseKind, Measure, Position, Role
from mattran.people.reach import Locator
from mattran.units.models import Tier

COMMUNE_FRONT_POSTS = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.STANDING_MEMBER, Role.CADRE})


@dataclass(frozen=True)
class Rule:
    """Who is counted (roles by the tier of the unit where they are held) and which courses
    make them trained."""

    roles: dict[str, frozenset[str]]
    kinds: frozenset[str]

    def counts(self, position: Position) -> bool:
        return position.role in self.roles.get(position.unit.tier, ())


RULES = {
    Measure.FRONT_TRAINING: Rule(
        roles={Tier.COMMUNE: COMMUNE_FRONT_POSTS, Tier.AREA: frozenset({Role.AREA_HEAD})},
        kinds=frozenset({CourseKind.FRONT_WORK, CourseKind.PROFESSIONAL}),
    ),
    Measure.PROFESSIONAL_TRAINING: Rule(
        roles={Tier.COMMUNE: COMMUNE_FRONT_POSTS},
        kinds=frozenset({CourseKind.PROFESSIONAL}),
    ),
}


@dataclass(frozen=True)
class Count:
    trained: int
    total: int


class Roster:
    """The posts and completed courses of one measure, loaded once for a window of days and
    counted for any day in it."""

    def __init__(
        self,
        measure: str,
        *,
        term_start: date,
        first_day: date,
        last_day: date,
        locator: Locator | None = None,
    ) -> None:
        self.rule = RULES[measure]
        self.term_start = term_start
        self.locator = locator or Locator()
        self.positions = [
            p
            for p in Position.objects.filter(
                Q(end__isnull=True) | Q(end__gte=first_day),
                role__in=set().union(*self.rule.roles.values()),
                start__lte=last_day,
            ).select_related("unit")
            if self.rule.counts(p)
        ]
        self.locator.remember({p.unit_id: p.unit for p in self.positions}.values())
        self.trained_on: dict[int, list[date]] = defaultdict(list)
        for person_id, ended in Attendance.objects.filter(
            person_id__in={p.person_id for p in self.positions},
            completed=True,
            course__kind__in=self.rule.kinds,
            course__end_date__gte=term_start,
            course__end_date__lte=last_day,
        ).values_list("person_id", "course__end_date"):
            self.trained_on[person_id].append(ended)

    def population(self, day: date) -> dict[int, set[int]]:
        """Commune id -> the people holding a counted post there on `day`."""
        found: dict[int, set[int]] = defaultdict(set)
        for position in self.positions:
            if position.holds_on(day):
                commune = self.locator.at_tier(position.unit, Tier.COMMUNE, day)
                if commune is not None:
                    found[commune.pk].add(position.person_id)
        return found

    def is_trained(self, person_id: int, day: date) -> bool:
        return any(self.term_start <= d <= day for d in self.trained_on.get(person_id, ()))

    def counts(self, day: date) -> dict[int, Count]:
        """Commune id -> trained people of the population on `day`, of all of them."""
        return {
            commune: Count(sum(1 for p in people if self.is_trained(p, day)), len(people))
            for commune, people in self.population(day).items()
        }

    def communes_of(self, person_ids: set[int], units: set[int], days: list[date]) -> set[int]:
        """The communes where `person_ids`' posts, or posts held in `units`, count on any of
        `days`: the figures a change to them may move."""
        found: set[int] = set()
        touched = [p for p in self.positions if p.person_id in person_ids or p.unit_id in units]
        extra = [self.locator.unit(pk) for pk in units]
        for day in days:
            for unit in [p.unit for p in touched if p.holds_on(day)] + extra:
                commune = self.locator.at_tier(unit, Tier.COMMUNE, day)
                if commune is not None:
                    found.add(commune.pk)
        return found

"""Reads of the people's records, already narrowed to what a unit's pages may show."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mattran.people.models import (
    BOARD_ROLES,
    Attendance,
    Board,
    Course,
    Person,
    Position,
    Role,
)
from mattran.people.reach import ContactAccess, Locator, people_reached, reach_paths, under_any
from mattran.people.search import fold
from mattran.units.models import Unit

ROLE_ORDER = {role: index for index, role in enumerate(Role.values)}


def list_day(unit: Unit) -> date:
    """The day a unit's lists are seen on: today, or its last day if it has been merged."""
    today = timezone.localdate()
    return min(today, unit.valid_to) if unit.valid_to else today


@dataclass
class PersonRow:
    person: Person
    positions: list[Position] = field(default_factory=list)
    contact: bool = False

    @property
    def rank(self) -> tuple[int, str]:
        first = min((ROLE_ORDER[p.role] for p in self.positions), default=len(ROLE_ORDER))
        return first, self.person.search_name


@dataclass
class RoleCount:
    role: str
    label: str
    board: str
    count: int


@dataclass
class Directory:
    day: date
    rows: list[PersonRow]
    counts: list[RoleCount]


def positions_in(unit: Unit, day: date, *, include_ended: bool = False) -> list[Position]:
    """The posts shown under `unit`: held on `day` where they count then (a merged unit's
    open posts count for its successor), or, with `include_ended`, every post ever recorded
    in the unit's subtree or in the units it took over."""
    found = Position.objects.filter(under_any("unit__path", reach_paths(unit))).select_related(
        "person__unit", "unit__parent", "represents"
    )
    if include_ended:
        return list(found)
    held = found.filter(Q(end__isnull=True) | Q(end__gte=day), start__lte=day)
    locator = Locator()
    return [p for p in held if unit.is_ancestor_of(locator.located(p.unit, day))]


def role_counts(positions: list[Position]) -> list[RoleCount]:
    """How many people hold each role (a person with two posts of a role counts once)."""
    people: dict[str, set[int]] = {}
    for position in positions:
        people.setdefault(position.role, set()).add(position.person_id)
    return [
        RoleCount(role, Role(role).label, board, len(people[role]))
        for board, roles in BOARD_ROLES.items()
        for role in roles
        if role in people
    ]


def directory(
    unit: Unit,
    user,
    *,
    day: date | None = None,
    board: str = "",
    query: str = "",
    include_ended: bool = False,
) -> Directory:
    day = day or list_day(unit)
    current = positions_in(unit, day)
    shown = positions_in(unit, day, include_ended=True) if include_ended else current
    key = fold(query)
    if board in BOARD_ROLES:
        shown = [p for p in shown if p.role in BOARD_ROLES[board]]
    if key:
        shown = [p for p in shown if key in p.person.search_name]
    access = ContactAccess(user)
    rows: dict[int, PersonRow] = {}
    for position in shown:
        row = rows.setdefault(position.person_id, PersonRow(position.person))
        row.positions.append(position)
    if not board:
        kept = Person.objects.filter(under_any("unit__path", [unit.path])).exclude(
            pk__in=list(rows)
        )
        if key:
            kept = kept.filter(search_name__contains=key)
        for person in kept.select_related("unit"):
            rows[person.pk] = PersonRow(person)
    for row in rows.values():
        row.positions.sort(
            key=lambda p: (p.end is not None, ROLE_ORDER[p.role], -p.start.toordinal())
        )
        row.contact = access.sees(row.person)
    return Directory(day, sorted(rows.values(), key=lambda r: r.rank), role_counts(current))


def board_counts(counts: list[RoleCount]) -> list[tuple[str, int]]:
    totals: Counter = Counter()
    for count in counts:
        totals[count.board] += count.count
    return [(Board(board).label, totals[board]) for board in Board.values if totals[board]]


def person_for(unit: Unit, pk: int) -> Person:
    """The person if `unit`'s pages may show them; otherwise 404, as if they did not exist."""
    person = people_reached(unit, Person.objects.filter(pk=pk)).select_related("unit").first()
    if person is None:
        raise Http404("Không tìm thấy người này hoặc người này không thuộc đơn vị.")
    return person


def history(person: Person) -> tuple[list[Position], list[Attendance]]:
    positions = list(
        person.positions.select_related("unit__parent", "represents").order_by("-start", "pk")
    )
    attendances = list(
        person.attendances.select_related("course__organiser").order_by("-course__end_date")
    )
    return positions, attendances


def courses_for(unit: Unit) -> QuerySet[Course]:
    """Courses a unit's pages list: organised by it, by a unit below it (or one it took
    over), or by a unit above it (which trains its people)."""
    return (
        Course.objects.filter(
            under_any("organiser__path", reach_paths(unit))
            | Q(organiser__path__in=unit.ancestor_paths())
        )
        .select_related("organiser")
        .annotate(attendees=Count("attendances"))
        .order_by("-start_date", "pk")
    )


def course_for(unit: Unit, pk: int) -> Course:
    course = courses_for(unit).filter(pk=pk).first()
    if course is None:
        raise Http404("Không tìm thấy lớp bồi dưỡng hoặc lớp không liên quan đến đơn vị này.")
    return course


@dataclass
class AttendanceRow:
    person: Person
    attendance: Attendance | None
    positions: list[Position]


def attendance_rows(unit: Unit, course: Course, query: str = "") -> tuple[list[AttendanceRow], int]:
    """The people of `unit` a course's page lists (its attendees, then the people holding a
    post when the course began), and how many attendees belong to other units."""
    reached = set(
        people_reached(unit, Person.objects.filter(attendances__course=course)).values_list(
            "pk", flat=True
        )
    )
    attendances = {a.person_id: a for a in course.attendances.select_related("person__unit")}
    others = len(set(attendances) - reached)
    holding: dict[int, list[Position]] = {}
    for position in positions_in(unit, course.start_date):
        holding.setdefault(position.person_id, []).append(position)
    people = {a.person_id: a.person for a in attendances.values() if a.person_id in reached}
    for positions in holding.values():
        people.setdefault(positions[0].person_id, positions[0].person)
    key = fold(query)
    rows = [
        AttendanceRow(person, attendances.get(pk), holding.get(pk, []))
        for pk, person in people.items()
        if not key or key in person.search_name
    ]
    rows.sort(key=lambda r: (r.attendance is None, r.person.search_name))
    return rows, others

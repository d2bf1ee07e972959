"""Courses and who attended them. Each change is atomic, audited, and recounts the training
indicators of the communes of the people concerned (`feeding.refresh_after_change`)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from mattran.audit.services import record
from mattran.people import feeding
from mattran.people.models import Attendance, Course, Person
from mattran.people.rights import may_edit, may_record_attendance
from mattran.units.models import Unit

COURSE_FIELDS = ("title", "start_date", "end_date", "level", "kind", "content", "place")
COUNTED_FIELDS = ("start_date", "end_date", "kind")


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def _check_course(actor: Any, organiser: Unit) -> None:
    if not may_edit(actor, organiser):
        raise PermissionDenied(f"Bạn không có quyền cập nhật các lớp của {organiser.name}.")


def _clean(course: Course) -> None:
    if course.start_date and course.end_date and course.end_date < course.start_date:
        raise ValidationError({"end_date": "Ngày kết thúc lớp không được trước ngày khai giảng."})
    try:
        course.full_clean()
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


@transaction.atomic
def create_course(*, organiser: Unit, actor: Any = None, **fields: Any) -> Course:
    _check_course(actor, organiser)
    course = Course(organiser=organiser, created_by=_user(actor))
    for name, value in fields.items():
        if name not in COURSE_FIELDS:
            raise TypeError(name)
        setattr(course, name, value.strip() if isinstance(value, str) else value)
    _clean(course)
    course.save()
    record(
        actor=actor,
        action="people.course_create",
        target=course,
        changes={name: getattr(course, name) for name in COURSE_FIELDS if name != "content"},
    )
    return course


@transaction.atomic
def update_course(*, course: Course, actor: Any = None, **fields: Any) -> Course:
    course = Course.objects.select_for_update().select_related("organiser").get(pk=course.pk)
    _check_course(actor, course.organiser)
    before = {name: getattr(course, name) for name in COURSE_FIELDS}
    for name, value in fields.items():
        if name not in COURSE_FIELDS:
            raise TypeError(name)
        setattr(course, name, value.strip() if isinstance(value, str) else value)
    _clean(course)
    course.save()
    changed = [name for name in COURSE_FIELDS if before[name] != getattr(course, name)]
    if changed:
        record(
            actor=actor,
            action="people.course_update",
            target=course,
            changes={n: [str(before[n]), str(getattr(course, n))] for n in changed},
        )
    if set(changed) & set(COUNTED_FIELDS):
        feeding.refresh_after_change(
            since=min(before["end_date"], course.end_date),
            persons=set(course.attendances.values_list("person_id", flat=True)),
            actor=actor,
        )
    return course


@transaction.atomic
def delete_course(*, course: Course, actor: Any = None) -> None:
    _check_course(actor, course.organiser)
    persons = set(course.attendances.values_list("person_id", flat=True))
    record(
        actor=actor,
        action="people.course_delete",
        target=course,
        changes={"title": course.title, "attendances": len(persons)},
    )
    since = course.end_date
    course.delete()
    feeding.refresh_after_change(since=since, persons=persons, actor=actor)


@dataclass(frozen=True)
class Tick:
    """One row of a course's attendance form."""

    person: Person
    attended: bool
    completed: bool = True
    certificate: str = ""


@transaction.atomic
def save_attendance(
    *, course: Course, ticks: list[Tick], actor: Any = None, refresh: bool = True
) -> int:
    """Add, change or remove the listed people's attendance at `course`, all or nothing;
    returns how many attendances changed. `refresh=False` leaves the recount to the caller
    (a batch that recounts once at its end)."""
    current = {a.person_id: a for a in course.attendances.select_for_update()}
    changed: set[int] = set()
    for tick in ticks:
        person = tick.person
        found = current.get(person.pk)
        want = (tick.completed, tick.certificate.strip()[:255])
        if found is None and not tick.attended:
            continue
        if found is not None and tick.attended and (found.completed, found.certificate) == want:
            continue
        if not may_record_attendance(actor, course, person):
            raise PermissionDenied(
                f"Bạn không có quyền ghi {person.full_name} vào danh sách học viên của lớp này."
            )
        if not tick.attended:
            found.delete()
            action, changes = "people.attendance_remove", {"person": person.full_name}
        elif found is None:
            Attendance.objects.create(
                course=course,
                person=person,
                completed=want[0],
                certificate=want[1],
                created_by=_user(actor),
            )
            action = "people.attendance_add"
            changes = {"person": person.full_name, "completed": want[0]}
        else:
            found.completed, found.certificate = want
            found.save(update_fields=["completed", "certificate"])
            action = "people.attendance_update"
            changes = {"person": person.full_name, "completed": want[0]}
        record(actor=actor, action=action, target=course, changes=changes)
        changed.add(person.pk)
    if changed and refresh:
        feeding.refresh_after_change(since=course.end_date, persons=changed, actor=actor)
    return len(changed)


def attend(
    *,
    course: Course,
    person: Person,
    completed: bool = True,
    certificate: str = "",
    actor: Any = None,
) -> None:
    """Record one person's attendance (a shortcut over `save_attendance`)."""
    save_attendance(
        course=course,
        ticks=[Tick(person, True, completed, certificate)],
        actor=actor,
    )

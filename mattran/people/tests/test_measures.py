"""The count behind V.1 and V.2 compared, on random rosters, with the rule said plainly."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mattran.people.measures import Roster
from mattran.people.models import Attendance, Course, Measure, Person, Position
from mattran.people.search import fold

START = date(2024, 1, 1)
COMMUNE_POSTS = {"chair", "vice_chair", "standing_member", "cadre"}

posts = st.lists(
    st.tuples(
        st.integers(0, 5),  # person
        st.sampled_from(
            [
                ("ward", "chair"),
                ("ward", "cadre"),
                ("ward", "committee_member"),
                ("area", "area_head"),
                ("area", "area_member"),
            ]
        ),
        st.integers(0, 1),  # which ward
        st.integers(-200, 500),  # start, days after 01/01/2024
        st.none() | st.integers(0, 400),  # length in days, or still held
    ),
    max_size=12,
)
courses = st.lists(
    st.tuples(
        st.integers(0, 5),
        st.sampled_from(["front_work", "professional", "other"]),
        st.integers(-100, 500),  # course end, days after 01/01/2024
        st.booleans(),  # completed
    ),
    max_size=8,
)
days = st.lists(
    st.integers(0, 700).map(lambda n: START + timedelta(days=n)), min_size=1, max_size=4
)


def plain(measure, made_posts, made_courses, day):
    kinds = (
        {"front_work", "professional"} if measure == Measure.FRONT_TRAINING else {"professional"}
    )
    roles = COMMUNE_POSTS | ({"area_head"} if measure == Measure.FRONT_TRAINING else set())
    people: dict[int, set[int]] = {}
    for who, ward, role, start, end in made_posts:
        if role in roles and start <= day and (end is None or end >= day):
            people.setdefault(ward, set()).add(who)
    trained = {
        who
        for who, kind, end, done in made_courses
        if done and kind in kinds and START <= end <= day
    }
    return {ward: (len(group & trained), len(group)) for ward, group in people.items()}


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(posts=posts, courses_=courses, days_=days)
def test_the_roster_counts_what_the_rule_says(city, posts, courses_, days_):
    Course.objects.all().delete()
    Person.objects.all().delete()
    people = [Person.objects.create(full_name=f"Người {n}", unit=city.city) for n in range(6)]
    made_posts, keys = [], set()
    for who, (level, role), w, start_day, length in posts:
        ward = city.wards[w]
        unit = ward if level == "ward" else city.areas[ward.code][0]
        start = START + timedelta(days=start_day)
        if (who, unit.pk, role, start) in keys:
            continue  # the database keeps one post per person, unit, role and start
        keys.add((who, unit.pk, role, start))
        end = None if length is None else start + timedelta(days=length)
        Position.objects.create(person=people[who], unit=unit, role=role, start=start, end=end)
        made_posts.append((people[who].pk, ward.pk, role, start, end))
    made_courses = []
    for who, kind, end_day, done in courses_:
        end = START + timedelta(days=end_day)
        course = Course.objects.create(
            title="Lớp",
            organiser=city.city,
            start_date=end,
            end_date=end,
            level="district",
            kind=kind,
        )
        Attendance.objects.create(course=course, person=people[who], completed=done)
        made_courses.append((people[who].pk, kind, end, done))
    for measure in Measure.values:
        roster = Roster(measure, term_start=START, first_day=min(days_), last_day=max(days_))
        for day in days_:
            found = {k: (c.trained, c.total) for k, c in roster.counts(day).items()}
            assert found == plain(measure, made_posts, made_courses, day)


@given(st.text(max_size=40))
def test_folding_ignores_marks_case_and_spacing(text):
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or "ß" in text.lower() or "ı" in text
    assert fold("  Nguyễn   Thị Hoà ") == fold("nguyen thi hoa") == fold("NGUYỄN THỊ HÒA")

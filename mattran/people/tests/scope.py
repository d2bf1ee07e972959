"""The people app's part of the scope matrix (accounts/tests/test_scope_matrix.py): in each of
the first two wards, a cadre with a post and a course the ward organised with the cadre in it."""

from datetime import date

from django.urls import reverse

from mattran.people import services, training


def prepare(world) -> None:
    world.pp_people = {}
    world.pp_positions = {}
    world.pp_courses = {}
    for ward in world.city.wards[:2]:
        person = services.create_person(
            unit=ward, full_name=f"Cán bộ {ward.name}", birth_year=1980, phone="0905000111"
        )
        world.pp_people[ward.code] = person
        world.pp_positions[ward.code] = services.add_position(
            person=person, unit=ward, role="cadre", start=date(2024, 1, 1)
        )
        course = training.create_course(
            organiser=ward,
            title=f"Tập huấn nghiệp vụ {ward.name}",
            start_date=date(2024, 5, 6),
            end_date=date(2024, 5, 7),
            level="commune",
            kind="professional",
        )
        training.attend(course=course, person=person)
        world.pp_courses[ward.code] = course


def urls(world, code) -> dict[str, tuple[str, str]]:
    def pk(name: str) -> int:
        found = getattr(world, name, {})
        return found[code].pk if code in found else 0

    who, post, course = pk("pp_people"), pk("pp_positions"), pk("pp_courses")
    n = "people:"
    return {
        n + "list": ("get", reverse(n + "list", args=[code])),
        n + "export": ("get", reverse(n + "export", args=[code])),
        n + "new": ("get", reverse(n + "new", args=[code])),
        n + "new#post": ("post", reverse(n + "new", args=[code])),
        n + "import": ("get", reverse(n + "import", args=[code])),
        n + "import#post": ("post", reverse(n + "import", args=[code])),
        n + "template": ("get", reverse(n + "template", args=[code])),
        n + "indicators": ("get", reverse(n + "indicators", args=[code])),
        n + "indicators#post": ("post", reverse(n + "indicators", args=[code])),
        n + "person": ("get", reverse(n + "person", args=[code, who])),
        n + "edit": ("post", reverse(n + "edit", args=[code, who])),
        n + "delete": ("post", reverse(n + "delete", args=[code, who])),
        n + "position_add": ("post", reverse(n + "position_add", args=[code, who])),
        n + "position": ("get", reverse(n + "position", args=[code, who, post])),
        n + "position#post": ("post", reverse(n + "position", args=[code, who, post])),
        n + "position_end": ("post", reverse(n + "position_end", args=[code, who, post])),
        n + "position_delete": ("post", reverse(n + "position_delete", args=[code, who, post])),
        n + "courses": ("get", reverse(n + "courses", args=[code])),
        n + "courses#post": ("post", reverse(n + "courses", args=[code])),
        n + "course": ("get", reverse(n + "course", args=[code, course])),
        n + "course#post": ("post", reverse(n + "course", args=[code, course])),
        n + "course_edit": ("get", reverse(n + "course_edit", args=[code, course])),
        n + "course_edit#post": ("post", reverse(n + "course_edit", args=[code, course])),
        n + "course_delete": ("post", reverse(n + "course_delete", args=[code, course])),
    }

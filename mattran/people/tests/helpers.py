"""A small, realistic roster over `mattran.testing.build_world()`, counted by hand in the
tests: two wards' Front posts and area boards, a cadre who moves in July, two courses."""

from dataclasses import dataclass, field
from datetime import date

from mattran.accounts.models import Role as UserRole
from mattran.accounts.models import User
from mattran.people import feeding, services, training
from mattran.people.models import Course, Measure, Person, Position
from mattran.programmes.models import Indicator
from mattran.testing import World, add_indicator


def v_indicators(world: World) -> dict[str, Indicator]:
    """V.1 and V.2 as the demo defines them, linked to the people."""
    found = {}
    for code, measure, text in (
        ("V.1", Measure.FRONT_TRAINING, "Cán bộ Mặt trận cấp xã và Trưởng ban được bồi dưỡng"),
        ("V.2", Measure.PROFESSIONAL_TRAINING, "Cán bộ Mặt trận được bồi dưỡng chuyên môn"),
    ):
        indicator = add_indicator(
            world.programme,
            code,
            text=text,
            value_type="fraction",
            aggregation="ratio",
            targets={2024: "100%"},
        )
        feeding.link_indicator(indicator=indicator, measure=measure)
        found[code] = indicator
    return found


def person(unit, name: str, *, birth_year: int | None = 1975, phone: str = "") -> Person:
    return services.create_person(unit=unit, full_name=name, birth_year=birth_year, phone=phone)


def post(who: Person, unit, role: str, start: date, end: date | None = None, **kw) -> Position:
    return services.add_position(person=who, unit=unit, role=role, start=start, end=end, **kw)


def quietly(who: Person, unit, role: str, start: date, end: date | None = None) -> Position:
    """A post added without recounting (the roster recounts once at its end)."""
    return post(who, unit, role, start, end, refresh=False)


@dataclass
class Roster:
    people: dict[str, Person] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)


def build_roster(world: World) -> Roster:
    """Phường An Mỹ (ward 1): chair Lan, cadre Hùng (until 30/06/2024, then vice-chair of An
    Phú), cadre Mai (from 01/03/2024), area head Dũng (KP1), area member Tư (KP2, not
    counted). Phường An Phú (ward 2): chair Phúc, area head Giang (KP1).
    Courses: a Front-work course ending 12/04/2024 (Lan, Hùng, Phúc completed; Dũng did
    not); a professional course ending 20/09/2024 (Mai and Phúc)."""
    w1, w2 = world.city.wards[0], world.city.wards[1]
    kp = world.city.areas
    r = Roster()
    start = date(2024, 1, 1)
    r.people["lan"] = person(w1, "Trần Thị Lan", phone="0905123456")
    r.people["hung"] = person(w1, "Nguyễn Văn Hùng")
    r.people["mai"] = person(w1, "Lê Thị Mai")
    r.people["dung"] = person(kp[w1.code][0], "Phạm Văn Dũng")
    r.people["tu"] = person(kp[w1.code][1], "Võ Văn Tư")
    r.people["phuc"] = person(w2, "Huỳnh Ngọc Phúc")
    r.people["giang"] = person(kp[w2.code][0], "Đặng Thị Giang")
    p = r.positions
    p["lan"] = quietly(r.people["lan"], w1, "chair", start)
    p["hung1"] = quietly(r.people["hung"], w1, "cadre", start, date(2024, 6, 30))
    p["hung2"] = quietly(r.people["hung"], w2, "vice_chair", date(2024, 7, 1))
    p["mai"] = quietly(r.people["mai"], w1, "cadre", date(2024, 3, 1))
    p["dung"] = quietly(r.people["dung"], kp[w1.code][0], "area_head", start)
    p["tu"] = quietly(r.people["tu"], kp[w1.code][1], "area_member", start)
    p["phuc"] = quietly(r.people["phuc"], w2, "chair", start)
    p["giang"] = quietly(r.people["giang"], kp[w2.code][0], "area_head", start)
    front = training.create_course(
        organiser=world.city.city,
        title="Bồi dưỡng kiến thức, kỹ năng công tác Mặt trận năm 2024",
        start_date=date(2024, 4, 10),
        end_date=date(2024, 4, 12),
        level="district",
        kind="front_work",
        place="Hội trường Thành ủy Tam Kỳ",
    )
    ticks = [training.Tick(r.people[n], True) for n in ("lan", "hung", "phuc")]
    ticks.append(training.Tick(r.people["dung"], True, completed=False))
    training.save_attendance(course=front, ticks=ticks, refresh=False)
    skills = training.create_course(
        organiser=world.city.province,
        title="Tập huấn nghiệp vụ giám sát, phản biện xã hội",
        start_date=date(2024, 9, 18),
        end_date=date(2024, 9, 20),
        level="province",
        kind="professional",
    )
    training.save_attendance(
        course=skills,
        ticks=[training.Tick(r.people[n], True) for n in ("mai", "phuc")],
        refresh=False,
    )
    feeding.refresh_all(world.programme)
    r.courses = {"front": front, "skills": skills}
    return r


def user(username: str, role: str, unit) -> User:
    return User.objects.create_user(username=username, password="mattran2024", role=role, unit=unit)


def area_user(world: World) -> User:
    ward = world.city.wards[0]
    return user("kp1.viewer", UserRole.VIEWER, world.city.areas[ward.code][0])

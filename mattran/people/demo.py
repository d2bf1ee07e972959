"""The Front's people in the Tam Kỳ demo: the city committee (term IX, 2024–2029) with the
sectors and member organisations its members represent, full-time cadres of the city and
every ward, the head of every residential area's Front board (full boards in An Mỹ), People's
Inspection and Community Investment Supervision Boards in a few wards, opinion collaborators,
four courses of 2024 with who attended, and the programme's V.1 and V.2 counted from them.

Every name is made up from common family and given names; phone numbers are in the 0123
range, which no network has used since 2018, and e-mail addresses are at example.com. Two
careers show what the counts must follow: a cadre of Phước Hòa who became a cadre of Tân Thạnh
on 01/07/2024, and An Mỹ's cadre who became its vice-chair on 16/06/2025. Phước Hòa's posts
stay open: after its merge into An Xuân (01/01/2025, with `--through 2025`) they count there.
"""

import random
from datetime import date

from django.db import transaction

from mattran.people import feeding, services, training
from mattran.people.models import Course, Measure, Person
from mattran.programmes.models import Programme
from mattran.units.models import Tier, Unit

SEED = 1930  # the Front's founding year
FAMILY = ["Nguyễn"] * 6 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ"]
FAMILY += ["Phan", "Trương", "Đoàn", "Lương", "Hồ", "Ngô", "Đặng", "Bùi", "Thái", "Đỗ", "Châu"]
MEN = ["Văn", "Văn", "Đình", "Ngọc", "Công", "Minh", "Quang", "Hữu", "Đức", "Tấn"]
WOMEN = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim"]
MEN_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lộc", "Phúc", "Sơn", "Tâm", "Thành"]
MEN_GIVEN += ["Tuấn", "Lực", "Hòa", "Quang", "Trung", "Nhân", "Toàn", "Vinh", "Khánh", "Nam"]
WOMEN_GIVEN = ["Hoa", "Mai", "Lan", "Cúc", "Hồng", "Liên", "Nga", "Phượng", "Thu", "Hà"]
WOMEN_GIVEN += ["Tuyết", "Yến", "Hương", "Trang", "Sen", "Huệ", "Nhung", "Ánh", "Vân", "Thảo"]

TERM_START = date(2024, 1, 1)
LAST_TERM = date(2019, 7, 1)
# The city committee's members from other sectors, besides the member organisations' heads
# and the wards' chairs.
SECTORS = [
    "Phật giáo",
    "Công giáo",
    "Tin lành",
    "Doanh nghiệp",
    "Hội Doanh nhân trẻ",
    "Nhân sĩ, trí thức",
    "Văn nghệ sĩ",
    "Hội Luật gia",
    "Hội Đông y",
    "Hội Nạn nhân chất độc da cam/dioxin",
    "Người Hoa",
    "Y tế",
]
COURSES = [
    {
        "key": "front",
        "title": "Bồi dưỡng kiến thức, kỹ năng công tác Mặt trận cho cán bộ Mặt trận cơ sở năm "
        "2024",
        "kind": "front_work",
        "level": "district",
        "start_date": date(2024, 3, 19),
        "end_date": date(2024, 3, 21),
        "place": "Trung tâm Chính trị thành phố Tam Kỳ",
        "content": "Luật Mặt trận Tổ quốc Việt Nam; Điều lệ MTTQ Việt Nam; kỹ năng tập hợp, "
        "vận động Nhân dân; tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
    },
    {
        "key": "supervision",
        "title": "Tập huấn nghiệp vụ giám sát và phản biện xã hội năm 2024",
        "kind": "professional",
        "level": "province",
        "start_date": date(2024, 5, 14),
        "end_date": date(2024, 5, 15),
        "place": "Hội trường Ủy ban MTTQ Việt Nam tỉnh Quảng Nam",
        "content": "Quyết định 217, 218-QĐ/TW; quy trình giám sát chuyên đề, hội nghị phản biện.",
    },
    {
        "key": "area_heads",
        "title": "Bồi dưỡng nghiệp vụ công tác Mặt trận cho Trưởng ban Công tác Mặt trận khu "
        "dân cư",
        "kind": "front_work",
        "level": "district",
        "start_date": date(2024, 6, 25),
        "end_date": date(2024, 6, 26),
        "place": "Hội trường Ủy ban MTTQ Việt Nam thành phố Tam Kỳ",
        "content": "Vai trò của Ban Công tác Mặt trận; xây dựng khu dân cư văn hóa; hòa giải ở "
        "cơ sở; nắm bắt dư luận xã hội.",
    },
    {
        "key": "boards",
        "title": "Tập huấn nghiệp vụ cho Ban Thanh tra Nhân dân và Ban Giám sát đầu tư của cộng "
        "đồng",
        "kind": "professional",
        "level": "district",
        "start_date": date(2024, 10, 22),
        "end_date": date(2024, 10, 23),
        "place": "Hội trường Ủy ban MTTQ Việt Nam thành phố Tam Kỳ",
        "content": "Luật Thực hiện dân chủ ở cơ sở 2022; giám sát đầu tư của cộng đồng.",
    },
]


class Names:
    """Made-up names, never twice, with a phone in the unallocated 0123 range."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.phones = 0

    def person(self, unit: Unit, *, woman: bool | None = None, email: bool = False) -> Person:
        rng = self.rng
        while True:
            female = rng.random() < 0.45 if woman is None else woman
            name = (
                f"{rng.choice(FAMILY)} {rng.choice(WOMEN if female else MEN)} "
                f"{rng.choice(WOMEN_GIVEN if female else MEN_GIVEN)}"
            )
            if name not in self.used:
                self.used.add(name)
                break
        self.phones += 1
        mail = f"mttq.{unit.code}.{self.phones:03d}@example.com" if email else ""
        return services.create_person(
            unit=unit,
            full_name=name,
            gender="female" if female else "male",
            birth_year=rng.randint(1962, 1992),
            phone=f"0123 4{self.phones:02d} {rng.randint(100, 999)}" if rng.random() < 0.8 else "",
            email=mail,
        )


def post(person: Person, unit: Unit, role: str, start: date, end: date | None = None, **kw):
    return services.add_position(
        person=person, unit=unit, role=role, start=start, end=end, refresh=False, **kw
    )


def link_indicators(programme: Programme) -> None:
    """V.1 and V.2 of the programme are counted from the people (before any figure exists)."""
    for code, measure in (("V.1", Measure.FRONT_TRAINING), ("V.2", Measure.PROFESSIONAL_TRAINING)):
        indicator = programme.indicators.filter(code=code).first()
        if indicator is not None and not hasattr(indicator, "people_link"):
            feeding.link_indicator(indicator=indicator, measure=measure, through=TERM_START)


@transaction.atomic
def create_people(city: Unit, programme: Programme, *, through: date) -> None:
    """The people, their posts and courses; V.1 and V.2 linked and counted to `through`."""
    link_indicators(programme)
    rng = random.Random(SEED)
    names = Names(rng)
    wards = list(Unit.objects.filter(parent=city, tier=Tier.COMMUNE).order_by("code"))
    organisations = list(Unit.objects.filter(parent=city, tier=Tier.MEMBER_ORG).order_by("code"))
    city_people = _city(names, city, organisations, wards)
    ward_people = {ward.code: _ward(names, rng, ward) for ward in wards}
    _careers(names, wards)
    _courses(rng, city, city_people, ward_people)
    refresh_figures(programme, through=through)


def refresh_figures(programme: Programme, *, through: date) -> None:
    feeding.refresh_all(programme, through=through)


def _city(names: Names, city: Unit, organisations: list[Unit], wards: list[Unit]) -> list[Person]:
    """The city committee: chair, vice-chairs, the member organisations' heads on the standing
    board, the wards' chairs and members from the sectors; four full-time cadres."""
    staff = []
    chair = names.person(city, email=True)
    post(chair, city, "chair", LAST_TERM)
    staff.append(chair)
    for _ in range(2):
        vice = names.person(city, email=True)
        post(vice, city, "vice_chair", date(2024, 6, 27))
        staff.append(vice)
    for org in organisations:
        head = names.person(city, woman=True if "phụ nữ" in org.name.lower() else None)
        role = (
            "standing_member"
            if org.code.split("-")[-1] in ("hnd", "hlhpn", "hccb")
            else ("committee_member")
        )
        post(head, city, role, date(2024, 6, 27), represents=org, sector=org.name)
    for sector in SECTORS:
        member = names.person(city)
        post(member, city, "committee_member", date(2024, 6, 27), sector=sector)
    for work in ("Văn phòng", "Ban Phong trào", "Ban Dân chủ - Pháp luật", "Ban Tổ chức"):
        cadre = names.person(city, email=True)
        post(cadre, city, "cadre", date(2021, 3, 1), note=work)
        staff.append(cadre)
    return staff


def _ward(names: Names, rng: random.Random, ward: Unit) -> dict[str, list[Person]]:
    """A ward's standing board and cadre, its areas' board heads (full boards in An Mỹ),
    and, in some wards, the inspection and supervision boards and opinion collaborators."""
    short = ward.code.removeprefix("tamky-")
    city = ward.parent
    found: dict[str, list[Person]] = {"commune": [], "areas": [], "boards": []}
    chair = names.person(ward)
    post(chair, ward, "chair", LAST_TERM)
    post(chair, city, "committee_member", date(2024, 6, 27), sector=f"Ủy ban MTTQ {ward.name}")
    vice = names.person(ward)
    post(vice, ward, "vice_chair", date(2024, 4, 10))
    found["commune"] += [chair, vice]
    if short not in ("anmy", "phuochoa"):  # theirs are the careers below
        cadre = names.person(ward)
        post(cadre, ward, "cadre", date(2022, 9, 1))
        found["commune"].append(cadre)
    for area in Unit.objects.filter(parent=ward, tier=Tier.AREA).order_by("code"):
        head = names.person(area)
        post(head, area, "area_head", date(2024, 5, 1) if rng.random() < 0.3 else LAST_TERM)
        found["areas"].append(head)
        if short == "anmy" and area.code.endswith(("01", "02", "03", "04")):
            post(names.person(area), area, "area_deputy", LAST_TERM)
            for _ in range(3):
                post(names.person(area), area, "area_member", LAST_TERM)
    boards = {"anmy": "both", "tanthanh": "inspection", "tamthang": "inspection", "tamphu": "both"}
    for kind in ("inspection", "supervision"):
        if boards.get(short) not in (kind, "both"):
            continue
        head = names.person(ward)
        post(head, ward, f"{kind}_head", date(2024, 7, 15))
        found["boards"].append(head)
        for _ in range(4):
            member = names.person(ward)
            post(member, ward, f"{kind}_member", date(2024, 7, 15))
            found["boards"].append(member)
    if short in ("anmy", "hoahuong"):
        for _ in range(3 if short == "anmy" else 2):
            post(names.person(ward), ward, "collaborator", date(2024, 9, 1))
    return found


def _careers(names: Names, wards: list[Unit]) -> None:
    by_code = {w.code.removeprefix("tamky-"): w for w in wards}
    anmy, phuochoa, tanthanh = by_code["anmy"], by_code["phuochoa"], by_code["tanthanh"]
    ha = names.person(anmy, woman=True)
    post(ha, anmy, "cadre", date(2020, 8, 1), date(2025, 6, 15))
    post(ha, anmy, "vice_chair", date(2025, 6, 16), note="Được hiệp thương cử làm Phó Chủ tịch")
    minh = names.person(phuochoa, woman=False)
    post(minh, phuochoa, "cadre", date(2021, 5, 1), date(2024, 6, 30))
    post(minh, tanthanh, "cadre", date(2024, 7, 1), note="Điều động từ phường Phước Hòa")
    stays = names.person(phuochoa, woman=True)
    post(stays, phuochoa, "cadre", date(2024, 7, 1))


def _courses(rng, city: Unit, city_people, ward_people) -> None:
    province = city.parent
    made = {}
    for spec in COURSES:
        fields = {k: v for k, v in spec.items() if k != "key"}
        organiser = province if spec["level"] == "province" else city
        made[spec["key"]] = training.create_course(organiser=organiser, **fields)
    commune = [p for w in ward_people.values() for p in w["commune"]]
    commune += list(
        Person.objects.filter(positions__role="cadre", unit__tier=Tier.COMMUNE).distinct()
    )
    commune = sorted({p.pk: p for p in commune}.values(), key=lambda p: p.pk)
    plan = {
        "front": [(p, 0.8) for p in commune]
        + [(p, 0.3) for w in ward_people.values() for p in w["areas"]],
        "supervision": [(p, 0.45) for p in commune] + [(p, 0.9) for p in city_people],
        "area_heads": [(p, 0.5) for w in ward_people.values() for p in w["areas"]],
        "boards": [(p, 0.85) for w in ward_people.values() for p in w["boards"]],
    }
    for key, candidates in plan.items():
        course = made[key]
        chosen = {}
        for person, chance in candidates:
            if person.pk not in chosen and rng.random() < chance:
                done = rng.random() < 0.93
                chosen[person.pk] = training.Tick(
                    person,
                    True,
                    completed=done,
                    certificate=f"Giấy chứng nhận số {len(chosen) + 1:03d}/GCN" if done else "",
                )
        training.save_attendance(course=course, ticks=list(chosen.values()), refresh=False)


def clear() -> None:
    """Remove the demo's people and courses (units and indicators cascade the rest)."""
    Course.objects.all().delete()
    Person.objects.all().delete()

"""Poor and near-poor households of Tam Kỳ's 13 wards and communes, their support, the city's
temporary-house removal decision of 2023 and the solidarity houses of 2023–2025.

Names and addresses are made up (family names common in Quảng Nam, streets of Tam Kỳ); no
phone or identifier belongs to anyone. The figures follow the city's programme: "trên 100
nhà Đại đoàn kết" over the term with 30 in 2024, 100% of poor and near-poor households
visited at Tết, a house funded with 60.000.000 đồng from the fund.

Houses are dated; what the demo's data stands at (the last month of the II.1 figures,
August 2024 by default) decides which are handed over, under construction or planned. The
programme's II.1 is then linked to the houses and its monthly figures, drawn at random by
`demo.values`, are set to the number of houses handed over. Those months' reports are already
approved in the demo (locked), so the figures are written directly, as the service would have
written them month by month.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from mattran.accounts.models import Role, User
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.households.feeding import handed_over_count, note_for, unit_at_tier
from mattran.households.models import (
    ApprovalDecision,
    ApprovalListEntry,
    FundingKind,
    FundingSource,
    Household,
    HouseholdStatus,
    HouseKind,
    HousePhoto,
    HouseStatus,
    HousingIndicatorLink,
    PersonalDataGrant,
    PovertyStatus,
    SolidarityHouse,
    Support,
    SupportKind,
)
from mattran.programmes.models import Programme
from mattran.reporting.models import DataValue, Period
from mattran.units.models import Tier, Unit

SEED = 1543
FRONTIER = date(2024, 8, 31)  # when the demo's figures stop, unless II.1 says otherwise

FAMILY = ["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ"]
FAMILY += ["Phan", "Trương", "Trương", "Đoàn", "Lương", "Hồ", "Ngô", "Đặng", "Bùi", "Thái"]
MEN = ["Văn", "Văn", "Văn", "Đình", "Ngọc", "Công", "Minh"]
WOMEN = ["Thị", "Thị", "Thị", "Thị", "Ngọc"]
MEN_GIVEN = ["An", "Bảy", "Cường", "Dũng", "Hai", "Hùng", "Lộc", "Phúc", "Sáu", "Tám", "Thành"]
MEN_GIVEN += ["Tư", "Lực", "Chín", "Hòa", "Quang", "Trung", "Nhân", "Toàn"]
WOMEN_GIVEN = ["Lài", "Hoa", "Mai", "Lan", "Cúc", "Hồng", "Liên", "Nga", "Phượng", "Thu"]
WOMEN_GIVEN += ["Tuyết", "Yến", "Bông", "Mười", "Thơm", "Sen", "Lựu", "Huệ", "Nhung", "Ánh"]
STREETS = ["Phan Bội Châu", "Trần Cao Vân", "Huỳnh Thúc Kháng", "Hùng Vương", "Nguyễn Hoàng"]
STREETS += ["Phan Chu Trinh", "Tiểu La", "Lê Lợi", "Bạch Đằng", "Duy Tân", "Nguyễn Du"]

DECISION = {
    "number": "1543/QĐ-UBND",
    "signed_on": date(2023, 6, 15),
    "issuer": "UBND thành phố Tam Kỳ",
    "title": "Phê duyệt danh sách hộ được hỗ trợ xóa nhà tạm, nhà dột nát giai đoạn 2023–2025",
    "first_year": 2023,
    "last_year": 2025,
}
# Months of 2024 in which the 30 houses of the year are handed over (20 by August).
HANDOVER_2024 = [1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8]
HANDOVER_2024 += [9, 9, 10, 10, 10, 11, 11, 11, 12, 12]
HANDOVER_2025 = [2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 0, 0]  # 0: still under construction
SPONSORS = [
    "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Tam Kỳ",
    "Công ty Điện lực Quảng Nam",
    "Hội đồng hương Tam Kỳ tại Thành phố Hồ Chí Minh",
    "Công ty Cổ phần Cấp thoát nước Quảng Nam",
]
TET_GIVERS = [
    "Ủy ban MTTQ Việt Nam {ward}",
    "Ủy ban MTTQ Việt Nam {ward}",
    "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ",
    "Hội Chữ thập đỏ thành phố Tam Kỳ",
    "Ngân hàng Chính sách xã hội thành phố Tam Kỳ",
]


@dataclass
class PlannedHouse:
    household: Household
    year: int
    month: int  # of handover; 0 when it is not finished
    kind: str
    entry: ApprovalListEntry | None


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def frontier_of(programme: Programme) -> date:
    last = (
        DataValue.objects.filter(
            indicator__programme=programme, indicator__code="II.1", period__kind=PeriodKind.MONTH
        )
        .order_by("-period__end")
        .values_list("period__end", flat=True)
        .first()
    )
    return last or FRONTIER


@transaction.atomic
def create_households(city: Unit, programme: Programme) -> None:
    """The register, the decision and the houses of the 13 wards and communes; II.1 linked."""
    rng = random.Random(SEED)
    frontier = min(frontier_of(programme), timezone.localdate())
    wards = list(
        Unit.objects.filter(parent=city, tier=Tier.COMMUNE)
        .valid_on(date(2024, 1, 1))
        .order_by("code")
    )
    houses_2024 = [2] * len(wards)
    for index in rng.sample(range(len(wards)), 30 - 2 * len(wards)):
        houses_2024[index] += 1
    with_2023 = set(rng.sample(range(len(wards)), 10))
    with_2025 = set(rng.sample([i for i, w in enumerate(wards) if "phuochoa" not in w.code], 12))
    decision = ApprovalDecision.objects.create(unit=city, **DECISION)
    planned: list[PlannedHouse] = []
    months_2024 = list(HANDOVER_2024)
    rng.shuffle(months_2024)
    months_2025 = list(HANDOVER_2025)
    rng.shuffle(months_2025)
    on_list_2024 = set(rng.sample(range(30), 18))
    house_no = 0
    august = None
    for index, ward in enumerate(wards):
        clerk = User.objects.filter(unit=ward, role=Role.DATA_CLERK).first()
        households = _households(rng, ward, clerk, houses_2024[index] + 2 + rng.randint(0, 2))
        queue = list(households)
        for _ in range(houses_2024[index]):
            household = queue.pop(0)
            month = months_2024[house_no]
            if "tamthanh" in ward.code and august is None:
                month, august = 8, household  # the handover the August report tells of
            entry = None
            kind = HouseKind.BUILD if rng.random() < 0.7 else HouseKind.REPAIR
            if house_no in on_list_2024:
                entry = ApprovalListEntry.objects.create(
                    decision=decision, household=household, scheduled_year=2024, kind=kind
                )
            planned.append(PlannedHouse(household, 2024, month, kind, entry))
            house_no += 1
        for year, chosen, months in ((2023, with_2023, None), (2025, with_2025, months_2025)):
            if index not in chosen or not queue:
                continue
            household = queue.pop(0)
            kind = HouseKind.BUILD if rng.random() < 0.6 else HouseKind.REPAIR
            entry = ApprovalListEntry.objects.create(
                decision=decision, household=household, scheduled_year=year, kind=kind
            )
            month = rng.choice([9, 10, 11, 12]) if months is None else months.pop()
            planned.append(PlannedHouse(household, year, month, kind, entry))
        _statuses(rng, ward, households, {p.household.pk for p in planned if p.year == 2023})
        if august is not None and august.unit.parent_id == ward.pk:
            august.statuses.update(status=PovertyStatus.NEAR_POOR)  # "cho hộ cận nghèo"
        _supports(rng, ward, households, frontier)
    houses = [h for p in planned if (h := _house(rng, p, frontier)) is not None]
    _photos(houses)
    _grant(city)
    _link_and_sync(programme, frontier)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        woman = rng.random() < 0.55
        middle = rng.choice(WOMEN if woman else MEN)
        given = rng.choice(WOMEN_GIVEN if woman else MEN_GIVEN)
        name = f"{rng.choice(FAMILY)} {middle} {given}"
        if name not in used:
            used.add(name)
            return name


def _households(rng, ward: Unit, clerk, count: int) -> list[Household]:
    areas = list(
        Unit.objects.filter(parent=ward, tier=Tier.AREA).valid_on(date(2024, 1, 1)).order_by("code")
    )
    used: set[str] = set()
    found = []
    urban = ward.kind == "ward"
    for n in range(1, count + 1):
        area = rng.choice(areas) if areas else ward
        team = rng.randint(1, 9)
        place = f"tổ {team}, {lower_first(area.name)}, {lower_first(ward.name)}"
        if urban and rng.random() < 0.4:
            address = f"Kiệt {rng.randint(3, 160)} {rng.choice(STREETS)}, {place}"
        else:
            address = place[0].upper() + place[1:]
        area_no = area.code.rsplit("-", 1)[-1].upper() if area != ward else "00"
        found.append(
            Household.objects.create(
                unit=area,
                head_name=_name(rng, used),
                address=address,
                members=rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6]),
                code=f"{ward.code.removeprefix('tamky-')[:4].upper()}-{area_no}-{n:02d}",
                created_by=clerk,
            )
        )
    return found


def _statuses(rng, ward: Unit, households: list[Household], housed_2023: set[int]) -> None:
    place = lower_first(ward.name)
    rows = []
    for household in households:
        first = PovertyStatus.POOR if rng.random() < 0.55 else PovertyStatus.NEAR_POOR
        if rng.random() < 0.06:
            first = PovertyStatus.OTHER  # "hộ khó khăn về nhà ở"
        second = first
        chance = rng.random()
        if household.pk in housed_2023 and chance < 0.45:
            second = PovertyStatus.ESCAPED
        elif first == PovertyStatus.POOR and chance < 0.2:
            second = PovertyStatus.NEAR_POOR
        elif first == PovertyStatus.NEAR_POOR and chance < 0.15:
            second = PovertyStatus.ESCAPED
        for year, status in ((2023, first), (2024, second)):
            number = rng.randint(120, 480)
            rows.append(
                HouseholdStatus(
                    household=household,
                    year=year,
                    status=status,
                    decided_by=f"Quyết định số {number}/QĐ-UBND ngày 28/12/{year - 1} của "
                    f"UBND {place}",
                    created_by=household.created_by,
                )
            )
    HouseholdStatus.objects.bulk_create(rows)


def _supports(rng, ward: Unit, households: list[Household], frontier: date) -> None:
    rows = []
    statuses = {
        (s.household_id, s.year): s.status
        for s in HouseholdStatus.objects.filter(household__in=households)
    }
    needy = (PovertyStatus.POOR, PovertyStatus.NEAR_POOR, PovertyStatus.OTHER)
    # Tết Quý Mão fell on 22/01/2023, Tết Giáp Thìn on 10/02/2024.
    for year, first, last in (
        (2023, date(2023, 1, 5), date(2023, 1, 19)),
        (2024, date(2024, 1, 22), date(2024, 2, 8)),
    ):
        for household in households:
            if statuses.get((household.pk, year)) not in needy or rng.random() < 0.04:
                continue
            giver = rng.choice(TET_GIVERS).format(ward=lower_first(ward.name))
            rows.append(
                Support(
                    household=household,
                    date=first + timedelta(days=rng.randint(0, (last - first).days)),
                    kind=SupportKind.TET_GIFT,
                    description=f"Thăm hỏi, tặng quà Tết Nguyên đán {year}",
                    amount=Decimal(rng.choice([300_000, 500_000, 500_000, 1_000_000])),
                    in_kind="01 phần quà (gạo, dầu ăn, bánh mứt)",
                    giver=giver,
                    created_by=household.created_by,
                )
            )
    for household in households:
        chance = rng.random()
        if chance < 0.25:
            rows.append(
                Support(
                    household=household,
                    date=date(2024, rng.randint(3, 7), rng.randint(1, 28)),
                    kind=SupportKind.LIVELIHOOD,
                    description="Hỗ trợ sinh kế theo mô hình giúp hộ nghèo thoát nghèo bền vững",
                    amount=Decimal(rng.choice([3_000_000, 5_000_000, 15_000_000])),
                    in_kind=rng.choice(
                        ["01 con bò giống", "50 con gà giống", "Cây giống, phân bón"]
                    ),
                    giver="Hội Nông dân " + lower_first(ward.name),
                    created_by=household.created_by,
                )
            )
        elif chance < 0.4:
            rows.append(
                Support(
                    household=household,
                    date=date(2024, rng.randint(1, 6), rng.randint(1, 28)),
                    kind=SupportKind.HEALTH,
                    description="Tặng thẻ bảo hiểm y tế cho các thành viên trong hộ",
                    amount=Decimal(972_000 * household.members),
                    giver="Ủy ban MTTQ Việt Nam " + lower_first(ward.name),
                    created_by=household.created_by,
                )
            )
    Support.objects.bulk_create([s for s in rows if s.date <= frontier])


def _dates(rng, plan: PlannedHouse) -> tuple[date, date | None]:
    if plan.month == 0:  # not finished: started in June
        return date(plan.year, 6, rng.randint(3, 20)), None
    handover = date(plan.year, plan.month, rng.randint(5, 27))
    return handover - timedelta(days=rng.randint(45, 95)), handover


def _house(rng, plan: PlannedHouse, frontier: date) -> SolidarityHouse | None:
    started, handover = _dates(rng, plan)
    if handover and handover <= frontier:
        status = HouseStatus.HANDED_OVER
    elif started <= frontier:
        status, handover = HouseStatus.BUILDING, None
    elif plan.year == 2024:
        status, started, handover = HouseStatus.PLANNED, None, None
    else:
        return None
    build = plan.kind == HouseKind.BUILD
    cost = Decimal(rng.choice([80, 85, 90, 100]) if build else rng.choice([35, 40, 45])) * 1_000_000
    house = SolidarityHouse.objects.create(
        household=plan.household,
        kind=plan.kind,
        year=plan.year,
        list_entry=plan.entry,
        cost=cost,
        started_on=started,
        handed_over_on=handover,
        status=status,
        created_by=plan.household.created_by,
    )
    main = Decimal(60_000_000 if build else 30_000_000)
    sources = [(FundingKind.STATE if plan.entry else FundingKind.FUND, "", main)]
    rest = cost - main
    if rng.random() < 0.35:
        gift = Decimal(rng.choice([10, 15, 20])) * 1_000_000 if build else Decimal(5_000_000)
        gift = min(gift, rest)
        if gift:
            sources.append((FundingKind.SPONSOR, rng.choice(SPONSORS), gift))
            rest -= gift
    if rest > 0 and rng.random() < 0.92:  # a few families' share is not recorded yet
        sources.append((FundingKind.HOUSEHOLD, "", rest))
    FundingSource.objects.bulk_create(
        FundingSource(house=house, kind=kind, sponsor=sponsor, amount=amount)
        for kind, sponsor, amount in sources
    )
    return house


def _picture(seed: int, finished: bool) -> bytes:
    """A small drawing of a house: walls, a roof, a door (JPEG, a few kilobytes)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (480, 320), (196, 226, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 250, 480, 320), fill=(120, 170, 90))
    wall = rng.choice([(246, 230, 200), (240, 240, 235), (250, 215, 170)])
    draw.rectangle((120, 150, 360, 260), fill=wall if finished else (180, 180, 180))
    roof = rng.choice([(170, 50, 40), (40, 90, 150), (190, 90, 40)])
    draw.polygon([(100, 155), (240, 70), (380, 155)], fill=roof if finished else (140, 140, 140))
    draw.rectangle((220, 195, 260, 260), fill=(110, 70, 40))
    draw.rectangle((145, 180, 190, 215), fill=(140, 190, 230))
    draw.rectangle((290, 180, 335, 215), fill=(140, 190, 230))
    out = BytesIO()
    image.save(out, format="JPEG", quality=70)
    return out.getvalue()


def _photos(houses: list[SolidarityHouse]) -> None:
    rows = []
    for house in houses:
        if house.status == HouseStatus.PLANNED:
            continue
        shots = [("khoi-cong", "Lễ khởi công", False)]
        if house.status == HouseStatus.HANDED_OVER:
            shots.append(("ban-giao", "Lễ bàn giao nhà", True))
        for slug, caption, finished in shots:
            data = _picture(house.pk * 10 + len(rows), finished)
            rows.append(
                HousePhoto(
                    house=house,
                    name=f"{slug}-nha-{house.pk}.jpg",
                    content_type="image/jpeg",
                    data=data,
                    size=len(data),
                    caption=caption,
                    uploaded_by=house.created_by,
                )
            )
    HousePhoto.objects.bulk_create(rows)


def _grant(city: Unit) -> None:
    """An Mỹ lets the city's clerk check its records for six months."""
    admin = User.objects.filter(unit__code="tamky-anmy", role=Role.UNIT_ADMIN).first()
    clerk = User.objects.filter(unit=city, role=Role.DATA_CLERK).first()
    ward = Unit.objects.filter(code="tamky-anmy").first()
    if admin and clerk and ward:
        PersonalDataGrant.objects.create(
            user=clerk,
            unit=ward,
            granted_by=admin,
            reason="Kiểm tra hồ sơ hỗ trợ xóa nhà tạm, nhà dột nát năm 2024",
            valid_until=timezone.localdate() + timedelta(days=180),
        )


def _link_and_sync(programme: Programme, frontier: date) -> None:
    """II.1 counts the houses: every monthly figure up to the frontier equals them."""
    indicator = programme.indicators.filter(code="II.1").first()
    if indicator is None:
        return
    HousingIndicatorLink.objects.get_or_create(indicator=indicator)
    pairs: dict[tuple[int, str], tuple[Unit, PeriodSpec]] = {}
    for house in SolidarityHouse.objects.filter(
        status=HouseStatus.HANDED_OVER, handed_over_on__year__in=programme.years
    ).select_related("household__unit__parent"):
        unit = unit_at_tier(house.household.unit, indicator.reported_by)
        month = PeriodSpec.month(house.handed_over_on.year, house.handed_over_on.month)
        if unit is not None and month.end <= frontier and unit.is_valid_on(month.end):
            pairs[(unit.pk, month.code)] = (unit, month)
    existing = {
        (v.unit_id, v.period.code): v
        for v in DataValue.objects.filter(
            indicator=indicator, period__kind=PeriodKind.MONTH
        ).select_related("unit", "period")
    }
    for key, value in existing.items():
        pairs.setdefault(key, (value.unit, value.period.spec))
    for key, (unit, month) in pairs.items():
        count = handed_over_count(unit, month)
        value = existing.get(key)
        if value is None:
            DataValue.objects.create(
                indicator=indicator,
                unit=unit,
                period=Period.objects.for_spec(month),
                number=Decimal(count),
                note=note_for(count),
                version=1,
            )
        elif value.number != count or value.note != note_for(count):
            value.number, value.note, value.version = (
                Decimal(count),
                note_for(count),
                value.version + 1,
            )
            value.save(update_fields=["number", "note", "version"])

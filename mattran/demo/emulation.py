"""The city's 2024 emulation movement for the campaign "Toàn dân đoàn kết xây dựng nông thôn
mới, đô thị văn minh": criteria for the 13 wards and communes and for their residential
areas, modelled on a town committee's plan of 2024 (working rules, training, digital
transformation, the poor relief fund, removing temporary houses on schedule, the great
unity festival), partly scored: nine wards and a handful of residential areas submitted
their self-assessment, five wards and two areas have official scores.

The movement keeps its 2024 dates, so the self-assessment is closed today; Tam Thanh is
reopened for thirty days so that its clerk can try the form, and the organiser can reopen
any other participant ("Mở lại cho đơn vị tự chấm").
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from mattran.core.numbers import format_money
from mattran.emulation import movements
from mattran.emulation.models import Movement, Participation
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.plans.models import Plan, PlanKind
from mattran.programmes.models import Programme
from mattran.units.models import Tier, Unit

SEED = 1811
TITLE = (
    "Phong trào thi đua thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, "
    "đô thị văn minh” năm 2024"
)
SITE = "https://mattrantamky.vn/vi/news/thi-dua-2024"
COMMUNE, AREA = Tier.COMMUNE, Tier.AREA

# number, applies to, max score, text, evidence, indicator code (computed), target per unit
CRITERIA = [
    (
        "1",
        "",
        10,
        "Xây dựng, ban hành và thực hiện quy chế làm việc (quy chế hoạt động) nhiệm kỳ 2024 - 2029",
        "Quy chế đã ban hành (số, ngày); biên bản hội nghị thông qua quy chế.",
        "",
        "",
    ),
    (
        "2",
        COMMUNE,
        10,
        "Xây dựng kế hoạch và tổ chức tập huấn, bồi dưỡng nghiệp vụ công tác Mặt trận cho cán "
        "bộ và Ban Công tác Mặt trận khu dân cư",
        "Kế hoạch tập huấn; danh sách học viên; hình ảnh lớp tập huấn.",
        "",
        "",
    ),
    (
        "2",
        AREA,
        10,
        "Trưởng ban và các thành viên Ban Công tác Mặt trận tham gia đầy đủ các lớp tập huấn "
        "do Ủy ban MTTQ Việt Nam xã, phường tổ chức",
        "Xác nhận của Ủy ban MTTQ Việt Nam xã, phường.",
        "",
        "",
    ),
    (
        "3",
        "",
        15,
        "Chuyển đổi số: có ứng dụng công nghệ thông tin trong hoạt động; duy trì trang tin "
        "Zalo OA (xã, phường) hoặc nhóm Zalo thông tin đến Nhân dân (khu dân cư)",
        "Đường dẫn trang Zalo OA hoặc nhóm Zalo; số tin bài đã đăng.",
        "",
        "",
    ),
    (
        "4",
        "",
        20,
        "Vận động ủng hộ Quỹ “Vì người nghèo” đạt và vượt chỉ tiêu được giao",
        "Sổ theo dõi, biên nhận nộp Quỹ; tỷ lệ so với chỉ tiêu được giao.",
        "",
        "",
    ),
    (
        "5",
        COMMUNE,
        20,
        "Hoàn thành tiến độ xóa nhà tạm, nhà dột nát; mỗi địa phương hỗ trợ xây mới, sửa chữa "
        "ít nhất 02 nhà Đại đoàn kết trong năm",
        "Tính từ số liệu chỉ tiêu II.1 các đơn vị đã báo cáo.",
        "II.1",
        "02 nhà",
    ),
    (
        "5",
        AREA,
        20,
        "Vận động Nhân dân hỗ trợ ngày công, vật liệu xóa nhà tạm, nhà dột nát cho hộ nghèo, "
        "hộ khó khăn về nhà ở",
        "Danh sách hộ được hỗ trợ; số ngày công, giá trị vận động.",
        "",
        "",
    ),
    (
        "6",
        COMMUNE,
        10,
        "Tham mưu cấp ủy tổ chức ít nhất 01 hội nghị đối thoại trực tiếp giữa người đứng đầu "
        "cấp ủy, chính quyền với Nhân dân",
        "Tính từ số liệu chỉ tiêu III.8 các đơn vị đã báo cáo.",
        "III.8",
        "",
    ),
    (
        "6",
        AREA,
        10,
        "Xây dựng, duy trì ít nhất 01 mô hình tự quản hoặc công trình phục vụ cộng đồng góp "
        "phần xây dựng nông thôn mới, đô thị văn minh",
        "Quyết định ra mắt mô hình; hình ảnh công trình.",
        "",
        "",
    ),
    (
        "7",
        "",
        15,
        "Xây dựng kế hoạch và chuẩn bị tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024 ở "
        "khu dân cư (có cả phần Lễ và phần Hội)",
        "Kế hoạch tổ chức Ngày hội; văn bản hướng dẫn các khu dân cư.",
        "",
        "",
    ),
]

# Wards that submitted (nine of thirteen), the five scored officially, and the areas.
SUBMITTED = [
    "anphu",
    "anson",
    "anxuan",
    "hoathuan",
    "phuochoa",
    "tanthanh",
    "truongxuan",
    "tamphu",
    "tamthang",
]
REVIEWED = ["anxuan", "hoathuan", "tanthanh", "truongxuan", "tamphu"]
AREAS_SUBMITTED = [
    "anphu-kp01",
    "anphu-kp02",
    "anphu-kp03",
    "tamthang-thon01",
    "tamthang-thon02",
    "truongxuan-kp01",
]
AREAS_REVIEWED = ["anphu-kp01", "tamthang-thon01"]
REOPENED = "tamthanh"

DEDUCTIONS = [
    (Decimal("0.5"), "Minh chứng chưa đầy đủ (thiếu biên bản hội nghị)."),
    (Decimal(1), "Kết quả chưa đạt như thuyết minh; trừ 01 điểm."),
    (Decimal(2), "Minh chứng không thể hiện kết quả thực hiện trong thời gian phong trào."),
]
HALF = Decimal("0.5")


def _half(value: float) -> Decimal:
    """Scores in halves, as committees score: 8,5; 9; 9,5."""
    return (Decimal(str(value)) / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP) * HALF


def _aware(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 30)))


def _note(number: str, unit: Unit, rng: random.Random) -> str:
    ward = unit.parent.name if unit.tier == AREA else unit.name
    if number == "1":
        if unit.tier == AREA:
            day = rng.randint(2, 28)
            return f"Ban Công tác Mặt trận thông qua quy chế hoạt động ngày {day:02d}/04/2024."
        return (
            f"Ban hành Quy chế làm việc của Ủy ban MTTQ Việt Nam {ward[0].lower()}{ward[1:]} "
            f"nhiệm kỳ 2024 - 2029 (Quyết định số {rng.randint(1, 9):02d}/QĐ-MTTQ ngày "
            f"{rng.randint(2, 28):02d}/0{rng.randint(3, 5)}/2024)."
        )
    if number == "2":
        if unit.tier == AREA:
            return "Trưởng ban và 02 thành viên tham gia lớp tập huấn do phường, xã tổ chức."
        return (
            f"Kế hoạch số {rng.randint(10, 40)}/KH-MTTQ; tổ chức 01 lớp tập huấn cho "
            f"{rng.randint(25, 60)} học viên."
        )
    if number == "3":
        posts = rng.randint(12, 80)
        where = "nhóm Zalo của khu dân cư" if unit.tier == AREA else "trang Zalo OA"
        return f"Duy trì {where}, đăng {posts} tin bài; dùng phần mềm quản lý văn bản."
    if number == "4":
        amount = Decimal(
            rng.randint(30, 260) * 1_000_000
            if unit.tier == COMMUNE
            else rng.randint(3, 25) * 1_000_000
        )
        return (
            f"Vận động được {format_money(amount)} ủng hộ Quỹ “Vì người nghèo”, đạt "
            f"{rng.randint(96, 135)}% chỉ tiêu được giao."
        )
    if number == "5":
        return f"Vận động {rng.randint(20, 90)} ngày công hỗ trợ sửa chữa nhà cho hộ khó khăn."
    if number == "6":
        return "Duy trì mô hình “Tuyến đường hoa, cây xanh, sạch đẹp”."
    return "Ban hành kế hoạch tổ chức Ngày hội; hướng dẫn các khu dân cư chuẩn bị."


def create_movement(city: Unit, programme: Programme) -> Movement:
    rng = random.Random(SEED)
    indicators = {i.code: i for i in programme.indicators.all()}
    plan = Plan.objects.filter(unit=city, year=2024, kind=PlanKind.CAMPAIGN).first()
    movement = movements.create_movement(
        organiser=city,
        title=TITLE,
        plan=plan,
        starts_on=date(2024, 3, 15),
        ends_on=date(2024, 10, 31),
        participant_tiers=[COMMUNE, AREA],
        self_due_on=date(2024, 11, 15),
        review_due_on=date(2024, 11, 30),
        award_on=date(2024, 12, 15),
        award_threshold=Decimal(90),
        award_form="Giấy khen của Ủy ban MTTQ Việt Nam thành phố",
        criteria=[
            {
                "number": number,
                "applies_to": tier,
                "max_score": Decimal(maximum),
                "text": text,
                "evidence": evidence,
                "source": "indicator" if code else "manual",
                "indicator": indicators.get(code),
                "target": target,
            }
            for number, tier, maximum, text, evidence, code, target in CRITERIA
        ],
    )
    movements.open_movement(movement=movement, now=_aware(date(2024, 3, 15), 8))
    participations = {
        p.unit.code.removeprefix("tamky-"): p
        for p in movement.participations.select_related("unit", "unit__parent")
    }
    for code in SUBMITTED + AREAS_SUBMITTED:
        _self_assess(participations[code], rng)
    for code in REVIEWED + AREAS_REVIEWED:
        _review(participations[code], rng)
    if REOPENED in participations:
        movements.reopen(
            participation=participations[REOPENED],
            until=timezone.localdate() + timedelta(days=30),
        )
    return movement


def _self_assess(participation: Participation, rng: random.Random) -> None:
    unit, movement = participation.unit, participation.movement
    diligence = rng.uniform(0.8, 1.0)
    suffix = unit.code.removeprefix("tamky-")
    entries = {}
    for criterion in movement.criteria_for(unit.tier):
        share = min(1.0, diligence + rng.uniform(-0.08, 0.12))
        link = f"{SITE}/{suffix}-tieu-chi-{criterion.number}.html" if rng.random() < 0.8 else ""
        entry = SelfEntry(
            score=None if criterion.computed else _half(float(criterion.max_score) * share),
            note="" if criterion.computed else _note(criterion.number, unit, rng),
            link="" if criterion.computed else link,
        )
        if criterion.number == "1" and unit.tier == COMMUNE and rng.random() < 0.5:
            entry.file_name = f"quy-che-lam-viec-{suffix}.txt"
            entry.file_data = (
                f"QUY CHẾ LÀM VIỆC\nỦy ban MTTQ Việt Nam {unit.name} nhiệm kỳ 2024 - 2029"
            ).encode()
        entries[criterion.pk] = entry
    day = date(2024, 11, rng.randint(4, 14))
    save_self_assessment(participation=participation, entries=entries, submit=True, now=_aware(day))


def _review(participation: Participation, rng: random.Random) -> None:
    scores = {s.criterion_id: s for s in participation.scores.all()}
    entries = {}
    for criterion in participation.movement.criteria_for(participation.unit.tier):
        score = scores[criterion.pk]
        if criterion.computed:
            entries[criterion.pk] = ReviewEntry()
            continue
        deduction, note = (Decimal(0), "")
        if rng.random() < 0.3:
            deduction, note = rng.choice(DEDUCTIONS)
        final = max(Decimal(0), (score.self_score or Decimal(0)) - deduction)
        entries[criterion.pk] = ReviewEntry(score=final, note=note)
    day = date(2024, 11, rng.randint(20, 29))
    review_sheet(participation=participation, entries=entries, now=_aware(day, 15))

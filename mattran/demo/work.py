"""What the committee, its member organisations and the wards did each month beyond the
counted supervisions and dialogues: media posts, events, models launched, houses handed
over, works to greet the congress, training, people's diplomacy — modelled on the August
2024 monthly report (seed 003) — and the city's 2024 work plan with its tasks."""

import random
from datetime import date, timedelta
from decimal import Decimal

from mattran.activities.models import Activity, ActivityType
from mattran.core.periods import PeriodSpec
from mattran.plans.models import Plan, PlanDeadline, PlanSection, Task
from mattran.plans.services import assign
from mattran.units.models import Tier, Unit

SITE = "https://mattrantamky.vn/vi/news"

# August 2024, as the city's report tells it.
AUGUST_CITY = [
    ("media_post", "Tin bài trên trang thông tin điện tử Mặt trận thành phố", 31, None, None, ""),
    ("media_post", "Tin bài trên trang Facebook của Mặt trận thành phố", 37, 848, None, ""),
    ("media_post", "Bài đăng trên Zalo OA Ủy ban MTTQ Việt Nam thành phố", 20, None, None, ""),
    (
        "event",
        "Tổ chức Hội nghị tổng kết và trao thưởng cuộc thi trực tuyến tìm hiểu Nghị quyết "
        "Đại hội MTTQ Việt Nam thành phố Tam Kỳ lần thứ IX",
        None,
        None,
        None,
        f"{SITE}/thong-tin-kinh-te-xa-hoi/cuoc-thi-truc-tuyen-tim-hieu-nghi-quyet-dai-hoi-658.html",
    ),
    (
        "fund_support",
        "Hỗ trợ kinh phí xây dựng 01 nhà cho hộ nghèo huyện Nam Trà My",
        None,
        None,
        Decimal(60_000_000),
        "",
    ),
    (
        "supervision",
        "Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội trên "
        "địa bàn xã Tam Thăng",
        None,
        None,
        None,
        f"{SITE}/thong-tin-tuyen-truyen/giam-sat-tin-dung-chinh-sach-xa-tam-thang-634.html",
    ),
    (
        "diplomacy",
        "Thăm, chúc mừng Ban Trị sự Giáo hội Phật giáo Việt Nam thành phố nhân dịp "
        "Đại lễ Vu Lan năm 2024",
        None,
        None,
        None,
        f"{SITE}/thong-tin-kinh-te-xa-hoi/tham-chuc-mung-ban-tri-su-ghpg-653.html",
    ),
    (
        "emulation",
        "Tổ chức Hội nghị tổng kết phong trào thi đua chào mừng Đại hội MTTQ Việt Nam "
        "các cấp; đề xuất khen thưởng 01 tập thể, 01 cá nhân",
        None,
        None,
        None,
        f"{SITE}/thong-tin-kinh-te-xa-hoi/tam-ky-khen-thuong-thi-dua-643.html",
    ),
]
AUGUST_WARDS = {
    "anphu": [
        (
            "model_launch",
            "Ra mắt mô hình “Vận động Nhân dân khai thác thủy sản bền vững "
            "và không bắt động vật hoang dã”",
        )
    ],
    "hoathuan": [
        (
            "event",
            "Chương trình văn nghệ chào mừng Đại hội đại biểu MTTQ Việt Nam tỉnh "
            "Quảng Nam lần thứ XI",
        )
    ],
    "tamthanh": [("house_handover", "Bàn giao nhà Đại đoàn kết cho hộ cận nghèo")],
    "tanthanh": [
        (
            "model_launch",
            "Ra mắt mô hình “Tôn giáo cùng khu dân cư đảm bảo an sinh xã "
            "hội, khuyến học khuyến tài và tham gia chuyển đổi số”",
        )
    ],
}
MEMBER_WORK = {
    "hnd": "Ra mắt Tổ hội nông dân nghề nghiệp trồng rau an toàn",
    "hlhpn": "Tổ chức tập huấn khởi nghiệp cho hội viên phụ nữ",
    "thanhdoan": "Ra quân “Ngày Chủ nhật xanh”",
}
WARD_TITLES = {
    "work_item": "Công trình, phần việc chào mừng Đại hội MTTQ Việt Nam các cấp",
    "training": "Tập huấn công tác Mặt trận cho cán bộ Mặt trận cơ sở",
    "event": "Hoạt động văn hóa - văn nghệ, kỷ niệm ngày lễ lớn",
    "model_launch": "Ra mắt mô hình dân vận khéo",
}


def create_work(city: Unit, through: date) -> int:
    """Activities from January to `through`, the same on every run."""
    rng = random.Random(2024)
    kinds = {k.code: k for k in ActivityType.objects.all()}
    wards = list(Unit.objects.filter(parent=city, tier=Tier.COMMUNE).order_by("code"))
    members = {
        u.code.removeprefix("tamky-"): u
        for u in Unit.objects.filter(parent=city, tier=Tier.MEMBER_ORG)
    }
    batch: list[Activity] = []
    month = PeriodSpec.month(2024, 1)
    while month.end <= through:
        active = [w for w in wards if w.is_valid_on(month.end)]
        if (month.start.year, month.start.month) == (2024, 8):
            batch += _august(city, active, kinds, rng)
        else:
            batch += _ordinary(city, active, kinds, rng, month)
        for code, title in MEMBER_WORK.items():
            if code in members and rng.random() < 0.5:
                batch.append(_activity(members[code], kinds["event"], month, rng, title))
        month = PeriodSpec.month(month.end.year + month.end.month // 12, month.end.month % 12 + 1)
    Activity.objects.bulk_create(batch)
    return len(batch)


def _activity(unit, kind, month, rng, title, **fields) -> Activity:
    day = month.start + timedelta(days=rng.randint(0, (month.end - month.start).days))
    return Activity(unit=unit, type=kind, date=day, title=title, **fields)


def _august(city, wards, kinds, rng) -> list[Activity]:
    month = PeriodSpec.month(2024, 8)
    batch = [
        _activity(
            city,
            kinds[code],
            month,
            rng,
            title,
            quantity=quantity,
            interactions=reach,
            amount=amount,
            link=link,
        )
        for code, title, quantity, reach, amount, link in AUGUST_CITY
    ]
    by_suffix = {w.code.removeprefix("tamky-"): w for w in wards}
    for suffix, items in AUGUST_WARDS.items():
        for code, title in items:
            amount = Decimal(60_000_000) if code == "house_handover" else None
            batch.append(
                _activity(by_suffix[suffix], kinds[code], month, rng, title, amount=amount)
            )
    # 31 posts on the wards' Facebook pages; 35 works worth 13,386 billion đồng in all.
    posts = [3, 2, 3, 2, 3, 2, 2, 3, 2, 3, 2, 2, 2]
    works = [3, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 2, 3]
    values = [
        Decimal(v) * 1_000_000
        for v in (1_250, 980, 1_105, 870, 1_320, 1_015, 760, 1_180, 1_046, 905, 1_090, 935, 930)
    ]
    for ward, post, work, value in zip(wards, posts, works, values, strict=False):
        batch.append(
            _activity(
                ward,
                kinds["media_post"],
                month,
                rng,
                "Tin, hình ảnh hoạt động trên Fanpage",
                quantity=post,
            )
        )
        batch.append(
            _activity(
                ward,
                kinds["work_item"],
                month,
                rng,
                WARD_TITLES["work_item"],
                quantity=work,
                amount=value,
            )
        )
        batch.append(_activity(ward, kinds["training"], month, rng, WARD_TITLES["training"]))
    return batch


def _ordinary(city, wards, kinds, rng, month) -> list[Activity]:
    batch = [
        _activity(
            city,
            kinds["media_post"],
            month,
            rng,
            "Tin bài trên trang thông tin điện tử Mặt trận thành phố",
            quantity=rng.randint(18, 34),
        ),
        _activity(
            city,
            kinds["media_post"],
            month,
            rng,
            "Tin bài trên trang Facebook của Mặt trận thành phố",
            quantity=rng.randint(20, 40),
            interactions=rng.randint(400, 1200),
        ),
    ]
    for ward in wards:
        batch.append(
            _activity(
                ward,
                kinds["media_post"],
                month,
                rng,
                "Tin, hình ảnh hoạt động trên Fanpage",
                quantity=rng.randint(1, 4),
            )
        )
        if rng.random() < 0.3:
            code = rng.choice(["event", "model_launch", "training"])
            batch.append(_activity(ward, kinds[code], month, rng, WARD_TITLES[code]))
    return batch


PLAN_TASKS = [
    # section, owner suffix ("" = the city itself), text, due date
    (
        "1",
        "",
        "Tổ chức giao ban đội ngũ cộng tác viên nắm bắt dư luận xã hội Quý III/2024",
        date(2024, 9, 30),
    ),
    (
        "1",
        "",
        "Tổ chức Hội nghị thông tin tình hình phát triển kinh tế - xã hội của thành phố "
        "Tam Kỳ trong 09 tháng đầu năm",
        date(2024, 9, 25),
    ),
    (
        "2",
        "",
        "Tổ chức Diễn đàn “Nhân dân đóng góp ý kiến xây dựng lực lượng Cảnh sát giao "
        "thông thành phố” năm 2024",
        date(2024, 9, 20),
    ),
    ("2", "", "Tổ chức thực hiện chương trình giám sát theo kế hoạch", date(2024, 9, 30)),
    (
        "3",
        "hnd",
        "Tổ chức 04 lớp tập huấn chuyển giao tiến bộ khoa học kỹ thuật cho hội viên nông dân",
        date(2024, 11, 30),
    ),
    (
        "3",
        "hlhpn",
        "Vận động hội viên phụ nữ phát triển kinh tế, hỗ trợ 05 mô hình khởi nghiệp",
        date(2024, 10, 31),
    ),
    ("3", "thanhdoan", "Tổ chức Ngày hội Thanh niên với văn hóa giao thông", date(2024, 12, 31)),
]
PLAN_SECTIONS = {
    "1": "Công tác tuyên truyền, vận động",
    "2": "Giám sát, phản biện xã hội, tham gia xây dựng Đảng, chính quyền",
    "3": "Nhiệm vụ của các tổ chức thành viên",
}


def create_plan(city: Unit) -> Plan:
    plan = Plan.objects.create(
        unit=city,
        title="Kế hoạch công tác Mặt trận năm 2024",
        number="05/KH-MTTQ-BTT",
        issued_on=date(2024, 1, 15),
        year=2024,
    )
    sections = {
        number: PlanSection.objects.create(plan=plan, number=number, title=title, order=i)
        for i, (number, title) in enumerate(PLAN_SECTIONS.items())
    }
    for order, (section, owner, text, due) in enumerate(PLAN_TASKS):
        owner_unit = Unit.objects.get(code=f"tamky-{owner}") if owner else city
        task = Task.objects.create(
            plan=plan,
            section=sections[section],
            owner=owner_unit,
            owner_text=owner_unit.name,
            text=text,
            due_on=due,
            order=order,
        )
        assign(task)
    PlanDeadline.objects.create(
        plan=plan, due_on=date(2024, 11, 10), text="Gửi báo cáo kết quả công tác Mặt trận năm 2024"
    )
    return plan

"""Tam Kỳ's ratings and boards at work: the city's 2024 ratings of its wards (and, with the
2025 reorganisation, the 2025 ratings of the four new wards), some wards' ratings of their
residential areas' boards and of their own boards, the People's Inspection Boards' cases and
the Community Investment Supervision Boards' projects (invented, worded as such records are).

The programme's III.9, III.10, V.3, V.4 and V.5 are linked before the random figures are
drawn (`demo.values` skips linked indicators); once the records exist their figures are
computed. The monthly reports of 2024 are already approved in the demo (locked), so those
figures are written directly, as the service would have written them month by month.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.boards import feeding
from mattran.boards.models import (
    BoardIndicatorLink,
    CaseKind,
    CaseStatus,
    Funding,
    InspectionCase,
    InvestmentProject,
    Measure,
    Subject,
    YearlyRating,
)
from mattran.core.ratings import Rating
from mattran.programmes.models import Programme
from mattran.reporting.models import DataValue, Period
from mattran.units.models import Tier, Unit

SEED = 1811
LINKS = {
    "III.9": Measure.INSPECTION_EFFECTIVE,
    "III.10": Measure.PROJECTS_SUPERVISED,
    "V.3": Measure.COMMITTEE_RATING,
    "V.4": Measure.COMMITTEE_RATING,
    "V.5": Measure.AREA_BOARD_RATING,
}
# Wards whose standing board rated every residential area's board in 2024.
AREAS_RATED = ("tamky-anmy", "tamky-anphu", "tamky-hoathuan", "tamky-tamthang", "tamky-tamngoc")
WARD_RATINGS_2024 = {
    "tamky-anmy": (
        Rating.EXCELLENT,
        "Dẫn đầu khối phường về vận động Quỹ “Vì người nghèo”; "
        "100% khu dân cư tổ chức Ngày hội Đại đoàn kết.",
    ),
    "tamky-tamthang": (
        Rating.EXCELLENT,
        "Hoàn thành vượt chỉ tiêu nhà Đại đoàn kết; mô hình “Tuyến đường hoa” được nhân rộng.",
    ),
    "tamky-anson": (
        Rating.COMPLETED,
        "Chậm báo cáo 3 kỳ; chưa tổ chức Hội nghị phản biện xã hội trong năm.",
    ),
}
GOOD_WORDS = "Hoàn thành các chỉ tiêu, nhiệm vụ được giao; báo cáo đầy đủ, đúng hạn."

CASES = [
    (
        CaseKind.SUPERVISION,
        "Giám sát việc thu, chi và quyết toán quỹ phòng, chống thiên tai",
        "UBND phường",
        "Thu đúng đối tượng, có công khai; 02 khối phố chậm nộp chứng từ.",
        2,
        2,
    ),
    (
        CaseKind.SUPERVISION,
        "Giám sát việc thực hiện Quy chế dân chủ ở cơ sở tại các khối phố",
        "Ban điều hành các khối phố",
        "Niêm yết công khai chưa đầy đủ tại 01 khối phố.",
        1,
        1,
    ),
    (
        CaseKind.PETITION,
        "Tiếp nhận phản ánh việc lấn chiếm vỉa hè, lòng đường",
        "Đội Quản lý trật tự đô thị",
        "Phản ánh đúng; đề nghị xử lý dứt điểm.",
        1,
        1,
    ),
    (
        CaseKind.SUPERVISION,
        "Giám sát việc rà soát, xét duyệt hộ nghèo, hộ cận nghèo",
        "UBND phường",
        "Quy trình đúng; 03 hộ cần rà soát lại thu nhập.",
        3,
        2,
    ),
    (
        CaseKind.COMPLAINT,
        "Giám sát việc giải quyết đơn khiếu nại về bồi thường giải phóng mặt bằng",
        "UBND phường, Trung tâm Phát triển quỹ đất",
        "Còn 01 đơn quá hạn giải quyết.",
        2,
        1,
    ),
    (
        CaseKind.VERIFICATION,
        "Xác minh phản ánh về chất lượng bữa ăn bán trú tại trường mầm non",
        "Ban giám hiệu Trường Mầm non",
        "Thực đơn chưa đúng định lượng một số ngày.",
        2,
        2,
    ),
    (
        CaseKind.SUPERVISION,
        "Giám sát việc thu gom, xử lý rác thải sinh hoạt tại chợ",
        "Ban quản lý chợ",
        "Điểm tập kết quá tải vào ngày phiên chợ.",
        2,
        0,
    ),
]
PROJECTS = [
    ("Bê tông hóa đường kiệt khối phố {n}", [Funding.PEOPLE, Funding.COMMUNE_BUDGET], 850),
    ("Nâng cấp nhà văn hóa khối phố {n}", [Funding.COMMUNE_BUDGET, Funding.SOCIALISATION], 1200),
    ("Lắp đặt đèn chiếu sáng các tuyến kiệt khối phố {n}", [Funding.PEOPLE], 420),
    (
        "Nạo vét mương thoát nước khu dân cư khối phố {n}",
        [Funding.PEOPLE, Funding.COMMUNE_BUDGET],
        180,
    ),
    ("Xây tường rào, cổng ngõ trường tiểu học", [Funding.UPPER_BUDGET], 2300),
    (
        "Kiên cố hóa kênh mương nội đồng thôn {n}",
        [Funding.COMMUNE_BUDGET, Funding.UPPER_BUDGET],
        1650,
    ),
]
WARDS_WITH_RECORDS = (
    "tamky-anmy",
    "tamky-anphu",
    "tamky-anson",
    "tamky-hoathuan",
    "tamky-tamthang",
    "tamky-tamngoc",
    "tamky-truongxuan",
    "tamky-anxuan",
)


def link_indicators(programme: Programme) -> None:
    """Mark the programme's rating and board indicators as computed (no figures yet)."""
    for indicator in programme.indicators.filter(code__in=list(LINKS)):
        BoardIndicatorLink.objects.get_or_create(
            indicator=indicator, defaults={"measure": LINKS[indicator.code]}
        )


def _when(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _rate(unit: Unit, subject: str, year: int, rating: int, reasons: str, by: User | None):
    YearlyRating.objects.update_or_create(
        unit=unit,
        subject=subject,
        year=year,
        defaults={
            "rating": int(rating),
            "reasons": reasons,
            "rated_by": by,
            "rated_at": _when(date(year, 12, 20)),
        },
    )


def _grade(rng: random.Random, good_share: float) -> int:
    draw = rng.random()
    if draw < 0.2:
        return Rating.EXCELLENT
    return Rating.GOOD if draw < good_share else Rating.COMPLETED


def _reasons(rating: int, name: str) -> str:
    if rating == Rating.EXCELLENT:
        return f"{name} tổ chức tốt Ngày hội Đại đoàn kết; vận động Nhân dân hiến đất mở đường."
    if rating == Rating.COMPLETED:
        return "Sinh hoạt định kỳ chưa đều; chưa có mô hình tự quản mới."
    return ""


def _ratings(year: int, wards: list[Unit], rng: random.Random) -> None:
    admin = User.objects.filter(username="admin").first()
    for ward in wards:
        board = User.objects.filter(unit=ward.parent, role=Role.UNIT_ADMIN).first() or admin
        rating, words = WARD_RATINGS_2024.get(ward.code, (Rating.GOOD, GOOD_WORDS))
        if year != 2024:
            rating, words = Rating.GOOD, GOOD_WORDS
        _rate(ward, Subject.COMMITTEE, year, rating, words, board)
        own = User.objects.filter(unit=ward, role=Role.UNIT_ADMIN).first()
        new_ward = ward.code.startswith("danang-")
        if ward.code in AREAS_RATED or new_ward:
            for area in Unit.objects.filter(parent=ward, tier=Tier.AREA).valid_on(
                date(year, 12, 31)
            )[: 10 if new_ward else 12]:
                grade = _grade(rng, 0.93)
                _rate(area, Subject.AREA_BOARD, year, grade, _reasons(grade, area.name), own)
        if ward.code in ("tamky-anmy", "tamky-anson", "tamky-tamthang") or new_ward:
            grade = Rating.COMPLETED if ward.code == "tamky-anson" else Rating.GOOD
            words = "Giám sát còn ít, kiến nghị chưa được theo dõi đến cùng." if grade == 2 else ""
            _rate(ward, Subject.INSPECTION_BOARD, year, grade, words, own)
    city = wards[0].parent
    if city.tier == Tier.DISTRICT:
        _rate(city, Subject.COMMITTEE, year, Rating.GOOD, GOOD_WORDS, admin)


def _cases(ward: Unit, first: date, last: date, rng: random.Random) -> None:
    span = (last - first).days
    for kind, title, body, findings, made, resolved in rng.sample(CASES, rng.randint(2, 4)):
        opened = first + timedelta(days=rng.randint(0, span))
        closed = opened + timedelta(days=rng.randint(10, 40))
        done = closed <= last
        InspectionCase.objects.create(
            unit=ward,
            opened_on=opened,
            kind=kind,
            title=f"{title} năm {opened.year}",
            body=body,
            findings=findings,
            recommendations_made=made,
            recommendations_resolved=resolved if done else 0,
            outcome="Cơ quan được giám sát đã tiếp thu, khắc phục." if done and resolved else "",
            status=CaseStatus.CLOSED if done else CaseStatus.OPEN,
            closed_on=closed if done else None,
        )


def _projects(ward: Unit, first: date, last: date, rng: random.Random) -> None:
    span = (last - first).days
    word = "thôn" if ward.kind == "commune" else "khối phố"
    for name, funding, millions in rng.sample(PROJECTS, rng.randint(2, 4)):
        started = first + timedelta(days=rng.randint(0, span))
        supervised_on = started + timedelta(days=rng.randint(15, 90))
        supervised = supervised_on <= last and rng.random() < 0.8
        InvestmentProject.objects.create(
            unit=ward,
            name=name.format(n=rng.randint(1, 9)).replace("khối phố", word),
            location=ward.name,
            funding=[str(f) for f in funding],
            budget=Decimal(millions * 1_000_000),
            started_on=started,
            completed_on=None,
            supervised=supervised,
            supervised_on=supervised_on if supervised else None,
            findings="Thi công đúng thiết kế, vật liệu đúng chủng loại; công khai dự toán tại "
            "nhà văn hóa."
            if supervised
            else "",
            recommendations="Đề nghị chủ đầu tư bổ sung biển công khai thông tin công trình."
            if supervised and rng.random() < 0.4
            else "",
        )


@transaction.atomic
def create_boards(city: Unit, programme: Programme, frontier: date) -> None:
    """Ratings and the boards' records up to `frontier` (the demo's last day of figures)."""
    rng = random.Random(SEED)
    wards_2024 = list(
        Unit.objects.filter(parent__code=city.code, tier=Tier.COMMUNE)
        .valid_on(date(2024, 12, 31))
        .order_by("path")
    )
    _ratings(2024, wards_2024, rng)
    end_2024 = min(frontier, date(2024, 12, 31))
    for ward in wards_2024:
        if ward.code in WARDS_WITH_RECORDS:
            _cases(ward, date(2024, 1, 15), end_2024, rng)
            _projects(ward, date(2024, 1, 10), end_2024, rng)
    if frontier.year >= 2025:
        old = [w for w in wards_2024 if w.is_valid_on(date(2025, 6, 30))]
        for ward in old[::3]:
            _cases(ward, date(2025, 1, 10), date(2025, 6, 20), rng)
        new = list(Unit.objects.filter(code__startswith="danang-", tier=Tier.COMMUNE))
        for ward in new:
            _cases(ward, date(2025, 7, 10), date(2025, 12, 10), rng)
            _projects(ward, date(2025, 7, 10), date(2025, 11, 30), rng)
        _ratings(2025, sorted(new, key=lambda u: u.path), rng)
    write_figures(programme)


def write_figures(programme: Programme) -> None:
    for link in BoardIndicatorLink.objects.filter(indicator__programme=programme):
        for item in feeding.plan(link):
            if not item.changes:
                continue
            try:
                with transaction.atomic():
                    feeding.write(item, actor=None)
            except (ValidationError, PermissionDenied):
                _write_directly(item)


def _write_directly(item: feeding.Planned) -> None:
    """A locked month: what the service would have written at the time."""
    if item.figure is None:
        item.current.delete()
        return
    period = Period.objects.for_spec(item.period)
    value, _ = DataValue.objects.get_or_create(
        indicator=item.indicator, unit=item.unit, period=period, defaults={"version": 0}
    )
    for name, new in item.figure.as_dict().items():
        setattr(value, name, new)
    value.note = item.note
    value.version += 1
    value.save()

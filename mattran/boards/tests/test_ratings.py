"""Ratings are given by the level above, with reasons where they matter, audited, and turn
into the V.3, V.4, V.5 figures; the roll-ups match counts done by hand."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mattran.analytics.rollup import rollup
from mattran.audit.models import AuditEntry
from mattran.boards.models import Subject, YearlyRating
from mattran.boards.ratings import clear_rating, rate
from mattran.core.periods import PeriodSpec
from mattran.core.ratings import Rating
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus

YEAR = 2024


def figure(indicator, unit, year=YEAR):
    return DataValue.objects.filter(indicator=indicator, unit=unit, period__code=str(year)).first()


def test_the_city_rates_a_ward_and_the_figure_follows(world, users):
    item = rate(
        unit=world.w1,
        subject=Subject.COMMITTEE,
        year=YEAR,
        rating=Rating.GOOD,
        reasons="Hoàn thành các chỉ tiêu được giao.",
        actor=users.city_admin,
    )
    assert item.rated_by == users.city_admin
    value = figure(world.boards["V.4"], world.w1)
    assert value.rating == Rating.GOOD
    assert value.note == "Tính tự động từ xếp loại năm 2024: Hoàn thành tốt nhiệm vụ."
    assert AuditEntry.objects.filter(action="boards.rate", target_id=str(item.pk)).exists()

    rate(
        unit=world.w1,
        subject=Subject.COMMITTEE,
        year=YEAR,
        rating=Rating.NOT_COMPLETED,
        reasons="Không báo cáo 5 kỳ liên tiếp.",
        actor=users.city_admin,
    )
    value = figure(world.boards["V.4"], world.w1)
    assert value.rating == Rating.NOT_COMPLETED and value.version == 2
    clear_rating(item=YearlyRating.objects.get(), actor=users.city_admin)
    assert figure(world.boards["V.4"], world.w1) is None
    assert AuditEntry.objects.filter(action="boards.clear_rating").count() == 1


def test_a_ward_cannot_rate_itself_nor_a_sibling(world, users):
    with pytest.raises(PermissionDenied, match=r"Không tự xếp loại được.*Thành phố Tam Kỳ"):
        rate(
            unit=world.w1,
            subject=Subject.COMMITTEE,
            year=YEAR,
            rating=Rating.EXCELLENT,
            reasons="Tự đánh giá",
            actor=users.w1_admin,
        )
    with pytest.raises(PermissionDenied, match="đơn vị cấp trên"):
        rate(
            unit=world.w2,
            subject=Subject.COMMITTEE,
            year=YEAR,
            rating=Rating.GOOD,
            actor=users.w1_admin,
        )
    with pytest.raises(PermissionDenied):  # nor a sibling's boards
        rate(
            unit=world.w2,
            subject=Subject.INSPECTION_BOARD,
            year=YEAR,
            rating=Rating.GOOD,
            actor=users.w1_admin,
        )
    assert not YearlyRating.objects.exists() and not DataValue.objects.exists()


def test_a_ward_rates_its_areas_and_its_own_boards_but_a_clerk_does_not(world, users):
    kp1 = world.kp[world.w1.code][0]
    rate(unit=kp1, subject=Subject.AREA_BOARD, year=YEAR, rating=3, actor=users.w1_admin)
    assert figure(world.boards["V.5"], kp1).rating == 3
    rate(unit=world.w1, subject=Subject.INSPECTION_BOARD, year=YEAR, rating=3, actor=users.w1_admin)
    assert figure(world.boards["III.9"], world.w1).boolean is True
    with pytest.raises(PermissionDenied):
        rate(unit=kp1, subject=Subject.AREA_BOARD, year=YEAR, rating=2, actor=users.w1_clerk)
    assert YearlyRating.objects.get(unit=kp1).rating == 3


def test_the_province_rates_the_city(world, users):
    city = world.city.city
    rate(unit=city, subject=Subject.COMMITTEE, year=YEAR, rating=3, actor=users.province_admin)
    assert figure(world.boards["V.3"], city).rating == 3
    result = rollup(world.boards["V.3"], city, PeriodSpec.year(YEAR))
    assert result.value == 3
    with pytest.raises(PermissionDenied):
        rate(unit=city, subject=Subject.COMMITTEE, year=YEAR, rating=4, actor=users.city_admin)


@pytest.mark.parametrize(
    ("unit_name", "subject", "rating", "reasons", "field", "message"),
    [
        ("w1", Subject.COMMITTEE, Rating.NOT_COMPLETED, "", "reasons", "cần ghi rõ"),
        ("w1", Subject.COMMITTEE, Rating.EXCELLENT, "  ", "reasons", "cần ghi rõ"),
        ("w1", Subject.AREA_BOARD, Rating.GOOD, "", "subject", "không có ban công tác"),
        ("kp", Subject.COMMITTEE, Rating.GOOD, "", "subject", "không có ủy ban mttq"),
        ("w1", Subject.COMMITTEE, 7, "", "rating", "bốn mức"),
    ],
)
def test_bad_ratings_are_refused_in_vietnamese(
    world, users, unit_name, subject, rating, reasons, field, message
):
    unit = world.kp[world.w1.code][0] if unit_name == "kp" else world.w1
    with pytest.raises(ValidationError) as caught:
        rate(
            unit=unit,
            subject=subject,
            year=YEAR,
            rating=rating,
            reasons=reasons,
            actor=users.city_admin,
        )
    assert message in " ".join(caught.value.message_dict[field]).lower()
    assert not YearlyRating.objects.exists()


def test_a_future_year_is_refused(world, users):
    with pytest.raises(ValidationError, match="Năm xếp loại"):
        rate(unit=world.w1, subject="committee", year=2100, rating=3, actor=users.city_admin)


def test_a_locked_year_report_refuses_the_rating_and_keeps_nothing(world, users):
    Submission.objects.create(
        programme=world.programme,
        unit=world.w1,
        period=Period.objects.for_spec(PeriodSpec.year(YEAR)),
        status=SubmissionStatus.APPROVED,
    )
    with pytest.raises(ValidationError) as caught:
        rate(unit=world.w1, subject="committee", year=YEAR, rating=3, actor=users.city_admin)
    text = " ".join(caught.value.messages)
    assert "chỉ tiêu V.4 của Phường An Mỹ năm 2024" in text
    assert "đã được duyệt nên số liệu bị khóa" in text
    assert not YearlyRating.objects.exists()


def test_v4_and_v5_roll_up_as_counted_by_hand(world, users):
    """Three wards: excellent, good, completed → 2/3 at 'hoàn thành tốt trở lên'; six areas,
    five rated: 4, 3, 3, 2, 1 → 3/6."""
    for ward, grade in zip(
        (world.w1, world.w2, world.w3),
        (Rating.EXCELLENT, Rating.GOOD, Rating.COMPLETED),
        strict=True,
    ):
        rate(
            unit=ward,
            subject="committee",
            year=YEAR,
            rating=grade,
            reasons="Có thành tích",
            actor=users.city_admin,
        )
    areas = [a for w in (world.w1, world.w2, world.w3) for a in world.kp[w.code]]
    for area, grade in zip(areas, (4, 3, 3, 2, 1), strict=False):
        rate(
            unit=area,
            subject="area_board",
            year=YEAR,
            rating=grade,
            reasons="Nhận xét",
            actor=users.city_admin,
        )
    year = PeriodSpec.year(YEAR)
    v4 = rollup(world.boards["V.4"], world.city.city, year)
    assert (v4.value, v4.units_total) == (2, 3)
    assert {u.pk for u in v4.units_met} == {world.w1.pk, world.w2.pk}
    v5 = rollup(world.boards["V.5"], world.city.city, year)
    assert (v5.value, v5.units_total) == (3, 6)
    in_w1 = rollup(world.boards["V.5"], world.w1, year)
    assert (in_w1.value, in_w1.units_total) == (2, 2)

"""Solidarity houses: their rules, their funding and photos, the housing indicator that counts
them (no double entry), the approved schedules and the emulation source "houses"."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from PIL import Image

from mattran.emulation.sources import houses_score
from mattran.emulation.testing import build_movement, sheet_of
from mattran.households import decisions, feeding, houses
from mattran.households.models import HousePhoto, HousingIndicatorLink, SolidarityHouse
from mattran.households.schedules import schedule, schedule_progress
from mattran.households.tests import helpers
from mattran.reporting.models import DataValue, Period
from mattran.reporting.workflow import submission_for, submit_report
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    world.ward = world.city.wards[0]
    world.area = world.city.areas[world.ward.code][0]
    return world


def figures(world, ward=None) -> dict[str, int]:
    return {
        v.period.code: int(v.number)
        for v in DataValue.objects.filter(
            indicator=world.indicators["houses"], unit=ward or world.ward
        ).select_related("period")
    }


def test_handed_over_houses_are_the_wards_monthly_figure(world):
    helpers.link_houses(world)
    first = helpers.house(helpers.household(world.area, "A"), handed_over_on=date(2024, 3, 5))
    helpers.house(helpers.household(world.ward, "B"), handed_over_on=date(2024, 3, 20))
    helpers.house(helpers.household(world.area, "C"))  # still being built
    assert figures(world) == {"2024-03": 2}
    value = DataValue.objects.get(unit=world.ward)
    assert value.note == "Tính tự động từ 2 nhà Đại đoàn kết bàn giao"
    houses.update_house(
        house=first,
        kind="build",
        year=2024,
        list_entry=None,
        cost=Decimal(80_000_000),
        started_on=date(2024, 1, 10),
        handed_over_on=date(2024, 4, 2),
        status="handed_over",
    )
    assert figures(world) == {"2024-03": 1, "2024-04": 1}
    houses.update_house(
        house=first,
        kind="build",
        year=2024,
        list_entry=None,
        cost=Decimal(80_000_000),
        started_on=date(2024, 1, 10),
        handed_over_on=None,
        status="cancelled",
    )
    assert figures(world) == {"2024-03": 1, "2024-04": 0}
    houses.delete_house(house=SolidarityHouse.objects.get(household__head_name="B"))
    assert figures(world) == {"2024-03": 0, "2024-04": 0}
    assert figures(world, world.city.wards[1]) == {}


def test_a_house_of_a_month_already_reported_is_refused_and_nothing_changes(world):
    helpers.link_houses(world)
    owner = helpers.household(world.area)
    period = Period.objects.for_code("2024-05")
    put(world.indicators["zalo"], world.ward, "2024-05", boolean=True)
    submit_report(submission=submission_for(world.programme, world.ward, period), actor=None)
    with pytest.raises(ValidationError) as exc:
        helpers.house(owner, handed_over_on=date(2024, 5, 9))
    message = " ".join(exc.value.messages)
    assert "tháng 5/2024" in message and "II.1" in message and "đã nộp" in message
    assert not SolidarityHouse.objects.exists() and figures(world) == {}
    assert not owner.houses.exists()


def test_linking_the_indicator_makes_its_typed_figures_equal_the_houses(world):
    indicator = world.indicators["houses"]
    put(indicator, world.ward, "2024-02", number=3)  # typed before the link
    put(indicator, world.ward, "2024-06", number=1)
    put(indicator, world.ward, "2024-08", number=2)
    helpers.house(helpers.household(world.area), handed_over_on=date(2024, 6, 14))
    helpers.house(helpers.household(world.area, "B"), handed_over_on=date(2024, 7, 1))
    august = Period.objects.for_code("2024-08")
    submit_report(submission=submission_for(world.programme, world.ward, august), actor=None)
    result = helpers.link_houses(world)
    assert figures(world) == {"2024-02": 0, "2024-06": 1, "2024-07": 1, "2024-08": 2}
    assert result.written == 2
    assert result.locked == ["Phường An Mỹ tháng 8/2024"]  # kept until the report is reopened


def test_only_a_monthly_count_can_be_linked_and_only_by_the_programmes_administrators(world):
    with pytest.raises(ValidationError, match="không phải chỉ tiêu đếm"):
        feeding.link_indicator(indicator=world.indicators["visits"])
    with pytest.raises(PermissionDenied):
        feeding.link_indicator(indicator=world.indicators["houses"], actor=world.users["w1_clerk"])
    feeding.link_indicator(indicator=world.indicators["houses"], actor=world.users["city_admin"])
    with pytest.raises(ValidationError, match="đã được tính"):
        feeding.link_indicator(indicator=world.indicators["houses"])
    link = HousingIndicatorLink.objects.get()
    feeding.unlink_indicator(link=link, actor=world.users["city_admin"])
    assert not HousingIndicatorLink.objects.exists()


def test_dates_status_cost_and_list_of_a_house_are_checked(world):
    owner, other = helpers.household(world.area), helpers.household(world.area, "B")
    entry = decisions.add_entry(
        decision=helpers.decision(world.city.city), household=other, scheduled_year=2024
    )
    cases = [
        ({"started_on": date(2024, 5, 1), "handed_over_on": date(2024, 4, 1)}, "handed_over_on"),
        ({"status": "handed_over"}, "handed_over_on"),
        ({"status": "building", "handed_over_on": date(2024, 4, 1)}, "handed_over_on"),
        ({"cost": Decimal(-5)}, "cost"),
        ({"handed_over_on": date(2099, 1, 1), "status": "handed_over"}, "handed_over_on"),
        ({"list_entry": entry}, "list_entry"),
        ({"year": 1999}, "year"),
    ]
    base = {
        "kind": "build",
        "year": 2024,
        "list_entry": None,
        "cost": Decimal(80_000_000),
        "started_on": date(2024, 1, 5),
        "handed_over_on": None,
        "status": "building",
        "note": "",
    }
    for change, field in cases:
        with pytest.raises(ValidationError) as exc:
            houses.create_house(household=owner, **{**base, **change})
        assert field in exc.value.message_dict, change
    assert not SolidarityHouse.objects.exists()
    with pytest.raises(PermissionDenied):
        houses.create_house(household=owner, actor=world.users["city_admin"], **base)


def test_funding_warns_when_it_does_not_add_up_and_refuses_negative_amounts(world):
    house = helpers.house(helpers.household(world.area), cost=80_000_000)
    assert houses.funding_warning(house) == "Chưa ghi nguồn kinh phí của nhà này."
    houses.add_funding(house=house, kind="fund", amount=Decimal(60_000_000))
    assert houses.funding_warning(house) == (
        "Tổng các nguồn (60.000.000 đồng) chưa bằng tổng kinh phí (80.000.000 đồng): còn thiếu "
        "20.000.000 đồng."
    )
    houses.add_funding(house=house, kind="household", amount=Decimal(20_000_000))
    assert houses.funding_warning(house) == "" and houses.funding_total(house) == 80_000_000
    houses.add_funding(house=house, kind="sponsor", sponsor="Agribank Tam Kỳ", amount=Decimal(5))
    assert "vượt tổng kinh phí" in houses.funding_warning(house)
    for kind, amount, sponsor, field in (
        ("fund", Decimal(-1), "", "amount"),
        ("fund", Decimal(0), "", "amount"),
        ("sponsor", Decimal(1), "", "sponsor"),
    ):
        with pytest.raises(ValidationError) as exc:
            houses.add_funding(house=house, kind=kind, amount=amount, sponsor=sponsor)
        assert field in exc.value.message_dict
    assert house.funding.count() == 3


def picture(size=(40, 30), fmt="PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (200, 40, 30)).save(out, format=fmt)
    return out.getvalue()


def test_photos_must_be_pictures_of_at_most_5_mb(world):
    house = helpers.house(helpers.household(world.area))
    photo = houses.add_photo(house=house, name="ban-giao.jpg", data=picture(fmt="JPEG"))
    assert photo.content_type == "image/jpeg" and photo.size > 0
    with pytest.raises(ValidationError, match="không phải là ảnh"):
        houses.add_photo(house=house, name="danh-sach.pdf", data=b"%PDF-1.4 danh sach")
    with pytest.raises(ValidationError, match="vượt quá 5 MB"):
        houses.add_photo(house=house, name="lon.jpg", data=b"\xff" * (5 * 1024 * 1024 + 1))
    assert HousePhoto.objects.count() == 1


def scheduled(world, decision, year, handover=None, started=date(2024, 1, 10), area=None):
    owner = helpers.household(area or world.area, f"Hộ {year} {handover}")
    entry = decisions.add_entry(decision=decision, household=owner, scheduled_year=year)
    if handover or started:
        helpers.house(owner, handed_over_on=handover, started_on=started, entry=entry, year=year)
    return entry


def test_the_schedule_counts_planned_started_and_handed_over_houses_per_year(world):
    decision = helpers.decision(world.city.city)
    scheduled(world, decision, 2023, date(2023, 11, 2), started=date(2023, 8, 1))
    scheduled(world, decision, 2024, date(2024, 4, 2))
    scheduled(world, decision, 2024, date(2025, 1, 20))  # late: handed over the next year
    scheduled(world, decision, 2024)  # building
    scheduled(world, decision, 2025, started=None)  # not started
    other_ward = world.city.areas[world.city.wards[1].code][0]
    scheduled(world, decision, 2024, date(2024, 6, 1), area=other_ward)
    plans = {p.year: p for p in schedule(decision, world.ward)}
    assert (plans[2023].planned, plans[2023].handed_over) == (1, 1)
    assert (plans[2024].planned, plans[2024].started, plans[2024].handed_over) == (3, 3, 2)
    assert plans[2025].handed_in_year == 1 and plans[2025].planned == 1
    assert plans[2024].handed_in_year == 1
    city = {p.year: p for p in schedule(decision, world.city.city)}
    assert city[2024].planned == 4
    with pytest.raises(ValidationError, match="giai đoạn 2023–2025"):
        decisions.add_entry(
            decision=decision, household=helpers.household(world.area), scheduled_year=2026
        )


def test_the_houses_source_scores_the_share_handed_over_by_the_movements_end(world):
    movement = build_movement(world)  # 2024, ends 31/10/2024
    criterion = movement.criteria.get(number="2")
    decision = helpers.decision(world.city.city)
    scheduled(world, decision, 2024, date(2024, 4, 2))
    scheduled(world, decision, 2024, date(2024, 9, 15))
    scheduled(world, decision, 2024, date(2024, 11, 20))  # after the movement ended
    scheduled(world, decision, 2024)
    scheduled(world, decision, 2025, started=None)
    progress = schedule_progress(world.ward, 2024, date(2024, 10, 31))
    assert (progress.handed_over, progress.scheduled) == (2, 4)
    result = houses_score(sheet_of(movement, world.ward), criterion)
    assert result.score == Decimal(5)
    assert result.explanation == (
        "Bàn giao 2/4 nhà theo kế hoạch năm 2024 đến 31/10/2024 (50%) → 5/10 điểm"
    )
    other = houses_score(sheet_of(movement, world.city.wards[1]), criterion)
    assert other.score == 0
    assert other.explanation == (
        "Phường An Phú không có hộ nào trong danh sách được duyệt hỗ trợ nhà năm 2024 → 0/10 điểm"
    )


def test_the_monthly_report_counts_the_houses_handed_over_by_ward_without_names(world):
    from mattran.core.periods import PeriodSpec
    from mattran.documents.monthly import monthly_content

    other = world.city.wards[1]
    helpers.house(helpers.household(world.area, "Nguyễn Văn A"), handed_over_on=date(2024, 8, 5))
    helpers.house(
        helpers.household(world.ward, "Trần Thị B"),
        handed_over_on=date(2024, 8, 20),
        kind="repair",
        cost=30_000_000,
    )
    helpers.house(helpers.household(other, "Lê Văn C"), handed_over_on=date(2024, 8, 31))
    helpers.house(helpers.household(other, "Phạm D"), handed_over_on=date(2024, 9, 1))
    helpers.house(helpers.household(other, "Võ E"))  # still being built
    blocks = {
        b["key"]: b for b in monthly_content(world.city.city, PeriodSpec.parse("2024-08"))["blocks"]
    }
    found = [b for key, b in blocks.items() if key.endswith(".houses")]
    assert len(found) == 1
    block = found[0]
    assert block["text"] == (
        "Theo sổ theo dõi nhà Đại đoàn kết, trong kỳ đã bàn giao 03 nhà (02 xây mới, 01 sửa "
        "chữa) cho hộ nghèo, hộ cận nghèo, hộ khó khăn về nhà ở, với tổng kinh phí "
        "190.000.000 đồng[^1]."
    )
    note = block["footnotes"]["1"]
    assert f"**{world.ward.name}:** 02 nhà (110.000.000 đồng)" in note
    assert f"**{other.name}:** 01 nhà (80.000.000 đồng)" in note
    assert not any(name in note + block["text"] for name in ("Nguyễn Văn A", "Trần Thị B", "Lê"))
    july = monthly_content(world.city.city, PeriodSpec.parse("2024-07"))["blocks"]
    assert not any(b["key"].endswith(".houses") for b in july)

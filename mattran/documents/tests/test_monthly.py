"""The monthly report says what the data says: counts of units, footnotes naming each one,
media and money summed, next month's tasks; staff edits survive new data."""

import re
from datetime import date
from decimal import Decimal

import pytest

from mattran.activities.models import Activity, ActivityType
from mattran.core.periods import PeriodSpec
from mattran.documents.monthly import monthly_content
from mattran.plans.models import Plan, Task
from mattran.units.models import UnitKind
from mattran.units.services import create_unit

AUGUST = PeriodSpec.parse("2024-08")


@pytest.fixture
def kinds(db):
    def kind(code, name, section, phrase=""):
        return ActivityType.objects.create(
            code=code, name=name, report_section=section, report_phrase=phrase
        )

    return {
        "dialogue": kind(
            "dialogue",
            "Đối thoại trực tiếp",
            "party_building",
            "tổ chức Hội nghị đối thoại trực tiếp",
        ),
        "media": kind("media_post", "Tin bài", "propaganda"),
        "work": kind(
            "work_item", "Công trình, phần việc", "campaigns", "thực hiện công trình, phần việc"
        ),
        "visit": kind("diplomacy", "Đối ngoại", "diplomacy"),
    }


def act(unit, kind, day, title, **fields):
    return Activity.objects.create(unit=unit, type=kind, date=day, title=title, **fields)


def blocks_by_key(content):
    return {b["key"]: b for b in content["blocks"]}


def test_units_below_are_counted_with_a_footnote_naming_each(city, kinds):
    w1, w2, w3 = city.wards
    act(w1, kinds["dialogue"], date(2024, 8, 5), "Đối thoại với thanh niên")
    act(w1, kinds["dialogue"], date(2024, 8, 20), "Đối thoại với thanh niên")
    # a residential area's dialogue counts for its ward
    act(
        city.areas[w3.code][0],
        kinds["dialogue"],
        date(2024, 8, 9),
        "Đối thoại về ANTT",
        link="https://mattrantamky.vn/tin/1.html",
    )
    act(w2, kinds["dialogue"], date(2024, 7, 31), "Tháng trước: không tính")
    content = monthly_content(city.city, AUGUST)
    block = blocks_by_key(content)["I.3.dialogue"]
    assert block["text"] == (
        "02/03 đơn vị cấp xã, phường tổ chức Hội nghị đối thoại trực tiếp (03 hoạt động)[^1]."
    )
    assert block["footnotes"]["1"] == (
        "**Phường An Mỹ:** Đối thoại với thanh niên (02 lần); **Phường Tam Thăng:** Đối thoại "
        "về ANTT <https://mattrantamky.vn/tin/1.html>."
    )


def test_media_and_money_are_summed_in_vietnamese_format(city, kinds):
    committee = city.city
    act(
        committee,
        kinds["media"],
        date(2024, 8, 2),
        "Tin bài trên trang thông tin điện tử",
        quantity=31,
    )
    act(
        committee,
        kinds["media"],
        date(2024, 8, 3),
        "Tin bài trên Facebook",
        quantity=37,
        interactions=848,
    )
    act(
        committee,
        kinds["media"],
        date(2024, 8, 4),
        "Tin bài trên Facebook",
        quantity=1,
        interactions=1200,
    )
    for ward, amount in zip(city.wards, (13_000_000_000, 386_000_000, 0), strict=True):
        act(
            ward,
            kinds["work"],
            date(2024, 8, 10),
            "Công trình chào mừng Đại hội",
            amount=Decimal(amount) or None,
        )
    blocks = blocks_by_key(monthly_content(committee, AUGUST))
    media = blocks["I.1.media_post"]["text"]
    assert (
        "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ đã đăng 31 tin bài trên trang thông tin "
        "điện tử; 38 tin bài trên Facebook, thu hút 2.048 lượt tương tác" in media
    )
    work = blocks["I.2.work_item"]["text"]
    assert work.startswith(
        "03/03 đơn vị cấp xã, phường thực hiện công trình, phần việc với "
        "tổng giá trị 13,386 tỷ đồng"
    )


def test_the_committees_own_work_and_an_empty_part(city, kinds):
    act(
        city.city,
        kinds["visit"],
        date(2024, 8, 18),
        "Thăm, chúc mừng Đại lễ Vu Lan",
        link="https://mattrantamky.vn/tin/653.html",
    )
    content = monthly_content(city.city, AUGUST)
    blocks = blocks_by_key(content)
    own = next(b for k, b in blocks.items() if k.startswith("I.4.a"))
    assert own["text"] == "Thăm, chúc mừng Đại lễ Vu Lan[^1]."
    assert own["footnotes"] == {"1": "<https://mattrantamky.vn/tin/653.html>"}
    assert blocks["I.1.none"]["text"].startswith("(Chưa có hoạt động")
    assert content["summary"] == (
        "Kết quả công tác Mặt trận tháng 8/2024, nhiệm vụ trọng tâm tháng 9/2024"
    )
    assert blocks["I"]["text"] == "I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024"
    assert blocks["II"]["text"] == "II. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 9 NĂM 2024"


def test_next_months_tasks_come_from_the_plans(city, kinds):
    plan = Plan.objects.create(unit=city.city, title="Kế hoạch năm 2024", year=2024)
    Task.objects.create(
        plan=plan, owner=city.city, text="Tổ chức Diễn đàn Nhân dân.", due_on=date(2024, 9, 20)
    )
    Task.objects.create(
        plan=plan, owner=city.wards[0], text="Ra mắt mô hình", due_on=date(2024, 9, 5)
    )
    Task.objects.create(plan=plan, text="Việc của tháng 10", due_on=date(2024, 10, 5))
    tasks = [b for b in monthly_content(city.city, AUGUST)["blocks"] if b["key"].startswith("II.")]
    assert [b["text"] for b in tasks] == [
        "Ra mắt mô hình (Phường An Mỹ), hoàn thành trước ngày 05/09/2024.",
        "Tổ chức Diễn đàn Nhân dân, hoàn thành trước ngày 20/09/2024.",
    ]


def test_a_ward_counts_its_residential_areas(city, kinds):
    ward = city.wards[0]
    area = city.areas[ward.code][1]
    act(area, kinds["dialogue"], date(2024, 8, 8), "Đối thoại ở khối phố")
    blocks = blocks_by_key(monthly_content(ward, AUGUST))
    assert blocks["I.3.dialogue"]["text"].startswith("01/02 khu dân cư tổ chức")
    assert blocks["I.3.dialogue"]["footnotes"]["1"] == "**Khối phố 2:** Đối thoại ở khối phố."


def test_a_ward_closed_before_the_month_is_not_counted(city, kinds):
    gone = create_unit(
        code="tk-w9",
        name="Phường Cũ",
        kind=UnitKind.WARD,
        parent=city.city,
    )
    gone.valid_to = date(2024, 6, 30)
    gone.save()
    act(city.wards[0], kinds["dialogue"], date(2024, 8, 8), "Đối thoại")
    text = blocks_by_key(monthly_content(city.city, AUGUST))["I.3.dialogue"]["text"]
    assert re.match(r"01/03 ", text) and gone.name not in text

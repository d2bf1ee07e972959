"""A movement's "Tải Excel": the ranking as far as the acting unit may see it, the criteria,
and a participant's sheet with every score and its evidence."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.emulation.movements import publish_results
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.emulation.testing import build_movement, sheet_of
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    today = date.today()
    world.movement = build_movement(
        world, self_due_on=today + timedelta(days=5), review_due_on=today + timedelta(days=20)
    )
    world.crit = {c.number: c for c in world.movement.criteria.all()}
    w1, w2, _ = world.city.wards
    put(world.indicators["houses"], w1, "2024-07", number=3)
    for ward, score in ((w1, "8"), (w2, "9.5")):
        entries = {world.crit["1"].pk: SelfEntry(score=Decimal(score), note="=Quy chế 01")}
        save_self_assessment(
            participation=sheet_of(world.movement, ward), entries=entries, submit=True
        )
    return world


def url(name, code, world, *args):
    return reverse(f"emulation:{name}", args=[code, world.movement.pk, *args])


def test_the_organiser_downloads_the_ranking_of_a_tier_and_the_criteria(client, world):
    client.force_login(world.users["city_admin"])
    content = client.get(url("movement_xlsx", "tk", world) + "?tier=commune").content
    assert sheet_names(content) == ["Xếp hạng", "Tiêu chí"]
    ranking = read_table(content)
    assert "Xếp hạng trong: Cấp xã (xã, phường)" in ranking.notes
    assert ranking.rows[:2] == [
        [1, "Phường An Mỹ", "Đã nộp, chờ chấm", 15.5, 20, "Không"],
        [2, "Phường An Phú", "Đã nộp, chờ chấm", 9.5, 20, "Không"],
    ]
    assert ranking.rows[2][0] is None and ranking.rows[2][1] == "Phường Tam Thăng"
    criteria = read_table(content, "Tiêu chí")
    assert criteria.column("TT") == ["1", "2", "3"]
    assert criteria.rows[1][4] == "Tính từ số liệu chỉ tiêu II.1 (mỗi đơn vị: 04 nhà)"
    page = client.get(url("movement", "tk", world)).content.decode()
    assert f'href="{url("movement_xlsx", "tk", world)}?tier=commune">Tải Excel' in page


def test_a_participant_gets_the_ranking_only_once_published(client, world):
    client.force_login(world.users["w1_clerk"])
    before = client.get(url("movement_xlsx", "tk-w1", world)).content
    assert sheet_names(before) == ["Tiêu chí", "Đơn vị trực thuộc"]  # its residential areas
    areas = read_table(before, "Đơn vị trực thuộc")
    assert areas.column("Đơn vị") == ["Khối phố 1", "Khối phố 2"]
    for ward in world.city.wards[:2]:
        participation = sheet_of(world.movement, ward)
        entries = {
            c.pk: ReviewEntry(score=Decimal(5), note="Đối chiếu lại số nhà")
            for c in world.movement.criteria_for("commune")
        }
        review_sheet(participation=participation, entries=entries)
    publish_results(movement=world.movement)
    after = read_table(client.get(url("movement_xlsx", "tk-w1", world)).content)
    assert [r[1] for r in after.rows] == ["Phường An Mỹ", "Phường An Phú"]  # no one unranked
    assert after.column("Tình trạng") == ["Đã chấm chính thức"] * 2


def test_a_sheet_lists_each_criterion_with_the_score_and_its_evidence(client, world):
    client.force_login(world.users["w1_clerk"])
    response = client.get(url("score_xlsx", "tk-w1", world))
    table = read_table(response.content)
    assert table.notes[0] == "BẢNG CHẤM ĐIỂM — PHƯỜNG AN MỸ"
    assert [r[:4] for r in table.rows] == [
        ["1", "Xây dựng quy chế làm việc", 10, 8],
        ["2", "Hoàn thành tiến độ xóa nhà tạm, nhà dột nát", 10, 7.5],
        [None, "Tổng điểm", 20, 15.5],
    ]
    assert table.rows[0][4] == "'=Quy chế 01"
    assert table.rows[1][5].startswith("Đạt 3/4 nhà theo số liệu")
    assert table.rows[2][5] == "8 + 7,5 = 15,5"
    organiser = client.get(
        url("review_xlsx", "tk", world, sheet_of(world.movement, world.city.wards[0]).pk)
    )
    assert organiser.status_code == 404  # the clerk of a ward is not the organiser's acting unit
    client.force_login(world.users["city_admin"])
    participation = sheet_of(world.movement, world.city.wards[1])
    review = read_table(client.get(url("review_xlsx", "tk", world, participation.pk)).content)
    assert review.notes[0] == "BẢNG CHẤM ĐIỂM — PHƯỜNG AN PHÚ"
    assert review.rows[0][3] == 9.5


def test_the_movements_page_lists_as_the_download(client, world):
    client.force_login(world.users["city_admin"])
    index = reverse("emulation:index_xlsx", args=["tk"])
    content = client.get(index).content
    assert sheet_names(content) == ["Phong trào tổ chức"]  # the city takes part in nothing
    organised = read_table(content)
    assert organised.notes[0] == "PHONG TRÀO THI ĐUA DO THÀNH PHỐ TAM KỲ TỔ CHỨC, THEO DÕI"
    participants = world.movement.participations.count()
    assert organised.rows == [
        [
            world.movement.title,
            "Thành phố Tam Kỳ",
            datetime(2024, 3, 15),  # dates come back from the workbook as midnight
            datetime(2024, 10, 31),
            datetime.combine(world.movement.self_due_on, time()),
            participants,
            2,
            0,
            "Đang chấm điểm",
        ]
    ]
    page = client.get(reverse("emulation:index", args=["tk"])).content.decode()
    assert f'id="organised-xlsx" href="{index}">Tải Excel' in page
    assert f"{participants}</td>" in page and "Đang chấm điểm</span>" in page


def test_a_participant_downloads_its_standing_and_no_other_ward(client, world):
    client.force_login(world.users["w1_clerk"])
    content = client.get(reverse("emulation:index_xlsx", args=["tk-w1"])).content
    assert sheet_names(content) == ["Phong trào tham gia"]
    table = read_table(content)
    assert table.rows == [
        [
            world.movement.title,
            "Thành phố Tam Kỳ",
            datetime.combine(world.movement.self_due_on, time()),
            None,
            "Đã nộp, chờ chấm",
            15.5,
            20,
            "Không",
            None,  # not published: no rank
        ]
    ]
    page = client.get(reverse("emulation:index", args=["tk-w1"])).content.decode()
    assert "15,5/20" in page and "chưa công bố" in page
    assert client.get(reverse("emulation:index_xlsx", args=["tk-w2"])).status_code == 404
    for ward in world.city.wards[:2]:
        review_sheet(
            participation=sheet_of(world.movement, ward),
            entries={
                c.pk: ReviewEntry(score=Decimal(5), note="Đối chiếu lại")
                for c in world.movement.criteria_for("commune")
            },
        )
    publish_results(movement=world.movement)
    after = read_table(client.get(reverse("emulation:index_xlsx", args=["tk-w1"])).content)
    assert after.rows[0][4:] == ["Đã chấm chính thức", 10, 20, "Có", 1]

"""The pages: the list with its search and counts, a person's page, adding people and posts,
courses with their attendees ticked, and the indicators counted from them."""

from datetime import date

import pytest
from django.urls import reverse

from mattran.people.models import Attendance, Course, PeopleIndicatorLink, Person, Position
from mattran.people.tests.helpers import build_roster, person, post, v_indicators
from mattran.reporting.models import DataValue
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    world.v = v_indicators(world)
    world.roster = build_roster(world)
    world.w1, world.w2 = world.city.wards[0], world.city.wards[1]
    return world


def url(name, *args):
    return reverse(f"people:{name}", args=args)


def test_search_finds_names_with_or_without_diacritics(client, world):
    person(world.w1, "Nguyễn Thị Hoà")
    client.force_login(world.users["w1_clerk"])
    for query in ("nguyen thi hoa", "NGUYỄN THỊ HÒA", "Hoà", "thi  hoa"):
        page = client.get(url("list", world.w1.code), {"q": query}).content.decode()
        assert "Nguyễn Thị Hoà" in page, query
        assert "Trần Thị Lan" not in page
    page = client.get(url("list", world.w1.code), {"q": "van"}).content.decode()
    assert "Phạm Văn Dũng" in page and "Võ Văn Tư" in page and "Lê Thị Mai" not in page


def test_the_list_counts_people_per_body_and_filters_by_board(client, world):
    client.force_login(world.users["w1_clerk"])
    page = client.get(url("list", world.w1.code)).content.decode()
    # Today Lan chairs, Mai is a cadre, Dũng heads KP1 and Tư sits on KP2's board.
    assert "Ủy ban MTTQ: 01" in page and "Cán bộ chuyên trách: 01" in page
    assert "Ban Công tác Mặt trận khu dân cư: 02" in page
    assert "Nguyễn Văn Hùng" in page  # kept by An Mỹ, now An Phú's vice-chair
    areas = client.get(url("list", world.w1.code), {"board": "area"}).content.decode()
    assert "Phạm Văn Dũng" in areas and "Trần Thị Lan" not in areas
    ended = client.get(url("list", world.w1.code), {"ended": "1"}).content.decode()
    assert "(đến 30/06/2024)" in ended


def test_the_city_list_does_not_cost_a_query_per_person(
    client, world, django_assert_max_num_queries
):
    for n in range(30):
        someone = person(world.city.city, f"Ủy viên số {n}")
        post(someone, world.city.city, "committee_member", date(2024, 1, 1), refresh=False)
    client.force_login(world.users["city_admin"])
    with django_assert_max_num_queries(25):
        page = client.get(url("list", "tk"))
    assert page.content.decode().count("Ủy viên số") == 30


def test_a_clerk_adds_a_person_with_a_post_and_sees_mistakes_named(client, world):
    client.force_login(world.users["w1_clerk"])
    kp2 = world.city.areas[world.w1.code][1]
    data = {
        "full_name": "Bùi Thị Hạnh",
        "birth_year": "1983",
        "gender": "female",
        "unit": kp2.pk,
        "phone": "0905333444",
        "role": "area_head",
        "post_unit": world.w1.pk,
        "start": "01/08/2024",
    }
    wrong = client.post(url("new", world.w1.code), data)
    assert "chỉ có ở khu dân cư; Phường An Mỹ thì không" in wrong.content.decode()
    assert not Person.objects.filter(full_name="Bùi Thị Hạnh").exists()
    done = client.post(url("new", world.w1.code), {**data, "post_unit": kp2.pk})
    hanh = Person.objects.get(full_name="Bùi Thị Hạnh")
    assert done.status_code == 302 and hanh.positions.get().unit == kp2
    page = client.get(url("person", world.w1.code, hanh.pk)).content.decode()
    assert "Trưởng ban Công tác Mặt trận khu dân cư" in page and "0905333444" in page
    assert (
        DataValue.objects.get(
            indicator=world.v["V.1"], unit=world.w1, period__code="2024-08"
        ).denominator
        == 4
    )  # Lan, Mai, Dũng and now Hạnh


def test_posts_are_added_edited_ended_and_deleted_from_the_person_page(client, world):
    lan = world.roster.people["lan"]
    client.force_login(world.users["w1_clerk"])
    added = client.post(
        url("position_add", world.w1.code, lan.pk),
        {"role": "inspection_head", "unit": world.w1.pk, "start": "15/05/2024"},
    )
    assert added.status_code == 302
    board = lan.positions.get(role="inspection_head")
    overlap = client.post(
        url("position_add", world.w1.code, lan.pk),
        {"role": "inspection_head", "unit": world.w1.pk, "start": "01/06/2024"},
    )
    assert overlap.status_code == 400 and "thời gian bị trùng" in overlap.content.decode()
    edit = client.get(url("position", world.w1.code, lan.pk, board.pk))
    assert "15/05/2024" in edit.content.decode()
    client.post(
        url("position", world.w1.code, lan.pk, board.pk),
        {"role": "inspection_member", "unit": world.w1.pk, "start": "15/05/2024"},
    )
    client.post(url("position_end", world.w1.code, lan.pk, board.pk), {"end": "31/12/2024"})
    board.refresh_from_db()
    assert (board.role, board.end) == ("inspection_member", date(2024, 12, 31))
    client.post(url("position_delete", world.w1.code, lan.pk, board.pk))
    assert not Position.objects.filter(pk=board.pk).exists()


def test_a_viewer_reads_but_cannot_change(client, world):
    lan = world.roster.people["lan"]
    client.force_login(world.users["w1_viewer"])
    page = client.get(url("person", world.w1.code, lan.pk)).content.decode()
    assert "Ghi thêm chức vụ" not in page and "Sửa thông tin cá nhân" not in page
    assert client.post(url("edit", world.w1.code, lan.pk), {"full_name": "X"}).status_code == 403
    assert client.get(url("new", world.w1.code)).status_code == 403
    assert client.get(url("import", world.w1.code)).status_code == 403


def test_courses_are_ticked_and_the_indicator_follows(client, world):
    client.force_login(world.users["w1_clerk"])
    created = client.post(
        url("courses", world.w1.code),
        {
            "title": "Bồi dưỡng kỹ năng công tác Mặt trận cho Trưởng ban",
            "kind": "front_work",
            "level": "commune",
            "start_date": "05/08/2024",
            "end_date": "06/08/2024",
            "place": "Hội trường UBND phường An Mỹ",
        },
    )
    course = Course.objects.get(title__startswith="Bồi dưỡng kỹ năng công tác")
    assert created.status_code == 302 and course.organiser == world.w1
    page = client.get(url("course", world.w1.code, course.pk)).content.decode()
    assert "Phạm Văn Dũng" in page and "Trần Thị Lan" in page
    dung, tu = world.roster.people["dung"], world.roster.people["tu"]
    client.post(
        url("course", world.w1.code, course.pk),
        {
            "shown": [dung.pk, tu.pk],
            f"attended-{dung.pk}": "on",
            f"completed-{dung.pk}": "on",
            f"certificate-{dung.pk}": "Giấy chứng nhận số 12/GCN",
            f"attended-{tu.pk}": "on",
        },
    )
    assert Attendance.objects.get(course=course, person=dung).certificate.endswith("12/GCN")
    assert not Attendance.objects.get(course=course, person=tu).completed
    value = DataValue.objects.get(indicator=world.v["V.1"], unit=world.w1, period__code="2024-08")
    assert (value.numerator, value.denominator) == (2, 3)  # Lan and Dũng of Lan, Mai, Dũng
    mine = client.get(url("person", world.w1.code, dung.pk)).content.decode()
    assert "Bồi dưỡng kỹ năng công tác Mặt trận cho Trưởng ban" in mine


def test_a_ward_sees_the_city_s_course_with_its_own_attendees_only(client, world):
    front = world.roster.courses["front"]
    client.force_login(world.users["w2_clerk"])
    page = client.get(url("courses", world.w2.code)).content.decode()
    assert front.title in page
    page = client.get(url("course", world.w2.code, front.pk)).content.decode()
    # Phúc chairs An Phú; Hùng has been its vice-chair since July; Lan and Dũng are An Mỹ's.
    assert "Huỳnh Ngọc Phúc" in page and "Nguyễn Văn Hùng" in page
    assert "Trần Thị Lan" not in page and "và 02 học viên của đơn vị khác" in page
    # The ward cannot change the city's course, but may tick its own people.
    assert client.get(url("course_edit", world.w2.code, front.pk)).status_code == 403
    giang = world.roster.people["giang"]
    client.post(
        url("course", world.w2.code, front.pk),
        {"shown": [giang.pk], f"attended-{giang.pk}": "on", f"completed-{giang.pk}": "on"},
    )
    assert Attendance.objects.filter(course=front, person=giang).exists()


def test_the_indicator_page_shows_the_figures_and_lets_the_city_unlink(client, world):
    client.force_login(world.users["city_admin"])
    page = client.get(url("indicators", "tk"), {"period": "2024-07"}).content.decode()
    assert "Phường An Mỹ" in page and "1/3" in page and "2/3" in page
    link = PeopleIndicatorLink.objects.get(indicator=world.v["V.2"])
    client.post(url("indicators", "tk"), {"unlink": link.pk})
    assert not PeopleIndicatorLink.objects.filter(pk=link.pk).exists()
    client.post(url("indicators", "tk"), {"indicator": world.v["V.2"].pk, "measure": "x"})
    assert not PeopleIndicatorLink.objects.filter(indicator=world.v["V.2"]).exists()
    client.post(
        url("indicators", "tk"),
        {"indicator": world.v["V.2"].pk, "measure": "professional_training"},
    )
    assert PeopleIndicatorLink.objects.filter(indicator=world.v["V.2"]).exists()
    client.force_login(world.users["w1_clerk"])
    page = client.get(url("indicators", world.w1.code)).content.decode()
    assert "Bỏ tính tự động" not in page and "Tính tự động một chỉ tiêu" not in page

import pytest
from django.urls import reverse

from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    w1, w2, _ = world.city.wards
    ind = world.indicators
    for ward, houses in ((w1, 5), (w2, 3)):
        put(ind["houses"], ward, "2024-03", number=houses)
    put(ind["visits"], w1, "2024-08", numerator=50, denominator=50)
    put(ind["zalo"], w1, "2024-02", boolean=True)
    return world


def test_the_city_dashboard_shows_targets_actuals_statuses_and_charts(client, world):
    client.force_login(world.users["city_admin"])
    page = client.get(reverse("dashboard:unit", args=["tk"]) + "?year=2024").content.decode()
    assert "Thành phố Tam Kỳ — tiến độ năm 2024" in page
    assert "30/100 nhà" in page and "08 nhà" in page
    assert "tính đến ngày 31/08/2024" in page
    assert '<svg class="spark"' in page
    assert "Cần chú ý" in page
    assert 'hx-get="/units/tk/children/?year=2024"' in page


def test_filters_return_only_the_list_for_htmx(client, world):
    client.force_login(world.users["city_admin"])
    url = reverse("dashboard:unit", args=["tk"]) + "?year=2024&status=met"
    page = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="indicator-list").content.decode()
    assert "<html" not in page
    assert "II.2" in page and "II.1" not in page


def test_drill_down_lists_wards_and_compares_them(client, world):
    client.force_login(world.users["city_admin"])
    page = client.get(reverse("dashboard:children", args=["tk"]) + "?year=2024").content.decode()
    assert "Phường An Mỹ" in page and "Phường Tam Thăng" in page
    houses = world.indicators["houses"].pk
    page = client.get(reverse("dashboard:indicator", args=["tk", houses]) + "?year=2024")
    text = page.content.decode()
    assert '<svg class="bars"' in text
    assert "Phường An Mỹ" in text and "05 nhà" in text and "03 nhà" in text


def test_a_ward_dashboard_holds_the_ward_to_its_own_condition(client, world):
    client.force_login(world.users["w1_clerk"])
    page = client.get(reverse("dashboard:unit", args=["tk-w1"]) + "?year=2024").content.decode()
    assert "Phường An Mỹ — tiến độ năm 2024" in page
    assert "trên 01 cuộc" in page  # III.3 for one ward
    assert "30/100 nhà" not in page  # the city's total is not the ward's target

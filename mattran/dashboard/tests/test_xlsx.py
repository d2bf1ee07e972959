"""The dashboard's "Tải Excel": the same rows as the page, with its filters and scope."""

import re

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    w1, w2, _ = world.city.wards
    ind = world.indicators
    for ward, houses in ((w1, 5), (w2, 3)):
        put(ind["houses"], ward, "2024-03", number=houses)
    put(ind["houses"], w1, "2024-05", number=2)
    put(ind["visits"], w1, "2024-08", numerator=50, denominator=50)
    put(ind["zalo"], w1, "2024-02", boolean=True)
    return world


def listed_codes(client, url) -> list[str]:
    page = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="indicator-list")
    return re.findall(r'<span class="code">([^<]+)</span>', page.content.decode())


def test_the_indicator_table_is_the_filtered_list_the_page_shows(client, world):
    client.force_login(world.users["city_admin"])
    for query in ("year=2024", "year=2024&status=met", "year=2024&area=I&status=behind"):
        page = reverse("dashboard:unit", args=["tk"]) + "?" + query
        response = client.get(reverse("dashboard:unit_xlsx", args=["tk"]) + "?" + query)
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith('tien-do-tk-2024.xlsx"')
        table = read_table(response.content)
        assert table.column("Mã") == listed_codes(client, page), query
    met = reverse("dashboard:unit_xlsx", args=["tk"]) + "?year=2024&status=met"
    table = read_table(client.get(met).content)
    assert table.notes[0] == "TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM 2024 — THÀNH PHỐ TAM KỲ"
    assert "Số liệu tính đến ngày 31/08/2024" in table.notes
    assert "Trạng thái: Đạt" in table.notes
    assert table.header == [
        "Mã",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Chỉ tiêu năm",
        "Thực hiện",
        "Thực hiện (số)",
        "Trạng thái",
        "Đơn vị có số liệu",
    ]
    visits = dict(zip(table.column("Mã"), table.rows, strict=True))["II.2"]
    assert visits[3:] == ["100%", "100,0% (50/50)", 100, "Đạt", "1/3"]


def test_the_houses_figure_is_a_number_a_spreadsheet_can_add(client, world):
    client.force_login(world.users["city_admin"])
    content = client.get(reverse("dashboard:unit_xlsx", args=["tk"]) + "?year=2024").content
    houses = next(r for r in read_table(content).rows if r[0] == "II.1")
    assert houses[3:6] == ["30/100 nhà", "10 nhà", 10]


def test_the_units_below_come_with_their_counts_by_status(client, world):
    client.force_login(world.users["city_admin"])
    response = client.get(reverse("dashboard:children_xlsx", args=["tk"]) + "?year=2024")
    table = read_table(response.content)
    assert table.header == [
        "Đơn vị",
        "Đạt",
        "Đúng tiến độ",
        "Chậm",
        "Chưa có số liệu",
        "Đánh giá định tính",
    ]
    assert table.column("Đơn vị") == ["Phường An Mỹ", "Phường An Phú", "Phường Tam Thăng"]
    page = client.get(reverse("dashboard:children", args=["tk"]) + "?year=2024").content.decode()
    an_my = page.split("Phường An Mỹ")[1].split("</tr>")[0]
    cells = re.findall(r'data-label="([^"]+)">(?:<span[^>]*>)?(\d+)', an_my)
    assert {label: int(n) for label, n in cells} == dict(
        zip(table.header[1:], table.rows[0][1:], strict=True)
    )


def test_one_indicator_compared_across_wards_with_its_months(client, world):
    client.force_login(world.users["city_admin"])
    houses = world.indicators["houses"].pk
    response = client.get(reverse("dashboard:indicator_xlsx", args=["tk", houses]) + "?year=2024")
    assert sheet_names(response.content) == ["So sánh đơn vị", "Lũy kế theo tháng"]
    compared = read_table(response.content)
    assert compared.rows == [
        ["Phường An Mỹ", "07 nhà", 7, None],
        ["Phường An Phú", "03 nhà", 3, None],
        ["Phường Tam Thăng", "—", None, None],
    ]
    months = read_table(response.content, "Lũy kế theo tháng")
    assert months.rows[2] == ["Tháng 3/2024", 8]
    assert months.rows[4] == ["Tháng 5/2024", 10]


def test_a_ward_downloads_only_its_own_tables(client, world):
    client.force_login(world.users["w1_clerk"])
    assert client.get(reverse("dashboard:unit_xlsx", args=["tk-w2"])).status_code == 404
    response = client.get(reverse("dashboard:unit_xlsx", args=["tk-w1"]) + "?year=2024")
    assert response.status_code == 200
    assert "PHƯỜNG AN MỸ" in read_table(response.content).notes[0]


def test_the_page_links_to_its_tables_with_its_filters(client, world):
    client.force_login(world.users["city_admin"])
    page = client.get(reverse("dashboard:unit", args=["tk"]) + "?year=2024&status=behind")
    link = 'href="/units/tk/xlsx/?year=2024&amp;status=behind">Tải Excel</a>'
    assert link in page.content.decode()
    children = client.get(reverse("dashboard:children", args=["tk"]) + "?year=2024")
    assert 'href="/units/tk/children/xlsx/?year=2024"' in children.content.decode()

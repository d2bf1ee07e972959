"""The ledger and store pages' "Tải Excel": the reconciliation and stock exports that already
exist, for the period the page shows (nothing written twice); the funds page's funds with
their balances and the stores page's stores."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.funds.stock import Line, add_item, create_store, issue_goods, record_stock_receipt
from mattran.funds.testing import donate, poor_fund, spend
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    world.fund = fund = poor_fund(world.city.city)
    donate(fund, date(2023, 12, 1), 10_000_000)
    donate(fund, date(2024, 2, 1), 150_000_000, donor="=cmd|' /C calc'!A0")
    spend(fund, date(2024, 8, 16), 60_000_000)
    return world


def test_the_ledger_downloads_the_period_it_shows(client, world):
    client.force_login(world.users["city_admin"])
    ledger = reverse("funds:ledger", args=["tk", world.fund.pk])
    page = client.get(ledger + "?start=01/01/2024&end=31/08/2024").content.decode()
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*table-tools.*?</form>', page, re.S)
    assert form and form.group(1) == reverse("funds:export", args=["tk", world.fund.pk, "xlsx"])
    fields = dict(re.findall(r'name="(start|end)" value="([^"]+)"', form.group(0)))
    assert fields == {"start": "01/01/2024", "end": "31/08/2024"}
    assert 'id="ledger-xlsx">Tải Excel</button>' in form.group(0)
    response = client.post(form.group(1), fields)
    table = read_table(response.content, "Sổ quỹ Vì người nghèo")
    assert [r[1] for r in table.rows] == [
        "Tồn đầu kỳ",
        "Thu ủng hộ",
        "Chi hỗ trợ",
        "Cộng trong kỳ / tồn cuối kỳ",
    ]
    assert table.rows[1][3] == "'=cmd|' /C calc'!A0"
    assert table.rows[0][-1] == 10_000_000 and table.rows[-1][-1] == 100_000_000


def test_the_funds_page_downloads_each_fund_with_its_balance(client, world):
    ward = poor_fund(world.city.wards[1])
    donate(ward, date(2024, 5, 2), 7_500_000)
    spend(ward, date(2024, 6, 3), 2_000_000)
    client.force_login(world.users["city_admin"])
    url = reverse("funds:index_xlsx", args=["tk"])
    content = client.get(url).content
    assert sheet_names(content) == ["Quỹ", "Quỹ đơn vị trực thuộc"]
    funds = read_table(content)
    assert funds.notes[0] == "QUỸ “VÌ NGƯỜI NGHÈO”, QUỸ CỨU TRỢ — THÀNH PHỐ TAM KỲ"
    assert funds.rows == [
        ["Quỹ “Vì người nghèo”", "Đã mở", 100_000_000, 2024, 150_000_000, 60_000_000],
        ["Quỹ cứu trợ", "Chưa mở sổ", None, None, None, None],
    ]
    below = read_table(content, "Quỹ đơn vị trực thuộc")
    assert below.rows == [["Phường An Phú", "Quỹ “Vì người nghèo”", 5_500_000]]
    page = client.get(reverse("funds:index", args=["tk"])).content.decode()
    assert "100.000.000 đồng" in page and "5.500.000" in page
    assert f'id="funds-xlsx" href="{url}">Tải Excel' in page
    assert f'id="below-xlsx" href="{url}">Tải Excel' in page
    client.force_login(world.users["w1_clerk"])
    assert client.get(reverse("funds:index_xlsx", args=["tk-w2"])).status_code == 404
    own = read_table(client.get(reverse("funds:index_xlsx", args=["tk-w1"])).content)
    assert own.column("Sổ quỹ") == ["Chưa mở sổ", "Chưa mở sổ"]


def test_the_stores_page_downloads_its_stores(client, world):
    ward = world.city.wards[0]
    rice = add_item(name="Gạo", measure="kg")
    noodles = add_item(name="Mì tôm", measure="thùng")
    hall = create_store(unit=ward, name="Kho hội trường", address="=12 Phan Bội Châu")
    create_store(unit=ward, name="Kho nhà văn hóa khối phố 2")
    record_stock_receipt(
        store=hall,
        day=date(2024, 1, 20),
        donor="Hội Chữ thập đỏ",
        lines=[Line(rice, Decimal(500)), Line(noodles, Decimal(10))],
    )
    issue_goods(
        store=hall, day=date(2024, 1, 25), recipient="Hộ bà Lê Thị Hoa", lines=[Line(noodles, 10)]
    )
    client.force_login(world.users["w1_clerk"])
    url = reverse("funds:stores_xlsx", args=["tk-w1"])
    table = read_table(client.get(url).content)
    assert table.notes[0] == "KHO HÀNG CỨU TRỢ — PHƯỜNG AN MỸ"
    assert table.rows == [
        ["Kho hội trường", "'=12 Phan Bội Châu", 1],  # the noodles all went out
        ["Kho nhà văn hóa khối phố 2", None, 0],
    ]
    page = client.get(reverse("funds:stores", args=["tk-w1"])).content.decode()
    assert f'id="stores-xlsx" href="{url}">Tải Excel' in page
    assert client.get(reverse("funds:stores_xlsx", args=["tk-w2"])).status_code == 404

"""The ledger and store pages' "Tải Excel": the reconciliation and stock exports that already
exist, for the period the page shows (nothing written twice)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table
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

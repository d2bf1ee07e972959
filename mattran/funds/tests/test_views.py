"""The pages: a ward's funds and ledger, the forms (typed as on paper, refused input kept),
read-only access from above, reversals, reports and exports, and the relief store."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mattran.funds.models import Entry, EntryKind, Fund, IssueSlip, Item, StockReceipt, Store
from mattran.funds.stock import Line, add_item, create_store, record_stock_receipt
from mattran.funds.testing import donate, poor_fund, spend
from mattran.testing import build_world

D = date


@pytest.fixture
def world(db):
    world = build_world()
    world.w1, world.w2, world.w3 = world.city.wards
    world.fund = poor_fund(world.w1)
    donate(
        world.fund, D(2024, 3, 1), 20_000_000, donor="Công ty CP Sông Tranh", receipt_number="0001"
    )
    world.paid = spend(world.fund, D(2024, 3, 5), 5_000_000, beneficiary="Hộ bà Lê Thị Hoa")
    return world


def url(name, world, *args, code=None):
    return reverse(f"funds:{name}", args=[code or world.w1.code, *args])


def page(client, address) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_a_ward_sees_its_funds_with_balances(client, world):
    client.force_login(world.users["w1_clerk"])
    text = page(client, url("index", world))
    assert "Quỹ “Vì người nghèo”" in text and "15.000.000 đồng" in text
    assert "Mở sổ Quỹ cứu trợ" in text
    response = client.post(url("open", world), {"kind": "cuu_tro"})
    relief = Fund.objects.get(unit=world.w1, kind="cuu_tro")
    assert response.url == url("ledger", world, relief.pk)


def test_the_city_sees_the_wards_funds_below_it_read_only(client, world):
    client.force_login(world.users["city_admin"])
    text = page(client, url("index", world, code=world.city.city.code))
    assert "Quỹ của các đơn vị trực thuộc" in text and "Phường An Mỹ" in text
    ledger = page(client, url("ledger", world, world.fund.pk))
    assert "Ghi bút toán đảo" not in ledger and "Bạn chỉ xem sổ này" in ledger
    form = page(client, url("receipt", world, world.fund.pk))
    assert (
        "Chỉ cán bộ của Phường An Mỹ mới ghi sổ quỹ" in form
        and '<form method="post" class' not in form
    )
    response = client.post(
        url("receipt", world, world.fund.pk),
        {"entry_date": "05/08/2024", "amount": "1.000.000", "donor": "Ông A"},
    )
    assert response.status_code == 403
    assert client.post(url("open", world), {"kind": "cuu_tro"}).status_code == 403
    assert world.fund.entries.count() == 2


def test_the_ledger_shows_the_running_balance_for_a_typed_period(
    client, world, django_assert_max_num_queries
):
    for n in range(10):
        donate(world.fund, D(2024, 4, 1 + n), 1_000_000)
    client.force_login(world.users["w1_clerk"])
    with django_assert_max_num_queries(20):
        text = page(
            client, url("ledger", world, world.fund.pk) + "?start=01/03/2024&end=02/04/2024"
        )
    assert text.count('class="chip k-receipt"') == 3
    assert "17.000.000" in text  # the balance after the second April donation
    assert "Ghi bút toán đảo" in text
    text = page(client, url("ledger", world, world.fund.pk) + "?start=31/02/2024&end=01/01/2024")
    assert "Ngày ghi theo dạng ngày/tháng/năm" in text
    text = page(client, url("ledger", world, world.fund.pk) + "?start=01/06/2024&end=01/01/2024")
    assert "Ngày kết thúc phải sau ngày bắt đầu." in text


def test_a_clerk_records_a_receipt_typed_as_on_paper(client, world):
    client.force_login(world.users["w1_clerk"])
    response = client.post(
        url("receipt", world, world.fund.pk),
        {
            "entry_date": "5/8/2024",
            "amount": "2.500.000",
            "donor": "Bà Trần Thị Mai",
            "receipt_number": "0002",
            "purpose": "",
        },
    )
    entry = Entry.objects.get(receipt_number="0002")
    assert response.status_code == 302 and f"#entry-{entry.pk}" in response.url
    assert (entry.entry_date, entry.amount) == (D(2024, 8, 5), Decimal(2_500_000))
    assert (
        entry.purpose == "Ủng hộ Quỹ “Vì người nghèo”" and entry.created_by.username == "w1_clerk"
    )
    follow = page(client, response.url)
    assert "Đã ghi khoản thu 2.500.000 đồng của Bà Trần Thị Mai." in follow


def test_refused_input_is_explained_and_kept(client, world):
    client.force_login(world.users["w1_clerk"])
    data = {
        "entry_date": "2024-08-05",
        "amount": "1,5",
        "donor": "Bà Trần Thị Mai",
        "receipt_number": "0001",
    }
    text = client.post(url("receipt", world, world.fund.pk), data).content.decode()
    assert "Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/08/2024." in text
    assert "Số tiền tính bằng đồng, không có phần lẻ." in text
    assert 'value="Bà Trần Thị Mai"' in text
    data.update(entry_date="05/08/2024", amount="1.000.000")
    text = client.post(url("receipt", world, world.fund.pk), data).content.decode()
    assert "Số biên lai 0001 đã được ghi trong năm 2024 (ngày 01/03/2024)." in text
    text = client.post(
        url("disbursement", world, world.fund.pk),
        {
            "entry_date": "01/03/2024",
            "amount": "16.000.000",
            "purpose": "Hỗ trợ sửa nhà",
            "beneficiary": "Hộ ông Lê Văn Ba",
        },
    ).content.decode()
    assert "sẽ bị âm" in text and 'value="16.000.000"' in text
    assert world.fund.entries.count() == 2


def test_a_transfer_goes_to_the_committee_above_or_below(client, world):
    client.force_login(world.users["w1_clerk"])
    text = page(client, url("transfer", world, world.fund.pk))
    assert "Thành phố Tam Kỳ" in text and "Khối phố 1" not in text and "Phường An Phú" not in text
    response = client.post(
        url("transfer", world, world.fund.pk),
        {
            "to_unit": world.city.city.pk,
            "entry_date": "10/03/2024",
            "amount": "3.000.000",
            "purpose": "Nộp về quỹ thành phố",
            "decision_number": "",
            "decision_date": "",
        },
    )
    assert response.status_code == 302
    city = Fund.objects.get(unit=world.city.city)
    assert city.entries.get().kind == EntryKind.TRANSFER_IN
    text = client.post(
        url("transfer", world, world.fund.pk),
        {"to_unit": world.w2.pk, "entry_date": "10/03/2024", "amount": "1.000", "purpose": "x"},
    ).content.decode()
    assert "Chỉ điều chuyển cho Ủy ban MTTQ cấp trên trực tiếp hoặc cấp dưới trực tiếp." in text


def test_a_mistake_is_corrected_from_its_row(client, world):
    client.force_login(world.users["w1_clerk"])
    address = url("reverse", world, world.fund.pk, world.paid.pk)
    text = page(client, address)
    assert "Bút toán gốc" in text and "5.000.000 đồng" in text
    response = client.post(address, {"entry_date": "06/03/2024", "reason": ""})
    assert "Chưa nhập" not in response.content.decode() and response.status_code == 200
    response = client.post(address, {"entry_date": "06/03/2024", "reason": "Sai đối tượng"})
    assert response.status_code == 302
    reversal = Entry.objects.get(kind=EntryKind.REVERSAL)
    assert reversal.reverses == world.paid and reversal.inflow
    text = page(client, address)
    assert "Bút toán này đã được đảo ngày 06/03/2024." in text
    ledger = page(client, url("ledger", world, world.fund.pk) + "?year=2024")
    assert "Đã đảo ngày 06/03/2024" in ledger


def test_the_report_reconciles_and_exports(client, world):
    client.force_login(world.users["w1_viewer"])
    text = page(client, url("report", world, world.fund.pk) + "?year=2024")
    assert "BÁO CÁO Thu, chi Quỹ “Vì người nghèo” từ ngày 01/01/2024 đến ngày 31/12/2024" in text
    assert "Tồn cuối kỳ khớp với số dư sổ quỹ" in text and "15.000.000" in text
    response = client.post(
        url("export", world, world.fund.pk, "xlsx"), {"start": "01/01/2024", "end": "31/12/2024"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-20240101-20241231.xlsx"')
    response = client.post(
        url("export", world, world.fund.pk, "docx"), {"start": "31/12/2024", "end": "01/01/2024"}
    )
    assert response.status_code == 302
    assert client.post(url("export", world, world.fund.pk, "pdf")).status_code == 404
    text = page(client, url("summary", world) + "?year=2024")
    assert "Tồn quỹ cuối kỳ (đến hết ngày 31/12/2024)" in text
    response = client.post(
        url("summary_export", world, "docx"), {"start": "01/01/2024", "end": "31/12/2024"}
    )
    assert response["Content-Disposition"].endswith('.docx"')


def test_another_wards_fund_and_entries_are_out_of_reach(client, world):
    other = poor_fund(world.w2)
    client.force_login(world.users["w1_clerk"])
    assert client.get(url("ledger", world, other.pk)).status_code == 404
    assert client.get(url("reverse", world, world.fund.pk, 999_999)).status_code == 404


def test_the_store_pages_receive_issue_and_report(client, world):
    rice = add_item(name="Gạo", measure="kg")
    client.force_login(world.users["w1_clerk"])
    response = client.post(url("stores", world), {"name": "Kho hội trường phường", "address": ""})
    store = Store.objects.get(unit=world.w1)
    assert response.url == url("store", world, store.pk)
    client.post(url("items", world), {"name": "Mì tôm", "measure": "thùng"})
    noodles = Item.objects.get(name="Mì tôm")
    response = client.post(
        url("stock_receipt", world, store.pk),
        {
            "day": "20/01/2024",
            "donor": "Hội Chữ thập đỏ",
            "item_1": rice.pk,
            "quantity_1": "1.200",
            "item_2": noodles.pk,
            "quantity_2": "50",
        },
    )
    assert response.status_code == 302
    text = client.post(
        url("issue", world, store.pk),
        {
            "day": "22/01/2024",
            "recipient_unit": "",
            "recipient": "Hộ bà Lê Thị Hoa",
            "item_1": rice.pk,
            "quantity_1": "1.500",
            "item_3": noodles.pk,
        },
    ).content.decode()
    assert "Dòng 3: nhập số lượng." in text
    text = client.post(
        url("issue", world, store.pk),
        {
            "day": "22/01/2024",
            "recipient": "Hộ bà Lê Thị Hoa",
            "item_1": rice.pk,
            "quantity_1": "1.500",
        },
    ).content.decode()
    assert "Tồn kho Gạo ngày 22/01/2024 là 1.200 kg, không đủ để xuất 1.500 kg." in text
    area = world.city.areas[world.w1.code][0]
    response = client.post(
        url("issue", world, store.pk),
        {"day": "22/01/2024", "recipient_unit": area.pk, "item_1": rice.pk, "quantity_1": "200"},
    )
    slip = IssueSlip.objects.get()
    assert response.status_code == 302 and slip.recipient == "Khối phố 1"
    text = page(client, url("store", world, store.pk) + "?year=2024")
    assert "1.000" in text and "Lập phiếu đảo" in text
    response = client.post(
        url("stock_reverse", world, store.pk, "issue", slip.pk),
        {"day": "23/01/2024", "reason": "Ghi nhầm"},
    )
    assert response.status_code == 302 and IssueSlip.objects.filter(reverses=slip).exists()
    text = page(client, url("stock_report", world, store.pk) + "?year=2024")
    assert "+200" in text and "1.200" in text
    response = client.post(
        url("stock_export", world, store.pk), {"start": "01/01/2024", "end": "31/12/2024"}
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert client.get(url("stock_reverse", world, store.pk, "other", slip.pk)).status_code == 404


def test_the_city_reads_a_wards_store_but_cannot_write_it(client, world):
    store = create_store(unit=world.w1, name="Kho phường")
    rice = add_item(name="Gạo", measure="kg")
    record_stock_receipt(store=store, day=D(2024, 1, 2), donor="X", lines=[Line(rice, 10)])
    client.force_login(world.users["city_admin"])
    text = page(client, url("issue", world, store.pk))
    assert "bạn chỉ xem được kho" in text
    response = client.post(
        url("issue", world, store.pk),
        {"day": "22/01/2024", "recipient": "Hộ A", "item_1": rice.pk, "quantity_1": "1"},
    )
    assert response.status_code == 403
    assert StockReceipt.objects.count() == 1 and not IssueSlip.objects.exists()

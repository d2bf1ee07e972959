"""The funds app's part of the scope matrix (accounts/tests/test_scope_matrix.py): a fund with
entries and a store with a receipt and a slip for each of the first two wards."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from mattran.funds.stock import Line, add_item, create_store, issue_goods, record_stock_receipt
from mattran.funds.testing import donate, poor_fund, spend


def prepare(world) -> None:
    world.funds = {}
    world.fund_entries = {}
    world.stores = {}
    world.stock_docs = {}
    rice = add_item(name="Gạo", measure="kg")
    for ward in world.city.wards[:2]:
        fund = poor_fund(ward)
        donate(fund, date(2024, 3, 1), 20_000_000, donor="Công ty CP Sông Tranh")
        world.fund_entries[ward.code] = spend(fund, date(2024, 3, 5), 5_000_000)
        world.funds[ward.code] = fund
        store = create_store(unit=ward, name="Kho hội trường")
        received = record_stock_receipt(
            store=store,
            day=date(2024, 1, 20),
            donor="Hội Chữ thập đỏ",
            lines=[Line(rice, Decimal(500))],
        )
        issue_goods(
            store=store,
            day=date(2024, 1, 25),
            recipient="Hộ bà Lê Thị Hoa",
            lines=[Line(rice, Decimal(20))],
        )
        world.stores[ward.code] = store
        world.stock_docs[ward.code] = received


def urls(world, code) -> dict[str, tuple[str, str]]:
    fund = world.funds[code].pk if code in world.funds else 0
    entry = world.fund_entries[code].pk if code in world.fund_entries else 0
    store = world.stores[code].pk if code in world.stores else 0
    doc = world.stock_docs[code].pk if code in world.stock_docs else 0
    f = "funds:"

    def u(name, *args):
        return reverse(f + name, args=[code, *args])

    return {
        f + "index": ("get", u("index")),
        f + "index_xlsx": ("get", u("index_xlsx")),
        f + "open": ("post", u("open")),
        f + "summary": ("get", u("summary")),
        f + "summary_export": ("post", u("summary_export", "xlsx")),
        f + "ledger": ("get", u("ledger", fund)),
        f + "receipt": ("get", u("receipt", fund)),
        f + "receipt#post": ("post", u("receipt", fund)),
        f + "disbursement": ("get", u("disbursement", fund)),
        f + "disbursement#post": ("post", u("disbursement", fund)),
        f + "transfer": ("get", u("transfer", fund)),
        f + "transfer#post": ("post", u("transfer", fund)),
        f + "reverse": ("get", u("reverse", fund, entry)),
        f + "reverse#post": ("post", u("reverse", fund, entry)),
        f + "report": ("get", u("report", fund)),
        f + "export": ("post", u("export", fund, "docx")),
        f + "stores": ("get", u("stores")),
        f + "stores_xlsx": ("get", u("stores_xlsx")),
        f + "stores#post": ("post", u("stores")),
        f + "items": ("post", u("items")),
        f + "store": ("get", u("store", store)),
        f + "stock_receipt": ("get", u("stock_receipt", store)),
        f + "stock_receipt#post": ("post", u("stock_receipt", store)),
        f + "issue": ("get", u("issue", store)),
        f + "issue#post": ("post", u("issue", store)),
        f + "stock_reverse": ("get", u("stock_reverse", store, "receipt", doc)),
        f + "stock_reverse#post": ("post", u("stock_reverse", store, "receipt", doc)),
        f + "stock_report": ("get", u("stock_report", store)),
        f + "stock_export": ("post", u("stock_export", store)),
    }

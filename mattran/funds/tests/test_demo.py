"""The demo's funds: the city's 2024 ledger as the August report tells it, balances that
reconcile, and a demo reset that still clears units whose ledgers cannot be edited."""

from datetime import date
from io import StringIO

from django.core.management import call_command

from mattran.demo.funds import create_funds
from mattran.funds.balances import balance, reconciliation
from mattran.funds.models import Entry, EntryKind, Fund, IssueSlip, Store
from mattran.funds.stock_levels import stock_report
from mattran.units.models import Unit


def test_the_demo_ledger_reconciles_and_the_reset_still_clears_it(demo):
    city = Unit.objects.get(code="tamky")
    if not Fund.objects.filter(unit=city).exists():  # the demo command loads them itself
        create_funds(city)
    fund = Fund.objects.get(unit=city, kind="vi_nguoi_ngheo")
    nam_tra_my = Entry.objects.get(fund=fund, purpose__contains="Nam Trà My")
    assert (nam_tra_my.entry_date, nam_tra_my.amount) == (date(2024, 8, 16), 60_000_000)
    assert fund.entries.filter(kind=EntryKind.REVERSAL).count() == 1
    wards = Fund.objects.filter(unit__parent=city, kind="vi_nguoi_ngheo")
    assert sorted(wards.values_list("unit__code", flat=True)) == [
        "tamky-anmy",
        "tamky-tamthang",
        "tamky-tamthanh",
    ]
    year = reconciliation(fund, date(2024, 1, 1), date(2024, 12, 31))
    assert 300_000_000 < year.receipts < 900_000_000
    assert year.transfers_out == 120_000_000
    for each in Fund.objects.all():
        days = set(each.entries.values_list("entry_date", flat=True))
        assert all(balance(each, day) >= 0 for day in days), each
    province = Fund.objects.get(unit__code="quangnam", kind="cuu_tro")
    assert province.entries.get().kind == EntryKind.TRANSFER_IN
    store = Store.objects.get(unit=city)
    rows = {r.item.name: r for r in stock_report(store, date(2024, 1, 1), date(2024, 12, 31))}
    assert rows["Gạo"].closing >= 0 and rows["Quà Tết"].issued == 420
    assert IssueSlip.objects.filter(reverses__isnull=False).count() == 1

    before = sorted(Entry.objects.values_list("fund__unit__code", "amount", "entry_date"))
    call_command("demo", "--reset", stdout=StringIO())  # the immutable ledgers go with the units
    after = sorted(Entry.objects.values_list("fund__unit__code", "amount", "entry_date"))
    assert after == before

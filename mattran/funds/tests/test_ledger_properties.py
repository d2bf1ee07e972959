"""Random sequences of receipts, disbursements (some refused), reversals and transfers on
random dates: after each step no balance of any fund is below zero on any day, the service
refuses exactly what a naive model of the ledger says it must, and the reconciliation of any
period agrees with the balances and with a recomputation from the entries."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mattran.funds.balances import balance, ledger, reconciliation
from mattran.funds.entries import reverse_entry
from mattran.funds.models import Entry, EntryKind
from mattran.funds.testing import donate, poor_fund, spend
from mattran.funds.transfers import transfer
from mattran.testing import build_city

START = date(2024, 1, 1)
DAYS = 366
MILLION = 1_000_000


@pytest.fixture
def funds(db):
    city = build_city(ward_names=("An Mỹ", "An Phú"), areas=0)
    return [poor_fund(city.city), *(poor_fund(ward) for ward in city.wards)]


def days():
    return st.integers(0, DAYS - 1).map(lambda n: START + timedelta(days=n))


class Model:
    """The ledger as plain lists: (day, signed amount) per fund."""

    def __init__(self):
        self.moves = defaultdict(list)

    def balance(self, fund, day) -> Decimal:
        return sum((amount for when, amount in self.moves[fund.pk] if when <= day), Decimal(0))

    def allows_outflow(self, fund, day, amount) -> bool:
        checkpoints = {day} | {when for when, _ in self.moves[fund.pk] if when > day}
        return all(self.balance(fund, when) - amount >= 0 for when in checkpoints)

    def add(self, fund, day, amount) -> None:
        self.moves[fund.pk].append((day, Decimal(amount)))


def naive_reconciliation(fund, start, end):
    sums = defaultdict(Decimal)
    opening = Decimal(0)
    for e in Entry.objects.filter(fund=fund):
        if e.entry_date < start:
            opening += e.amount if e.inflow else -e.amount
        elif e.entry_date <= end:
            key = (e.kind, e.inflow) if e.kind == EntryKind.REVERSAL else e.kind
            sums[key] += e.amount
    return opening, sums


def check_invariants(funds, model, data):
    for fund in funds:
        entries = list(Entry.objects.filter(fund=fund))
        running, by_day = Decimal(0), defaultdict(Decimal)
        for e in entries:
            by_day[e.entry_date] += e.signed_amount
        for day in sorted(by_day):
            running += by_day[day]
            assert running >= 0, (fund, day, running)
        probe = data.draw(days(), label="probe day")
        assert balance(fund, probe) == model.balance(fund, probe) >= 0
        start = data.draw(days(), label="period start")
        end = data.draw(st.integers(0, 120).map(lambda n, s=start: s + timedelta(days=n)))
        rec = reconciliation(fund, start, end)
        opening, sums = naive_reconciliation(fund, start, end)
        assert rec.opening == opening == balance(fund, start - timedelta(days=1))
        assert rec.receipts == sums[EntryKind.RECEIPT]
        assert rec.disbursements == sums[EntryKind.DISBURSEMENT]
        assert rec.transfers_in == sums[EntryKind.TRANSFER_IN]
        assert rec.transfers_out == sums[EntryKind.TRANSFER_OUT]
        assert rec.reversals_in == sums[(EntryKind.REVERSAL, True)]
        assert rec.reversals_out == sums[(EntryKind.REVERSAL, False)]
        assert rec.closing == rec.opening + rec.total_in - rec.total_out
        assert rec.closing == balance(fund, end) == model.balance(fund, end)
        shown = ledger(fund, start, end)
        assert shown.opening == rec.opening and shown.closing == rec.closing
        assert all(row.balance >= 0 for row in shown.rows)


def step(funds, model, data) -> None:
    kind = data.draw(
        st.sampled_from(
            ["receipt", "disbursement", "reversal", "transfer"] * 2 + ["receipt", "reversal"]
        ),
        label="kind",
    )
    fund = data.draw(st.sampled_from(funds), label="fund")
    day = data.draw(days(), label="day")
    amount = data.draw(st.integers(1, 60 if kind == "receipt" else 25), label="million") * MILLION
    before = Entry.objects.count()
    if kind == "receipt":
        donate(fund, day, amount)
        model.add(fund, day, amount)
        return
    if kind == "disbursement":
        expected = model.allows_outflow(fund, day, amount)
        try:
            spend(fund, day, amount)
        except ValidationError:
            assert not expected and Entry.objects.count() == before
            event(f"{kind} refused")
            return
        assert expected
        model.add(fund, day, -amount)
        return
    if kind == "transfer":
        city, wards = funds[0], funds[1:]
        target = city if fund is not city else data.draw(st.sampled_from(wards))
        expected = model.allows_outflow(fund, day, amount)
        try:
            transfer(fund=fund, to_unit=target.unit, entry_date=day, amount=amount, purpose="x")
        except ValidationError:
            assert not expected and Entry.objects.count() == before
            event(f"{kind} refused")
            return
        assert expected
        model.add(fund, day, -amount)
        model.add(target, day, amount)
        return
    candidates = list(Entry.objects.exclude(kind=EntryKind.REVERSAL).filter(reversal=None))
    candidates += [e for e in candidates if e.is_transfer] * 3  # transfers are rarer
    if not candidates:
        return
    entry = data.draw(st.sampled_from(candidates), label="reversed entry")
    later = max(entry.entry_date, day)
    if entry.is_transfer:
        sent = entry if entry.kind == EntryKind.TRANSFER_OUT else entry.counterpart
        received = sent.counterpart_of
        expected = model.allows_outflow(received.fund, later, received.amount)
        effects = [(sent.fund, sent.amount), (received.fund, -received.amount)]
    else:
        expected = not entry.inflow or model.allows_outflow(entry.fund, later, entry.amount)
        effects = [(entry.fund, -entry.signed_amount)]
    try:
        reverse_entry(entry=entry, entry_date=later, reason="Ghi nhầm")
    except ValidationError:
        assert not expected and Entry.objects.count() == before
        event("reversal refused")
        return
    assert expected
    event("transfer reversed" if entry.is_transfer else "entry reversed")
    for target, amount in effects:
        model.add(target, later, amount)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_balances_and_reconciliations_always_agree(funds, data):
    with transaction.atomic():
        model = Model()
        for fund in funds:  # most examples start with money in, so outflows do happen
            opening = data.draw(st.integers(0, 80), label="opening") * MILLION
            if opening:
                donate(fund, START, opening)
                model.add(fund, START, opening)
        for _ in range(data.draw(st.integers(1, 14), label="steps")):
            step(funds, model, data)
            check_invariants(funds, model, data)
        transaction.set_rollback(True)

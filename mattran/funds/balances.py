"""Reading a fund: its balance at the end of any day, the lowest balance from a day on (what
a back-dated outflow must not exceed), the ledger of a period with the running balance and
the reconciliation of a period (opening, in, out, closing)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, DecimalField, F, QuerySet, Sum, When

from mattran.funds.models import Entry, EntryKind, Fund

ZERO = Decimal(0)
# Within a day, money in before money out: the running balance shown after each line then
# never dips below the day's closing balance, which is what the outflow check guarantees.
DAY_ORDER = ("entry_date", "-inflow", "pk")
SIGNED = Case(
    When(inflow=True, then=F("amount")),
    default=-F("amount"),
    output_field=DecimalField(max_digits=17, decimal_places=0),
)


def _total(queryset: QuerySet) -> Decimal:
    return queryset.aggregate(total=Sum(SIGNED))["total"] or ZERO


def balance(fund: Fund, on: date) -> Decimal:
    """The balance at the end of `on`: every entry dated that day or before."""
    return _total(Entry.objects.filter(fund=fund, entry_date__lte=on))


def balances(funds: Iterable[Fund], on: date) -> dict[int, Decimal]:
    """Balances of many funds in one query, keyed by fund id."""
    rows = (
        Entry.objects.filter(fund__in=list(funds), entry_date__lte=on)
        .values("fund")
        .annotate(total=Sum(SIGNED))
    )
    return {row["fund"]: row["total"] or ZERO for row in rows}


@dataclass
class Lowest:
    amount: Decimal
    day: date


def lowest_balance_from(fund: Fund, day: date) -> Lowest:
    """The lowest end-of-day balance on `day` or any later day with entries.

    An outflow dated `day` lowers every one of those balances, so it may not exceed this.
    """
    running = balance(fund, day)
    lowest = Lowest(running, day)
    later = (
        Entry.objects.filter(fund=fund, entry_date__gt=day)
        .values("entry_date")
        .annotate(total=Sum(SIGNED))
        .order_by("entry_date")
    )
    for row in later:
        running += row["total"]
        if running < lowest.amount:
            lowest = Lowest(running, row["entry_date"])
    return lowest


@dataclass
class Reconciliation:
    """Thu, chi of a fund over a period: closing = opening + total_in − total_out."""

    fund: Fund
    start: date
    end: date
    opening: Decimal = ZERO
    receipts: Decimal = ZERO
    transfers_in: Decimal = ZERO
    reversals_in: Decimal = ZERO  # reversed disbursements and transfers out: money back
    disbursements: Decimal = ZERO
    transfers_out: Decimal = ZERO
    reversals_out: Decimal = ZERO  # reversed receipts and transfers in
    entries: list[Entry] = field(default_factory=list)

    @property
    def total_in(self) -> Decimal:
        return self.receipts + self.transfers_in + self.reversals_in

    @property
    def total_out(self) -> Decimal:
        return self.disbursements + self.transfers_out + self.reversals_out

    @property
    def reversals(self) -> Decimal:
        """The net effect of the period's reversing entries (negative when they took out)."""
        return self.reversals_in - self.reversals_out

    @property
    def closing(self) -> Decimal:
        return self.opening + self.total_in - self.total_out


_FIELD_OF = {
    (EntryKind.RECEIPT, True): "receipts",
    (EntryKind.TRANSFER_IN, True): "transfers_in",
    (EntryKind.DISBURSEMENT, False): "disbursements",
    (EntryKind.TRANSFER_OUT, False): "transfers_out",
    (EntryKind.REVERSAL, True): "reversals_in",
    (EntryKind.REVERSAL, False): "reversals_out",
}


def reconciliation(fund: Fund, start: date, end: date, *, with_entries: bool = False):
    """The period's opening balance, what came in and went out by kind, and the closing."""
    result = Reconciliation(fund=fund, start=start, end=end)
    result.opening = balance(fund, start - timedelta(days=1))
    period = Entry.objects.filter(fund=fund, entry_date__gte=start, entry_date__lte=end)
    for row in period.values("kind", "inflow").annotate(total=Sum("amount")):
        name = _FIELD_OF[(row["kind"], row["inflow"])]
        setattr(result, name, getattr(result, name) + row["total"])
    if with_entries:
        result.entries = list(_with_links(period).order_by(*DAY_ORDER))
    return result


def _with_links(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "fund__unit",
        "reverses",
        "counterpart__fund__unit",
        "counterpart_of__fund__unit",
        "reversal",
        "created_by",
    )


@dataclass
class LedgerRow:
    entry: Entry
    balance: Decimal

    @property
    def partner(self):
        """For a transfer, the entry on the other side (in the other committee's fund)."""
        entry = self.entry
        if entry.kind == EntryKind.TRANSFER_IN:
            return entry.counterpart
        if entry.kind == EntryKind.TRANSFER_OUT:
            return getattr(entry, "counterpart_of", None)
        return None

    @property
    def reversal(self):
        return getattr(self.entry, "reversal", None)


@dataclass
class Ledger:
    fund: Fund
    start: date
    end: date
    opening: Decimal
    rows: list[LedgerRow]

    @property
    def closing(self) -> Decimal:
        return self.rows[-1].balance if self.rows else self.opening


def ledger(fund: Fund, start: date, end: date) -> Ledger:
    """The period's entries in order, each with the balance after it."""
    opening = balance(fund, start - timedelta(days=1))
    entries = _with_links(
        Entry.objects.filter(fund=fund, entry_date__gte=start, entry_date__lte=end)
    ).order_by(*DAY_ORDER)
    rows, running = [], opening
    for entry in entries:
        running += entry.signed_amount
        rows.append(LedgerRow(entry, running))
    return Ledger(fund, start, end, opening, rows)


def entry_years(fund: Fund) -> list[int]:
    """The years with entries, latest first."""
    years = Entry.objects.filter(fund=fund).order_by("-year").values_list("year", flat=True)
    return list(years.distinct())

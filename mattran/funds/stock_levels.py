"""Reading a store: what is in stock at the end of a day, the lowest stock from a day on (what
a back-dated issue must not exceed), and the stock report of a period per item."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, DecimalField, F, QuerySet, Sum, When

from mattran.funds.models import IssueLine, Item, StockReceiptLine, Store

ZERO = Decimal(0)
_QTY = DecimalField(max_digits=16, decimal_places=2)


def _received(store: Store) -> QuerySet:
    """Receipt lines with the day and the effect on stock (a reversing receipt takes out)."""
    return StockReceiptLine.objects.filter(receipt__store=store).annotate(
        day=F("receipt__day"),
        signed=Case(
            When(receipt__reverses__isnull=True, then=F("quantity")),
            default=-F("quantity"),
            output_field=_QTY,
        ),
    )


def _issued(store: Store) -> QuerySet:
    """Issue lines with the day and the effect on stock (a reversing slip puts back)."""
    return IssueLine.objects.filter(slip__store=store).annotate(
        day=F("slip__day"),
        signed=Case(
            When(slip__reverses__isnull=True, then=-F("quantity")),
            default=F("quantity"),
            output_field=_QTY,
        ),
    )


def stock_on(store: Store, day: date) -> dict[int, Decimal]:
    """Quantity in stock per item id at the end of `day`."""
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for lines in (_received(store), _issued(store)):
        for row in lines.filter(day__lte=day).values("item").annotate(total=Sum("signed")):
            totals[row["item"]] += row["total"] or ZERO
    return dict(totals)


@dataclass
class StoreRow:
    store: Store
    items: int  # how many items are in stock at the end of the day


def store_rows(unit, day: date) -> list[StoreRow]:
    """A unit's stores, each with how many items it holds at the end of `day`."""
    return [
        StoreRow(store, sum(1 for q in stock_on(store, day).values() if q))
        for store in unit.relief_stores.all()
    ]


@dataclass
class LowestStock:
    quantity: Decimal
    day: date


def lowest_stock_from(store: Store, day: date, item_ids: set[int]) -> dict[int, LowestStock]:
    """Per item, the lowest end-of-day stock on `day` or any later day with movements."""
    now = stock_on(store, day)
    changes: dict[int, dict[date, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for lines in (_received(store), _issued(store)):
        later = lines.filter(day__gt=day, item__in=item_ids).values("item", "day")
        for row in later.annotate(total=Sum("signed")):
            changes[row["item"]][row["day"]] += row["total"] or ZERO
    result = {}
    for item_id in item_ids:
        running = now.get(item_id, ZERO)
        lowest = LowestStock(running, day)
        for when in sorted(changes[item_id]):
            running += changes[item_id][when]
            if running < lowest.quantity:
                lowest = LowestStock(running, when)
        result[item_id] = lowest
    return result


@dataclass
class StockRow:
    item: Item
    opening: Decimal = ZERO
    received: Decimal = ZERO
    issued: Decimal = ZERO
    corrections: Decimal = ZERO  # reversing receipts (−) and reversing slips (+)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.received - self.issued + self.corrections


def stock_report(store: Store, start: date, end: date) -> list[StockRow]:
    """Per item: stock at the start, received, issued, corrected, and stock at the end."""
    rows: dict[int, StockRow] = {}

    def row(item_id: int) -> StockRow:
        if item_id not in rows:
            rows[item_id] = StockRow(item=None)
        return rows[item_id]

    for item_id, quantity in stock_on(store, start - timedelta(days=1)).items():
        row(item_id).opening = quantity
    period = {"day__gte": start, "day__lte": end}
    received = _received(store).filter(**period)
    issued = _issued(store).filter(**period)
    parts = [
        (received.filter(receipt__reverses__isnull=True), "received", 1),
        (issued.filter(slip__reverses__isnull=True), "issued", 1),
        (received.filter(receipt__reverses__isnull=False), "corrections", -1),
        (issued.filter(slip__reverses__isnull=False), "corrections", 1),
    ]
    for lines, name, sign in parts:
        for r in lines.values("item").annotate(total=Sum("quantity")):
            target = row(r["item"])
            setattr(target, name, getattr(target, name) + sign * r["total"])
    items = Item.objects.in_bulk(rows.keys())
    for item_id, r in rows.items():
        r.item = items[item_id]
    shown = [r for r in rows.values() if r.opening or r.received or r.issued or r.corrections]
    return sorted(shown, key=lambda r: (r.item.name, r.item.measure))

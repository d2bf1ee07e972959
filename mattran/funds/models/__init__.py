"""The funds a committee runs (Quỹ “Vì người nghèo”, Quỹ cứu trợ) as a ledger of entries
that are never edited nor deleted, and the goods received in kind for relief."""

from mattran.funds.models.base import ImmutableError, ImmutableModel
from mattran.funds.models.ledger import Entry, EntryKind, Fund, FundKind
from mattran.funds.models.stock import (
    IssueLine,
    IssueSlip,
    Item,
    StockReceipt,
    StockReceiptLine,
    Store,
)

__all__ = [
    "Entry",
    "EntryKind",
    "Fund",
    "FundKind",
    "ImmutableError",
    "ImmutableModel",
    "IssueLine",
    "IssueSlip",
    "Item",
    "StockReceipt",
    "StockReceiptLine",
    "Store",
]

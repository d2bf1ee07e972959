"""The reconciliation as people read it: the summary lines of a "BÁO CÁO Thu, chi Quỹ …"
(opening, in by kind, out by kind, closing) and the words around them, shared by the web
page, the Excel file and the Word report."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from mattran.core.numbers import format_number
from mattran.funds.balances import Reconciliation
from mattran.funds.models import Entry


@dataclass
class Line:
    number: str  # TT: I, II, 1, 2 …
    label: str
    amount: Decimal
    total: bool = False  # a heading line (I–IV), written in bold


def summary_lines(rec: Reconciliation) -> list[Line]:
    before = rec.start - timedelta(days=1)
    return [
        Line("I", f"Tồn quỹ đầu kỳ (đến hết ngày {before:%d/%m/%Y})", rec.opening, True),
        Line("II", "Thu trong kỳ", rec.total_in, True),
        Line("1", "Tiền ủng hộ của tổ chức, cá nhân", rec.receipts),
        Line("2", "Nhận điều chuyển từ Ủy ban MTTQ cấp trên, cấp dưới", rec.transfers_in),
        Line("3", "Điều chỉnh tăng (bút toán đảo các khoản chi)", rec.reversals_in),
        Line("III", "Chi trong kỳ", rec.total_out, True),
        Line("1", "Chi hỗ trợ", rec.disbursements),
        Line("2", "Điều chuyển cho Ủy ban MTTQ cấp trên, cấp dưới", rec.transfers_out),
        Line("3", "Điều chỉnh giảm (bút toán đảo các khoản thu)", rec.reversals_out),
        Line("IV", f"Tồn quỹ cuối kỳ (đến hết ngày {rec.end:%d/%m/%Y})", rec.closing, True),
    ]


def period_text(start: date, end: date) -> str:
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def fund_names(recs: list[Reconciliation]) -> str:
    return " và ".join(rec.fund.name for rec in recs)


def title(recs: list[Reconciliation]) -> str:
    """ "Thu, chi Quỹ “Vì người nghèo” từ ngày 01/01/2024 đến ngày 31/12/2024"."""
    return f"Thu, chi {fund_names(recs)} {period_text(recs[0].start, recs[0].end)}"


def counterparty(entry: Entry) -> str:
    """Who gave or received: the donor, the beneficiary, or the other committee."""
    return entry.donor or entry.beneficiary


def decision(entry: Entry) -> str:
    if not entry.decision_number:
        return ""
    when = f" ngày {entry.decision_date:%d/%m/%Y}" if entry.decision_date else ""
    return f"{entry.decision_number}{when}"


def content(entry: Entry) -> str:
    """What the entry is about, with the house or household it concerns when given."""
    text = entry.purpose
    if entry.reference:
        text = f"{text} ({entry.reference})" if text else entry.reference
    return text


def dong(amount: Decimal) -> str:
    return format_number(amount, 0)

"""Transfers between levels: money a committee passes to the committee above or to one
directly below it, written as a transfer out of one fund and a transfer into the other
fund of the same kind, both or neither."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from mattran.funds.access import check_record, transfer_partners
from mattran.funds.checks import check_day, check_outflow, required, whole_dong
from mattran.funds.entries import audit_entry, create_fund, lock, save_entry, user_or_none
from mattran.funds.models import Entry, EntryKind, Fund
from mattran.units.models import Unit


def committee(unit: Unit) -> str:
    """How a ledger names the other side: "Ủy ban MTTQ Việt Nam phường An Mỹ"."""
    return f"Ủy ban MTTQ Việt Nam {unit.name[:1].lower()}{unit.name[1:]}"


@transaction.atomic
def transfer(
    *,
    fund: Fund,
    to_unit: Unit,
    entry_date: date,
    amount,
    purpose: str,
    decision_number: str = "",
    decision_date: date | None = None,
    actor: Any = None,
) -> Entry:
    """Điều chuyển quỹ: returns the transfer out; its counterpart is the transfer in."""
    check_record(actor, fund.unit)
    if to_unit is None or to_unit.pk not in {u.pk for u in transfer_partners(fund.unit)}:
        raise ValidationError(
            {
                "to_unit": "Chỉ điều chuyển quỹ cho Ủy ban MTTQ cấp trên trực tiếp hoặc cấp dưới "
                "trực tiếp."
            }
        )
    target = Fund.objects.filter(unit=to_unit, kind=fund.kind).first() or create_fund(
        to_unit, fund.kind, actor
    )
    fund, target = lock(fund, target)
    check_day(fund.unit, entry_date)
    check_day(to_unit, entry_date)
    amount = whole_dong(amount)
    purpose = required(purpose, "purpose", "Ghi nội dung điều chuyển.")
    if decision_date and decision_date > entry_date:
        raise ValidationError({"decision_date": "Ngày quyết định không được sau ngày chuyển."})
    check_outflow(fund, entry_date, amount, f"chuyển cho {to_unit.name}")
    common = {
        "entry_date": entry_date,
        "amount": amount,
        "purpose": purpose,
        "decision_number": (decision_number or "").strip(),
        "decision_date": decision_date,
        "created_by": user_or_none(actor),
    }
    sent = save_entry(
        Entry(fund=fund, kind=EntryKind.TRANSFER_OUT, beneficiary=committee(to_unit), **common)
    )
    received = save_entry(
        Entry(
            fund=target,
            kind=EntryKind.TRANSFER_IN,
            donor=committee(fund.unit),
            counterpart=sent,
            **common,
        )
    )
    audit_entry(actor, sent, "transfer_out")
    audit_entry(actor, received, "transfer_in")
    return sent

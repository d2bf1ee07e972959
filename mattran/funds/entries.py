"""Writing a fund's ledger: open a fund, record a receipt or a disbursement, and correct a
mistake with a reversing entry. Each write runs in one transaction holding a row lock on
the fund, so two clerks cannot both spend the same balance."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mattran.audit.services import record
from mattran.core.numbers import format_money
from mattran.funds.access import check_record, keeps_funds
from mattran.funds.checks import check_day, check_outflow, required, whole_dong
from mattran.funds.models import Entry, EntryKind, Fund, FundKind
from mattran.units.models import Unit


def user_or_none(actor: Any):
    return actor if getattr(actor, "pk", None) else None


def lock(*funds: Fund) -> list[Fund]:
    """Lock the funds' rows (in id order, so two transfers never wait on each other)."""
    ids = sorted({f.pk for f in funds})
    locked = {f.pk: f for f in Fund.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    return [locked[f.pk] for f in funds]


@transaction.atomic
def open_fund(*, unit: Unit, kind: str, actor: Any = None) -> Fund:
    """The unit's fund of `kind`, opened on first use."""
    if kind not in FundKind.values:
        raise ValidationError("Loại quỹ không hợp lệ.")
    if not keeps_funds(unit):
        raise ValidationError(f"{unit.name} không có sổ quỹ (chỉ Ủy ban MTTQ các cấp).")
    existing = Fund.objects.filter(unit=unit, kind=kind).first()
    if existing:
        return existing
    check_record(actor, unit)
    return create_fund(unit, kind, actor)


def create_fund(unit: Unit, kind: str, actor: Any) -> Fund:
    """Open the fund without asking who acts: a transfer from the committee above opens the
    receiving ward's fund when the ward has not opened it yet."""
    fund = Fund.objects.create(unit=unit, kind=kind, name=FundKind(kind).label)
    record(actor=actor, action="funds.open", target=fund, changes={"kind": kind})
    return fund


def save_entry(entry: Entry) -> Entry:
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:
        if (
            entry.receipt_number
            and Entry.objects.filter(
                fund=entry.fund, year=entry.entry_date.year, receipt_number=entry.receipt_number
            ).exists()
        ):
            raise ValidationError(
                {"receipt_number": f"Số biên lai {entry.receipt_number} đã được ghi trong năm."}
            ) from exc
        raise
    return entry


def audit_entry(actor, entry: Entry, action: str) -> None:
    record(
        actor=actor,
        action=f"funds.{action}",
        target=entry,
        changes={
            "fund": entry.fund_id,
            "kind": entry.kind,
            "date": entry.entry_date,
            "amount": entry.amount,
            "donor": entry.donor,
            "beneficiary": entry.beneficiary,
            "purpose": entry.purpose,
            "reverses": entry.reverses_id,
            "counterpart": entry.counterpart_id,
        },
    )


@transaction.atomic
def record_receipt(
    *,
    fund: Fund,
    entry_date: date,
    amount,
    donor: str,
    receipt_number: str = "",
    purpose: str = "",
    actor: Any = None,
) -> Entry:
    """Tiền ủng hộ: a donation received, with its donor and receipt number."""
    check_record(actor, fund.unit)
    (fund,) = lock(fund)
    check_day(fund.unit, entry_date)
    amount = whole_dong(amount)
    donor = required(donor, "donor", "Ghi tên người, đơn vị ủng hộ.")
    number = (receipt_number or "").strip()
    if number:
        earlier = Entry.objects.filter(fund=fund, year=entry_date.year, receipt_number=number)
        if earlier.exists():
            raise ValidationError(
                {
                    "receipt_number": f"Số biên lai {number} đã được ghi trong năm "
                    f"{entry_date.year} (ngày {earlier.first().entry_date:%d/%m/%Y})."
                }
            )
    entry = save_entry(
        Entry(
            fund=fund,
            kind=EntryKind.RECEIPT,
            entry_date=entry_date,
            amount=amount,
            donor=donor,
            receipt_number=number,
            purpose=(purpose or "").strip() or f"Ủng hộ {fund.name}",
            created_by=user_or_none(actor),
        )
    )
    audit_entry(actor, entry, "receipt")
    return entry


@transaction.atomic
def record_disbursement(
    *,
    fund: Fund,
    entry_date: date,
    amount,
    purpose: str,
    beneficiary: str,
    reference: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    household_id: int | None = None,
    house_id: int | None = None,
    actor: Any = None,
) -> Entry:
    """Chi hỗ trợ: support paid out, never more than the balance on its date and after."""
    check_record(actor, fund.unit)
    (fund,) = lock(fund)
    check_day(fund.unit, entry_date)
    amount = whole_dong(amount)
    purpose = required(purpose, "purpose", "Ghi nội dung chi.")
    beneficiary = required(beneficiary, "beneficiary", "Ghi đối tượng nhận hỗ trợ.")
    if decision_date and decision_date > entry_date:
        raise ValidationError({"decision_date": "Ngày quyết định không được sau ngày chi."})
    check_outflow(fund, entry_date, amount, "chi")
    entry = save_entry(
        Entry(
            fund=fund,
            kind=EntryKind.DISBURSEMENT,
            entry_date=entry_date,
            amount=amount,
            purpose=purpose,
            beneficiary=beneficiary,
            reference=(reference or "").strip(),
            decision_number=(decision_number or "").strip(),
            decision_date=decision_date,
            household_id=household_id,
            house_id=house_id,
            created_by=user_or_none(actor),
        )
    )
    audit_entry(actor, entry, "disbursement")
    return entry


def _mirror(original: Entry, day: date, reason: str, actor: Any) -> Entry:
    """The entry cancelling `original`: same amount, the opposite direction."""
    return Entry(
        fund=original.fund,
        kind=EntryKind.REVERSAL,
        inflow=not original.inflow,
        entry_date=day,
        amount=original.amount,
        donor=original.donor,
        beneficiary=original.beneficiary,
        reference=original.reference,
        household_id=original.household_id,
        house_id=original.house_id,
        decision_number=original.decision_number,
        decision_date=original.decision_date,
        purpose=f"Đảo bút toán ngày {original.entry_date:%d/%m/%Y} "
        f"({original.get_kind_display().lower()} {format_money(original.amount)}): {reason}",
        reverses=original,
        created_by=user_or_none(actor),
    )


def _check_reversible(entry: Entry, day: date) -> None:
    if entry.kind == EntryKind.REVERSAL:
        raise ValidationError(
            "Không đảo một bút toán đảo: nếu khoản ban đầu là đúng, hãy ghi lại khoản đó."
        )
    if Entry.objects.filter(reverses=entry).exists():
        raise ValidationError(
            f"Bút toán ngày {entry.entry_date:%d/%m/%Y} đã được đảo; mỗi bút toán chỉ đảo một lần."
        )
    if isinstance(day, date) and day < entry.entry_date:
        raise ValidationError(
            {
                "entry_date": f"Ngày đảo không được trước ngày bút toán gốc "
                f"({entry.entry_date:%d/%m/%Y})."
            }
        )


@transaction.atomic
def reverse_entry(*, entry: Entry, entry_date: date, reason: str, actor: Any = None) -> Entry:
    """Ghi bút toán đảo: cancel `entry` by an entry of the same amount and opposite effect.

    A transfer is cancelled on both sides at once; only the committee that sent it does so.
    Cancelling money that came in (a receipt, a transfer received) takes it out again, so it
    obeys the same balance rule as a disbursement.
    """
    if entry.is_transfer:
        return _reverse_transfer(entry=entry, day=entry_date, reason=reason, actor=actor)
    check_record(actor, entry.fund.unit)
    (fund,) = lock(entry.fund)
    entry = Entry.objects.select_related("fund__unit").get(pk=entry.pk)
    reason = required(reason, "reason", "Ghi lý do đảo bút toán.")
    _check_reversible(entry, entry_date)
    check_day(fund.unit, entry_date)
    if entry.inflow:
        check_outflow(fund, entry_date, entry.amount, "đảo khoản thu")
    reversal = save_entry(_mirror(entry, entry_date, reason, actor))
    audit_entry(actor, reversal, "reversal")
    return reversal


def _reverse_transfer(*, entry: Entry, day: date, reason: str, actor: Any) -> Entry:
    pair = Entry.objects.select_related("fund__unit", "counterpart__fund__unit")
    if entry.kind == EntryKind.TRANSFER_IN:
        sent, received = pair.get(pk=entry.counterpart_id), pair.get(pk=entry.pk)
    else:
        sent, received = pair.get(pk=entry.pk), pair.get(counterpart=entry)
    sender = sent.fund.unit
    by_receiver = entry.kind == EntryKind.TRANSFER_IN and getattr(actor, "is_authenticated", False)
    if by_receiver and actor.unit_id != sender.pk and not actor.is_system_admin:
        raise ValidationError(
            f"Khoản này do {sender.name} điều chuyển; chỉ {sender.name} mới đảo được."
        )
    check_record(actor, sender)
    lock(sent.fund, received.fund)
    reason = required(reason, "reason", "Ghi lý do đảo bút toán.")
    _check_reversible(sent, day)
    _check_reversible(received, day)
    check_day(sender, day)
    check_day(received.fund.unit, day)
    check_outflow(
        received.fund, day, received.amount, f"thu hồi khoản điều chuyển về {sender.name}"
    )
    back = save_entry(_mirror(sent, day, reason, actor))
    returned = save_entry(_mirror(received, day, reason, actor))
    audit_entry(actor, back, "reversal")
    audit_entry(actor, returned, "reversal")
    return back if entry.pk == sent.pk else returned

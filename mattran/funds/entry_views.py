"""The forms that write a fund's ledger: a receipt, a disbursement, a transfer, a reversal.

Anyone who may see the fund opens these pages; only the committee's own staff see the form
and may post it. A refused entry re-shows what was typed with the reason, and nothing is
written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse as url_for
from django.utils import timezone

from mattran.core.numbers import format_money
from mattran.funds import access
from mattran.funds.balances import LedgerRow, balances
from mattran.funds.entries import record_disbursement, record_receipt, reverse_entry
from mattran.funds.forms import (
    DisbursementForm,
    ReceiptForm,
    ReversalForm,
    TransferForm,
    apply_errors,
)
from mattran.funds.models import Entry, EntryKind
from mattran.funds.pages import fund_page, require_record
from mattran.funds.transfers import transfer


def _form_page(request, unit, fund, form, *, title, button, intro="", entry=None, blocked=""):
    today = timezone.localdate()
    return render(
        request,
        "funds/entry_form.html",
        {
            "unit": unit,
            "fund": fund,
            "form": form,
            "title": title,
            "button": button,
            "intro": intro,
            "entry": entry,
            "blocked": blocked,
            "wide": ("donor", "purpose", "beneficiary", "reference", "reason"),
            "may_record": access.may_record(request.user, unit),
            "balance_today": balances([fund], today).get(fund.pk, 0),
            "today": today,
        },
    )


def _post(request, unit, fund, form, write, success) -> Entry | None:
    """Run `write(form.cleaned_data)`; on refusal put the reasons on the form."""
    require_record(request, unit)
    if not form.is_valid():
        return None
    try:
        entry = write(form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(request, success(entry))
    return entry


def _initial():
    return {"entry_date": timezone.localdate()}


@login_required
def receipt(request, code, pk):
    unit, fund = fund_page(request, code, pk)
    form = ReceiptForm(request.POST or None, initial=_initial())
    if request.method == "POST":
        entry = _post(
            request,
            unit,
            fund,
            form,
            lambda data: record_receipt(fund=fund, actor=request.user, **data),
            lambda e: f"Đã ghi khoản thu {format_money(e.amount)} của {e.donor}.",
        )
        if entry:
            return redirect(_ledger_url(unit, fund, entry))
    return _form_page(request, unit, fund, form, title="Ghi thu", button="Ghi khoản thu")


@login_required
def disbursement(request, code, pk):
    unit, fund = fund_page(request, code, pk)
    form = DisbursementForm(request.POST or None, initial=_initial())
    if request.method == "POST":
        entry = _post(
            request,
            unit,
            fund,
            form,
            lambda data: record_disbursement(fund=fund, actor=request.user, **data),
            lambda e: f"Đã ghi khoản chi {format_money(e.amount)} cho {e.beneficiary}.",
        )
        if entry:
            return redirect(_ledger_url(unit, fund, entry))
    return _form_page(
        request,
        unit,
        fund,
        form,
        title="Ghi chi",
        button="Ghi khoản chi",
        intro="Khoản chi không được vượt số dư của quỹ vào ngày chi và các ngày sau.",
    )


@login_required
def transfer_view(request, code, pk):
    unit, fund = fund_page(request, code, pk)
    form = TransferForm(
        request.POST or None, initial=_initial(), partners=access.transfer_partners(unit)
    )

    def write(data):
        data = dict(data)
        to_unit = form.partners.get(data.pop("to_unit"))
        return transfer(fund=fund, to_unit=to_unit, actor=request.user, **data)

    if request.method == "POST":
        entry = _post(
            request,
            unit,
            fund,
            form,
            write,
            lambda e: f"Đã điều chuyển {format_money(e.amount)} cho {e.beneficiary}.",
        )
        if entry:
            return redirect(_ledger_url(unit, fund, entry))
    return _form_page(
        request,
        unit,
        fund,
        form,
        title="Điều chuyển quỹ",
        button="Ghi điều chuyển",
        intro=f"Chuyển tiền sang {fund.name} của Ủy ban MTTQ cấp trên trực tiếp hoặc cấp dưới "
        "trực tiếp; sổ của đơn vị nhận được ghi cùng lúc.",
    )


@login_required
def reverse(request, code, pk, entry_pk):
    unit, fund = fund_page(request, code, pk)
    entry = access.entry_for(fund, entry_pk)
    form = ReversalForm(request.POST or None, initial=_initial())
    if request.method == "POST":
        done = _post(
            request,
            unit,
            fund,
            form,
            lambda data: reverse_entry(entry=entry, actor=request.user, **data),
            lambda e: f"Đã ghi bút toán đảo {format_money(e.amount)} ngày {e.entry_date:%d/%m/%Y}.",
        )
        if done:
            return redirect(_ledger_url(unit, fund, done))
    intro = (
        "Bút toán đảo ghi cùng số tiền với chiều ngược lại; bút toán gốc vẫn giữ nguyên "
        "trong sổ. Mỗi bút toán chỉ đảo một lần."
    )
    if entry.is_transfer:
        intro += " Khoản điều chuyển được đảo ở cả hai sổ quỹ."
    return _form_page(
        request,
        unit,
        fund,
        form,
        title="Ghi bút toán đảo",
        button="Ghi bút toán đảo",
        intro=intro,
        entry=LedgerRow(entry, 0),
        blocked=_not_reversible(entry),
    )


def _not_reversible(entry: Entry) -> str:
    """Why the entry cannot be reversed from this page, if it cannot."""
    done = Entry.objects.filter(reverses=entry).first()
    if done:
        return f"Bút toán này đã được đảo ngày {done.entry_date:%d/%m/%Y}."
    if entry.kind == EntryKind.REVERSAL:
        return (
            "Đây là bút toán đảo; không đảo lại. Nếu khoản ban đầu là đúng, hãy ghi lại khoản đó."
        )
    if entry.kind == EntryKind.TRANSFER_IN:
        sender = entry.counterpart.fund.unit
        return (
            f"Khoản này do {sender.name} điều chuyển; chỉ {sender.name} mới đảo được. Muốn "
            f"trả lại, hãy điều chuyển cho {sender.name}."
        )
    return ""


def _ledger_url(unit, fund, entry) -> str:
    return (
        f"{url_for('funds:ledger', args=[unit.code, fund.pk])}?year={entry.entry_date.year}"
        f"#entry-{entry.pk}"
    )

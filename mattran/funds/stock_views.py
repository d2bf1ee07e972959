"""In-kind relief pages: a unit's stores and the item catalogue, one store's stock and
movements, receipt and issue slips, reversing slips, and the stock report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.documents.views import download
from mattran.funds import access, tables
from mattran.funds.forms import apply_errors
from mattran.funds.models import IssueSlip, Item, StockReceipt
from mattran.funds.pages import period, require_record, store_page
from mattran.funds.stock import (
    add_item,
    create_store,
    issue_goods,
    record_stock_receipt,
    reverse_stock_document,
)
from mattran.funds.stock_export import documents, export_stock_report
from mattran.funds.stock_forms import (
    IssueForm,
    ItemForm,
    StockReceiptForm,
    StockReversalForm,
    StoreForm,
)
from mattran.funds.stock_levels import stock_on, stock_report, store_rows

DOCUMENTS = {"receipt": StockReceipt, "issue": IssueSlip}


@login_required
def stores(request, code):
    unit = scope.unit_for(request.user, code)
    may_record = access.may_record(request.user, unit) and access.keeps_funds(unit)
    form = StoreForm(request.POST or None)
    if request.method == "POST":
        require_record(request, unit)
        if form.is_valid():
            try:
                store = create_store(unit=unit, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, f"Đã tạo {store.name}.")
                return redirect("funds:store", unit.code, store.pk)
    return render(
        request,
        "funds/stores.html",
        {
            "unit": unit,
            "rows": store_rows(unit, timezone.localdate()),
            "form": form,
            "item_form": ItemForm(),
            "items": Item.objects.all(),
            "may_record": may_record,
            "keeps_funds": access.keeps_funds(unit),
        },
    )


@login_required
def stores_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    today = timezone.localdate()
    content = table_workbook(tables.stores_table(unit, today, store_rows(unit, today)))
    return xlsx_response(content, f"kho-hang-cuu-tro-{unit.code}-{today:%Y%m%d}.xlsx")


@login_required
@require_POST
def items(request, code):
    unit = scope.unit_for(request.user, code)
    require_record(request, unit)
    form = ItemForm(request.POST)
    if form.is_valid():
        try:
            item = add_item(actor=request.user, **form.cleaned_data)
            messages.success(request, f"Đã có mặt hàng {item}.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("funds:stores", unit.code)


def _in_stock(store) -> list:
    """(item, quantity) of what is in the store today, by item name."""
    stock = stock_on(store, timezone.localdate())
    catalogue = Item.objects.in_bulk(stock.keys())
    return sorted(((catalogue[k], q) for k, q in stock.items() if q), key=lambda r: r[0].name)


@login_required
def store(request, code, pk):
    unit, store = store_page(request, code, pk)
    today = timezone.localdate()
    years = _years(store)
    shown = period(request, years)
    return render(
        request,
        "funds/store.html",
        {
            "unit": unit,
            "store": store,
            "stock": _in_stock(store),
            "documents": documents(store, shown.start, shown.end),
            "period": shown,
            "years": years,
            "today": today,
            "may_record": access.may_record(request.user, unit),
        },
    )


def _slip_page(request, unit, store, form, title, button):
    return render(
        request,
        "funds/stock_form.html",
        {
            "unit": unit,
            "store": store,
            "form": form,
            "title": title,
            "button": button,
            "may_record": access.may_record(request.user, unit),
            "wide": ("donor", "recipient", "note"),
            "stock": _in_stock(store),
        },
    )


def _after(unit, store, doc) -> str:
    url = reverse("funds:store", args=[unit.code, store.pk])
    return f"{url}?year={doc.day.year}#doc-{doc.kind}-{doc.pk}"


def _write(request, unit, form, write):
    require_record(request, unit)
    if not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return None


@login_required
def stock_receipt(request, code, pk):
    unit, store = store_page(request, code, pk)
    form = StockReceiptForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST":

        def write(data):
            fields = {k: data[k] for k in ("day", "donor", "number", "note", "lines")}
            return record_stock_receipt(store=store, actor=request.user, **fields)

        doc = _write(request, unit, form, write)
        if doc:
            messages.success(request, f"Đã ghi phiếu nhập kho của {doc.donor}.")
            return redirect(_after(unit, store, doc))
    return _slip_page(request, unit, store, form, "Phiếu nhập kho", "Ghi phiếu nhập")


@login_required
def issue(request, code, pk):
    unit, store = store_page(request, code, pk)
    children = list(unit.children.order_by("path"))
    form = IssueForm(request.POST or None, initial={"day": timezone.localdate()}, children=children)
    if request.method == "POST":

        def write(data):
            fields = {k: data[k] for k in ("day", "recipient", "number", "note", "lines")}
            to_unit = form.children.get(data.get("recipient_unit"))
            return issue_goods(store=store, recipient_unit=to_unit, actor=request.user, **fields)

        doc = _write(request, unit, form, write)
        if doc:
            messages.success(request, f"Đã ghi phiếu xuất kho cho {doc.recipient}.")
            return redirect(_after(unit, store, doc))
    return _slip_page(request, unit, store, form, "Phiếu xuất kho", "Ghi phiếu xuất")


@login_required
def stock_reverse(request, code, pk, doc, doc_pk):
    unit, store = store_page(request, code, pk)
    model = DOCUMENTS.get(doc)
    original = model.objects.filter(store=store, pk=doc_pk).first() if model else None
    if original is None:
        raise Http404("Không tìm thấy phiếu này trong kho.")
    form = StockReversalForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST":
        done = _write(
            request,
            unit,
            form,
            lambda data: reverse_stock_document(document=original, actor=request.user, **data),
        )
        if done:
            messages.success(request, f"Đã lập phiếu đảo ngày {done.day:%d/%m/%Y}.")
            return redirect(_after(unit, store, done))
    blocked = ""
    if original.is_reversal:
        blocked = "Đây là phiếu đảo; không đảo lại."
    elif model.objects.filter(reverses=original).exists():
        blocked = "Phiếu này đã được đảo."
    return render(
        request,
        "funds/stock_reverse.html",
        {
            "unit": unit,
            "store": store,
            "form": form,
            "document": original,
            "receipt": model is StockReceipt,
            "blocked": blocked,
            "may_record": access.may_record(request.user, unit),
        },
    )


def _years(store) -> list[int]:
    return sorted(
        {d.year for d in StockReceipt.objects.filter(store=store).dates("day", "year")}
        | {d.year for d in IssueSlip.objects.filter(store=store).dates("day", "year")},
        reverse=True,
    )


@login_required
def report(request, code, pk):
    unit, store = store_page(request, code, pk)
    years = _years(store)
    shown = period(request, years)
    return render(
        request,
        "funds/stock_report.html",
        {
            "unit": unit,
            "store": store,
            "rows": stock_report(store, shown.start, shown.end),
            "period": shown,
            "years": years,
        },
    )


@login_required
@require_POST
def export(request, code, pk):
    unit, store = store_page(request, code, pk)
    shown = period(request, [])
    try:
        generated = export_stock_report(
            store=store, start=shown.start, end=shown.end, actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("funds:stock_report", unit.code, store.pk)
    return download(generated)

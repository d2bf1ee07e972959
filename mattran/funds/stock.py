"""Writing a store: open it, add an item to the catalogue, receive goods, issue them, and
correct a receipt or a slip by a reversing one. Each write holds a row lock on the store,
and no issue may leave any stock below zero on its date or after."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mattran.audit.services import record
from mattran.core.numbers import format_number
from mattran.funds.access import check_record, keeps_funds
from mattran.funds.checks import check_day, required
from mattran.funds.models import (
    IssueLine,
    IssueSlip,
    Item,
    StockReceipt,
    StockReceiptLine,
    Store,
)
from mattran.funds.stock_levels import lowest_stock_from
from mattran.units.models import Unit

MAX_QUANTITY = Decimal(10) ** 12


@dataclass
class Line:
    item: Item
    quantity: Decimal


def _user(actor: Any):
    return actor if getattr(actor, "pk", None) else None


def _lock(store: Store) -> Store:
    return Store.objects.select_for_update().select_related("unit").get(pk=store.pk)


def amount_of(item: Item, quantity: Decimal) -> str:
    return f"{format_number(quantity)} {item.measure}"


@transaction.atomic
def create_store(*, unit: Unit, name: str, address: str = "", actor: Any = None) -> Store:
    check_record(actor, unit)
    if not keeps_funds(unit):
        raise ValidationError(f"{unit.name} không giữ kho hàng cứu trợ (chỉ Ủy ban MTTQ các cấp).")
    name = required(name, "name", "Ghi tên kho.")
    if Store.objects.filter(unit=unit, name__iexact=name).exists():
        raise ValidationError({"name": f"{unit.name} đã có kho “{name}”."})
    store = Store.objects.create(unit=unit, name=name, address=(address or "").strip())
    record(actor=actor, action="funds.store", target=store, changes={"name": name})
    return store


@transaction.atomic
def add_item(*, name: str, measure: str, actor: Any = None) -> Item:
    """A kind of goods in the shared catalogue; the same name and measure is the same item."""
    name = required(name, "name", "Ghi tên mặt hàng.")
    measure = required(measure, "measure", "Ghi đơn vị tính (kg, thùng, suất…).")
    existing = Item.objects.filter(name__iexact=name, measure__iexact=measure).first()
    if existing:
        return existing
    item = Item.objects.create(name=name[:1].upper() + name[1:], measure=measure)
    record(actor=actor, action="funds.item", target=item, changes={"measure": measure})
    return item


def _clean_lines(lines: list[Line]) -> list[Line]:
    if not lines:
        raise ValidationError({"lines": "Phiếu phải có ít nhất một mặt hàng."})
    seen: set[int] = set()
    for line in lines:
        if line.item.pk in seen:
            raise ValidationError(
                {"lines": f"Mặt hàng {line.item.name} được ghi hai lần; hãy gộp thành một dòng."}
            )
        seen.add(line.item.pk)
        try:
            quantity = Decimal(str(line.quantity))
        except (InvalidOperation, ValueError):
            raise ValidationError({"lines": f"Số lượng {line.item.name} không hợp lệ."}) from None
        if not quantity.is_finite() or quantity <= 0:
            raise ValidationError({"lines": f"Số lượng {line.item.name} phải lớn hơn 0."})
        if quantity != quantity.quantize(Decimal("0.01")) or quantity >= MAX_QUANTITY:
            raise ValidationError(
                {"lines": f"Số lượng {line.item.name} ghi tối đa hai chữ số thập phân."}
            )
        line.quantity = quantity
    return lines


def _check_issue(store: Store, day: date, lines: list[Line], what: str) -> None:
    """Taking goods out on `day` must leave every later stock at or above zero."""
    lowest = lowest_stock_from(store, day, {line.item.pk for line in lines})
    for line in lines:
        low = lowest[line.item.pk]
        if line.quantity <= low.quantity:
            continue
        if low.day == day:
            message = (
                f"Tồn kho {line.item.name} ngày {day:%d/%m/%Y} là "
                f"{amount_of(line.item, low.quantity)}, không đủ để {what} "
                f"{amount_of(line.item, line.quantity)}."
            )
        else:
            message = (
                f"Không thể {what} {amount_of(line.item, line.quantity)} {line.item.name} vào "
                f"ngày {day:%d/%m/%Y}: tồn kho ngày {low.day:%d/%m/%Y} sẽ bị âm (từ ngày "
                f"{day:%d/%m/%Y} trở đi, tồn thấp nhất là {amount_of(line.item, low.quantity)})."
            )
        raise ValidationError({"lines": message})


def _save(document, lines: list[Line], line_model, link: str):
    try:
        with transaction.atomic():
            document.save()
            for line in lines:
                line_model(**{link: document}, item=line.item, quantity=line.quantity).save()
    except IntegrityError as exc:  # pragma: no cover - the checks above come first
        raise ValidationError("Phiếu không hợp lệ, chưa được ghi.") from exc
    return document


def _audit(actor, document, action: str, lines: list[Line]) -> None:
    record(
        actor=actor,
        action=f"funds.{action}",
        target=document,
        changes={
            "store": document.store_id,
            "day": document.day,
            "reverses": document.reverses_id,
            "lines": [[line.item.pk, line.quantity] for line in lines],
        },
    )


@transaction.atomic
def record_stock_receipt(
    *,
    store: Store,
    day: date,
    donor: str,
    lines: list[Line],
    number: str = "",
    note: str = "",
    actor: Any = None,
) -> StockReceipt:
    """Phiếu nhập kho: goods received from a donor."""
    check_record(actor, store.unit)
    store = _lock(store)
    check_day(store.unit, day, "day")
    donor = required(donor, "donor", "Ghi tên người, đơn vị ủng hộ.")
    lines = _clean_lines(lines)
    receipt = StockReceipt(
        store=store,
        day=day,
        donor=donor,
        number=(number or "").strip(),
        note=(note or "").strip(),
        created_by=_user(actor),
    )
    _save(receipt, lines, StockReceiptLine, "receipt")
    _audit(actor, receipt, "stock_receipt", lines)
    return receipt


@transaction.atomic
def issue_goods(
    *,
    store: Store,
    day: date,
    recipient: str,
    lines: list[Line],
    recipient_unit: Unit | None = None,
    number: str = "",
    note: str = "",
    actor: Any = None,
) -> IssueSlip:
    """Phiếu xuất kho: goods handed to households or to a unit, never more than in stock."""
    check_record(actor, store.unit)
    store = _lock(store)
    check_day(store.unit, day, "day")
    if recipient_unit is not None and recipient_unit.parent_id != store.unit_id:
        raise ValidationError({"recipient_unit": "Chỉ xuất cho đơn vị trực thuộc."})
    recipient = (recipient or "").strip() or (recipient_unit.name if recipient_unit else "")
    recipient = required(recipient, "recipient", "Ghi hộ, đơn vị nhận hàng.")
    lines = _clean_lines(lines)
    _check_issue(store, day, lines, "xuất")
    slip = IssueSlip(
        store=store,
        day=day,
        recipient=recipient,
        recipient_unit=recipient_unit,
        number=(number or "").strip(),
        note=(note or "").strip(),
        created_by=_user(actor),
    )
    _save(slip, lines, IssueLine, "slip")
    _audit(actor, slip, "issue", lines)
    return slip


@transaction.atomic
def reverse_stock_document(
    *, document: StockReceipt | IssueSlip, day: date, reason: str, actor: Any = None
) -> StockReceipt | IssueSlip:
    """Phiếu đảo: cancel a receipt (its goods leave again, so stock must allow it) or a slip
    (its goods come back), with the same lines."""
    check_record(actor, document.store.unit)
    store = _lock(document.store)
    model = type(document)
    document = model.objects.get(pk=document.pk)
    reason = required(reason, "reason", "Ghi lý do lập phiếu đảo.")
    if document.is_reversal:
        raise ValidationError("Không đảo một phiếu đảo: nếu phiếu ban đầu đúng, hãy ghi lại phiếu.")
    if model.objects.filter(reverses=document).exists():
        raise ValidationError("Phiếu này đã được đảo; mỗi phiếu chỉ đảo một lần.")
    if isinstance(day, date) and day < document.day:
        raise ValidationError(
            {"day": f"Ngày đảo không được trước ngày của phiếu gốc ({document.day:%d/%m/%Y})."}
        )
    check_day(store.unit, day, "day")
    lines = [Line(line.item, line.quantity) for line in document.lines.select_related("item")]
    note = f"Đảo {str(document)[:1].lower()}{str(document)[1:]}: {reason}"
    if model is StockReceipt:
        _check_issue(store, day, lines, "đảo phiếu nhập")
        mirror = StockReceipt(store=store, donor=document.donor)
        line_model, link = StockReceiptLine, "receipt"
    else:
        mirror = IssueSlip(
            store=store, recipient=document.recipient, recipient_unit=document.recipient_unit
        )
        line_model, link = IssueLine, "slip"
    mirror.day, mirror.note, mirror.reverses = day, note[:500], document
    mirror.created_by = _user(actor)
    _save(mirror, lines, line_model, link)
    _audit(actor, mirror, "stock_reversal", lines)
    return mirror

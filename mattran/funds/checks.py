"""The rules every write to a ledger or a store obeys, with the messages users read."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone

from mattran.core.numbers import format_money
from mattran.funds.balances import lowest_balance_from
from mattran.funds.models import Fund
from mattran.units.models import Unit

MAX_AMOUNT = Decimal(10) ** 15


def whole_dong(amount, field: str = "amount") -> Decimal:
    """A positive whole number of đồng."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: "Số tiền không hợp lệ."}) from None
    if not value.is_finite() or value <= 0:
        raise ValidationError({field: "Số tiền phải lớn hơn 0 đồng."})
    if value != value.to_integral_value():
        raise ValidationError({field: "Số tiền tính bằng đồng, không có phần lẻ."})
    if value >= MAX_AMOUNT:
        raise ValidationError({field: "Số tiền quá lớn."})
    return value.quantize(Decimal(1))


def check_day(unit: Unit, day: date, field: str = "entry_date") -> None:
    """Not in the future, and while the unit existed (a merged ward keeps its past only)."""
    if not isinstance(day, date):
        raise ValidationError({field: "Chưa nhập ngày (dd/mm/yyyy)."})
    today = timezone.localdate()
    if day > today:
        raise ValidationError({field: f"Ngày không được sau hôm nay ({today:%d/%m/%Y})."})
    if not unit.is_valid_on(day):
        raise ValidationError({field: f"{unit.name} không hoạt động vào ngày {day:%d/%m/%Y}."})


def required(value: str, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


def check_outflow(fund: Fund, day: date, amount: Decimal, what: str) -> None:
    """Money going out on `day` must leave every balance from that day on at or above zero,
    so a back-dated disbursement cannot make a later balance negative."""
    lowest = lowest_balance_from(fund, day)
    if amount <= lowest.amount:
        return
    if lowest.day == day:
        message = (
            f"Số dư {fund.name} của {fund.unit.name} ngày {day:%d/%m/%Y} là "
            f"{format_money(lowest.amount)}, "
            f"không đủ để {what} {format_money(amount)}."
        )
    else:
        message = (
            f"Không thể {what} {format_money(amount)} vào ngày {day:%d/%m/%Y}: số dư "
            f"{fund.name} của {fund.unit.name} ngày {lowest.day:%d/%m/%Y} sẽ bị âm (từ ngày "
            f"{day:%d/%m/%Y} trở đi, số dư thấp nhất là {format_money(lowest.amount)})."
        )
    raise ValidationError({"amount": message})

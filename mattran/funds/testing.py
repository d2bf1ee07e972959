"""Small helpers for the funds tests and the scope matrix."""

from datetime import date
from decimal import Decimal

from mattran.funds.entries import open_fund, record_disbursement, record_receipt
from mattran.funds.models import Fund, FundKind
from mattran.units.models import Unit


def poor_fund(unit: Unit) -> Fund:
    return open_fund(unit=unit, kind=FundKind.POOR_RELIEF)


def donate(fund: Fund, day: date, amount: int, donor: str = "Công ty TNHH Minh Phát", **kw):
    return record_receipt(fund=fund, entry_date=day, amount=Decimal(amount), donor=donor, **kw)


def spend(fund: Fund, day: date, amount: int, **kw):
    kw.setdefault("purpose", "Hỗ trợ sửa chữa nhà ở")
    kw.setdefault("beneficiary", "Hộ bà Trần Thị Lan, khối phố 2")
    return record_disbursement(fund=fund, entry_date=day, amount=Decimal(amount), **kw)

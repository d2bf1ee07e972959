"""What the fund and store pages share: the acting unit and its fund or store, who may
write, the period a page shows, rendering a form the reader may not submit, and the funds
of a unit and of the units below it with their balances (the funds page and its download)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from mattran.accounts import scope
from mattran.funds import access
from mattran.funds.balances import Reconciliation, balances, entry_years, reconciliation
from mattran.funds.forms import PeriodForm
from mattran.funds.models import Fund, FundKind
from mattran.funds.models.ledger import KIND_ORDER
from mattran.units.models import Unit


def fund_page(request, code: str, pk: int, *, write: bool = False):
    unit = scope.unit_for(request.user, code)
    fund = access.fund_for(unit, pk)
    if write:
        require_record(request, unit)
    return unit, fund


def store_page(request, code: str, pk: int, *, write: bool = False):
    unit = scope.unit_for(request.user, code)
    store = access.store_for(unit, pk)
    if write:
        require_record(request, unit)
    return unit, store


def require_record(request, unit) -> None:
    if not access.may_record(request.user, unit):
        raise PermissionDenied(
            f"Chỉ cán bộ của {unit.name} mới được ghi sổ; bạn chỉ xem được số liệu của đơn vị."
        )


@dataclass
class Period:
    form: PeriodForm
    start: date
    end: date
    year: int | None  # when the period is one calendar year

    @property
    def query(self) -> str:
        return f"start={self.start:%d/%m/%Y}&end={self.end:%d/%m/%Y}"


def year_bounds(year: int, today: date) -> tuple[date, date]:
    return date(year, 1, 1), max(date(year, 1, 1), min(date(year, 12, 31), today))


def period(request, years: list[int]) -> Period:
    """The period asked for (?start=&end= typed dd/mm/yyyy, or ?year=), else the latest year
    with entries: a fund's 2024 ledger is what one opens it for in 2024 and after."""
    today = timezone.localdate()
    default_year = years[0] if years else today.year
    source = request.GET if request.method == "GET" else request.POST
    form = PeriodForm(source if ("start" in source or "end" in source) else None)
    start, end = year_bounds(default_year, today)
    year_asked = source.get("year", "")
    if year_asked.isdigit() and 2000 <= int(year_asked) <= 2100:
        start, end = year_bounds(int(year_asked), today)
    elif form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or None
        end = form.cleaned_data["end"] or None
        if start is None and end is None:
            start, end = year_bounds(default_year, today)
        elif start is None:
            start = date(end.year, 1, 1)
        elif end is None:
            end = max(start, min(date(start.year, 12, 31), today))
    is_year = (
        start.month == start.day == 1
        and end.year == start.year
        and ((end.month, end.day) == (12, 31) or end == today)
    )
    if not form.is_bound:
        form = PeriodForm(initial={"start": start, "end": end})
    return Period(form, start, end, start.year if is_year else None)


@dataclass
class OwnFund:
    kind: FundKind
    fund: Fund | None  # None: the unit has not opened this fund
    balance: Decimal
    year: Reconciliation | None  # the latest year with entries


@dataclass
class BelowFund:
    fund: Fund
    balance: Decimal


def fund_overview(unit: Unit, today: date) -> tuple[list[OwnFund], list[BelowFund]]:
    """Each kind of fund of `unit` with its balance at the end of `today` and its latest
    year's totals, and every fund kept below it with its balance (in the tree's order)."""
    own = {fund.kind: fund for fund in Fund.objects.filter(unit=unit).select_related("unit")}
    below = sorted(
        Fund.objects.filter(unit__in=Unit.objects.subtree(unit, include_self=False)).select_related(
            "unit"
        ),
        key=lambda fund: (fund.unit.path, KIND_ORDER.get(fund.kind, 99)),
    )
    amounts = balances([*own.values(), *below], today)
    rows = []
    for kind in FundKind:
        fund = own.get(kind)
        year = None
        if fund is not None:
            latest = (entry_years(fund) or [today.year])[0]
            year = reconciliation(fund, *year_bounds(latest, today))
        rows.append(OwnFund(kind, fund, amounts.get(fund.pk, 0) if fund else Decimal(0), year))
    return rows, [BelowFund(f, amounts.get(f.pk, Decimal(0))) for f in below]

"""The funds of a unit with their balances, opening a fund, and one fund's ledger."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.funds import access, tables
from mattran.funds.balances import balances, entry_years, ledger, reconciliation
from mattran.funds.entries import open_fund
from mattran.funds.pages import fund_overview, fund_page, period, require_record


@login_required
def index(request, code):
    unit = scope.unit_for(request.user, code)
    today = timezone.localdate()
    rows, below = fund_overview(unit, today)
    context = {
        "unit": unit,
        "keeps_funds": access.keeps_funds(unit),
        "may_record": access.may_record(request.user, unit),
        "rows": rows,
        "below": below,
        "today": today,
        "stores": unit.relief_stores.count(),
    }
    return render(request, "funds/index.html", context)


@login_required
def index_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    today = timezone.localdate()
    rows, below = fund_overview(unit, today)
    sheets = [tables.funds_table(unit, today, rows)] if access.keeps_funds(unit) else []
    if below or not sheets:
        sheets.append(tables.below_table(unit, today, below))
    return xlsx_response(table_workbook(*sheets), f"quy-{unit.code}-{today:%Y%m%d}.xlsx")


@login_required
@require_POST
def open_view(request, code):
    unit = scope.unit_for(request.user, code)
    require_record(request, unit)
    try:
        fund = open_fund(unit=unit, kind=request.POST.get("kind", ""), actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("funds:index", unit.code)
    messages.success(request, f"Đã mở sổ {fund.name} của {unit.name}.")
    return redirect("funds:ledger", unit.code, fund.pk)


@login_required
def ledger_view(request, code, pk):
    unit, fund = fund_page(request, code, pk)
    years = entry_years(fund)
    shown = period(request, years)
    book = ledger(fund, shown.start, shown.end)
    today = timezone.localdate()
    rec = reconciliation(fund, shown.start, shown.end)
    context = {
        "unit": unit,
        "fund": fund,
        "may_record": access.may_record(request.user, unit),
        "period": shown,
        "years": years,
        "book": book,
        "rec": rec,
        "today": today,
        "balance_today": balances([fund], today).get(fund.pk, 0),
    }
    return render(request, "funds/ledger.html", context)

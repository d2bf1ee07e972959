"""The funds of a unit with their balances, opening a fund, and one fund's ledger."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.funds import access
from mattran.funds.balances import balances, entry_years, ledger, reconciliation
from mattran.funds.entries import open_fund
from mattran.funds.models import Fund, FundKind
from mattran.funds.models.ledger import KIND_ORDER
from mattran.funds.pages import fund_page, period, require_record, year_bounds
from mattran.units.models import Unit


@login_required
def index(request, code):
    unit = scope.unit_for(request.user, code)
    today = timezone.localdate()
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
        balance = amounts.get(fund.pk, 0) if fund else 0
        rows.append({"kind": kind, "fund": fund, "balance": balance, "year": year})
    context = {
        "unit": unit,
        "keeps_funds": access.keeps_funds(unit),
        "may_record": access.may_record(request.user, unit),
        "rows": rows,
        "below": [{"fund": f, "balance": amounts.get(f.pk, 0)} for f in below],
        "today": today,
        "stores": unit.relief_stores.count(),
    }
    return render(request, "funds/index.html", context)


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

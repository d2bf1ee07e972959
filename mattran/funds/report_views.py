"""The reconciliation report of one fund or of all a unit's funds, with its exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.documents.views import download
from mattran.funds.balances import balance, entry_years, reconciliation
from mattran.funds.exports import export_reconciliation
from mattran.funds.models import Entry, Fund
from mattran.funds.models.ledger import in_kind_order
from mattran.funds.pages import fund_page, period
from mattran.funds.statement import summary_lines, title

FORMATS = ("xlsx", "docx")


def _table(recs) -> list[dict]:
    """Rows of the summary with one amount per fund, each labelled for a phone's layout."""
    lines = [summary_lines(rec) for rec in recs]
    labels = [f"{rec.fund.name} (đồng)" if len(recs) > 1 else "Số tiền (đồng)" for rec in recs]
    return [
        {
            "line": line,
            "cells": [(label, other[i].amount) for label, other in zip(labels, lines, strict=True)],
        }
        for i, line in enumerate(lines[0])
    ]


def _render(request, unit, funds, shown, years, fund=None):
    recs = [reconciliation(f, shown.start, shown.end) for f in funds]
    checks = [balance(rec.fund, shown.end) == rec.closing for rec in recs]
    return render(
        request,
        "funds/report.html",
        {
            "unit": unit,
            "fund": fund,
            "recs": recs,
            "rows": _table(recs) if recs else [],
            "title": title(recs) if recs else "",
            "agrees": all(checks),
            "period": shown,
            "years": years,
        },
    )


@login_required
def fund_report(request, code, pk):
    unit, fund = fund_page(request, code, pk)
    years = entry_years(fund)
    return _render(request, unit, [fund], period(request, years), years, fund=fund)


@login_required
def summary(request, code):
    unit = scope.unit_for(request.user, code)
    funds = in_kind_order(Fund.objects.filter(unit=unit).select_related("unit"))
    years = sorted(
        set(Entry.objects.filter(fund__in=funds).values_list("year", flat=True)), reverse=True
    )
    return _render(request, unit, funds, period(request, years), years)


def _export(request, unit, funds, fmt, back):
    if fmt not in FORMATS:
        raise Http404("Định dạng tệp không hỗ trợ.")
    shown = period(request, [])
    if shown.form.is_bound and shown.form.errors:
        messages.error(request, " ".join(e for errs in shown.form.errors.values() for e in errs))
        return redirect(back)
    try:
        generated = export_reconciliation(
            unit=unit, funds=funds, start=shown.start, end=shown.end, fmt=fmt, actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    return download(generated)


@login_required
@require_POST
def fund_export(request, code, pk, fmt):
    unit, fund = fund_page(request, code, pk)
    return _export(request, unit, [fund], fmt, reverse("funds:report", args=[unit.code, fund.pk]))


@login_required
@require_POST
def summary_export(request, code, fmt):
    unit = scope.unit_for(request.user, code)
    funds = in_kind_order(Fund.objects.filter(unit=unit).select_related("unit"))
    return _export(request, unit, funds, fmt, reverse("funds:summary", args=[unit.code]))

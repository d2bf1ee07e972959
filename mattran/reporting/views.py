from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.reporting import excel, tables, workflow
from mattran.reporting.forms import EntryForm
from mattran.reporting.selectors import (
    previous_spec,
    programme_and_year,
    report_page,
    values_of,
    year_reports,
)
from mattran.reporting.services import (
    ConflictError,
    check_may_change,
    clear_data_value,
    save_data_value,
)


@login_required
def index(request, code):
    """A unit's reports by month of a year, with their status."""
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    reports = year_reports(programme, unit, year)
    return render(
        request,
        "reporting/index.html",
        {
            "unit": unit,
            "year": year,
            "years": list(programme.years),
            "programme": programme,
            "months": [{"spec": spec, "submission": sub} for spec, sub in reports[:-1]],
            "yearly": reports[-1][1],
            "children": unit.children.exists(),
        },
    )


@login_required
def index_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    programme, year = programme_and_year(unit, request.GET.get("year"))
    table = tables.reports_table(programme, unit, year, year_reports(programme, unit, year))
    return xlsx_response(table_workbook(table), f"bao-cao-{unit.code}-{year}.xlsx")


@login_required
def entry(request, code, period):
    page = report_page(request.user, code, period)
    may_enter = scope.can_enter(request.user, page.unit)
    locked = workflow.lock_message(page.programme, page.unit, page.period)
    values = values_of(page.unit, page.period.spec, page.indicators)
    previous = values_of(page.unit, previous_spec(page.period.spec), page.indicators)
    form = EntryForm(
        request.POST or None,
        indicators=page.indicators,
        values=values,
        read_only=not may_enter or bool(locked),
    )
    if request.method == "POST":
        if not may_enter:
            raise PermissionDenied("Bạn không có quyền nhập số liệu của đơn vị này.")
        if locked:
            messages.error(request, locked)
        elif form.is_valid() and save_form(request, page, form):
            messages.success(request, f"Đã lưu số liệu {page.period} của {page.unit.name}.")
            return redirect("reporting:entry", code=page.unit.code, period=page.period.code)
        else:
            messages.error(
                request,
                "Chưa lưu: kiểm tra các ô báo lỗi bên dưới. Số liệu đã nhập vẫn được giữ nguyên.",
            )
    return render(
        request,
        "reporting/entry.html",
        {
            "page": page,
            "unit": page.unit,
            "period": page.period,
            "form": form,
            "rows": list(form.rows(previous)),
            "may_enter": may_enter and not locked,
            "locked": locked,
            "may_submit": may_enter and not locked and bool(values),
            "may_approve": scope.can_approve(request.user, page.unit),
            "deadline": workflow.deadline_for(page.unit, page.period),
            "previous_label": previous_spec(page.period.spec).label,
        },
    )


def save_form(request, page, form) -> bool:
    """Save every changed figure, or none: errors go beside their fields."""
    with transaction.atomic():
        try:  # once for the form, not for each figure
            check_may_change(request.user, page.programme, page.unit, page.period)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
            return False
        failed = False
        for indicator, figure, version in form.changed_figures():
            try:
                if figure is None:
                    clear_data_value(
                        value=form.values[indicator.pk],
                        actor=request.user,
                        expected_version=version,
                        report_checked=True,
                    )
                else:
                    save_data_value(
                        indicator=indicator,
                        unit=page.unit,
                        period=page.period,
                        figure=figure,
                        actor=request.user,
                        expected_version=version,
                        report_checked=True,
                    )
            except ConflictError as exc:
                form.add_indicator_error(indicator, None, exc.messages[0])
                failed = True
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for key, errors in exc.message_dict.items():
                        for message in errors:
                            form.add_indicator_error(indicator, key, message)
                else:
                    for message in exc.messages:
                        form.add_indicator_error(indicator, None, message)
                failed = True
        if failed:
            transaction.set_rollback(True)
    return not failed


@login_required
@require_POST
def decide(request, code, period, action):
    """Submit (the unit), approve or return (the level above) one report."""
    page = report_page(request.user, code, period)
    submission = page.submission or workflow.submission_for(page.programme, page.unit, page.period)
    try:
        if action == "submit":
            workflow.submit_report(submission=submission, actor=request.user)
            messages.success(request, f"Đã nộp báo cáo {page.period}.")
        elif action == "approve":
            workflow.approve_report(submission=submission, actor=request.user)
            messages.success(request, f"Đã duyệt báo cáo {page.period} của {page.unit.name}.")
        elif action == "return":
            workflow.return_report(
                submission=submission, actor=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, f"Đã trả lại báo cáo {page.period} của {page.unit.name}.")
        else:
            raise Http404("Không có thao tác này.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("reporting:entry", code=page.unit.code, period=page.period.code)


@login_required
def completeness(request, code, period):
    page = report_page(request.user, code, period)
    result = workflow.completeness(page.programme, page.unit, page.period)
    return render(
        request,
        "reporting/completeness.html",
        {
            "unit": page.unit,
            "period": page.period,
            "result": result,
        },
    )


@login_required
def completeness_xlsx(request, code, period):
    page = report_page(request.user, code, period)
    result = workflow.completeness(page.programme, page.unit, page.period)
    table = tables.completeness_table(page.unit, page.period, result)
    return xlsx_response(
        table_workbook(table), f"nop-bao-cao-{page.unit.code}-{page.period.code}.xlsx"
    )


@login_required
def template_xlsx(request, code, period):
    page = report_page(request.user, code, period)
    values = values_of(page.unit, page.period.spec, page.indicators)
    previous = values_of(page.unit, previous_spec(page.period.spec), page.indicators)
    content = excel.entry_template(page, values, previous)
    return xlsx_response(content, f"bieu-mau-{page.unit.code}-{page.period.code}.xlsx")


@login_required
@require_POST
def upload_xlsx(request, code, period):
    page = report_page(request.user, code, period)
    if not scope.can_enter(request.user, page.unit):
        raise PermissionDenied("Bạn không có quyền nhập số liệu của đơn vị này.")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Chưa chọn tệp Excel để tải lên.")
    else:
        try:
            count = excel.import_entry(page, upload, actor=request.user)
            messages.success(request, f"Đã nhập {count} số liệu từ tệp Excel.")
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    return redirect("reporting:entry", code=page.unit.code, period=page.period.code)

"""The people's voice of a unit: the overview with the month table, each kind's list, a
record's page with its rows and their follow-up, and the record form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.voice import records as services
from mattran.voice import selectors, tables
from mattran.voice.access import acting_unit, kind_for, may_enter, record_for
from mattran.voice.activity_link import adoptable
from mattran.voice.forms import attach_errors, cleaned_fields, item_form, record_form
from mattran.voice.models import Survey
from mattran.voice.privacy import may_see_personal

MONTHS = [f"Tháng {m}" for m in range(1, 13)]


def year_of(request, unit) -> int:
    try:
        year = int(request.GET.get("year", ""))
        if 2000 <= year <= 2100:
            return year
    except ValueError:
        pass
    return selectors.default_year(unit)


def run(form, call) -> object | None:
    """Call a service; put its Vietnamese messages on the form instead of failing."""
    try:
        return call()
    except ValidationError as exc:
        attach_errors(form, exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
        return None


@login_required
def index(request, code):
    unit = acting_unit(request, code)
    year = year_of(request, unit)
    summary = selectors.summary(unit, year)
    return render(
        request,
        "voice/index.html",
        {
            "unit": unit,
            "year": year,
            "years": sorted({year, *_all_years(unit)}, reverse=True),
            "summary": summary,
            "months": selectors.month_counts(unit, year),
            "columns": selectors.MONTH_COLUMNS,
            "surveys": selectors.below(Survey.objects.all(), unit)
            .filter(starts_on__year=year)
            .count(),
        },
    )


@login_required
def index_xlsx(request, code):
    unit = acting_unit(request, code)
    year = year_of(request, unit)
    summary = selectors.summary(unit, year)
    table = tables.months_table(unit, year, selectors.month_counts(unit, year), summary.held)
    return xlsx_response(table_workbook(table), f"tieng-noi-nhan-dan-{unit.code}-{year}.xlsx")


def _all_years(unit) -> set[int]:
    years: set[int] = set()
    for kind in ("supervisions", "critiques", "dialogues", "meetings"):
        years.update(selectors.record_years(kind_for(kind), unit))
    return years


@login_required
def record_list(request, code, kind):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    year = year_of(request, unit)
    return render(
        request,
        "voice/records.html",
        {
            "unit": unit,
            "kind": spec,
            "year": year,
            "years": sorted({year, *selectors.record_years(spec, unit)}, reverse=True),
            "rows": selectors.records(spec, unit, year),
            "may_enter": may_enter(request, unit),
        },
    )


@login_required
def record_list_xlsx(request, code, kind):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    year = year_of(request, unit)
    table = tables.records_table(spec, unit, year, selectors.records(spec, unit, year))
    return xlsx_response(table_workbook(table), f"{kind}-{unit.code}-{year}.xlsx")


def _form_page(request, unit, spec, form, record=None):
    return render(
        request,
        "voice/record_form.html",
        {"unit": unit, "kind": spec, "form": form, "record": record},
    )


@login_required
def record_new(request, code, kind):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    if not may_enter(request, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi hồ sơ của {unit.name}.")
    free = adoptable(unit, list(spec.type_codes))
    form = record_form(kind, request.POST or None, adoptable=free)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_record(
                kind=spec,
                unit=unit,
                fields=cleaned_fields(form),
                actor=request.user,
                adopt=form.cleaned_data.get("activity"),
            ),
        )
        if saved is not None:
            messages.success(request, f"Đã ghi {spec.label}.")
            return redirect("voice:record", unit.code, kind, saved.pk)
    return _form_page(request, unit, spec, form)


@login_required
def record_edit(request, code, kind, pk):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    record = record_for(unit, spec, pk)
    if not may_enter(request, record.unit):
        raise PermissionDenied(f"Bạn không có quyền sửa hồ sơ của {record.unit.name}.")
    form = record_form(kind, request.POST or None, record=record)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_record(
                kind=spec,
                unit=record.unit,
                fields=cleaned_fields(form),
                actor=request.user,
                record_obj=record_for(unit, spec, pk),  # fresh: the form saw a copy
            ),
        )
        if saved is not None:
            messages.success(request, f"Đã lưu {spec.label}.")
            return redirect("voice:record", unit.code, kind, saved.pk)
    return _form_page(request, unit, spec, form, record)


@login_required
@require_POST
def record_delete(request, code, kind, pk):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    record = record_for(unit, spec, pk)
    if not may_enter(request, record.unit):
        raise PermissionDenied(f"Bạn không có quyền xóa hồ sơ của {record.unit.name}.")
    try:
        services.delete_record(record_obj=record, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("voice:record", unit.code, kind, pk)
    messages.success(request, f"Đã xóa {spec.label} “{record.title}”.")
    return redirect("voice:records", unit.code, kind)


def record_page(request, unit, spec, record, forms=None):
    """A record with its rows; `forms` replaces an add form that came back with errors."""
    editable = may_enter(request, record.unit)
    personal = may_see_personal(request.user, record.unit)
    sections = []
    for item, rows in selectors.record_items(
        spec, record, request.user, where=f"{spec.slug}:{record.pk}"
    ):
        form = (forms or {}).get(item.slug)
        if form is None and editable:
            form = item_form(item.slug, personal=personal, prefix=item.slug)
        sections.append({"item": item, "rows": rows, "form": form})
    return render(
        request,
        "voice/record.html",
        {
            "unit": unit,
            "kind": spec,
            "record": record,
            "sections": sections,
            "editable": editable,
            "personal": personal,
        },
    )


@login_required
def record_detail(request, code, kind, pk):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    return record_page(request, unit, spec, record_for(unit, spec, pk))


@login_required
def record_xlsx(request, code, kind, pk):
    """The rows of a record as its page lists them, citizens masked and logged alike."""
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    record = record_for(unit, spec, pk)
    sections = selectors.record_items(
        spec, record, request.user, where=f"{spec.slug}:{record.pk}:xlsx"
    )
    content = table_workbook(*(tables.items_table(item, record, rows) for item, rows in sections))
    return xlsx_response(content, f"{kind}-{record.pk}-{unit.code}.xlsx")

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.documents import services, tables
from mattran.documents.forms import PrepareForm, StyleForm
from mattran.documents.models import FileFormat, GeneratedFile, Report
from mattran.documents.preview import preview

CONTENT_TYPES = {
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.PDF: "application/pdf",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _writer(request, code):
    unit = scope.unit_for(request.user, code)
    if not scope.can_enter(request.user, unit):
        raise PermissionDenied("Bạn không có quyền lập báo cáo của đơn vị này.")
    return unit


def _report(request, code, pk, *, write=False):
    unit = _writer(request, code) if write else scope.unit_for(request.user, code)
    return unit, get_object_or_404(Report, pk=pk, unit=unit)


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@login_required
def index(request, code):
    unit = scope.unit_for(request.user, code)
    may_write = scope.can_enter(request.user, unit)
    today = date.today()
    form = PrepareForm(
        request.POST or None,
        initial={"kind": "monthly", "period": f"{today.year}-{today.month:02d}"},
    )
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied("Bạn không có quyền lập báo cáo của đơn vị này.")
        if form.is_valid():
            try:
                report = services.prepare_report(
                    unit=unit,
                    kind=form.cleaned_data["kind"],
                    period=form.cleaned_data["period"].strip(),
                    actor=request.user,
                )
                return redirect("documents:report", unit.code, report.pk)
            except ValidationError as exc:
                form.add_error("period", " ".join(exc.messages))
    return render(
        request,
        "documents/index.html",
        {
            "unit": unit,
            "form": form if may_write else None,
            "reports": tables.reports_of(unit),
            "files": tables.recent_files(unit),
            "year": today.year,
            "may_manage": scope.can_manage(request.user, unit),
        },
    )


@login_required
def index_xlsx(request, code):
    unit = scope.unit_for(request.user, code)
    content = table_workbook(
        tables.reports_table(unit, tables.reports_of(unit)),
        tables.files_table(unit, tables.recent_files(unit)),
    )
    return xlsx_response(content, f"van-ban-bao-cao-{unit.code}.xlsx")


@login_required
def report_view(request, code, pk):
    unit, report = _report(request, code, pk)
    blocks, footnotes = preview(services.final_blocks(report), report.edits)
    return render(
        request,
        "documents/report.html",
        {
            "unit": unit,
            "report": report,
            "period_label": services.period_label(report),
            "doc": services.official_document_head(report),
            "blocks": blocks,
            "footnotes": footnotes,
            "changes": services.changes(report),
            "may_write": scope.can_enter(request.user, unit),
            "files": report.files.defer("data").select_related("created_by"),
        },
    )


@login_required
def block_edit(request, code, pk, key):
    unit, report = _report(request, code, pk, write=True)
    blocks = {b["key"]: b for b in services.final_blocks(report)}
    if key not in blocks:
        return HttpResponse("Không tìm thấy đoạn này: hãy tải lại trang.", status=404)
    error = ""
    if request.method == "POST":
        try:
            notes = {
                k: request.POST[f"note-{k}"]
                for k in blocks[key].get("footnotes") or {}
                if f"note-{k}" in request.POST
            }
            services.edit_block(
                report=report,
                key=key,
                text=request.POST.get("text", ""),
                footnotes=notes,
                actor=request.user,
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            if not request.htmx:
                return redirect("documents:report", unit.code, report.pk)
            shown, _ = preview(services.final_blocks(report), report.edits)
            block = next(b for b in shown if b.key == key)
            return render(
                request,
                "documents/_block.html",
                {"unit": unit, "report": report, "b": block, "may_write": True},
            )
    return render(
        request,
        "documents/_block_form.html",
        {"unit": unit, "report": report, "block": blocks[key], "error": error},
    )


@login_required
@require_POST
def regenerate(request, code, pk):
    unit, report = _report(request, code, pk, write=True)
    try:
        services.prepare_report(
            unit=unit, kind=report.kind, period=report.period, actor=request.user
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        report.refresh_from_db()
        moved = len(services.changes(report))
        messages.success(
            request,
            "Đã cập nhật số liệu mới nhất."
            + (f" {moved} đoạn đã sửa có số liệu thay đổi: xem bên dưới." if moved else ""),
        )
    return redirect("documents:report", unit.code, report.pk)


@login_required
@require_POST
def settle(request, code, pk, key):
    unit, report = _report(request, code, pk, write=True)
    services.settle_change(
        report=report, key=key, keep_edit=request.POST.get("keep") == "1", actor=request.user
    )
    return redirect("documents:report", unit.code, report.pk)


@login_required
@require_POST
def tasks(request, code, pk):
    unit, report = _report(request, code, pk, write=True)
    try:
        if "remove" in request.POST:
            services.remove_task(
                report=report, index=int(request.POST["remove"]), actor=request.user
            )
        else:
            services.add_task(report=report, text=request.POST.get("text", ""), actor=request.user)
    except (ValidationError, ValueError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", ["Dữ liệu không hợp lệ."])))
    return redirect("documents:report", unit.code, report.pk)


@login_required
@require_POST
def head(request, code, pk):
    unit, report = _report(request, code, pk, write=True)
    try:
        services.set_head(
            report=report,
            number=request.POST.get("number", ""),
            issued_on=request.POST.get("issued_on", ""),
            actor=request.user,
        )
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("documents:report", unit.code, report.pk)


@login_required
@require_POST
def export(request, code, pk, file_format):
    unit, report = _report(request, code, pk, write=True)
    try:
        generated = services.export_report(
            report=report, file_format=file_format, actor=request.user
        )
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("documents:report", unit.code, report.pk)
    return download(generated)


@login_required
@require_POST
def indicators(request, code):
    unit = _writer(request, code)
    try:
        year = int(request.POST.get("year", ""))
        generated = services.export_indicator_table(unit=unit, year=year, actor=request.user)
    except ValueError:
        messages.error(request, "Năm không hợp lệ.")
    except ValidationError as exc:
        _errors(request, exc)
    else:
        return download(generated)
    return redirect("documents:index", unit.code)


@login_required
def file_download(request, code, pk):
    unit = scope.unit_for(request.user, code)
    return download(get_object_or_404(GeneratedFile, pk=pk, unit=unit))


def download(generated: GeneratedFile) -> HttpResponse:
    """A stored file as an attachment, named as it was saved."""
    response = HttpResponse(bytes(generated.data), content_type=CONTENT_TYPES[generated.format])
    response["Content-Disposition"] = f'attachment; filename="{generated.name}"'
    return response


@login_required
def style(request, code):
    unit = scope.unit_for(request.user, code)
    if not scope.can_manage(request.user, unit):
        raise PermissionDenied("Chỉ quản trị viên đơn vị mới sửa được thể thức văn bản.")
    form = StyleForm(request.POST or None, instance=services.style_for(unit))
    if request.method == "POST" and form.is_valid():
        services.save_style(form.save(commit=False), actor=request.user)
        messages.success(request, "Đã lưu thể thức văn bản.")
        return redirect("documents:index", unit.code)
    return render(request, "documents/style.html", {"unit": unit, "form": form})

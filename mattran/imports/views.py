from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.imports import jobs, tables
from mattran.imports.models import ImportJob, ImportStatus
from mattran.imports.readers import MAX_BYTES
from mattran.imports.review import draft_from_post, owner_choices, owner_key
from mattran.imports.services import save_plan, save_programme
from mattran.programmes.models import ValueType
from mattran.units.models import Tier

ACCEPT = ".docx,.pdf,.txt,.png,.jpg,.jpeg,.tif,.tiff"


def _unit_for_import(request, code):
    unit = scope.unit_for(request.user, code)
    if not scope.can_enter(request.user, unit):
        raise PermissionDenied("Bạn không có quyền nhập văn bản cho đơn vị này.")
    return unit


@login_required
def index(request, code):
    unit = _unit_for_import(request, code)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "Hãy chọn một tệp văn bản để tải lên.")
        elif upload.size > MAX_BYTES:
            messages.error(request, f"Tệp “{upload.name}” lớn hơn 50 MB.")
        else:
            job = ImportJob.objects.create(
                unit=unit, user=request.user, filename=upload.name[:255], data=upload.read()
            )
            jobs.start(job)
            return redirect("imports:job", unit.code, job.pk)
    recent = tables.recent_jobs(unit)
    return render(request, "imports/index.html", {"unit": unit, "recent": recent, "accept": ACCEPT})


@login_required
def index_xlsx(request, code):
    unit = _unit_for_import(request, code)
    content = table_workbook(tables.jobs_table(unit, tables.recent_jobs(unit)))
    return xlsx_response(content, f"nhap-van-ban-{unit.code}.xlsx")


def _job(request, code, pk):
    unit = _unit_for_import(request, code)
    return unit, get_object_or_404(ImportJob.objects.defer("data"), pk=pk, unit=unit)


@login_required
def job_view(request, code, pk):
    unit, job = _job(request, code, pk)
    if job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return render(request, "imports/progress.html", {"unit": unit, "job": job})
    if job.status != ImportStatus.READY:
        return render(request, "imports/done.html", {"unit": unit, "job": job})
    draft, error = job.draft, ""
    if request.method == "POST":
        if not scope.can_manage(request.user, unit):
            raise PermissionDenied(
                "Chỉ quản trị viên của đơn vị mới lưu được chương trình, kế hoạch."
            )
        try:
            draft = draft_from_post(job.draft, request.POST, unit)
            job.draft = draft
            job.save(update_fields=["draft", "updated_at"])
            if request.POST.get("save_as") == "plan":
                saved = save_plan(draft, unit, actor=request.user, source_name=job.filename)
                label = f"Kế hoạch “{saved.title}”"
            else:
                saved = save_programme(draft, unit, actor=request.user, source_name=job.filename)
                label = f"Chương trình “{saved.title}”"
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            job.status, job.saved_as = ImportStatus.SAVED, label[:255]
            job.save(update_fields=["status", "saved_as", "updated_at"])
            messages.success(request, f"Đã lưu {label}.")
            return redirect("imports:job", unit.code, job.pk)
    return render(request, "imports/review.html", _review_context(unit, job, draft, error))


def _review_context(unit, job, draft, error):
    years = list(range(int(draft["first_year"]), int(draft["last_year"]) + 1))
    for task in draft["tasks"]:
        task["owner_key"] = owner_key(task.get("owner_unit"))
    return {
        "unit": unit,
        "job": job,
        "draft": draft,
        "years": years,
        "error": error,
        "owner_choices": owner_choices(unit),
        "value_types": ValueType.choices,
        "tiers": [(t, label) for t, label in Tier.choices if t != Tier.PROVINCE],
        "save_as": "plan" if draft["kind"] not in ("programme", "appendix") else "programme",
        "indicator_count": sum(len(a["indicators"]) for a in draft["areas"]),
    }


@login_required
def job_progress(request, code, pk):
    unit, job = _job(request, code, pk)
    if job.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("imports:job", args=[unit.code, job.pk])
        return response
    return render(request, "imports/_progress.html", {"unit": unit, "job": job})


@login_required
@require_POST
def restore(request, code):
    _unit_for_import(request, code)
    from mattran.imports.diacritics import restore_diacritics

    text = request.POST.get("text", "")[:20000]
    return render(request, "imports/_restored.html", {"restored": restore_diacritics(text)})

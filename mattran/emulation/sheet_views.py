"""Scoring sheets: a participant's self-assessment, the organiser's official scoring, the
evidence files, and the organiser's actions on one participant (reopen, withdraw)."""

import mimetypes
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.emulation import access, movements, scoring, tables
from mattran.emulation.models import STATUS_CHIPS, Participation, Score
from mattran.emulation.sheets import (
    attach_errors,
    build_sheet,
    read_review_entries,
    read_self_entries,
)
from mattran.emulation.views import _movement


def _service_errors(sheet, exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return attach_errors(sheet, exc.message_dict)
    return list(exc.messages)


def _render(request, unit, movement, participation, sheet, mode, errors=(), **extra):
    return render(
        request,
        "emulation/sheet.html",
        {
            "unit": unit,
            "movement": movement,
            "participation": participation,
            "chip": STATUS_CHIPS[participation.status],
            "sheet": sheet,
            "mode": mode,
            "errors": [*errors, *sheet.errors],
            **extra,
        },
    )


def _own(request, code, pk):
    """The acting unit's own participation, whether the user may self-assess it, and why it
    is locked if it is."""
    unit, movement = _movement(request, code, pk)
    participation = get_object_or_404(
        Participation.objects.select_related("unit"), movement=movement, unit=unit
    )
    participation.movement = movement
    allowed = access.may_self_assess(request.user, participation)
    return unit, movement, participation, allowed, scoring.lock_message(participation)


@login_required
def score(request, code, pk):
    """The acting unit's own sheet: its self-assessment while open, read-only after."""
    unit, movement, participation, allowed, locked = _own(request, code, pk)
    editable = allowed and not locked
    sheet = build_sheet(participation, live=editable)
    errors: list[str] = []
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied(f"Bạn không có quyền tự chấm điểm cho {unit.name}.")
        if locked:
            messages.error(request, locked)
            return redirect("emulation:score", unit.code, movement.pk)
        submit = "submit" in request.POST
        entries = read_self_entries(sheet, request.POST, request.FILES)
        if not sheet.errors:
            try:
                scoring.save_self_assessment(
                    participation=participation,
                    entries=entries,
                    submit=submit,
                    actor=request.user,
                )
            except ValidationError as exc:
                errors = _service_errors(sheet, exc)
            else:
                messages.success(
                    request,
                    "Đã nộp bảng tự chấm điểm." if submit else "Đã lưu nháp bảng tự chấm điểm.",
                )
                return redirect("emulation:score", unit.code, movement.pk)
    return _render(
        request,
        unit,
        movement,
        participation,
        sheet,
        "self" if editable else "read",
        errors,
        locked=locked if allowed else "",
        xlsx_url=reverse("emulation:score_xlsx", args=[unit.code, movement.pk]),
    )


@login_required
def score_xlsx(request, code, pk):
    _, movement, participation, allowed, locked = _own(request, code, pk)
    sheet = build_sheet(participation, live=allowed and not locked)
    return _sheet_file(movement, sheet)


def _reviewed(request, code, pk, ppk):
    """A participant's sheet seen from above, whether the user scores it officially and
    whether it can be scored now."""
    unit, movement = _movement(request, code, pk)
    participation = access.participation_for(unit, movement, ppk)
    participation.movement = movement
    may_review = access.organises(unit, movement) and access.may_manage(request.user, movement)
    reviewable = (
        may_review and participation.submitted_at is not None and not participation.withdrawn_at
    )
    return unit, movement, participation, may_review, reviewable


@login_required
def review(request, code, pk, ppk):
    """One participant's sheet seen from above: the organiser scores it officially; a
    committee above the participant reads it."""
    unit, movement, participation, may_review, reviewable = _reviewed(request, code, pk, ppk)
    sheet = build_sheet(participation, live=reviewable)
    errors: list[str] = []
    if request.method == "POST":
        if not may_review:
            raise PermissionDenied(
                f"Chỉ quản trị viên của {movement.organiser.name} mới chấm điểm chính thức."
            )
        entries = read_review_entries(sheet, request.POST)
        if not sheet.errors:
            try:
                scoring.review_sheet(
                    participation=participation, entries=entries, actor=request.user
                )
            except ValidationError as exc:
                errors = _service_errors(sheet, exc)
            else:
                messages.success(
                    request, f"Đã xác nhận điểm chính thức của {participation.unit.name}."
                )
                return redirect("emulation:review", unit.code, movement.pk, participation.pk)
    return _render(
        request,
        unit,
        movement,
        participation,
        sheet,
        "review" if reviewable else "read",
        errors,
        may_review=may_review,
        xlsx_url=reverse("emulation:review_xlsx", args=[unit.code, movement.pk, participation.pk]),
        reopen_until=timezone.localdate() + timedelta(days=7),
    )


@login_required
def review_xlsx(request, code, pk, ppk):
    _, movement, participation, _, reviewable = _reviewed(request, code, pk, ppk)
    return _sheet_file(movement, build_sheet(participation, live=reviewable))


def _sheet_file(movement, sheet):
    unit = sheet.participation.unit
    content = table_workbook(tables.sheet_table(movement, sheet))
    return xlsx_response(content, f"bang-cham-diem-{movement.pk}-{unit.code}.xlsx")


@login_required
def evidence(request, code, pk, score_pk):
    unit, movement = _movement(request, code, pk)
    found = get_object_or_404(
        Score.objects.select_related("participation__unit"),
        pk=score_pk,
        participation__movement=movement,
    )
    if not access.may_see_sheet(unit, movement, found.participation) or not found.evidence_name:
        raise Http404("Không tìm thấy tệp minh chứng.")
    kind = mimetypes.guess_type(found.evidence_name)[0] or "application/octet-stream"
    response = HttpResponse(bytes(found.evidence_data or b""), content_type=kind)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=found.evidence_name
    )
    return response


def _managed_participation(request, code, pk, ppk):
    unit, movement = _movement(request, code, pk, manage=True)
    participation = access.participation_for(unit, movement, ppk)
    participation.movement = movement
    return unit, movement, participation


@login_required
@require_POST
def reopen(request, code, pk, ppk):
    unit, movement, participation = _managed_participation(request, code, pk, ppk)
    typed = request.POST.get("until", "").strip()
    try:
        day, month, year = (int(part) for part in typed.split("/"))
        until = date(year, month, day)
    except ValueError:
        messages.error(request, f"Ngày “{typed}” không hợp lệ (ngày/tháng/năm, ví dụ 30/11/2024).")
    else:
        try:
            movements.reopen(participation=participation, until=until, actor=request.user)
            messages.success(
                request,
                f"Đã mở lại cho {participation.unit.name} tự chấm điểm đến ngày {until:%d/%m/%Y}.",
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("emulation:review", unit.code, movement.pk, participation.pk)


@login_required
@require_POST
def withdraw(request, code, pk, ppk):
    unit, movement, participation = _managed_participation(request, code, pk, ppk)
    leave = request.POST.get("action") != "reinstate"
    try:
        movements.set_withdrawn(
            participation=participation,
            withdrawn=leave,
            reason=request.POST.get("reason", ""),
            actor=request.user,
        )
        messages.success(
            request,
            f"{participation.unit.name} đã rút khỏi phong trào."
            if leave
            else f"{participation.unit.name} tiếp tục tham gia phong trào.",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("emulation:review", unit.code, movement.pk, participation.pk)

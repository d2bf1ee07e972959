"""Rows of a record: add one from the record's page, change its follow-up on its own page
(a recommendation's result, a commitment's progress, a petition's answer), remove it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mattran.voice import records as services
from mattran.voice.access import acting_unit, item_for, kind_for, may_enter, record_for
from mattran.voice.forms import cleaned_fields, item_form
from mattran.voice.privacy import log_views, may_see_personal
from mattran.voice.views import record_page, run


def _context(request, code, kind, pk, slug, ipk=None):
    unit = acting_unit(request, code)
    spec = kind_for(kind)
    record = record_for(unit, spec, pk)
    item_spec, item = item_for(spec, slug, record, ipk)
    return unit, spec, record, item_spec, item


def _check(request, record):
    if not may_enter(request, record.unit):
        raise PermissionDenied(f"Bạn không có quyền sửa hồ sơ của {record.unit.name}.")


@login_required
@require_POST
def item_add(request, code, kind, pk, item):
    unit, spec, record, item_spec, _ = _context(request, code, kind, pk, item)
    _check(request, record)
    personal = may_see_personal(request.user, record.unit)
    form = item_form(item, request.POST, personal=personal, prefix=item)
    if form.is_valid():
        saved = run(
            form,
            lambda: services.save_item(
                spec=item_spec, parent=record, fields=cleaned_fields(form), actor=request.user
            ),
        )
        if saved is not None:
            messages.success(request, f"Đã thêm {item_spec.label}.")
            return redirect(f"{_record_url(unit, kind, pk)}#{item}")
    return record_page(request, unit, spec, record, forms={item: form})


def _record_url(unit, kind, pk) -> str:
    return reverse("voice:record", args=[unit.code, kind, pk])


@login_required
def item_edit(request, code, kind, pk, item, ipk):
    unit, spec, record, item_spec, obj = _context(request, code, kind, pk, item, ipk)
    _check(request, record)
    personal = may_see_personal(request.user, record.unit)
    form = item_form(item, request.POST or None, item=obj, personal=personal)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_item(
                spec=item_spec,
                parent=record,
                fields=cleaned_fields(form),
                actor=request.user,
                item=_context(request, code, kind, pk, item, ipk)[4],  # fresh copy
            ),
        )
        if saved is not None:
            messages.success(request, f"Đã lưu {item_spec.label}.")
            return redirect(f"{_record_url(unit, kind, pk)}#{item}")
    if request.method == "GET" and item_spec.personal and personal and obj.has_personal:
        log_views([obj], request.user, where=f"{kind}:{pk}:edit")
    return render(
        request,
        "voice/item_form.html",
        {
            "unit": unit,
            "kind": spec,
            "record": record,
            "item_spec": item_spec,
            "item": obj,
            "form": form,
            "personal": personal,
        },
    )


@login_required
@require_POST
def item_delete(request, code, kind, pk, item, ipk):
    unit, _spec, record, item_spec, obj = _context(request, code, kind, pk, item, ipk)
    _check(request, record)
    try:
        services.delete_item(spec=item_spec, item=obj, actor=request.user)
        messages.success(request, f"Đã xóa {item_spec.label}.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{_record_url(unit, kind, pk)}#{item}")

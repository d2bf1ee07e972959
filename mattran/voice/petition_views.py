"""Petitions across a unit and its subtree: the filtered list, the overdue list ("Kiến nghị
quá hạn"), the XLSX export, and who else may read the citizens' names (grants)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.documents.models import FileFormat
from mattran.documents.views import CONTENT_TYPES, download
from mattran.voice import privacy, selectors
from mattran.voice.access import acting_unit
from mattran.voice.exports import export_petitions
from mattran.voice.forms import DayField, attach_errors
from mattran.voice.kinds import KINDS
from mattran.voice.models import PetitionAccessGrant, PetitionField, PetitionStatus
from mattran.voice.views import year_of

PAGE_SIZE = 200


def _filters(request, unit) -> dict:
    status = request.GET.get("status", "")
    field_code = request.GET.get("field", "")
    raw_year = request.GET.get("year", "")
    year = year_of(request, unit) if raw_year != "all" else None
    return {
        "status": status if status in PetitionStatus.values else "",
        "field_code": field_code if field_code in PetitionField.values else "",
        "year": year,
    }


@login_required
def petition_list(request, code):
    unit = acting_unit(request, code)
    chosen = _filters(request, unit)
    rows = selectors.petitions(unit, **chosen)
    total = rows.count()
    shown = privacy.reveal(list(rows[:PAGE_SIZE]), request.user, where="petitions")
    years = set(selectors.record_years(KINDS["meetings"], unit))
    return render(
        request,
        "voice/petitions.html",
        {
            "unit": unit,
            "rows": shown,
            "total": total,
            "limited": total > PAGE_SIZE,
            "chosen": chosen,
            "statuses": PetitionStatus.choices,
            "fields": PetitionField.choices,
            "years": sorted(years | ({chosen["year"]} if chosen["year"] else set()), reverse=True),
            "may_personal": bool(privacy.personal_unit_ids(request.user)),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def overdue(request, code):
    unit = acting_unit(request, code)
    today = timezone.localdate()
    rows = list(selectors.overdue_petitions(unit, today))
    for row in rows:
        row.late_days = row.days_overdue(today)
    by_unit: dict[str, int] = {}
    for row in rows:
        by_unit[row.meeting.unit.name] = by_unit.get(row.meeting.unit.name, 0) + 1
    return render(
        request,
        "voice/overdue.html",
        {
            "unit": unit,
            "rows": privacy.reveal(rows, request.user, where="overdue"),
            "today": today,
            "by_unit": sorted(by_unit.items(), key=lambda kv: (-kv[1], kv[0])),
            "may_personal": bool(privacy.personal_unit_ids(request.user)),
        },
    )


@login_required
@require_POST
def export(request, code):
    unit = acting_unit(request, code)
    if request.POST.get("overdue"):
        rows = list(selectors.overdue_petitions(unit))
        title = f"DANH SÁCH KIẾN NGHỊ QUÁ HẠN CHƯA ĐƯỢC TRẢ LỜI — {unit.name.upper()}"
    else:
        chosen = _post_filters(request)
        rows = list(selectors.petitions(unit, **chosen))
        title = f"DANH SÁCH KIẾN NGHỊ CỦA CỬ TRI — {unit.name.upper()}"
    result = export_petitions(
        unit=unit,
        petitions=rows,
        title=title,
        actor=request.user,
        with_personal=bool(request.POST.get("personal")),
    )
    if result.generated is not None:
        return download(result.generated)
    response = HttpResponse(result.data, content_type=CONTENT_TYPES[FileFormat.XLSX])
    response["Content-Disposition"] = f'attachment; filename="{result.name}"'
    response["Cache-Control"] = "no-store"
    return response


def _post_filters(request) -> dict:
    status = request.POST.get("status", "")
    field_code = request.POST.get("field", "")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = None
    return {
        "status": status if status in PetitionStatus.values else "",
        "field_code": field_code if field_code in PetitionField.values else "",
        "year": year,
    }


class GrantForm(forms.Form):
    user = forms.ModelChoiceField(queryset=None, label="Cán bộ được xem", empty_label="— Chọn —")
    reason = forms.CharField(label="Lý do", max_length=255)
    valid_until = DayField(label="Hiệu lực đến ngày")

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = privacy.grantable_users(unit)
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.username}) · {u.unit.name}"
        )


@login_required
def grants(request, code):
    unit = acting_unit(request, code)
    may_grant = privacy.may_grant(request.user, unit)
    form = GrantForm(request.POST or None, unit=unit) if may_grant else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(
                f"Chỉ quản trị viên của {unit.name} mới cho phép xem thông tin cá nhân của cử tri."
            )
        if form.is_valid():
            try:
                privacy.grant_access(unit=unit, actor=request.user, **form.cleaned_data)
                messages.success(request, "Đã cho phép xem thông tin cá nhân của cử tri.")
                return redirect("voice:grants", unit.code)
            except ValidationError as exc:
                attach_errors(
                    form, exc.message_dict if hasattr(exc, "error_dict") else exc.messages
                )
    return render(
        request,
        "voice/grants.html",
        {
            "unit": unit,
            "grants": PetitionAccessGrant.objects.filter(unit=unit).select_related(
                "user__unit", "granted_by", "revoked_by"
            ),
            "form": form,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def grant_revoke(request, code, pk):
    unit = acting_unit(request, code)
    grant = PetitionAccessGrant.objects.filter(pk=pk, unit=unit).select_related("unit").first()
    if grant is None:
        raise Http404("Không tìm thấy quyền xem này.")
    try:
        privacy.revoke_access(grant=grant, actor=request.user)
        messages.success(request, "Đã thu hồi quyền xem thông tin cá nhân của cử tri.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("voice:grants", unit.code)

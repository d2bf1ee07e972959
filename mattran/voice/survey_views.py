"""Satisfaction surveys: the list, one survey with its questionnaire, answer sheets typed in
or uploaded from Excel, and the tallies (share satisfied per question and per area)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mattran.core.xlsx import table_workbook, xlsx_response
from mattran.documents.models import FileFormat
from mattran.documents.views import CONTENT_TYPES, download
from mattran.voice import surveys as services
from mattran.voice.access import acting_unit, may_enter, survey_for
from mattran.voice.exports import export_tallies
from mattran.voice.forms import cleaned_fields
from mattran.voice.selectors import surveys
from mattran.voice.survey_excel import area_label, import_responses, survey_template
from mattran.voice.survey_forms import QuestionForm, ResponseForm, SurveyForm, UploadForm
from mattran.voice.tables import surveys_table
from mattran.voice.tallies import tally
from mattran.voice.views import run


def _survey(request, code, pk, *, enter=False):
    unit = acting_unit(request, code)
    survey = survey_for(unit, pk)
    if enter and not may_enter(request, survey.unit):
        raise PermissionDenied(f"Bạn không có quyền nhập liệu cho {survey.unit.name}.")
    return unit, survey


@login_required
def survey_list(request, code):
    unit = acting_unit(request, code)
    return render(
        request,
        "voice/surveys.html",
        {"unit": unit, "rows": surveys(unit), "may_enter": may_enter(request, unit)},
    )


@login_required
def survey_list_xlsx(request, code):
    unit = acting_unit(request, code)
    content = table_workbook(surveys_table(unit, surveys(unit)))
    return xlsx_response(content, f"lay-y-kien-{unit.code}.xlsx")


@login_required
def survey_new(request, code):
    unit = acting_unit(request, code)
    if not may_enter(request, unit):
        raise PermissionDenied(f"Bạn không có quyền tạo đợt lấy ý kiến của {unit.name}.")
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_survey(
                unit=unit, fields=cleaned_fields(form), actor=request.user
            ),
        )
        if saved is not None:
            messages.success(request, "Đã tạo đợt lấy ý kiến; hãy thêm các câu hỏi của phiếu.")
            return redirect("voice:survey", unit.code, saved.pk)
    return render(request, "voice/survey_form.html", {"unit": unit, "form": form})


@login_required
def survey_edit(request, code, pk):
    unit, survey = _survey(request, code, pk, enter=True)
    form = SurveyForm(request.POST or None, record=survey)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_survey(
                unit=survey.unit,
                fields=cleaned_fields(form),
                actor=request.user,
                survey=survey_for(unit, pk),
            ),
        )
        if saved is not None:
            messages.success(request, "Đã lưu đợt lấy ý kiến.")
            return redirect("voice:survey", unit.code, pk)
    return render(request, "voice/survey_form.html", {"unit": unit, "form": form, "survey": survey})


@login_required
@require_POST
def survey_delete(request, code, pk):
    unit, survey = _survey(request, code, pk, enter=True)
    services.delete_survey(survey=survey, actor=request.user)
    messages.success(request, f"Đã xóa đợt lấy ý kiến “{survey.title}”.")
    return redirect("voice:surveys", unit.code)


@login_required
def survey_detail(request, code, pk):
    unit, survey = _survey(request, code, pk)
    editable = may_enter(request, survey.unit)
    form = QuestionForm(request.POST or None) if editable else None
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(f"Bạn không có quyền sửa phiếu của {survey.unit.name}.")
        if form.is_valid():
            added = run(
                form,
                lambda: services.add_question(
                    survey=survey, actor=request.user, **form.cleaned_data
                ),
            )
            if added is not None:
                messages.success(request, f"Đã thêm câu hỏi số {added.number}.")
                return redirect("voice:survey", unit.code, pk)
    questions = survey.questions.annotate(given=Count("answers"))
    return render(
        request,
        "voice/survey.html",
        {
            "unit": unit,
            "survey": survey,
            "questions": questions,
            "form": form,
            "editable": editable,
            "sheets": survey.responses.count(),
            "upload": UploadForm() if editable else None,
            "tally": tally(survey),
        },
    )


@login_required
@require_POST
def question_delete(request, code, pk, qpk):
    unit, survey = _survey(request, code, pk, enter=True)
    question = survey.questions.filter(pk=qpk).first()
    if question is None:
        raise Http404("Không tìm thấy câu hỏi này.")
    try:
        services.delete_question(question=question, actor=request.user)
        messages.success(request, f"Đã xóa câu hỏi số {question.number}.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("voice:survey", unit.code, pk)


def _response_form(survey, data=None):
    areas = services.survey_areas(survey)
    return ResponseForm(data, survey=survey, areas=areas, label_of=lambda a: area_label(a, survey))


@login_required
def response_new(request, code, pk):
    unit, survey = _survey(request, code, pk, enter=True)
    form = _response_form(survey, request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run(
            form,
            lambda: services.save_response(
                survey=survey,
                area=form.cleaned_data["area"],
                number=form.cleaned_data["number"],
                answers=form.answers(),
                actor=request.user,
            ),
        )
        if saved is not None:
            messages.success(request, f"Đã nhập phiếu số {saved.number}.")
            if "again" in request.POST:
                return redirect("voice:response_new", unit.code, pk)
            return redirect("voice:responses", unit.code, pk)
    return render(
        request, "voice/response_form.html", {"unit": unit, "survey": survey, "form": form}
    )


@login_required
def response_list(request, code, pk):
    unit, survey = _survey(request, code, pk)
    rows = survey.responses.select_related("area__parent").prefetch_related("answers")
    questions = list(survey.questions.all())
    table = []
    for response in rows:
        given = {a.question_id: a.value for a in response.answers.all()}
        table.append(
            {
                "response": response,
                "area": area_label(response.area, survey),
                "answers": [q.label(given[q.pk]) if q.pk in given else "—" for q in questions],
            }
        )
    return render(
        request,
        "voice/responses.html",
        {
            "unit": unit,
            "survey": survey,
            "questions": questions,
            "table": table,
            "editable": may_enter(request, survey.unit),
        },
    )


@login_required
@require_POST
def response_delete(request, code, pk, rpk):
    unit, survey = _survey(request, code, pk, enter=True)
    response = survey.responses.filter(pk=rpk).first()
    if response is None:
        raise Http404("Không tìm thấy phiếu này.")
    services.delete_response(response=response, actor=request.user)
    messages.success(request, f"Đã xóa phiếu số {response.number}.")
    return redirect("voice:responses", unit.code, pk)


@login_required
def template_xlsx(request, code, pk):
    _unit, survey = _survey(request, code, pk)
    response = HttpResponse(survey_template(survey), content_type=CONTENT_TYPES[FileFormat.XLSX])
    response["Content-Disposition"] = f'attachment; filename="mau-phieu-{survey.pk}.xlsx"'
    return response


@login_required
@require_POST
def upload(request, code, pk):
    unit, survey = _survey(request, code, pk, enter=True)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chưa chọn tệp Excel để tải lên.")
        return redirect("voice:survey", unit.code, pk)
    try:
        count = import_responses(survey, form.cleaned_data["file"], actor=request.user)
        messages.success(request, f"Đã nhập {count} phiếu từ tệp Excel.")
    except ValidationError as exc:
        messages.error(request, "Chưa nhập phiếu nào vì tệp có lỗi; sửa rồi tải lên lại:")
        for message in exc.messages:
            messages.error(request, message)
    return redirect("voice:survey", unit.code, pk)


@login_required
def tallies(request, code, pk):
    unit, survey = _survey(request, code, pk)
    return render(
        request, "voice/tallies.html", {"unit": unit, "survey": survey, "tally": tally(survey)}
    )


@login_required
@require_POST
def tallies_export(request, code, pk):
    _unit, survey = _survey(request, code, pk)
    return download(export_tallies(survey=survey, actor=request.user))

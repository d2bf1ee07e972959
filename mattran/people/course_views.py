"""Courses: the list a unit sees (its own, those below it, those above that train its people),
one course with its attendees to tick, and changes to a course."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.households.forms import attach_errors
from mattran.people import training
from mattran.people.forms import CourseForm
from mattran.people.rights import may_edit, may_record_attendance
from mattran.people.selectors import attendance_rows, course_for, courses_for


@login_required
def course_list(request, code):
    unit = scope.unit_for(request.user, code)
    may_add = may_edit(request.user, unit)
    form = CourseForm(request.POST or None) if may_add else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(f"Bạn không ghi được lớp bồi dưỡng của {unit.name}.")
        if form.is_valid():
            try:
                course = training.create_course(
                    organiser=unit, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, "Đã ghi lớp bồi dưỡng. Đánh dấu học viên tham dự.")
                return redirect("people:course", unit.code, course.pk)
    return render(
        request,
        "people/courses.html",
        {"unit": unit, "courses": courses_for(unit), "form": form, "tab": "courses"},
        status=400 if form is not None and form.errors else 200,
    )


def _ticks(request, rows) -> list[training.Tick]:
    """The rows shown on the form, read back: ticked or not, completed, certificate."""
    shown = {r.person.pk: r.person for r in rows}
    ticks = []
    for pk in request.POST.getlist("shown"):
        person = shown.get(int(pk)) if pk.isdigit() else None
        if person is None:
            continue
        ticks.append(
            training.Tick(
                person,
                attended=request.POST.get(f"attended-{pk}") == "on",
                completed=request.POST.get(f"completed-{pk}") == "on",
                certificate=request.POST.get(f"certificate-{pk}", "")[:255],
            )
        )
    return ticks


@login_required
def course_view(request, code, pk):
    unit = scope.unit_for(request.user, code)
    course = course_for(unit, pk)
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:100]
    rows, others = attendance_rows(unit, course, query)
    if request.method == "POST":
        try:
            changed = training.save_attendance(
                course=course, ticks=_ticks(request, rows), actor=request.user
            )
        except (ValidationError, PermissionDenied) as exc:
            text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            messages.error(request, text)
        else:
            messages.success(request, f"Đã lưu danh sách học viên ({changed} thay đổi).")
            return redirect("people:course", unit.code, course.pk)
        rows, others = attendance_rows(unit, course, query)
    editable = {r.person.pk for r in rows if may_record_attendance(request.user, course, r.person)}
    return render(
        request,
        "people/course.html",
        {
            "unit": unit,
            "course": course,
            "rows": rows,
            "others": others,
            "query": query,
            "editable": editable,
            "attended": sum(1 for r in rows if r.attendance),
            "may_change": may_edit(request.user, course.organiser),
            "tab": "courses",
        },
    )


def _own_course(request, code, pk):
    unit = scope.unit_for(request.user, code)
    course = course_for(unit, pk)
    if not may_edit(request.user, course.organiser):
        raise PermissionDenied(f"Chỉ {course.organiser.name} sửa được lớp này.")
    return unit, course


@login_required
def course_edit(request, code, pk):
    unit, course = _own_course(request, code, pk)
    initial = {name: getattr(course, name) for name in training.COURSE_FIELDS}
    form = CourseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            training.update_course(course=course, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, "Đã lưu lớp bồi dưỡng.")
            return redirect("people:course", unit.code, course.pk)
    return render(
        request,
        "people/course_edit.html",
        {"unit": unit, "course": course, "form": form, "tab": "courses"},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def course_delete(request, code, pk):
    unit, course = _own_course(request, code, pk)
    try:
        training.delete_course(course=course, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("people:course", unit.code, course.pk)
    messages.success(request, f"Đã xóa lớp “{course.title}”.")
    return redirect("people:courses", unit.code)

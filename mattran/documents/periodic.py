"""The 6-month and annual reports of a committee: results against each indicator's target
for the year, what was done per part of the work, the member organisations' tasks, and the
tasks ahead."""

from mattran.activities.models import ReportSection
from mattran.analytics.progress import Status, programme_progress
from mattran.core.periods import PeriodKind, PeriodSpec
from mattran.documents.monthly import follow_up_statements
from mattran.documents.statements import (
    Scope,
    Statement,
    activities_in,
    grouped_titles,
    section_statements,
    times,
)
from mattran.plans.models import Task
from mattran.programmes.selectors import programme_for

HEADER = ["TT", "Chỉ tiêu", "Chỉ tiêu năm", "Kết quả", "Đánh giá"]


def period_label(spec: PeriodSpec) -> str:
    if spec.kind == PeriodKind.HALF_YEAR:
        half = "đầu" if spec.start.month == 1 else "cuối"
        return f"6 tháng {half} năm {spec.start.year}"
    return f"năm {spec.start.year}"


def next_label(spec: PeriodSpec) -> tuple[str, PeriodSpec]:
    year = spec.start.year
    if spec.kind == PeriodKind.HALF_YEAR and spec.start.month == 1:
        return f"6 tháng cuối năm {year}", PeriodSpec.half_year(year, 2)
    return f"năm {year + 1}", PeriodSpec.year(year + 1)


def periodic_content(unit, spec: PeriodSpec) -> dict:
    label = period_label(spec)
    ahead, following = next_label(spec)
    blocks = []
    number = 0
    programme = programme_for(unit, spec.start.year)
    if programme is not None:
        number += 1
        blocks += _indicator_part(programme, unit, spec, number, label)
    number += 1
    blocks.append(
        _block(
            f"P{number}",
            "heading1",
            f"{_roman(number)}. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CÔNG TÁC {label.upper()}",
        )
    )
    scope = Scope.of(unit, spec.start, spec.end)
    activities = list(activities_in(scope))
    for index, section in enumerate(ReportSection, start=1):
        statements = section_statements(
            scope, section.value, activities, f"P{number}.{index}", with_members=not scope.members
        )
        if section == ReportSection.PARTY_BUILDING:
            statements += follow_up_statements(unit, spec, f"P{number}.{index}")
        blocks.append(_block(f"P{number}.{index}", "heading2", f"{index}. {section.label}"))
        if not statements:
            statements = [Statement(f"P{number}.{index}.none", "(Cán bộ bổ sung kết quả.)")]
        blocks += [s.as_block() for s in statements]
    if scope.members:
        number += 1
        blocks += _member_part(scope, activities, spec, number)
    number += 1
    blocks.append(
        _block(
            f"P{number}", "heading1", f"{_roman(number)}. PHƯƠNG HƯỚNG, NHIỆM VỤ {ahead.upper()}"
        )
    )
    for task in _tasks_due(unit, following):
        who = f" ({task.owner.name})" if task.owner_id and task.owner_id != unit.pk else ""
        blocks.append(
            _block(
                f"ahead.task{task.pk}",
                "numbered",
                f"{task.text.rstrip('. ')}{who}, hạn {task.due_on:%d/%m/%Y}.",
            )
        )
    blocks.append(
        _block(
            "closing",
            "paragraph",
            f"Trên đây là báo cáo kết quả công tác Mặt trận {label} của Ban Thường trực Ủy ban "
            f"MTTQ Việt Nam {unit.name[0].lower()}{unit.name[1:]}./.",
        )
    )
    return {
        "doc_type": "BÁO CÁO",
        "summary": f"Kết quả công tác Mặt trận {label}, phương hướng nhiệm vụ {ahead}",
        "blocks": blocks,
    }


def _roman(number: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][number - 1]


def _block(key: str, kind: str, text: str, **extra) -> dict:
    return {"key": key, "kind": kind, "text": text, "footnotes": {}, **extra}


def _indicator_part(programme, unit, spec: PeriodSpec, number: int, label: str) -> list[dict]:
    rows, as_of = programme_progress(programme, unit, spec.start.year, as_of=spec.end)
    counts = {
        status: sum(1 for r in rows if r.status == status)
        for status in (
            Status.MET,
            Status.ON_TRACK,
            Status.BEHIND,
            Status.NO_DATA,
            Status.QUALITATIVE,
        )
    }
    summary = (
        f"Tính đến ngày {as_of:%d/%m/%Y}, trong {len(rows):02d} chỉ tiêu có chỉ tiêu năm "
        f"{spec.start.year}: {counts[Status.MET]:02d} chỉ tiêu đạt, {counts[Status.ON_TRACK]:02d} "
        f"chỉ tiêu đúng tiến độ, {counts[Status.BEHIND]:02d} chỉ tiêu chậm tiến độ, "
        f"{counts[Status.NO_DATA]:02d} chỉ tiêu chưa có số liệu"
    )
    if counts[Status.QUALITATIVE]:
        summary += f", {counts[Status.QUALITATIVE]:02d} chỉ tiêu đánh giá định tính"
    table = [HEADER] + [
        [r.indicator.code, r.indicator.text, r.target_display, r.actual_display(), r.status_label]
        for r in rows
    ]
    return [
        _block(
            f"P{number}",
            "heading1",
            f"{_roman(number)}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {label.upper()}",
        ),
        _block(f"P{number}.summary", "paragraph", summary + "."),
        _block(
            f"P{number}.table",
            "table",
            "",
            rows=table,
            header_rows=1,
            widths_cm=[1.2, 6.4, 3.0, 3.4, 2.4],
        ),
    ]


def _member_part(scope: Scope, activities, spec: PeriodSpec, number: int) -> list[dict]:
    blocks = [
        _block(
            f"P{number}",
            "heading1",
            f"{_roman(number)}. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC TỔ CHỨC THÀNH VIÊN",
        )
    ]
    tasks = Task.objects.filter(
        owner__in=scope.members, due_on__gte=spec.start, due_on__lte=spec.end
    ).order_by("due_on", "pk")
    for member in scope.members:
        done = [a for a in activities if a.unit_id == member.pk]
        own_tasks = [t for t in tasks if t.owner_id == member.pk]
        if not done and not own_tasks:
            continue
        text = f"**{member.name}:** "
        parts = []
        if done:
            titles = "; ".join(times(title, n) for title, n in grouped_titles(done))
            parts.append(f"đã thực hiện {len(done):02d} hoạt động ({titles})")
        if own_tasks:
            listed = "; ".join(
                f"{t.text.rstrip('. ')} (hạn {t.due_on:%d/%m/%Y})" for t in own_tasks
            )
            parts.append(f"nhiệm vụ được giao trong kỳ: {listed}")
        blocks.append(_block(f"P{number}.m{member.pk}", "bullet", text + "; ".join(parts) + "."))
    return blocks


def _tasks_due(unit, following: PeriodSpec):
    return (
        Task.objects.filter(plan__unit=unit, due_on__gte=following.start, due_on__lte=following.end)
        .select_related("owner")
        .order_by("due_on", "pk")
    )

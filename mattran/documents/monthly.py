"""The monthly report (seed 003): "BÁO CÁO Kết quả công tác Mặt trận tháng 8/2024, nhiệm vụ
trọng tâm tháng 9/2024", written from what was recorded, for staff to edit and sign."""

from mattran.activities.models import ReportSection
from mattran.core.periods import PeriodSpec
from mattran.documents.statements import Scope, Statement, activities_in, section_statements
from mattran.plans.models import PlanDeadline, Task
from mattran.programmes.selectors import programme_for
from mattran.reporting.models import Period
from mattran.reporting.workflow import completeness

NOTHING = "(Chưa có hoạt động nào được ghi nhận trong tháng; Ban Thường trực bổ sung nếu có.)"


def month_label(spec: PeriodSpec) -> str:
    return f"tháng {spec.start.month}/{spec.start.year}"


def next_month(spec: PeriodSpec) -> PeriodSpec:
    start = spec.start
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return PeriodSpec.month(year, month)


def monthly_content(unit, spec: PeriodSpec) -> dict:
    """The report's blocks, each with a stable key so that staff edits survive new data."""
    following = next_month(spec)
    scope = Scope.of(unit, spec.start, spec.end)
    activities = list(activities_in(scope))
    m, y = spec.start.month, spec.start.year
    blocks = [_heading1("I", f"I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG {m} NĂM {y}")]
    sections = list(ReportSection)
    for number, section in enumerate(sections, start=1):
        blocks.append(_heading2(f"I.{number}", f"{number}. {section.label}"))
        statements = section_statements(scope, section.value, activities, f"I.{number}")
        if section == ReportSection.PARTY_BUILDING:
            statements += follow_up_statements(unit, spec, f"I.{number}")
        if section == ReportSection.CAMPAIGNS:
            statements += houses_statements(scope, f"I.{number}")
        if not statements:
            statements = [Statement(f"I.{number}.none", NOTHING)]
        blocks += [s.as_block() for s in statements]
    if scope.below:
        number = len(sections) + 1
        blocks.append(
            _heading2(
                f"I.{number}",
                f"{number}. Các nội dung hoạt động của Ủy ban MTTQ Việt Nam {scope.below_plural}",
            )
        )
        blocks += [s.as_block() for s in _below_summary(scope, activities, spec, number)]
    blocks.append(
        _heading1(
            "II",
            f"II. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG {following.start.month} NĂM "
            f"{following.start.year}",
        )
    )
    blocks += [s.as_block() for s in next_month_tasks(unit, following)]
    office = "Ban Thường trực Ủy ban MTTQ Việt Nam " + unit.name[0].lower() + unit.name[1:]
    blocks.append(
        {
            "key": "closing",
            "kind": "paragraph",
            "text": f"Trên đây là Báo cáo kết quả công tác Mặt trận {month_label(spec)}, nhiệm vụ "
            f"trọng tâm {month_label(following)} của {office}./.",
            "footnotes": {},
        }
    )
    return {
        "doc_type": "BÁO CÁO",
        "summary": f"Kết quả công tác Mặt trận {month_label(spec)}, "
        f"nhiệm vụ trọng tâm {month_label(following)}",
        "blocks": blocks,
    }


def follow_up_statements(unit, spec: PeriodSpec, prefix: str) -> list[Statement]:
    """Voters' petitions and the recommendations of supervisions, as followed up."""
    from mattran.voice.reports import petition_sentence, recommendation_sentence

    found = []
    for name, sentence in (
        ("petitions", petition_sentence(unit, spec.start, spec.end)),
        ("recommendations", recommendation_sentence(unit, spec.start, spec.end)),
    ):
        if sentence:
            found.append(Statement(f"{prefix}.{name}", sentence))
    return found


def houses_statements(scope: Scope, prefix: str) -> list[Statement]:
    """Solidarity houses handed over, from the houses register."""
    from mattran.households.reports import handed_over_statement

    found = handed_over_statement(scope, f"{prefix}.houses")
    return [found] if found else []


def _heading1(key: str, text: str) -> dict:
    return {"key": key, "kind": "heading1", "text": text, "footnotes": {}}


def _heading2(key: str, text: str) -> dict:
    return {"key": key, "kind": "heading2", "text": text, "footnotes": {}}


def _below_summary(scope: Scope, activities, spec: PeriodSpec, number: int) -> list[Statement]:
    counted: dict[str, int] = {}
    for activity in activities:
        if scope.owner_of(activity) in scope.below:
            counted[activity.type.name] = counted.get(activity.type.name, 0) + 1
    statements = []
    if counted:
        listed = "; ".join(f"{name}: {n}" for name, n in sorted(counted.items()))
        total = sum(counted.values())
        statements.append(
            Statement(
                f"I.{number}.total",
                f"Trong tháng, Ủy ban MTTQ Việt Nam {scope.below_plural} đã ghi nhận {total} "
                f"hoạt động ({listed}).",
            )
        )
    programme = programme_for(scope.unit, spec.start.year)
    if programme is not None:
        period = Period.objects.for_spec(spec)
        state = completeness(programme, scope.unit, period)
        if state.rows:
            missing = [r.unit.name for r in state.rows if r.state in ("overdue", "pending")]
            text = (
                f"{len(state.rows) - len(missing):02d}/{len(state.rows):02d} "
                f"{scope.below_label} đã gửi báo cáo số liệu {month_label(spec)} "
                f"({state.on_time:02d} đơn vị đúng hạn)"
            )
            footnotes = {}
            if missing:
                text += "[^1]"
                footnotes["1"] = "Chưa gửi: " + ", ".join(missing) + "."
            statements.append(Statement(f"I.{number}.completeness", text + ".", footnotes))
    return statements


def next_month_tasks(unit, following: PeriodSpec) -> list[Statement]:
    """Key tasks for next month: the tasks of the unit's plans due then, the tasks others'
    plans gave the unit, and the plans' deadlines that fall in it."""
    start, end = following.start, following.end
    tasks = (
        Task.objects.filter(due_on__gte=start, due_on__lte=end)
        .filter(plan__unit=unit)
        .select_related("owner")
        .order_by("due_on", "pk")
    )
    given = Task.objects.filter(due_on__gte=start, due_on__lte=end, owner=unit).exclude(
        plan__unit=unit
    )
    statements = []
    for task in [*tasks, *given.order_by("due_on", "pk")]:
        owner = f" ({task.owner.name})" if task.owner_id and task.owner_id != unit.pk else ""
        statements.append(
            Statement(
                f"II.task{task.pk}",
                f"{task.text.rstrip('. ')}{owner}, hoàn thành trước ngày {task.due_on:%d/%m/%Y}.",
                kind="numbered",
            )
        )
    for deadline in PlanDeadline.objects.filter(
        plan__unit=unit, due_on__gte=start, due_on__lte=end
    ).order_by("due_on"):
        statements.append(
            Statement(
                f"II.deadline{deadline.pk}",
                f"{deadline.text.rstrip('. ')} (hạn {deadline.due_on:%d/%m/%Y}).",
                kind="numbered",
            )
        )
    return statements

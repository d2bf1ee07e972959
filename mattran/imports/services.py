"""Import use cases: extract a document's structure for a committee (owners resolved to its
units) and save a reviewed structure as a programme or a plan."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from mattran.audit.services import record
from mattran.imports.extract.document import extract_structure
from mattran.imports.measures import aggregation_for, guess_measure
from mattran.imports.resolve import resolve_owner
from mattran.plans.models import Plan, PlanDeadline, PlanSection, Task
from mattran.plans.services import assign, set_section_criteria
from mattran.programmes.models import AreaItem, AreaItemKind, ContentArea, Programme
from mattran.programmes.services import create_indicator
from mattran.units.models import Unit


def extract_for_unit(text: str, unit: Unit | None) -> dict:
    """The structure as a dict (what `mattran import --format json` prints), with flat
    `indicators` and `tasks` lists; each task's owner resolved among `unit`'s units."""
    document = extract_structure(text)
    data = document.as_dict()
    data["indicators"] = [
        {**indicator, "section": section.number}
        for section in document.walk()
        for indicator in section.indicators
    ]
    data["tasks"] = [
        {**task, "section": section.number} for section in document.walk() for task in section.tasks
    ]
    if unit is not None:
        for task in data["tasks"]:
            task["owner_unit"] = resolve_owner(task["owner"] or "", unit)
    return data


def _area_of(section, parent):
    """The content area an extracted section's items belong to: a "Chỉ tiêu"/"Nhiệm vụ"/
    "Giải pháp" sub-section gives them to its parent."""
    if parent is not None and re.search(r"chỉ tiêu|nhiệm vụ|giải pháp", section["title"], re.I):
        return parent
    return section


def draft_from_structure(data: dict, unit: Unit) -> dict:
    """What the review page edits: the document's head, its content areas with indicators
    (targets per year, a guessed measure), key tasks and solutions, and the owned tasks."""
    areas: dict[tuple[str, str], dict] = {}
    tasks: list[dict] = []

    def visit(section: dict, parent: dict | None) -> None:
        area_section = _area_of(section, parent)
        key = (area_section["number"], area_section["title"])
        has_content = (
            section["indicators"]
            or section["solutions"]
            or any(not t["owner"] for t in section["tasks"])
        )
        if has_content and key not in areas:
            areas[key] = {
                "number": key[0],
                "title": key[1],
                "indicators": [],
                "key_tasks": [],
                "solutions": [],
            }
        area = areas.get(key)
        for indicator in section["indicators"]:
            area["indicators"].append(
                {
                    "text": indicator["text"],
                    "targets": dict(indicator["targets"]),
                    **guess_measure(indicator["text"], indicator["targets"], unit.tier),
                }
            )
        area and area["solutions"].extend(section["solutions"])
        for task in section["tasks"]:
            if task["owner"]:
                tasks.append(
                    {
                        **task,
                        "section": section["number"],
                        "section_title": section["title"],
                        # criteria are named in the content's title or its parent's
                        "criteria_text": f"{section['title']} {(parent or {}).get('title', '')}",
                        "owner_unit": resolve_owner(task["owner"], unit),
                    }
                )
            else:
                area["key_tasks"].append(task["text"])
        for child in section["sections"]:
            visit(child, section)

    for section in data["sections"]:
        visit(section, None)
    years = sorted(
        {
            int(y)
            for a in areas.values()
            for i in a["indicators"]
            for y in i["targets"]
            if str(y).isdigit()
        }
    )
    term = data.get("term") or ([years[0], years[-1]] if years else None)
    year = _document_year(data, years)
    if term:
        for area in areas.values():
            for indicator in area["indicators"]:
                indicator["targets"] = _by_year(indicator["targets"], term[1])
    return {
        "kind": data["kind"],
        "title": data["title"],
        "number": data["number"],
        "date": data["date"],
        "first_year": term[0] if term else year,
        "last_year": term[1] if term else year,
        "year": year,
        "areas": [a for a in areas.values()],
        "tasks": tasks,
        "deadlines": data["deadlines"],
        "references": data["references"],
        "warnings": data["warnings"],
    }


def _by_year(targets: dict, last: int) -> dict[str, str]:
    """A target for the whole term ("2024-2029": "trên 100 nhà") is judged in its last year."""
    out = {}
    for key, expression in targets.items():
        key = str(key).strip()
        end = key.split("-")[-1].strip()
        out[str(min(int(end), last)) if "-" in key and end.isdigit() else key] = expression
    return out


def _document_year(data: dict, years: list[int]) -> int:
    if data.get("term") and data["kind"] in ("programme", "appendix"):
        return data["term"][0]
    found = re.search(r"năm\s+((?:19|20)\d{2})", data["title"] or "")
    if found:
        return int(found.group(1))
    if data["date"]:
        return int(data["date"][:4])
    return years[0] if years else date.today().year


@transaction.atomic
def save_programme(draft: dict, unit: Unit, *, actor=None, source_name: str = "") -> Programme:
    """A reviewed draft becomes a programme of `unit`: areas, key tasks, solutions,
    indicators and their yearly targets. All or nothing."""
    first, last = int(draft["first_year"]), int(draft["last_year"])
    if not draft["title"].strip():
        raise ValidationError("Chương trình cần có tên.")
    programme = Programme(
        unit=unit,
        title=draft["title"].strip()[:500],
        number=(draft["number"] or "")[:64],
        issued_on=date.fromisoformat(draft["date"]) if draft["date"] else None,
        first_year=first,
        last_year=last,
    )
    programme.full_clean()
    programme.save()
    record(
        actor=actor,
        action="programme.import",
        target=programme,
        changes={"source": source_name, "title": programme.title},
    )
    for order, area_data in enumerate(draft["areas"]):
        area = ContentArea.objects.create(
            programme=programme,
            number=(area_data["number"] or str(order + 1))[:16],
            title=area_data["title"] or f"Nội dung {order + 1}",
            order=order,
        )
        items = [(AreaItemKind.KEY_TASK, t) for t in area_data["key_tasks"]]
        items += [(AreaItemKind.SOLUTION, t) for t in area_data["solutions"]]
        AreaItem.objects.bulk_create(
            AreaItem(area=area, kind=kind, text=text, order=i)
            for i, (kind, text) in enumerate(items)
        )
        for index, data in enumerate(area_data["indicators"], start=1):
            targets = _yearly_targets(data["targets"], first, last)
            create_indicator(
                programme=programme,
                area=area,
                targets=targets,
                actor=actor,
                code=f"{area.number}.{index}",
                text=data["text"],
                source_text=data["text"],
                measure_unit=(data.get("measure_unit") or "")[:64],
                value_type=data["value_type"],
                aggregation=aggregation_for(data["value_type"], data["reported_by"], unit.tier),
                reported_by=data["reported_by"],
                cumulative=bool(data.get("cumulative")),
                unit_condition=data.get("unit_condition") or "",
                order=order * 1000 + index,
            )
    return programme


def _yearly_targets(targets: dict, first: int, last: int) -> dict[int, str]:
    """Targets keyed by year (`_by_year`), each inside the term; empty ones dropped."""
    yearly: dict[int, str] = {}
    for key, expression in _by_year(targets, last).items():
        if not expression:
            continue
        if not (key.isdigit() and first <= int(key) <= last):
            raise ValidationError(f"Năm {key} nằm ngoài nhiệm kỳ {first} - {last}.")
        yearly[int(key)] = expression
    return yearly


@transaction.atomic
def save_plan(draft: dict, unit: Unit, *, actor=None, source_name: str = "") -> Plan:
    """A reviewed draft becomes a plan of `unit` with its tasks and deadlines."""
    if not draft["title"].strip():
        raise ValidationError("Kế hoạch cần có tên.")
    plan = Plan.objects.create(
        unit=unit,
        title=draft["title"].strip()[:500],
        number=(draft["number"] or "")[:64],
        issued_on=date.fromisoformat(draft["date"]) if draft["date"] else None,
        year=int(draft["year"]),
        references=draft["references"],
        source_name=source_name[:255],
    )
    record(
        actor=actor,
        action="plan.import",
        target=plan,
        changes={"source": source_name, "title": plan.title},
    )
    sections: dict[str, PlanSection] = {}
    for order, task in enumerate(draft["tasks"]):
        number = task.get("section") or ""
        if number not in sections:
            sections[number] = PlanSection.objects.create(
                plan=plan,
                number=number[:16],
                title=task.get("section_title") or number,
                order=len(sections),
            )
            set_section_criteria(sections[number], task.get("criteria_text", ""), plan.year)
        owner = task.get("owner_unit") or {}
        owner_unit = None
        if owner.get("unit"):
            owner_unit = Unit.objects.subtree(unit).filter(code=owner["unit"]).first()
            if owner_unit is None:
                raise ValidationError(f"Đơn vị “{owner['unit']}” không thuộc {unit.name}.")
        created = Task.objects.create(
            plan=plan,
            section=sections[number],
            owner=owner_unit,
            owner_level=owner.get("level") or "",
            owner_text=(task.get("owner") or "")[:255],
            text=task["text"],
            targets=task.get("targets") or [],
            due_on=date.fromisoformat(task["due"]) if task.get("due") else None,
            order=order,
        )
        assign(created)
    PlanDeadline.objects.bulk_create(
        PlanDeadline(plan=plan, due_on=date.fromisoformat(d["date"]), text=d["text"][:255])
        for d in draft["deadlines"]
    )
    return plan

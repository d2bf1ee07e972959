"""The boards' records: the People's Inspection Board's cases and the Community Investment
Supervision Board's projects of a commune. Each change is checked, audited and rewrites the
figures computed from the records (see `feeding`), all or nothing.

Records are kept by the commune's staff (`scope.can_enter`). After a merge the successor's
staff keep the records of the communes it took over: they count as its own (selectors).
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.accounts import scope
from mattran.audit.services import record
from mattran.boards import feeding
from mattran.boards.models import (
    CaseKind,
    CaseStatus,
    Funding,
    InspectionCase,
    InvestmentProject,
    Measure,
)
from mattran.boards.selectors import carried_unit_ids
from mattran.core.dates import format_date
from mattran.units.models import Tier, Unit

CASE_FIELDS = (
    "opened_on",
    "kind",
    "title",
    "body",
    "findings",
    "recommendations_made",
    "recommendations_resolved",
    "outcome",
    "status",
    "closed_on",
)
PROJECT_FIELDS = (
    "name",
    "location",
    "funding",
    "budget",
    "started_on",
    "completed_on",
    "supervised",
    "supervised_on",
    "findings",
    "recommendations",
)


def check_may_keep(actor: Any, unit: Unit) -> None:
    if unit.tier != Tier.COMMUNE:
        raise ValidationError(
            "Vụ việc của Ban Thanh tra Nhân dân, công trình của Ban Giám sát đầu tư của cộng "
            "đồng được ghi ở trang của xã, phường."
        )
    if actor is not None and not scope.can_enter(actor, unit):
        raise PermissionDenied(f"Bạn không có quyền ghi hồ sơ của {unit.name}.")


def belongs(item: InspectionCase | InvestmentProject, unit: Unit) -> bool:
    """Is the record `unit`'s own, or of a commune it took over?"""
    return item.unit_id in carried_unit_ids(unit, date.max)


def _check_alive(unit: Unit, day: date, what: str) -> None:
    if unit.valid_to and day > unit.valid_to:
        raise ValidationError(
            f"{unit.name} đã kết thúc hoạt động từ ngày {format_date(unit.valid_to)} (sắp xếp "
            f"đơn vị): {what} sau ngày đó ghi ở trang của đơn vị kế thừa."
        )


def _not_future(day: date | None, label: str, errors: dict[str, str], name: str) -> None:
    if day and day > timezone.localdate():
        errors[name] = f"{label} không được sau ngày hôm nay."


def validate_case(unit: Unit, data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not (data.get("title") or "").strip():
        errors["title"] = "Chưa ghi nội dung, vụ việc."
    if data.get("kind") not in CaseKind.values:
        errors["kind"] = "Chọn loại việc."
    if data.get("status") not in CaseStatus.values:
        errors["status"] = "Chọn tình trạng."
    opened, closed = data.get("opened_on"), data.get("closed_on")
    if opened is None:
        errors["opened_on"] = "Chưa ghi ngày bắt đầu."
    _not_future(opened, "Ngày bắt đầu", errors, "opened_on")
    _not_future(closed, "Ngày kết thúc", errors, "closed_on")
    if opened and closed and closed < opened:
        errors["closed_on"] = "Ngày kết thúc phải từ ngày bắt đầu trở đi."
    if data.get("status") == CaseStatus.CLOSED and not closed:
        errors["closed_on"] = "Vụ việc đã kết thúc cần có ngày kết thúc."
    made = data.get("recommendations_made") or 0
    resolved = data.get("recommendations_resolved") or 0
    if made < 0 or resolved < 0:
        errors["recommendations_made"] = "Số kiến nghị không được âm."
    elif resolved > made:
        errors["recommendations_resolved"] = (
            f"Số kiến nghị được tiếp thu, giải quyết ({resolved}) không được lớn hơn số kiến "
            f"nghị đã gửi ({made})."
        )
    if errors:
        raise ValidationError(errors)
    _check_alive(unit, opened, "vụ việc")


def validate_project(unit: Unit, data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not (data.get("name") or "").strip():
        errors["name"] = "Chưa ghi tên công trình, dự án."
    funding = data.get("funding") or []
    if not funding:
        errors["funding"] = "Chọn ít nhất một nguồn vốn."
    elif any(source not in Funding.values for source in funding):
        errors["funding"] = "Nguồn vốn không hợp lệ."
    budget = data.get("budget")
    if budget is None:
        errors["budget"] = "Chưa ghi tổng mức đầu tư."
    elif budget < 0:
        errors["budget"] = "Tổng mức đầu tư không được âm."
    started, completed = data.get("started_on"), data.get("completed_on")
    supervised_on = data.get("supervised_on")
    if started is None:
        errors["started_on"] = "Chưa ghi ngày khởi công."
    if started and completed and completed < started:
        errors["completed_on"] = "Ngày hoàn thành phải từ ngày khởi công trở đi."
    _not_future(completed, "Ngày hoàn thành", errors, "completed_on")
    _not_future(supervised_on, "Ngày giám sát", errors, "supervised_on")
    if data.get("supervised") and not supervised_on:
        errors["supervised_on"] = "Công trình đã giám sát cần có ngày giám sát."
    if errors:
        raise ValidationError(errors)
    _check_alive(unit, started, "công trình khởi công")


def _changes(item, names, before: dict | None) -> dict:
    after = {name: getattr(item, name) for name in names}
    if before is None:
        return {"after": after}
    return {
        name: {"before": before[name], "after": after[name]}
        for name in names
        if before[name] != after[name]
    }


@transaction.atomic
def save_case(
    *,
    unit: Unit,
    fields: dict[str, Any],
    case: InspectionCase | None = None,
    actor: Any = None,
) -> InspectionCase:
    """Record a new case of `unit`'s inspection board, or change one that counts for it."""
    check_may_keep(actor, unit)
    if case is not None and not belongs(case, unit):
        raise PermissionDenied("Vụ việc không thuộc đơn vị này.")
    data = {name: fields.get(name) for name in CASE_FIELDS}
    data["recommendations_made"] = data["recommendations_made"] or 0
    data["recommendations_resolved"] = data["recommendations_resolved"] or 0
    for name in ("title", "body", "findings", "outcome"):
        data[name] = (data[name] or "").strip()
    if data["status"] != CaseStatus.CLOSED and not data["closed_on"]:
        data["closed_on"] = None
    owner = case.unit if case is not None else unit
    validate_case(owner, data)
    before = {name: getattr(case, name) for name in CASE_FIELDS} if case else None
    years = {data["opened_on"].year} | ({case.opened_on.year} if case else set())
    item = case or InspectionCase(
        unit=owner, created_by=actor if getattr(actor, "is_authenticated", False) else None
    )
    for name, value in data.items():
        setattr(item, name, value)
    item.save()
    record(
        actor=actor,
        action="boards.case_save" if case is None else "boards.case_change",
        target=item,
        changes=_changes(item, CASE_FIELDS, before),
    )
    feeding.refresh_for([Measure.INSPECTION_EFFECTIVE], [owner.pk], years, actor=actor)
    return item


@transaction.atomic
def delete_case(*, unit: Unit, case: InspectionCase, actor: Any = None) -> None:
    check_may_keep(actor, unit)
    if not belongs(case, unit):
        raise PermissionDenied("Vụ việc không thuộc đơn vị này.")
    record(
        actor=actor,
        action="boards.case_delete",
        target=case,
        changes={"before": {name: getattr(case, name) for name in CASE_FIELDS}},
    )
    owner_id, year = case.unit_id, case.opened_on.year
    case.delete()
    feeding.refresh_for([Measure.INSPECTION_EFFECTIVE], [owner_id], [year], actor=actor)


@transaction.atomic
def save_project(
    *,
    unit: Unit,
    fields: dict[str, Any],
    project: InvestmentProject | None = None,
    actor: Any = None,
) -> InvestmentProject:
    """Record a new project of `unit`, or change one that counts for it (supervised or not,
    findings, recommendations)."""
    check_may_keep(actor, unit)
    if project is not None and not belongs(project, unit):
        raise PermissionDenied("Công trình không thuộc đơn vị này.")
    data = {name: fields.get(name) for name in PROJECT_FIELDS}
    for name in ("name", "location", "findings", "recommendations"):
        data[name] = (data[name] or "").strip()
    data["funding"] = [s for s in Funding.values if s in (data["funding"] or [])] or list(
        data["funding"] or []
    )
    data["supervised"] = bool(data["supervised"])
    if not data["supervised"]:
        data["supervised_on"] = None
    if data["budget"] is not None:
        data["budget"] = Decimal(data["budget"])
    owner = project.unit if project is not None else unit
    validate_project(owner, data)
    before = {name: getattr(project, name) for name in PROJECT_FIELDS} if project else None
    first = min([data["started_on"].year] + ([project.started_on.year] if project else []))
    item = project or InvestmentProject(
        unit=owner, created_by=actor if getattr(actor, "is_authenticated", False) else None
    )
    for name, value in data.items():
        setattr(item, name, value)
    item.save()
    record(
        actor=actor,
        action="boards.project_save" if project is None else "boards.project_change",
        target=item,
        changes=_changes(item, PROJECT_FIELDS, before),
    )
    feeding.refresh_for([Measure.PROJECTS_SUPERVISED], [owner.pk], [first], actor=actor)
    return item


@transaction.atomic
def delete_project(*, unit: Unit, project: InvestmentProject, actor: Any = None) -> None:
    check_may_keep(actor, unit)
    if not belongs(project, unit):
        raise PermissionDenied("Công trình không thuộc đơn vị này.")
    record(
        actor=actor,
        action="boards.project_delete",
        target=project,
        changes={"before": {name: getattr(project, name) for name in PROJECT_FIELDS}},
    )
    owner_id, first = project.unit_id, project.started_on.year
    project.delete()
    feeding.refresh_for([Measure.PROJECTS_SUPERVISED], [owner_id], [first], actor=actor)

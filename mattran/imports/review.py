"""The review form: the draft shown beside the source text, and the reviewer's corrections
read back from the posted form into a draft the save services take."""

from datetime import date

from django.core.exceptions import ValidationError

from mattran.programmes.models import ValueType
from mattran.units.models import Tier, Unit

OWNER_LEVELS = [
    (Tier.COMMUNE, "Mỗi xã, phường"),
    (Tier.AREA, "Mỗi khu dân cư"),
    (Tier.MEMBER_ORG, "Mỗi tổ chức thành viên"),
]


def owner_choices(unit: Unit) -> list[tuple[str, str]]:
    """Who a task may be given to: the committee, its direct units, or a whole level."""
    choices = [("", "— chưa xác định —"), (f"unit:{unit.code}", unit.name)]
    choices += [(f"unit:{c.code}", c.name) for c in unit.children.order_by("tier", "name")]
    choices += [(f"level:{tier}", label) for tier, label in OWNER_LEVELS]
    return choices


def owner_key(owner_unit: dict | None) -> str:
    if not owner_unit:
        return ""
    if owner_unit.get("unit"):
        return f"unit:{owner_unit['unit']}"
    return f"level:{owner_unit['level']}" if owner_unit.get("level") else ""


def _year(value: str, label: str) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label} phải là một năm, ví dụ 2024.") from None
    if not 2000 <= year <= 2100:
        raise ValidationError(f"{label} {year} không hợp lệ.")
    return year


def _date(value: str, label: str) -> str | None:
    """A date typed as dd/mm/yyyy (as on paper), returned as ISO text for the draft."""
    value = (value or "").strip()
    if not value:
        return None
    parts = value.replace("-", "/").replace(".", "/").split("/")
    try:
        day, month, year = (int(p) for p in parts)
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValidationError(
            f"{label} “{value}” không phải ngày hợp lệ (ghi theo dạng ngày/tháng/năm)."
        ) from None


def _shown(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def draft_from_post(draft: dict, post, unit: Unit) -> dict:
    """The draft as the reviewer corrected it. Unticked rows are left out. Raises a
    ValidationError (Vietnamese) for a value that cannot be right."""
    first = _year(post.get("first_year"), "Năm đầu nhiệm kỳ")
    last = _year(post.get("last_year"), "Năm cuối nhiệm kỳ")
    if last < first:
        raise ValidationError("Năm cuối nhiệm kỳ phải sau năm đầu nhiệm kỳ.")
    value_types = set(ValueType.values)
    tiers = set(Tier.values)
    areas = []
    for i, area in enumerate(draft["areas"]):
        indicators = []
        for j, indicator in enumerate(area["indicators"]):
            prefix = f"i-{i}-{j}-"
            if not post.get(prefix + "keep"):
                continue
            value_type = post.get(prefix + "value_type", indicator["value_type"])
            reported_by = post.get(prefix + "reported_by", indicator["reported_by"])
            if value_type not in value_types or reported_by not in tiers:
                raise ValidationError("Kiểu số liệu hoặc cấp báo cáo không hợp lệ.")
            targets = {
                str(year): post.get(f"{prefix}t-{year}", "").strip()
                for year in range(first, last + 1)
            }
            indicators.append(
                {
                    **indicator,
                    "text": post.get(prefix + "text", indicator["text"]).strip(),
                    "targets": {y: t for y, t in targets.items() if t},
                    "value_type": value_type,
                    "reported_by": reported_by,
                }
            )
        areas.append(
            {
                **area,
                "number": post.get(f"a-{i}-number", area["number"]).strip(),
                "title": post.get(f"a-{i}-title", area["title"]).strip(),
                "indicators": indicators,
                "key_tasks": _lines(post.get(f"a-{i}-key_tasks", "\n".join(area["key_tasks"]))),
                "solutions": _lines(post.get(f"a-{i}-solutions", "\n".join(area["solutions"]))),
            }
        )
    choices = dict(owner_choices(unit))
    tasks = []
    for k, task in enumerate(draft["tasks"]):
        prefix = f"t-{k}-"
        if not post.get(prefix + "keep"):
            continue
        owner = post.get(prefix + "owner", owner_key(task.get("owner_unit")))
        if owner and owner not in choices:
            raise ValidationError("Đơn vị thực hiện không thuộc đơn vị của bạn.")
        kind, _, value = owner.partition(":")
        tasks.append(
            {
                **task,
                "text": post.get(prefix + "text", task["text"]).strip(),
                "due": _date(post.get(prefix + "due", _shown(task.get("due"))), "Thời hạn"),
                "owner_unit": {
                    "unit": value if kind == "unit" else None,
                    "level": value if kind == "level" else "",
                },
            }
        )
    return {
        **draft,
        "title": post.get("title", draft["title"]).strip(),
        "number": post.get("number", draft["number"]).strip(),
        "date": _date(post.get("date", _shown(draft["date"])), "Ngày ban hành"),
        "first_year": first,
        "last_year": last,
        "year": _year(post.get("year", draft["year"]), "Năm của kế hoạch"),
        "areas": areas,
        "tasks": tasks,
    }

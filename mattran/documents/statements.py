"""Sentences the way staff write them, from recorded activities: "09/13 đơn vị cấp xã, phường
tổ chức …" with a footnote naming each unit and what it did, media figures summed, money in
Vietnamese format. Used by the monthly, 6-month and annual reports."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mattran.activities.models import Activity, ActivityType
from mattran.core.numbers import format_count, format_money, format_number
from mattran.units.models import PATH_END, Tier, Unit

MEDIA = "media_post"


@dataclass
class Scope:
    """Who a report speaks for: the committee, its member organisations and the units below
    it that are counted ("09/13 đơn vị")."""

    unit: Unit
    start: date
    end: date
    members: list[Unit] = field(default_factory=list)
    below: list[Unit] = field(default_factory=list)
    below_label: str = "đơn vị cấp xã, phường"
    below_plural: str = "các xã, phường"

    @classmethod
    def of(cls, unit: Unit, start: date, end: date) -> "Scope":
        children = list(Unit.objects.filter(parent=unit).valid_during(start, end).order_by("name"))
        below_tier = Tier.COMMUNE if unit.tier in (Tier.DISTRICT, Tier.PROVINCE) else Tier.AREA
        scope = cls(
            unit,
            start,
            end,
            members=[c for c in children if c.tier == Tier.MEMBER_ORG],
            below=[c for c in children if c.tier == below_tier and c.is_valid_on(end)],
        )
        if below_tier == Tier.AREA:
            scope.below_label, scope.below_plural = "khu dân cư", "các khu dân cư"
        return scope

    def owner_of(self, activity: Activity) -> Unit | None:
        """The unit of this report an activity counts for: the committee, a member
        organisation, or the unit below that contains where it happened."""
        for candidate in [self.unit, *self.members]:
            if activity.unit_id == candidate.pk:
                return candidate
        path = activity.unit.path
        return next((b for b in self.below if path.startswith(b.path)), None)


@dataclass
class Statement:
    key: str
    text: str
    footnotes: dict[str, str] = field(default_factory=dict)
    kind: str = "bullet"

    def as_block(self) -> dict:
        return {"key": self.key, "kind": self.kind, "text": self.text, "footnotes": self.footnotes}


def activities_in(scope: Scope):
    return (
        Activity.objects.filter(
            unit__path__gte=scope.unit.path,
            unit__path__lt=scope.unit.path + PATH_END,
            date__gte=scope.start,
            date__lte=scope.end,
        )
        .select_related("unit", "type")
        .order_by("date", "pk")
    )


def _with_link(text: str, link: str) -> str:
    return f"{text} <{link}>" if link else text


def _amount(total: Decimal) -> str:
    return f" với tổng giá trị {format_money(total)}" if total else ""


def own_statement(activity: Activity, who: Unit | None, key: str) -> Statement:
    """One thing the committee (or a member organisation) did, as a bullet."""
    text = activity.title.rstrip(". ")
    if who is not None:
        text = f"{who.name}: {text[0].lower()}{text[1:]}"
    if activity.description:
        text += f": {activity.description.rstrip('. ')}"
    if activity.quantity and activity.type.code != MEDIA:
        text += f" ({format_count(activity.quantity)} lượt)"
    if activity.amount:
        text += f", kinh phí {format_money(activity.amount)}"
    footnotes = {}
    if activity.link:
        text += "[^1]"
        footnotes["1"] = f"<{activity.link}>"
    return Statement(key, text + ".", footnotes)


def below_statement(kind: ActivityType, scope: Scope, done: dict[Unit, list[Activity]], key: str):
    """ "09/13 đơn vị cấp xã, phường tổ chức …[^1]" with the footnote listing each unit."""
    count = f"{format_count(len(done))}/{format_count(len(scope.below))}"
    activities = [a for items in done.values() for a in items]
    total = sum((a.amount or Decimal(0) for a in activities), Decimal(0))
    extra = f" ({format_count(len(activities))} hoạt động)" if len(activities) > len(done) else ""
    text = f"{count} {scope.below_label} {kind.phrase}{extra}{_amount(total)}[^1]."
    said: dict[str, list[str]] = {}  # units that did exactly the same are named together
    for unit in sorted(done, key=lambda u: u.name):
        items = done[unit]
        if any(a.link for a in items):
            titles = "; ".join(_with_link(a.title.rstrip(". "), a.link) for a in items)
        else:
            titles = "; ".join(times(title, n) for title, n in grouped_titles(items))
        said.setdefault(titles, []).append(unit.name)
    parts = [f"**{', '.join(names)}:** {titles}" for titles, names in said.items()]
    return Statement(key, text, {"1": "; ".join(parts) + "."})


def media_statement(scope: Scope, activities: list[Activity], key: str) -> Statement | None:
    """ "đã đăng 31 tin bài trên trang thông tin điện tử; 37 tin bài trên Facebook, thu hút
    848 lượt tương tác": the committee's channels one by one, the units below summed."""
    own: dict[str, list[int]] = {}
    for activity in activities:
        if scope.owner_of(activity) == scope.unit and activity.quantity:
            posts = own.setdefault(activity.title.rstrip(". "), [0, 0])
            posts[0] += activity.quantity
            posts[1] += activity.interactions or 0
    below = [a for a in activities if scope.owner_of(a) in scope.below]
    parts = []
    if own:
        channels = "; ".join(
            f"{format_count(posts)} {title[0].lower()}{title[1:]}{_reach(reach)}"
            for title, (posts, reach) in own.items()
        )
        parts.append(f"Ủy ban MTTQ Việt Nam {_lower_first(scope.unit.name)} đã đăng {channels}")
    posts = sum(a.quantity or 0 for a in below)
    if posts:
        reach = sum(a.interactions or 0 for a in below)
        parts.append(
            f"Ủy ban MTTQ Việt Nam {scope.below_plural} đã đăng {format_count(posts)} tin, hình "
            f"ảnh hoạt động{_reach(reach)}"
        )
    if not parts:
        return None
    text = (
        "Tiếp tục biên tập và phát hành thông tin tuyên truyền trên hệ thống thông tin điện tử "
        f"(từ {scope.start:%d/%m/%Y} đến {scope.end:%d/%m/%Y}): " + "; ".join(parts) + "."
    )
    return Statement(key, text)


def _reach(interactions: int) -> str:
    return f", thu hút {format_number(interactions)} lượt tương tác" if interactions else ""


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text else text


def times(title: str, count: int) -> str:
    return f"{title} ({format_count(count)} lần)" if count > 1 else title


def grouped_titles(activities: list[Activity]) -> list[tuple[str, int]]:
    """The same thing done several times is said once, with how many times."""
    counts: dict[str, int] = {}
    for activity in activities:
        title = activity.title.rstrip(". ")
        counts[title] = counts.get(title, 0) + 1
    return list(counts.items())


def section_statements(
    scope: Scope,
    section: str,
    activities: list[Activity],
    prefix: str,
    *,
    with_members: bool = True,
):
    """Every statement of one part of the report, type by type, in the types' order.
    Something the committee did several times is said once ("(04 lần)")."""
    by_type: dict[ActivityType, list[Activity]] = defaultdict(list)
    for activity in activities:
        if activity.type.report_section == section:
            by_type[activity.type].append(activity)
    statements = []
    for kind in sorted(by_type, key=lambda k: (k.order, k.name)):
        items = by_type[kind]
        if kind.code == MEDIA:
            media = media_statement(scope, items, f"{prefix}.{kind.code}")
            statements += [media] if media else []
            continue
        done: dict[Unit, list[Activity]] = defaultdict(list)
        repeated: dict[tuple[int, str], list[Activity]] = defaultdict(list)
        for activity in items:
            owner = scope.owner_of(activity)
            if owner is None or (owner in scope.members and not with_members):
                continue
            if owner in scope.below:
                done[owner].append(activity)
            else:
                repeated[(owner.pk, activity.title.rstrip(". "))].append(activity)
        for group in repeated.values():
            first = group[0]
            owner = scope.owner_of(first)
            who = None if owner == scope.unit else owner
            statement = own_statement(first, who, f"{prefix}.a{first.pk}")
            if len(group) > 1:
                statement.text = statement.text[:-1] + f" ({format_count(len(group))} lần)."
            statements.append(statement)
        if done:
            statements.append(below_statement(kind, scope, done, f"{prefix}.{kind.code}"))
    return statements

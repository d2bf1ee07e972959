"""What the houses register tells the monthly report: solidarity houses handed over in the
period, counted by ward with their cost — never the households' names (personal data)."""

from collections import Counter, defaultdict
from decimal import Decimal

from mattran.core.numbers import format_count, format_money
from mattran.documents.statements import Scope, Statement
from mattran.households.models import HouseKind, HouseStatus, SolidarityHouse
from mattran.units.models import PATH_END


def handed_over_statement(scope: Scope, key: str) -> Statement | None:
    """ "Theo sổ theo dõi, trong tháng đã bàn giao 03 nhà Đại đoàn kết (02 xây mới, 01 sửa
    chữa) với tổng kinh phí 180.000.000 đồng[^1]." with the units in the footnote."""
    houses = list(
        SolidarityHouse.objects.filter(
            status=HouseStatus.HANDED_OVER,
            handed_over_on__gte=scope.start,
            handed_over_on__lte=scope.end,
            household__unit__path__gte=scope.unit.path,
            household__unit__path__lt=scope.unit.path + PATH_END,
        ).select_related("household__unit")
    )
    if not houses:
        return None
    kinds = Counter(house.kind for house in houses)
    split = ", ".join(
        f"{format_count(kinds[kind])} {label.lower()}"
        for kind, label in HouseKind.choices
        if kinds[kind]
    )
    total = sum((house.cost for house in houses), Decimal(0))
    by_unit: dict[str, list[SolidarityHouse]] = defaultdict(list)
    for house in houses:
        path = house.household.unit.path
        owner = next((b for b in scope.below if path.startswith(b.path)), None)
        by_unit[owner.name if owner else scope.unit.name].append(house)
    parts = []
    for name in sorted(by_unit):
        items = by_unit[name]
        cost = sum((h.cost for h in items), Decimal(0))
        parts.append(f"**{name}:** {format_count(len(items))} nhà ({format_money(cost)})")
    text = (
        f"Theo sổ theo dõi nhà Đại đoàn kết, trong kỳ đã bàn giao {format_count(len(houses))} "
        f"nhà ({split}) cho hộ nghèo, hộ cận nghèo, hộ khó khăn về nhà ở, với tổng kinh phí "
        f"{format_money(total)}[^1]."
    )
    return Statement(key, text, {"1": "; ".join(parts) + "."})

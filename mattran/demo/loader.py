"""Builds the Tam Kỳ demo: units, the 2024–2029 programme, and (on request) the 2025 merge."""

from typing import Any

from django.db import transaction

from mattran.boards import demo as boards_demo
from mattran.demo import tamky
from mattran.programmes.models import AreaItem, AreaItemKind, ContentArea, Programme
from mattran.programmes.services import create_indicator
from mattran.units.models import Unit, UnitKind
from mattran.units.services import create_unit, merge_into, merge_units

INDICATOR_DEFAULTS = {"frequency": "month", "cumulative": False, "unit_condition": ""}


@transaction.atomic
def load_units(actor: Any = None) -> Unit:
    province = create_unit(**tamky.PROVINCE, actor=actor)
    city = create_unit(**tamky.CITY, parent=province, actor=actor)
    for suffix, name in tamky.MEMBER_ORGS:
        create_unit(
            code=f"tamky-{suffix}", name=name, kind=UnitKind.MEMBER_ORG, parent=city, actor=actor
        )
    for suffix, name, kind, areas in tamky.WARDS:
        ward = create_unit(code=f"tamky-{suffix}", name=name, kind=kind, parent=city, actor=actor)
        word = "Khối phố" if kind == UnitKind.WARD else "Thôn"
        short = "kp" if kind == UnitKind.WARD else "thon"
        for n in range(1, areas + 1):
            create_unit(
                code=f"tamky-{suffix}-{short}{n:02d}",
                name=f"{word} {n}",
                kind=UnitKind.RESIDENTIAL_AREA,
                parent=ward,
                actor=actor,
            )
    return city


@transaction.atomic
def load_programme(city: Unit, actor: Any = None) -> Programme:
    programme = Programme.objects.create(unit=city, **tamky.PROGRAMME)
    order = 0
    for area_order, spec in enumerate(tamky.AREAS, start=1):
        area = ContentArea.objects.create(
            programme=programme, number=spec["number"], title=spec["title"], order=area_order
        )
        for kind, key in (
            (AreaItemKind.KEY_TASK, "key_tasks"),
            (AreaItemKind.SOLUTION, "solutions"),
        ):
            for item_order, text in enumerate(spec[key], start=1):
                AreaItem.objects.create(area=area, kind=kind, text=text, order=item_order)
        for indicator in spec["indicators"]:
            order += 1
            fields = {**INDICATOR_DEFAULTS, **indicator}
            targets = fields.pop("targets")
            create_indicator(
                programme=programme, area=area, targets=targets, order=order, actor=actor, **fields
            )
    boards_demo.link_indicators(programme)
    return programme


@transaction.atomic
def apply_2025_merge(actor: Any = None) -> Unit:
    """The reorganisation of 2025: Phước Hòa into An Xuân, then four wards of Đà Nẵng."""
    wards = {u.code.removeprefix("tamky-"): u for u in Unit.objects.filter(parent__code="tamky")}
    merge_into(
        [wards["phuochoa"]],
        wards["anxuan"],
        effective_on=tamky.PHUOC_HOA_MERGE,
        carry_children=True,
        actor=actor,
    )
    danang = create_unit(**tamky.NEW_PROVINCE, valid_from=tamky.MERGE_DATE, actor=actor)
    for code, name, old in tamky.NEW_WARDS:
        merge_units(
            [wards[suffix] for suffix in old],
            code=code,
            name=name,
            kind=UnitKind.WARD,
            parent=danang,
            effective_on=tamky.MERGE_DATE,
            decision=tamky.MERGE_DECISION,
            carry_children=True,
            actor=actor,
        )
    merge_into(
        [Unit.objects.get(code=tamky.PROVINCE["code"])],
        danang,
        effective_on=tamky.MERGE_DATE,
        decision=tamky.MERGE_DECISION,
        actor=actor,
    )
    return danang

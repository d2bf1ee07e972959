"""Changes to the unit tree. Each function is atomic and writes the audit trail."""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from mattran.audit.services import record
from mattran.core.dates import format_date
from mattran.units.models import SuccessionKind, Unit, UnitSuccession


@transaction.atomic
def create_unit(
    *,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    valid_from: date | None = None,
    actor: Any = None,
) -> Unit:
    if Unit.objects.filter(code=code).exists():
        raise ValidationError({"code": f"Mã đơn vị “{code}” đã được dùng."})
    unit = Unit(code=code, name=name, kind=kind, parent=parent, valid_from=valid_from)
    unit.full_clean(exclude=["path"])
    unit.save()
    record(actor=actor, action="unit.create", target=unit, changes={"code": code, "name": name})
    return unit


@transaction.atomic
def merge_units(
    predecessors: Sequence[Unit],
    *,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    effective_on: date,
    decision: str = "",
    carry_children: bool = False,
    actor: Any = None,
) -> Unit:
    """Replace `predecessors` by one new unit from `effective_on` on (see merge_into)."""
    _check_can_end(predecessors, effective_on)
    successor = create_unit(
        code=code, name=name, kind=kind, parent=parent, valid_from=effective_on, actor=actor
    )
    merge_into(
        predecessors,
        successor,
        effective_on=effective_on,
        decision=decision,
        carry_children=carry_children,
        actor=actor,
    )
    return successor


@transaction.atomic
def merge_into(
    predecessors: Sequence[Unit],
    successor: Unit,
    *,
    effective_on: date,
    decision: str = "",
    kind: str = SuccessionKind.MERGE,
    carry_children: bool = False,
    actor: Any = None,
) -> Unit:
    """Let `successor` carry on the work of `predecessors` from `effective_on` on.

    Nothing is deleted or moved: the old units (and every unit below them that is still
    open) end the day before, keep all their values, and are linked to the successor, so
    roll-ups after the date count their data under it while views of earlier periods
    still show the old units. With `carry_children`, each open unit directly below a
    predecessor (a residential area, say) continues as a new unit under the successor.
    """
    _check_can_end(predecessors, effective_on)
    if not successor.is_valid_on(effective_on):
        raise ValidationError(
            f"{successor.name} không có hiệu lực vào ngày {format_date(effective_on)}."
        )
    if carry_children:
        taken = set(
            Unit.objects.filter(parent=successor)
            .valid_on(effective_on)
            .values_list("name", flat=True)
        )
        for old in predecessors:
            for child in Unit.objects.filter(parent=old).valid_on(effective_on):
                name = child.name if child.name not in taken else f"{child.name} ({old.name})"
                taken.add(name)
                carried = create_unit(
                    code=f"{successor.code}-{child.code}"[:64],
                    name=name,
                    kind=child.kind,
                    parent=successor,
                    valid_from=effective_on,
                    actor=actor,
                )
                merge_into(
                    [child],
                    carried,
                    effective_on=effective_on,
                    decision=decision,
                    kind=SuccessionKind.TRANSFER,
                    carry_children=True,
                    actor=actor,
                )
    last_day = effective_on - timedelta(days=1)
    for old in predecessors:
        close_subtree(old, last_day=last_day, actor=actor)
        UnitSuccession.objects.create(
            predecessor=old,
            successor=successor,
            kind=kind,
            effective_on=effective_on,
            decision=decision,
        )
        record(
            actor=actor,
            action="unit.succeed",
            target=old,
            changes={"successor": successor.code, "effective_on": effective_on},
        )
    return successor


def _check_can_end(predecessors: Sequence[Unit], effective_on: date) -> None:
    if not predecessors:
        raise ValidationError("Cần chọn ít nhất một đơn vị để sắp xếp.")
    for old in predecessors:
        if not old.is_valid_on(effective_on):
            raise ValidationError(
                f"{old.name} không còn hiệu lực vào ngày {format_date(effective_on)}, "
                "không thể sáp nhập."
            )
        if old.valid_from and old.valid_from >= effective_on:
            raise ValidationError(
                f"{old.name} mới có hiệu lực từ {format_date(old.valid_from)}, "
                "ngày sáp nhập phải sau ngày đó."
            )


def close_subtree(unit: Unit, *, last_day: date, actor: Any = None) -> int:
    """End `unit` and every still-open unit below it on `last_day`."""
    open_units = Unit.objects.subtree(unit).filter(valid_to__isnull=True)
    closed = list(open_units.values_list("code", flat=True))
    open_units.update(valid_to=last_day)
    unit.refresh_from_db()
    if closed:
        record(actor=actor, action="unit.close", target=unit, changes={"closed": closed})
    return len(closed)

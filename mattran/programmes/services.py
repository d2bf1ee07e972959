"""Writes to programmes, their content areas, indicators and yearly targets."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from mattran.audit.services import record
from mattran.programmes.models import ContentArea, Indicator, Programme, Target


@transaction.atomic
def set_target(*, indicator: Indicator, year: int, expression: str, actor: Any = None) -> Target:
    """Set (or clear, with an empty expression) an indicator's target for one year."""
    programme = indicator.programme
    if year not in programme.years:
        raise ValidationError(f"Năm {year} nằm ngoài {programme.term_label} của chương trình.")
    target, created = Target.objects.get_or_create(indicator=indicator, year=year)
    before = target.expression
    target.expression = expression
    target.save()
    if created or before != expression:
        record(
            actor=actor,
            action="target.set",
            target=target,
            changes={"year": year, "before": before, "after": expression},
        )
    return target


@transaction.atomic
def create_indicator(
    *,
    programme: Programme,
    area: ContentArea,
    targets: dict[int, str] | None = None,
    actor: Any = None,
    **fields: Any,
) -> Indicator:
    if area.programme_id != programme.pk:
        raise ValidationError("Nội dung không thuộc chương trình này.")
    indicator = Indicator(programme=programme, area=area, **fields)
    indicator.full_clean()
    indicator.save()
    record(actor=actor, action="indicator.create", target=indicator, changes=fields)
    for year, expression in (targets or {}).items():
        set_target(indicator=indicator, year=year, expression=expression, actor=actor)
    return indicator

"""Model rows as the API shows them."""

from mattran.activities.models import Activity
from mattran.api.schemas import json_number
from mattran.programmes.models import Indicator
from mattran.reporting.models import DataValue, Period, Submission
from mattran.reporting.services import describe
from mattran.units.models import Unit


def unit_out(unit: Unit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "kind_label": unit.get_kind_display(),
        "tier": unit.tier,
        "parent": unit.parent.code if unit.parent_id else None,
        "depth": unit.depth,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


def indicator_out(indicator: Indicator) -> dict:
    return {
        "id": indicator.pk,
        "code": indicator.code,
        "text": indicator.text,
        "area": indicator.area.number,
        "measure_unit": indicator.measure_unit,
        "value_type": indicator.value_type,
        "aggregation": indicator.aggregation,
        "cumulative": indicator.cumulative,
        "reported_by": indicator.reported_by,
        "frequency": indicator.frequency,
        "automatic": indicator.is_automatic,
        "targets": [
            {"year": t.year, "expression": t.expression, "display": t.display, "kind": t.kind}
            for t in indicator.targets.all()
        ],
    }


def period_out(period: Period) -> dict:
    return {
        "code": period.code,
        "kind": period.kind,
        "label": period.spec.label,
        "start": period.start,
        "end": period.end,
    }


def value_out(value: DataValue) -> dict:
    return {
        "id": value.pk,
        "indicator": value.indicator_id,
        "indicator_code": value.indicator.code,
        "unit": value.unit.code,
        "period": value.period.code,
        "number": json_number(value.number),
        "numerator": json_number(value.numerator),
        "denominator": json_number(value.denominator),
        "boolean": value.boolean,
        "rating": value.rating,
        "display": describe(value),
        "note": value.note,
        "version": value.version,
        "updated_at": value.updated_at,
    }


def submission_out(submission: Submission) -> dict:
    return {
        "id": submission.pk,
        "programme": submission.programme_id,
        "unit": submission.unit.code,
        "period": submission.period.code,
        "status": submission.status,
        "status_label": submission.get_status_display(),
        "submitted_at": submission.submitted_at,
        "decided_at": submission.decided_at,
        "return_reason": submission.return_reason,
    }


def activity_out(activity: Activity) -> dict:
    return {
        "id": activity.pk,
        "unit": activity.unit.code,
        "type": activity.type.code,
        "type_name": activity.type.name,
        "date": activity.date,
        "title": activity.title,
        "description": activity.description,
        "link": activity.link,
        "amount": json_number(activity.amount),
        "quantity": activity.quantity,
        "interactions": activity.interactions,
    }

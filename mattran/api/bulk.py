"""Bulk data values: one POST with thousands of figures in JSON or CSV, all stored or none."""

from django.conf import settings
from ninja import Router, Schema

from mattran.api.errors import ApiError
from mattran.api.lookups import programme_or_404
from mattran.api.schemas import ERRORS
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_read import BulkFormatError, read_rows

router = Router(tags=["Kỳ báo cáo, số liệu"])

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class BulkOut(Schema):
    total: int
    created: int
    updated: int
    unchanged: int
    message: str


ROW_SCHEMA = {
    "type": "object",
    "required": ["unit", "indicator", "period"],
    "properties": {
        "unit": {"type": "string", "description": "Mã đơn vị, ví dụ tamky-anmy"},
        "indicator": {"type": "string", "description": "Mã chỉ tiêu, ví dụ II.1"},
        "period": {"type": "string", "description": "Kỳ: 2024-08 (tháng) hoặc 2024 (năm)"},
        "value": {
            "type": ["string", "number", "boolean"],
            "description": 'Số liệu: 12, 1500000.5, "3/4", "có"/"không", xếp loại 1–4',
        },
        "numerator": {"type": ["string", "number"]},
        "denominator": {"type": ["string", "number"]},
        "note": {"type": "string"},
    },
}
REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["dataValues"],
                "properties": {"dataValues": {"type": "array", "items": ROW_SCHEMA}},
            }
        },
        "text/csv": {
            "schema": {"type": "string"},
            "example": "unit,indicator,period,value,note\ntamky-anmy,II.1,2024-08,3,\n",
        },
    },
}


@router.post(
    "/data-values/bulk",
    response={200: BulkOut, 413: ERRORS[400], **ERRORS},
    summary="Nhập hàng loạt số liệu (JSON hoặc CSV)",
    openapi_extra={"requestBody": REQUEST_BODY},
)
def bulk_values(request, programme: int | None = None):
    """Validate every row together: all are stored, or none and every refused row is listed
    in `details.rejected` (status 400; 403 when a row is outside the caller's reach) with
    its line, a stable code (unknown_unit, out_of_scope,
    unknown_indicator, computed, not_applicable, invalid_value, out_of_range, period_locked,
    duplicate, missing_field, invalid_period, unknown_programme) and a Vietnamese reason.
    Sending the same set again changes nothing."""
    limit = getattr(settings, "API_BULK_MAX_BYTES", DEFAULT_MAX_BYTES)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise ApiError(
            413,
            "payload_too_large",
            f"Dữ liệu gửi lên quá lớn (tối đa {limit // (1024 * 1024)} MB): hãy chia nhỏ.",
        )
    content = request.read()
    kind = "csv" if "csv" in (request.content_type or "") else "json"
    chosen = programme_or_404(request.user, programme) if programme is not None else None
    try:
        rows = read_rows(content, kind)
    except BulkFormatError as exc:
        raise ApiError(400, "invalid_file", str(exc)) from exc
    if not rows:
        raise ApiError(400, "empty", "Không có số liệu nào trong dữ liệu gửi lên.")
    result = import_values(
        rows, actor=request.user, programme=chosen, source="API", content=content
    )
    if result.rejected:
        refused = any(r.code == "out_of_scope" for r in result.rejected)
        raise ApiError(
            403 if refused else 400,
            "forbidden" if refused else "validation_error",
            result.summary(),
            {"total": result.total, "rejected": [r.as_dict() for r in result.rejected]},
        )
    return {
        "total": result.total,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "message": result.summary(),
    }

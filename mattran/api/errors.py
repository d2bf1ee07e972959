"""Every API error as JSON: {"code": stable code, "message": Vietnamese, "details": ...}."""

import logging
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from mattran.core.periods import PeriodCodeError

logger = logging.getLogger("mattran.api")

UNAUTHORIZED = "Thiếu hoặc sai mã truy cập (token)."
NOT_FOUND = "Không tìm thấy dữ liệu hoặc bạn không có quyền xem."
FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
INVALID = "Dữ liệu gửi lên không hợp lệ."
UNREADABLE = "Không đọc được nội dung yêu cầu (cần JSON hợp lệ)."
SERVER = "Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau."

# A service's ValidationError code → the API's status and stable code.
VALIDATION_CODES = {
    "locked": (400, "locked"),  # the report is submitted or approved
    "owned": (409, "owned_by_record"),  # an activity a register (a supervision…) keeps
}

# What pydantic reports, in the words a user reads.
PYDANTIC_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "int_from_float": "Phải là số nguyên.",
    "float_parsing": "Phải là số.",
    "decimal_parsing": "Phải là số.",
    "decimal_type": "Phải là số.",
    "finite_number": "Phải là số hữu hạn.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "string_type": "Phải là chuỗi ký tự.",
    "string_too_long": "Chuỗi dài quá mức cho phép.",
    "string_too_short": "Chuỗi ngắn hơn mức tối thiểu.",
    "string_pattern_mismatch": "Không đúng định dạng.",
    "greater_than_equal": "Giá trị nhỏ hơn mức tối thiểu.",
    "greater_than": "Giá trị nhỏ hơn mức tối thiểu.",
    "less_than_equal": "Giá trị lớn hơn mức tối đa.",
    "less_than": "Giá trị lớn hơn mức tối đa.",
    "too_short": "Danh sách cần ít nhất một phần tử.",
    "too_long": "Danh sách có quá nhiều phần tử.",
    "enum": "Giá trị không nằm trong danh sách cho phép.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép.",
    "list_type": "Phải là danh sách.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "json_invalid": "Nội dung không phải JSON hợp lệ.",
    "decimal_max_places": "Quá nhiều chữ số thập phân (tối đa 4).",
    "decimal_max_digits": "Số quá lớn.",
    "decimal_whole_digits": "Số quá lớn.",
    "extra_forbidden": "Trường này không được phép.",
}


class ApiError(Exception):
    """An error the API answers with its own status, stable code and Vietnamese message."""

    def __init__(
        self, status: int, code: str, message: str, details: Any = None, headers: dict | None = None
    ):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details, self.headers = details, headers or {}


def not_found(message: str = NOT_FOUND) -> ApiError:
    return ApiError(404, "not_found", message)


def bad_request(message: str, details: Any = None, code: str = "invalid") -> ApiError:
    return ApiError(400, code, message, details)


def error_response(
    status: int, code: str, message: str, details: Any = None, headers: dict | None = None
) -> HttpResponse:
    response = JsonResponse(
        {"code": code, "message": message, "details": details},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def describe_validation(exc: ValidationError) -> tuple[str, Any]:
    """A Django ValidationError as one message and its details (by field, or a list)."""
    if hasattr(exc, "error_dict"):
        details = exc.message_dict
        first = next(iter(details.values()), [INVALID])
        return " ".join(first), details
    messages = exc.messages
    return (messages[0] if len(messages) == 1 else INVALID), messages


def request_details(errors: list[dict]) -> list[dict]:
    details = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        kind = error.get("type", "")
        details.append(
            {
                "field": ".".join(loc),
                "type": kind,
                "message": PYDANTIC_MESSAGES.get(kind, "Giá trị không hợp lệ."),
            }
        )
    return details


def install(api: NinjaAPI) -> None:
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    def request_invalid(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
        details = request_details(exc.errors)
        where = ", ".join(d["field"] for d in details if d["field"])
        message = f"{INVALID} Kiểm tra: {where}." if where else INVALID
        return error_response(400, "invalid_request", message, details)

    def authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            401, "unauthorized", UNAUTHORIZED, None, {"WWW-Authenticate": "Bearer"}
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        codes = {400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found"}
        messages = {400: UNREADABLE, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: NOT_FOUND}
        status = exc.status_code
        return error_response(
            status, codes.get(status, "error"), messages.get(status, str(exc)), None
        )

    def django_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        message, details = describe_validation(exc)
        status, code = VALIDATION_CODES.get(getattr(exc, "code", None), (400, "validation_error"))
        return error_response(status, code, message, details)

    def period_invalid(request: HttpRequest, exc: PeriodCodeError) -> HttpResponse:
        return error_response(400, "invalid_period", str(exc))

    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, "forbidden", str(exc) or FORBIDDEN)

    def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
        text = str(exc)
        return error_response(404, "not_found", text if _is_vietnamese(text) else NOT_FOUND)

    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return error_response(500, "server_error", SERVER)

    api.add_exception_handler(Exception, unexpected)
    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(RequestValidationError, request_invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(AuthenticationError, authentication)
    api.add_exception_handler(ValidationError, django_invalid)
    api.add_exception_handler(PeriodCodeError, period_invalid)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(Http404, missing)


def _is_vietnamese(text: str) -> bool:
    return bool(text) and any(ord(ch) > 127 for ch in text)


def json_method_not_allowed(urls: tuple) -> tuple:
    """ninja answers a method a route does not take with a plain-text 405; the API's views are
    wrapped so that it is JSON like every other error, with the Allow header kept."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        pattern.callback = _json_405(pattern.callback)
    return patterns, app_name, namespace


def _json_405(view):
    @wraps(view)  # keeps csrf_exempt: the API authenticates by token
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        allowed = sorted(m.strip() for m in response["Allow"].split(",") if m.strip())
        return error_response(
            405,
            "method_not_allowed",
            f"Địa chỉ này không nhận phương thức {request.method}; chỉ nhận: {', '.join(allowed)}.",
            {"allowed": allowed},
            {"Allow": ", ".join(allowed)},
        )

    return wrapped

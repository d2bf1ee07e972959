"""The REST API under /api/ and the page where users manage their API tokens."""

from django.urls import path, re_path
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from mattran.api import errors, views
from mattran.api.auth import session_auth, token_auth
from mattran.api.bulk import router as bulk
from mattran.api.programmes import router as programmes
from mattran.api.records import router as records
from mattran.api.units import router as units
from mattran.api.values import router as values
from mattran.api.workflow import router as workflow


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Vietnamese as it is written


api = NinjaAPI(
    renderer=Renderer(),
    title="API Kế hoạch & Báo cáo Mặt trận",
    version="1",
    description=(
        "Đọc đơn vị, chương trình, chỉ tiêu, kỳ báo cáo, số liệu, báo cáo, hoạt động và tiến độ; "
        "ghi số liệu; nộp, duyệt, trả lại báo cáo; ghi, sửa, xóa hoạt động. "
        "Xác thực: `Authorization: Bearer <mã truy cập>` (tạo mã ở trang "
        "/api-tokens/). Mọi lỗi trả về JSON `{code, message, details}`."
    ),
    auth=[token_auth, session_auth],
    urls_namespace="api:v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("", units)
api.add_router("", programmes)
api.add_router("", bulk)
api.add_router("", values)
api.add_router("", records)
api.add_router("", workflow)

app_name = "api"
urlpatterns = [
    path("api/", errors.json_method_not_allowed(api.urls)),
    re_path(r"^api/.*$", views.api_not_found, name="not-found"),
    path("api-tokens/", views.token_list, name="tokens"),
    path("api-tokens/<int:pk>/revoke/", views.token_revoke, name="revoke"),
]

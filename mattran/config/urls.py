from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Kế hoạch & Báo cáo Mặt trận"
admin.site.site_title = "Kế hoạch & Báo cáo Mặt trận"
admin.site.index_title = "Quản trị dữ liệu danh mục"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("mattran.reporting.urls")),
    path("", include("mattran.activities.urls")),
    path("", include("mattran.imports.urls")),
    path("", include("mattran.documents.urls")),
    path("", include("mattran.emulation.urls")),
    path("", include("mattran.plans.urls")),
    path("", include("mattran.reminders.urls")),
    path("", include("mattran.households.urls")),
    path("", include("mattran.funds.urls")),
    path("", include("mattran.voice.urls")),
    path("", include("mattran.people.urls")),
    path("", include("mattran.boards.urls")),
    path("", include("mattran.api.urls")),
    path("", include("mattran.dashboard.urls")),
    path("", include("mattran.accounts.urls")),
]

from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "Kế hoạch & Báo cáo Mặt trận"
admin.site.site_title = "Kế hoạch & Báo cáo Mặt trận"
admin.site.index_title = "Quản trị dữ liệu danh mục"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]

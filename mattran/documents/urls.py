from django.urls import path

from mattran.documents import views

app_name = "documents"
base = "units/<slug:code>/documents/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "xlsx/", views.index_xlsx, name="index_xlsx"),
    path(base + "style/", views.style, name="style"),
    path(base + "indicators/", views.indicators, name="indicators"),
    path(base + "files/<int:pk>/", views.file_download, name="file"),
    path(base + "<int:pk>/", views.report_view, name="report"),
    path(base + "<int:pk>/head/", views.head, name="head"),
    path(base + "<int:pk>/regenerate/", views.regenerate, name="regenerate"),
    path(base + "<int:pk>/tasks/", views.tasks, name="tasks"),
    path(base + "<int:pk>/export/<str:file_format>/", views.export, name="export"),
    path(base + "<int:pk>/blocks/<str:key>/", views.block_edit, name="block"),
    path(base + "<int:pk>/blocks/<str:key>/settle/", views.settle, name="settle"),
]

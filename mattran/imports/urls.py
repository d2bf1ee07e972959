from django.urls import path

from mattran.imports import views

app_name = "imports"
urlpatterns = [
    path("units/<slug:code>/imports/", views.index, name="index"),
    path("units/<slug:code>/imports/xlsx/", views.index_xlsx, name="index_xlsx"),
    path("units/<slug:code>/imports/restore/", views.restore, name="restore"),
    path("units/<slug:code>/imports/<int:pk>/", views.job_view, name="job"),
    path("units/<slug:code>/imports/<int:pk>/progress/", views.job_progress, name="progress"),
]

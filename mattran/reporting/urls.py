from django.urls import path

from mattran.reporting import views

app_name = "reporting"
urlpatterns = [
    path("units/<slug:code>/reports/", views.index, name="index"),
    path("units/<slug:code>/reports/xlsx/", views.index_xlsx, name="index_xlsx"),
    path("units/<slug:code>/reports/<str:period>/", views.entry, name="entry"),
    path(
        "units/<slug:code>/reports/<str:period>/template.xlsx", views.template_xlsx, name="template"
    ),
    path("units/<slug:code>/reports/<str:period>/upload/", views.upload_xlsx, name="upload"),
    path("units/<slug:code>/reports/<str:period>/<str:action>/", views.decide, name="decide"),
    path("units/<slug:code>/completeness/<str:period>/", views.completeness, name="completeness"),
    path(
        "units/<slug:code>/completeness/<str:period>/xlsx/",
        views.completeness_xlsx,
        name="completeness_xlsx",
    ),
]

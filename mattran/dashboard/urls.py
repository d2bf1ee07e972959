from django.urls import path

from mattran.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("units/<slug:code>/", views.unit_dashboard, name="unit"),
    path("units/<slug:code>/xlsx/", views.unit_xlsx, name="unit_xlsx"),
    path("units/<slug:code>/children/", views.children, name="children"),
    path("units/<slug:code>/children/xlsx/", views.children_xlsx, name="children_xlsx"),
    path("units/<slug:code>/indicators/<int:indicator_id>/", views.indicator, name="indicator"),
    path(
        "units/<slug:code>/indicators/<int:indicator_id>/xlsx/",
        views.indicator_xlsx,
        name="indicator_xlsx",
    ),
]

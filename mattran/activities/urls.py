from django.urls import path

from mattran.activities import views

app_name = "activities"
urlpatterns = [
    path("units/<slug:code>/activities/", views.activity_list, name="list"),
    path("units/<slug:code>/activities/xlsx/", views.activity_list_xlsx, name="list_xlsx"),
    path("units/<slug:code>/activities/<int:pk>/delete/", views.activity_delete, name="delete"),
]

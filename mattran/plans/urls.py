from django.urls import path

from mattran.plans import views

app_name = "plans"
urlpatterns = [
    path("units/<slug:code>/plans/", views.plan_list, name="list"),
    path("units/<slug:code>/plans/xlsx/", views.plan_list_xlsx, name="list_xlsx"),
    path("units/<slug:code>/plans/<int:pk>/", views.plan_detail, name="detail"),
    path("units/<slug:code>/plans/<int:pk>/xlsx/", views.plan_detail_xlsx, name="detail_xlsx"),
    path("units/<slug:code>/tasks/", views.task_list, name="tasks"),
    path("units/<slug:code>/tasks/xlsx/", views.task_list_xlsx, name="tasks_xlsx"),
    path("units/<slug:code>/tasks/<int:pk>/", views.assignment_view, name="assignment"),
    path("units/<slug:code>/tasks/evidence/<int:pk>/", views.evidence, name="evidence"),
]

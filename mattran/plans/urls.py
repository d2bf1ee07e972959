from django.urls import path

from mattran.plans import views

app_name = "plans"
urlpatterns = [
    path("units/<slug:code>/plans/", views.plan_list, name="list"),
    path("units/<slug:code>/plans/<int:pk>/", views.plan_detail, name="detail"),
    path("units/<slug:code>/tasks/", views.task_list, name="tasks"),
    path("units/<slug:code>/tasks/<int:pk>/", views.assignment_view, name="assignment"),
    path("units/<slug:code>/tasks/evidence/<int:pk>/", views.evidence, name="evidence"),
]

from django.urls import path

from mattran.boards import record_views, views

app_name = "boards"
base = "units/<slug:code>/boards/"
rating = base + "ratings/<str:subject>/<int:year>/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "indicators/", views.indicators, name="indicators"),
    path(rating, views.rate, name="rate"),
    path(rating + "delete/", views.rate_delete, name="rate_delete"),
    path(base + "inspection/", record_views.cases, name="cases"),
    path(base + "projects/", record_views.projects, name="projects"),
]
for slug, prefix, noun in (("cases", "inspection", "case"), ("projects", "projects", "project")):
    one = f"{base}{prefix}/<int:pk>/"
    urlpatterns += [
        path(f"{base}{prefix}/new/", record_views.record_new, {"kind": slug}, name=f"{noun}_new"),
        path(one + "edit/", record_views.record_edit, {"kind": slug}, name=f"{noun}_edit"),
        path(one + "delete/", record_views.record_delete, {"kind": slug}, name=f"{noun}_delete"),
    ]

from django.urls import path

from mattran.people import course_views, import_views, views

app_name = "people"
base = "units/<slug:code>/people/"
one = base + "<int:pk>/"
post = one + "positions/<int:ppk>/"
course = base + "courses/<int:pk>/"
urlpatterns = [
    path(base, views.people_list, name="list"),
    path(base + "export/", views.people_export, name="export"),
    path(base + "new/", views.person_new, name="new"),
    path(base + "import/", import_views.import_view, name="import"),
    path(base + "import/template/", import_views.import_template, name="template"),
    path(base + "indicators/", import_views.indicator_links, name="indicators"),
    path(one, views.person_view, name="person"),
    path(one + "edit/", views.person_edit, name="edit"),
    path(one + "delete/", views.person_delete, name="delete"),
    path(one + "positions/", views.position_add, name="position_add"),
    path(post, views.position_edit, name="position"),
    path(post + "end/", views.position_end, name="position_end"),
    path(post + "delete/", views.position_delete, name="position_delete"),
    path(base + "courses/", course_views.course_list, name="courses"),
    path(course, course_views.course_view, name="course"),
    path(course + "edit/", course_views.course_edit, name="course_edit"),
    path(course + "delete/", course_views.course_delete, name="course_delete"),
]

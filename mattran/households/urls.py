from django.urls import path

from mattran.households import access_views, decision_views, house_views, photo_views, views

app_name = "households"
base = "units/<slug:code>/households/"
one = base + "<int:pk>/"
house = base + "houses/<int:pk>/"
decision = base + "decisions/<int:pk>/"
urlpatterns = [
    path(base, views.register_view, name="register"),
    path(base + "export/", views.export_view, name="export"),
    path(one, views.household_view, name="household"),
    path(one + "edit/", views.household_edit, name="edit"),
    path(one + "delete/", views.household_delete, name="delete"),
    path(one + "status/", views.status_add, name="status"),
    path(one + "status/<int:spk>/delete/", views.status_delete, name="status_delete"),
    path(one + "support/", views.support_add, name="support"),
    path(one + "support/<int:spk>/delete/", views.support_delete, name="support_delete"),
    path(base + "houses/", house_views.house_list, name="houses"),
    path(base + "houses/xlsx/", house_views.houses_xlsx, name="houses_xlsx"),
    path(base + "houses/indicators/", house_views.indicator_links, name="indicators"),
    path(house, house_views.house_view, name="house"),
    path(house + "edit/", house_views.house_edit, name="house_edit"),
    path(house + "funding/", house_views.funding_add, name="funding"),
    path(house + "funding/<int:fpk>/delete/", house_views.funding_delete, name="funding_delete"),
    path(house + "photos/", photo_views.photo_upload, name="photo_upload"),
    path(house + "photos/<int:ppk>/", photo_views.photo_view, name="photo"),
    path(house + "photos/<int:ppk>/delete/", photo_views.photo_delete, name="photo_delete"),
    path(base + "decisions/", decision_views.decision_list, name="decisions"),
    path(base + "decisions/xlsx/", decision_views.decisions_xlsx, name="decisions_xlsx"),
    path(decision, decision_views.decision_view, name="decision"),
    path(decision + "xlsx/", decision_views.decision_xlsx, name="decision_xlsx"),
    path(decision + "entries/", decision_views.entry_add, name="entry"),
    path(decision + "entries/<int:epk>/delete/", decision_views.entry_delete, name="entry_delete"),
    path(base + "access/", access_views.access_view, name="access"),
    path(base + "access/<int:pk>/revoke/", access_views.revoke_view, name="revoke"),
]

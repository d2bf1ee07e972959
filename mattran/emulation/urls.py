from django.urls import path

from mattran.emulation import sheet_views, views

app_name = "emulation"
base = "units/<slug:code>/emulation/"
one = base + "<int:pk>/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "xlsx/", views.index_xlsx, name="index_xlsx"),
    path(one, views.movement_view, name="movement"),
    path(one + "xlsx/", views.movement_xlsx, name="movement_xlsx"),
    path(one + "open/", views.open_view, name="open"),
    path(one + "publish/", views.publish, name="publish"),
    path(one + "awards/<slug:tier>/", views.export_awards, name="awards"),
    path(one + "score/", sheet_views.score, name="score"),
    path(one + "score/xlsx/", sheet_views.score_xlsx, name="score_xlsx"),
    path(one + "review/<int:ppk>/", sheet_views.review, name="review"),
    path(one + "review/<int:ppk>/xlsx/", sheet_views.review_xlsx, name="review_xlsx"),
    path(one + "review/<int:ppk>/reopen/", sheet_views.reopen, name="reopen"),
    path(one + "review/<int:ppk>/withdraw/", sheet_views.withdraw, name="withdraw"),
    path(one + "evidence/<int:score_pk>/", sheet_views.evidence, name="evidence"),
]

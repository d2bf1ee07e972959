from django.urls import path, register_converter

from mattran.voice import item_views, petition_views, survey_views, views
from mattran.voice.kinds import ITEM_SLUGS, KINDS


class KindConverter:
    regex = "|".join(KINDS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ItemConverter(KindConverter):
    regex = "|".join(ITEM_SLUGS)


register_converter(KindConverter, "voicekind")
register_converter(ItemConverter, "voiceitem")

app_name = "voice"
base = "units/<slug:code>/voice/"
record = base + "<voicekind:kind>/<int:pk>/"
item = record + "<voiceitem:item>/"
survey = base + "surveys/<int:pk>/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "xlsx/", views.index_xlsx, name="index_xlsx"),
    path(base + "petitions/", petition_views.petition_list, name="petitions"),
    path(base + "petitions/overdue/", petition_views.overdue, name="overdue"),
    path(base + "petitions/export/", petition_views.export, name="petitions_export"),
    path(base + "grants/", petition_views.grants, name="grants"),
    path(base + "grants/<int:pk>/revoke/", petition_views.grant_revoke, name="grant_revoke"),
    path(base + "surveys/", survey_views.survey_list, name="surveys"),
    path(base + "surveys/xlsx/", survey_views.survey_list_xlsx, name="surveys_xlsx"),
    path(base + "surveys/new/", survey_views.survey_new, name="survey_new"),
    path(survey, survey_views.survey_detail, name="survey"),
    path(survey + "edit/", survey_views.survey_edit, name="survey_edit"),
    path(survey + "delete/", survey_views.survey_delete, name="survey_delete"),
    path(
        survey + "questions/<int:qpk>/delete/", survey_views.question_delete, name="question_delete"
    ),
    path(survey + "responses/", survey_views.response_list, name="responses"),
    path(survey + "responses/new/", survey_views.response_new, name="response_new"),
    path(
        survey + "responses/<int:rpk>/delete/", survey_views.response_delete, name="response_delete"
    ),
    path(survey + "template/", survey_views.template_xlsx, name="survey_template"),
    path(survey + "upload/", survey_views.upload, name="survey_upload"),
    path(survey + "tallies/", survey_views.tallies, name="tallies"),
    path(survey + "tallies/export/", survey_views.tallies_export, name="tallies_export"),
    path(base + "<voicekind:kind>/", views.record_list, name="records"),
    path(base + "<voicekind:kind>/xlsx/", views.record_list_xlsx, name="records_xlsx"),
    path(base + "<voicekind:kind>/new/", views.record_new, name="record_new"),
    path(record, views.record_detail, name="record"),
    path(record + "xlsx/", views.record_xlsx, name="record_xlsx"),
    path(record + "edit/", views.record_edit, name="record_edit"),
    path(record + "delete/", views.record_delete, name="record_delete"),
    path(item, item_views.item_add, name="item_add"),
    path(item + "<int:ipk>/", item_views.item_edit, name="item_edit"),
    path(item + "<int:ipk>/delete/", item_views.item_delete, name="item_delete"),
]

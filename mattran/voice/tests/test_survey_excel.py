"""Answer sheets through Excel: the template has the questions as columns; an upload is
stored whole or not at all, and every bad cell is named in Vietnamese."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from mattran.voice.models import Response
from mattran.voice.survey_excel import import_responses, survey_template
from mattran.voice.surveys import add_question, save_survey
from mattran.voice.tallies import tally


@pytest.fixture
def survey(world):
    world.survey = save_survey(
        unit=world.w1,
        fields={
            "title": "Lấy ý kiến về đô thị văn minh",
            "kind": "urban",
            "starts_on": date(2024, 8, 1),
            "ends_on": date(2024, 8, 25),
        },
    )
    add_question(survey=world.survey, text="Đường phố sạch đẹp", scale="three")
    add_question(survey=world.survey, text="=Chiếu sáng", scale="five")
    return world


def filled(survey, rows) -> BytesIO:
    book = load_workbook(BytesIO(survey_template(survey)))
    sheet = book["Phieu"]
    for r, values in enumerate(rows, start=9):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value)
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_the_template_lists_the_questions_as_columns_and_the_areas_to_pick(survey):
    book = load_workbook(BytesIO(survey_template(survey.survey)))
    sheet = book["Phieu"]
    assert [sheet.cell(row=8, column=c).value for c in range(1, 5)] == [
        "Số phiếu",
        "Khu dân cư",
        "Câu 1. Đường phố sạch đẹp",
        "Câu 2. =Chiếu sáng",
    ]
    assert [book["Danh muc"].cell(row=r, column=1).value for r in (2, 3)] == [
        "Khối phố 1",
        "Khối phố 2",
    ]
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations["C9:C509"] == '"Hài lòng,Không hài lòng,Không ý kiến"'
    assert validations["D9:D509"] == "1"


def test_a_filled_template_is_stored_and_tallied(survey):
    upload = filled(
        survey.survey,
        [
            [None, "Khối phố 1", "Hài lòng", 5],
            [None, "khối phố 1", "không hài lòng", 3],
            [7, "tk-w1-kp2", "Không ý kiến", None],
            [None, None, None, None],  # an empty row is skipped
            [None, "Khối phố 2", None, 4.0],
        ],
    )
    assert import_responses(survey.survey, upload) == 4
    numbers = list(Response.objects.order_by("number").values_list("number", "source"))
    assert numbers == [(1, "upload"), (2, "upload"), (7, "upload"), (8, "upload")]
    result = tally(survey.survey)
    assert [q.total.share_text for q in result.questions] == ["33,3%", "66,7%"]


def test_every_bad_cell_is_named_and_nothing_is_stored(survey):
    upload = filled(
        survey.survey,
        [
            [None, "Khối phố 9", "Rất hài lòng", 6],
            ["abc", "Khối phố 1", "Hài lòng", 5],
            [None, None, "Hài lòng", None],
            [None, "Khối phố 2", None, None],
            [None, "Khối phố 2", "Hài lòng", 4],
        ],
    )
    with pytest.raises(ValidationError) as exc:
        import_responses(survey.survey, upload)
    assert exc.value.messages == [
        "Ô B9: “Khối phố 9” không phải khu dân cư của đợt lấy ý kiến này.",
        "Ô C9: “Rất hài lòng” — câu 1 chỉ ghi “Hài lòng”, “Không hài lòng” hoặc “Không ý kiến”.",
        "Ô D9: “6” — câu 2 ghi điểm từ 1 đến 5.",
        "Ô A10: số phiếu “abc” phải là số nguyên dương.",
        "Ô B11: chưa chọn khu dân cư.",
        "Dòng 12: phiếu chưa trả lời câu hỏi nào.",
    ]
    assert not Response.objects.exists()


def test_a_sheet_number_already_used_is_refused(survey):
    import_responses(survey.survey, filled(survey.survey, [[3, "Khối phố 1", "Hài lòng", 5]]))
    with pytest.raises(ValidationError) as exc:
        import_responses(
            survey.survey,
            filled(
                survey.survey,
                [[None, "Khối phố 1", "Hài lòng", 5], [3, "Khối phố 2", "Hài lòng", 5]],
            ),
        )
    assert exc.value.messages == ["Ô A10: phiếu số 3 đã có (trong tệp hoặc đã nhập trước)."]
    assert Response.objects.count() == 1


def test_another_surveys_template_an_old_template_or_not_excel_is_refused(survey):
    other = save_survey(
        unit=survey.w1,
        fields={
            "title": "Đợt khác",
            "kind": "urban",
            "starts_on": date(2024, 8, 1),
            "ends_on": date(2024, 8, 2),
        },
    )
    add_question(survey=other, text="Câu khác", scale="three")
    with pytest.raises(ValidationError, match="không phải mẫu nhập phiếu của đợt lấy ý kiến này"):
        import_responses(survey.survey, filled(other, [[None, "Khối phố 1", "Hài lòng"]]))
    old = filled(survey.survey, [[None, "Khối phố 1", "Hài lòng", 5]])
    add_question(survey=survey.survey, text="An ninh trật tự", scale="three")
    survey.survey.questions.filter(number=2).update(number=9)
    with pytest.raises(ValidationError, match="Ô D8: tiêu đề cột không khớp câu 3"):
        import_responses(survey.survey, old)
    with pytest.raises(ValidationError, match="không phải tệp Excel"):
        import_responses(survey.survey, BytesIO(b"PK not really"))


def test_the_upload_page_keeps_the_clerk_informed(client, survey):
    client.force_login(survey.users["w1_clerk"])
    url = reverse("voice:survey_upload", args=[survey.w1.code, survey.survey.pk])
    bad = filled(survey.survey, [[None, "Khối phố 9", "Hài lòng", 5]])
    response = client.post(url, {"file": SimpleUploadedFile("phieu.xlsx", bad.read())}, follow=True)
    text = response.content.decode()
    assert "Chưa nhập phiếu nào vì tệp có lỗi" in text and "Ô B9" in text
    good = filled(survey.survey, [[None, "Khối phố 1", "Hài lòng", 5]])
    response = client.post(
        url, {"file": SimpleUploadedFile("phieu.xlsx", good.read())}, follow=True
    )
    assert "Đã nhập 1 phiếu từ tệp Excel." in response.content.decode()
    template = client.get(reverse("voice:survey_template", args=[survey.w1.code, survey.survey.pk]))
    assert template["Content-Disposition"].endswith(f'mau-phieu-{survey.survey.pk}.xlsx"')


def test_the_tallies_are_exported_and_kept(client, survey):
    from mattran.documents.models import GeneratedFile

    import_responses(
        survey.survey,
        filled(
            survey.survey,
            [
                [None, "Khối phố 1", "Hài lòng", 5],
                [None, "Khối phố 2", "Không hài lòng", 2],
            ],
        ),
    )
    client.force_login(survey.users["city_admin"])
    url = reverse("voice:tallies_export", args=[survey.w1.code, survey.survey.pk])
    book = load_workbook(BytesIO(client.post(url).content))
    by_question, by_area = book["Theo cau hoi"], book["Theo khu dan cu"]
    assert [by_question.cell(row=6, column=c).value for c in range(1, 6)] == [
        1,
        "Đường phố sạch đẹp",
        2,
        1,
        0.5,
    ]
    assert by_question["B7"].value == "'=Chiếu sáng"  # safe_cell
    assert [by_area.cell(row=2, column=c).value for c in range(1, 6)] == [
        "Khối phố 1",
        1,
        1.0,
        1.0,
        1.0,
    ]
    assert GeneratedFile.objects.get().created_by == survey.users["city_admin"]

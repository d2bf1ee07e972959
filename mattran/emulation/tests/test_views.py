"""The pages: a ward's own sheet, another ward's sheet, the organiser's review, evidence
files, the ranking before and after the results are published, the DOCX export."""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mattran.emulation.models import Score
from mattran.emulation.movements import publish_results
from mattran.emulation.testing import build_movement, evidence_score, sheet_of
from mattran.testing import build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    today = date.today()
    world.movement = build_movement(
        world, self_due_on=today + timedelta(days=5), review_due_on=today + timedelta(days=20)
    )
    world.crit = {c.number: c for c in world.movement.criteria.all()}
    world.w1, world.w2, world.w3 = world.city.wards
    return world


def url(name, code, world, *args):
    return reverse(f"emulation:{name}", args=[code, world.movement.pk, *args])


def fill(world, *, score="8,5", submit=False, **extra):
    k1 = world.crit["1"].pk
    data = {f"score-{k1}": score, f"note-{k1}": "Quy chế số 01/QC-MTTQ", f"link-{k1}": ""}
    data.update(extra)
    if submit:
        data["submit"] = "1"
    return data


def test_a_clerk_fills_saves_and_submits_its_own_sheet(client, world):
    put(world.indicators["houses"], world.w1, "2024-07", number=3)
    client.force_login(world.users["w1_clerk"])
    page = client.get(url("score", world.w1.code, world))
    text = page.content.decode()
    assert page.status_code == 200 and "Lưu nháp" in text and "Nộp bảng tự chấm" in text
    assert "Đạt 3/4 nhà theo số liệu đến 31/10/2024 (75%) → 7,5/10 điểm" in text
    k1 = world.crit["1"].pk
    upload = SimpleUploadedFile("quy-che.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(
        url("score", world.w1.code, world),
        {**fill(world, score="11"), f"file-{k1}": upload},
    )
    assert "Điểm tiêu chí 1 phải từ 0 đến 10." in response.content.decode()
    assert not Score.objects.exists()
    response = client.post(url("score", world.w1.code, world), fill(world, submit=True))
    assert response.status_code == 302
    sheet = sheet_of(world.movement, world.w1)
    assert sheet.status == "submitted" and sheet.submitted_by == world.users["w1_clerk"]
    page = client.get(url("score", world.w1.code, world)).content.decode()
    assert "Bảng tự chấm đã nộp" in page and "Lưu nháp" not in page
    assert "16" in page and "8,5 + 7,5 = 16" in page  # the total, criterion by criterion


def test_a_typed_number_that_cannot_be_read_is_shown_back_with_the_form(client, world):
    client.force_login(world.users["w1_clerk"])
    response = client.post(url("score", world.w1.code, world), fill(world, score="tám"))
    text = response.content.decode()
    assert "Điểm tiêu chí 1: “tám” không phải là số hợp lệ." in text
    assert 'value="tám"' in text


def test_another_wards_sheet_notes_and_files_stay_out_of_reach(client, world):
    proof = evidence_score(sheet_of(world.movement, world.w2))
    other = sheet_of(world.movement, world.w2)
    client.force_login(world.users["w1_clerk"])
    own = world.w1.code
    assert client.get(url("score", world.w2.code, world)).status_code == 404
    assert client.get(url("review", own, world, other.pk)).status_code == 404
    assert client.get(url("evidence", own, world, proof.pk)).status_code == 404
    assert client.post(url("score", world.w2.code, world), fill(world)).status_code == 404
    movement = client.get(url("movement", own, world)).content.decode()
    assert "Quy chế số 01/QC-MTTQ" not in movement and "quy-che.pdf" not in movement
    assert "Bảng xếp hạng được công bố sau khi" in movement
    # the ward's administrator sees its own residential areas' sheets
    area = sheet_of(world.movement, world.city.areas[world.w2.code][0])
    client.force_login(world.users["w2_admin"])
    assert client.get(url("review", world.w2.code, world, area.pk)).status_code == 200
    assert client.get(url("score", area.unit.code, world)).status_code == 200
    assert client.get(url("review", world.w2.code, world, other.pk)).status_code == 200
    response = client.get(url("evidence", world.w2.code, world, proof.pk))
    assert response.status_code == 200 and response.content == b"%PDF-1.4 quy che"
    assert "attachment" in response["Content-Disposition"]


def test_the_organiser_reviews_a_sheet_and_ranks_it(client, world):
    client.force_login(world.users["w1_clerk"])
    client.post(url("score", world.w1.code, world), fill(world, submit=True))
    sheet = sheet_of(world.movement, world.w1)
    client.force_login(world.users["city_admin"])
    city = world.city.city.code
    page = client.get(url("movement", city, world)).content.decode()
    assert "Chấm điểm" in page and "chưa chấm chính thức" in page
    review = url("review", city, world, sheet.pk)
    text = client.get(review).content.decode()
    assert "Xác nhận điểm chính thức" in text and "Quy chế số 01/QC-MTTQ" in text
    k1, k2 = world.crit["1"].pk, world.crit["2"].pk
    response = client.post(
        review, {f"final-{k1}": "7", f"review-{k1}": "Thiếu biên bản", f"final-{k2}": "0"}
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == "reviewed"
    ranking = client.get(url("movement", city, world), {"tier": "commune"}, HTTP_HX_REQUEST="true")
    text = ranking.content.decode()
    assert text.startswith('<div id="ranking">') and "Phường An Mỹ" in text
    assert "Đã chấm chính thức" in text
    # the ward sees its official scores with the reviewer's note
    client.force_login(world.users["w1_clerk"])
    own = client.get(url("score", world.w1.code, world)).content.decode()
    assert "Điểm chính thức: <b>7</b>" in own and "Thiếu biên bản" in own


def test_a_ward_cannot_review_and_the_city_cannot_self_assess(client, world):
    sheet = sheet_of(world.movement, world.w1)
    client.force_login(world.users["w1_clerk"])
    assert client.post(url("review", world.w1.code, world, sheet.pk), {}).status_code == 403
    assert client.post(url("open", world.w1.code, world)).status_code == 403
    client.force_login(world.users["city_admin"])
    assert client.post(url("score", world.w1.code, world), fill(world)).status_code == 403
    page = client.get(url("score", world.w1.code, world)).content.decode()
    assert "Lưu nháp" not in page


def test_the_published_ranking_shows_names_and_totals_only(client, world):
    for ward, value in ((world.w1, "9"), (world.w2, "6")):
        client.force_login(world.users["w1_clerk" if ward == world.w1 else "w2_clerk"])
        client.post(url("score", ward.code, world), fill(world, score=value, submit=True))
    client.force_login(world.users["city_admin"])
    k1 = world.crit["1"].pk
    for ward in (world.w1, world.w2):
        sheet = sheet_of(world.movement, ward)
        client.post(url("review", "tk", world, sheet.pk), {f"final-{k1}": "5"})
    publish_results(movement=world.movement)
    client.force_login(world.users["w1_clerk"])
    page = client.get(url("movement", world.w1.code, world)).content.decode()
    assert "Phường An Phú" in page and "Quy chế số 01/QC-MTTQ" not in page
    index = client.get(reverse("emulation:index", args=[world.w1.code])).content.decode()
    assert "Đã chấm chính thức" in index


def test_the_organiser_downloads_the_award_proposal(client, world):
    put(world.indicators["houses"], world.w1, "2024-07", number=4)
    client.force_login(world.users["w1_clerk"])
    client.post(url("score", world.w1.code, world), fill(world, score="9", submit=True))
    client.force_login(world.users["city_admin"])
    sheet = sheet_of(world.movement, world.w1)
    k1 = world.crit["1"].pk
    client.post(url("review", "tk", world, sheet.pk), {f"final-{k1}": "9"})
    response = client.post(url("awards", "tk", world, "commune"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    document = docx.Document(BytesIO(response.content))
    cells = [c.text for c in document.tables[1].rows[1].cells]
    assert cells[1:4] == ["Ủy ban MTTQ Việt Nam phường An Mỹ", "19", "1"]
    none = client.post(url("awards", "tk", world, "area"), follow=True).content.decode()
    assert "Chưa có tập thể nào" in none


def test_the_organiser_reopens_and_withdraws(client, world):
    sheet = sheet_of(world.movement, world.w3)
    client.force_login(world.users["city_admin"])
    response = client.post(
        url("reopen", "tk", world, sheet.pk), {"until": "31/02/2024"}, follow=True
    )
    assert "Ngày “31/02/2024” không hợp lệ" in response.content.decode()
    until = date.today() + timedelta(days=3)
    client.post(url("reopen", "tk", world, sheet.pk), {"until": f"{until:%d/%m/%Y}"})
    sheet.refresh_from_db()
    assert sheet.reopened_until == until
    client.post(url("withdraw", "tk", world, sheet.pk), {"reason": "Sáp nhập"})
    sheet.refresh_from_db()
    assert sheet.status == "withdrawn" and sheet.withdrawn_reason == "Sáp nhập"
    client.post(url("withdraw", "tk", world, sheet.pk), {"action": "reinstate"})
    sheet.refresh_from_db()
    assert sheet.status == "draft"
    assert Decimal(0) == sum(s.final_score or 0 for s in Score.objects.all())

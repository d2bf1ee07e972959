"""The API on realistic data: reading, writing all or nothing, errors, limits, documents."""

from decimal import Decimal

from django.test import override_settings

from mattran.activities.models import Activity, ActivityType
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.testing import put

PERIOD = "2024-08"


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"code", "message", "details"}, body
    return body


def test_every_request_needs_a_valid_token(client, world, caller):
    for headers in ({}, {"Authorization": "Bearer mt_wrong"}, {"Authorization": "Basic eDp5"}):
        response = client.get("/api/units", headers=headers)
        assert response.status_code == 401
        body = error_of(response)
        assert body["code"] == "unauthorized"
        assert body["message"] == "Thiếu hoặc sai mã truy cập (token)."
        assert response["WWW-Authenticate"] == "Bearer"
    assert caller("w1_clerk").get("/api/units").status_code == 200


def test_a_signed_in_user_may_read_from_the_docs_page_but_not_write(client, world):
    client.force_login(world.users["w1_clerk"])
    assert client.get("/api/units/tk-w1").status_code == 200
    body = {"values": [{"unit": "tk-w1", "indicator": 1, "period": PERIOD, "number": 1}]}
    response = client.post("/api/data-values", body, content_type="application/json")
    assert response.status_code == 401


def test_units_tree_and_search(world, caller):
    city = caller("city_admin")
    body = city.get("/api/units", {"search": "An Phú"}).json()
    assert [u["code"] for u in body["items"]] == ["tk-w2"]
    assert body["items"][0]["kind_label"] == "Phường"
    children = city.get("/api/units/tk/children").json()
    assert [u["code"] for u in children] == ["tk-w1", "tk-w2", "tk-w3"]
    page = city.get("/api/units", {"page_size": 2, "page": 2}).json()
    assert page["count"] == 10 and len(page["items"]) == 2  # the city, 3 wards, 6 areas
    clerk = caller("w1_clerk").get("/api/units").json()
    assert {u["code"] for u in clerk["items"]} == {"tk-w1", "tk-w1-kp1", "tk-w1-kp2"}


def test_indicators_come_with_their_targets(world, caller):
    rows = caller("w1_clerk").get(f"/api/programmes/{world.programme.pk}/indicators").json()
    houses = next(r for r in rows if r["code"] == "II.1")
    assert houses["targets"][0]["year"] == 2024
    assert houses["targets"][0]["expression"] == "30/100 nhà"
    supervisions = next(r for r in rows if r["code"] == "III.3")
    assert supervisions["automatic"] is True


def test_reading_values_by_unit_indicator_and_period(world, caller):
    houses, visits = world.indicators["houses"], world.indicators["visits"]
    w1, w2 = world.city.wards[:2]
    put(houses, w1, PERIOD, number=4)
    put(houses, w1, "2024-07", number=2)
    put(visits, w1, PERIOD, numerator=3, denominator=4)
    put(houses, w2, PERIOD, number=9)
    clerk = caller("w1_clerk")
    body = clerk.get("/api/data-values", {"indicator": houses.pk}).json()
    assert [(v["unit"], v["period"], v["number"]) for v in body["items"]] == [
        ("tk-w1", PERIOD, 4),
        ("tk-w1", "2024-07", 2),
    ]
    fraction = clerk.get("/api/data-values", {"indicator": visits.pk, "period": PERIOD}).json()
    assert fraction["items"][0]["display"] == "3/4"
    assert fraction["items"][0]["numerator"] == 3
    city = caller("city_admin").get("/api/data-values", {"unit": "tk", "below": "true"}).json()
    assert city["count"] == 4
    bad = clerk.get("/api/data-values", {"period": "2024-13"})
    assert bad.status_code == 400 and error_of(bad)["code"] == "invalid_period"
    assert "Tháng 13" in bad.json()["message"]


def test_writing_many_values_stores_all_of_them(world, caller):
    houses, visits = world.indicators["houses"], world.indicators["visits"]
    response = caller("w1_clerk").post(
        "/api/data-values",
        {
            "values": [
                {"unit": "tk-w1", "indicator": houses.pk, "period": PERIOD, "number": 5},
                {
                    "unit": "tk-w1",
                    "indicator": visits.pk,
                    "period": PERIOD,
                    "numerator": "12",
                    "denominator": 15,
                    "note": "Theo danh sách hộ nghèo",
                },
            ]
        },
    )
    assert response.status_code == 200, response.json()
    assert response.json()["saved"] == 2
    stored = DataValue.objects.get(indicator=visits)
    assert (stored.numerator, stored.denominator) == (Decimal(12), Decimal(15))
    assert stored.entered_by == world.users["w1_clerk"]
    assert stored.note == "Theo danh sách hộ nghèo"


def test_one_bad_row_stores_nothing(world, caller):
    houses, visits = world.indicators["houses"], world.indicators["visits"]
    put(houses, world.city.wards[0], PERIOD, number=1)
    response = caller("w1_clerk").post(
        "/api/data-values",
        {
            "values": [
                {"unit": "tk-w1", "indicator": houses.pk, "period": PERIOD, "number": 7},
                {
                    "unit": "tk-w1",
                    "indicator": visits.pk,
                    "period": PERIOD,
                    "numerator": 5,
                    "denominator": 4,
                },
                {"unit": "tk-w1", "indicator": houses.pk, "period": "2023-12", "number": 1},
            ]
        },
    )
    assert response.status_code == 400
    body = error_of(response)
    assert body["code"] == "validation_error"
    assert any("Dòng 2" in d and "Tử số" in d for d in body["details"])
    assert any("Dòng 3" in d and "nằm ngoài" in d for d in body["details"])
    assert DataValue.objects.get(indicator=houses).number == 1
    assert not DataValue.objects.filter(indicator=visits).exists()
    assert not Period.objects.filter(code="2023-12").exists()


def test_automatic_indicators_and_locked_reports_are_refused(world, caller):
    clerk = caller("w1_clerk")
    auto = world.indicators["supervisions"]
    row = {"unit": "tk-w1", "indicator": auto.pk, "period": PERIOD, "number": 1}
    response = clerk.post("/api/data-values", {"values": [row]})
    assert response.status_code == 400
    assert "tự động" in error_of(response)["message"]
    Submission.objects.create(
        programme=world.programme,
        unit=world.city.wards[0],
        period=Period.objects.for_code(PERIOD),
        status=SubmissionStatus.SUBMITTED,
    )
    row = {"unit": "tk-w1", "indicator": world.indicators["houses"].pk, "period": PERIOD}
    response = clerk.post("/api/data-values", {"values": [{**row, "number": 2}]})
    assert response.status_code == 400
    assert not DataValue.objects.exists()


def test_a_viewer_reads_but_cannot_write(world, caller):
    viewer = caller("w1_viewer")
    assert viewer.get("/api/data-values", {"unit": "tk-w1"}).status_code == 200
    row = {"unit": "tk-w1", "indicator": world.indicators["houses"].pk, "period": PERIOD}
    response = viewer.post("/api/data-values", {"values": [{**row, "number": 2}]})
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
    assert "không có quyền nhập" in response.json()["message"]


def test_malformed_requests_get_a_vietnamese_message(world, caller):
    clerk = caller("w1_clerk")
    response = clerk.post("/api/data-values", {"values": []})
    assert response.status_code == 400
    body = error_of(response)
    assert body["code"] == "invalid_request"
    assert body["details"][0]["message"] == "Danh sách cần ít nhất một phần tử."
    response = clerk.client.post(
        "/api/data-values", "{not json", content_type="application/json", headers=clerk.headers()
    )
    assert response.status_code == 400 and error_of(response)["code"] == "invalid_request"
    response = clerk.get("/api/units/tk-w1/progress", {"year": "hai nghìn"})
    assert response.json()["details"][0] == {
        "field": "query.year",
        "type": "int_parsing",
        "message": "Phải là số nguyên.",
    }
    response = clerk.get("/api/units/tk-w1/progress", {"year": 2031})
    assert response.status_code == 404
    assert "chưa có chương trình hành động" in error_of(response)["message"]
    response = clerk.get(
        "/api/units/tk-w1/progress", {"year": 2031, "programme": world.programme.pk}
    )
    assert response.status_code == 400 and "nằm ngoài" in error_of(response)["message"]
    response = clerk.get("/api/khong-co")
    assert response.status_code == 404 and error_of(response)["code"] == "not_found"


def test_submissions_and_activities(world, caller):
    w1 = world.city.wards[0]
    Submission.objects.create(
        programme=world.programme, unit=w1, period=Period.objects.for_code(PERIOD)
    )
    Activity.objects.create(
        unit=w1,
        type=ActivityType.objects.get(),
        date="2024-08-05",
        title="Giám sát việc thực hiện chính sách BHYT",
        amount=Decimal("1500000"),
    )
    clerk = caller("w1_clerk")
    subs = clerk.get("/api/submissions", {"unit": "tk-w1", "period": PERIOD}).json()
    assert subs["items"][0]["status_label"] == "Đang nhập"
    acts = clerk.get("/api/activities", {"unit": "tk-w1", "month": PERIOD}).json()
    assert acts["items"][0]["amount"] == 1500000
    assert clerk.get("/api/activities", {"month": "2024-07"}).json()["count"] == 0
    response = clerk.get("/api/activities", {"month": "2024-13"})
    assert response.status_code == 400 and "không hợp lệ" in error_of(response)["message"]


def test_progress_is_the_progress_command_content(world, caller):
    from mattran.analytics.progress import programme_progress

    put(world.indicators["houses"], world.city.wards[0], PERIOD, number=12)
    body = caller("w1_clerk").get("/api/units/tk-w1/progress", {"year": 2024}).json()
    rows, _ = programme_progress(world.programme, world.city.wards[0], 2024)
    assert body["indicators"] == [r.as_dict() for r in rows]
    assert body["indicators"] and body["as_of"] == "2024-08-31"
    assert body["programme"] == world.programme.pk


@override_settings(API_RATE_LIMIT=3)
def test_too_many_requests_are_refused_for_a_while(world, caller):
    clerk, other = caller("w1_clerk"), caller("w2_clerk")
    for _ in range(3):
        assert clerk.get("/api/units").status_code == 200
    response = clerk.get("/api/units")
    assert response.status_code == 429
    body = error_of(response)
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 61
    assert body["code"] == "rate_limited"
    assert body["message"] == f"Quá nhiều yêu cầu, thử lại sau {wait} giây."
    assert other.get("/api/units").status_code == 200  # the limit is per token


def test_the_openapi_document_and_the_docs_are_served(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/units", "/api/data-values", "/api/units/{code}/progress"} <= set(paths)
    assert "BearerAuth" in str(response.json()["components"]["securitySchemes"]) or (
        "TokenAuth" in response.json()["components"]["securitySchemes"]
    )
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()

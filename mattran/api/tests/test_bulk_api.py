"""POST /api/data-values/bulk: JSON or CSV, all stored or none, every refused row listed."""

from mattran.reporting.models import DataValue

URL = "/api/data-values/bulk"


def test_a_clerk_sends_a_month_of_figures_as_json_then_again(client, world, caller):
    clerk = caller("w1_clerk")
    body = {
        "period": "2024-08",
        "dataValues": [
            {"unit": "tk-w1", "indicator": "II.1", "value": 3},
            {"unit": "tk-w1", "indicator": "II.2", "value": "45/50", "note": "Đủ hộ"},
            {"unit": "tk-w1", "indicator": "I.2a", "value": True},
        ],
    }
    first = clerk.post(URL, body)
    assert first.status_code == 200, first.content
    assert first.json()["created"] == 3
    assert first.json()["message"].startswith("Đã nhận 3 số liệu")
    second = clerk.post(URL, body).json()
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 3)
    assert DataValue.objects.get(indicator__code="II.2").numerator == 45


def test_csv_is_accepted_with_its_content_type(client, world, caller):
    clerk = caller("w2_clerk")
    csv = "unit,indicator,period,value\ntk-w2,II.1,2024-07,2\ntk-w2,II.1,2024-08,4\n"
    response = client.post(URL, csv, content_type="text/csv", headers=clerk.headers())
    assert response.status_code == 200, response.content
    assert DataValue.objects.filter(unit__code="tk-w2").count() == 2


def test_refused_rows_come_back_with_line_code_and_reason(client, world, caller):
    clerk = caller("w1_clerk")
    body = {
        "dataValues": [
            {"unit": "tk-w1", "indicator": "II.1", "period": "2024-08", "value": 3},
            {"unit": "tk-w1", "indicator": "II.1", "period": "2024-09", "value": "ba"},
            {"unit": "tk-w1", "indicator": "II.9", "period": "2024-08", "value": 1},
        ]
    }
    response = clerk.post(URL, body)
    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == "validation_error"
    assert [(r["line"], r["code"]) for r in payload["details"]["rejected"]] == [
        (2, "invalid_value"),
        (3, "unknown_indicator"),
    ]
    assert not DataValue.objects.exists()


def test_a_broken_body_and_a_too_large_one_are_refused(client, world, caller, settings):
    clerk = caller("w1_clerk")
    broken = client.post(URL, "{oops", content_type="application/json", headers=clerk.headers())
    assert broken.status_code == 400 and broken.json()["code"] == "invalid_file"
    empty = clerk.post(URL, {"dataValues": []})
    assert empty.status_code == 400 and empty.json()["code"] == "empty"
    settings.API_BULK_MAX_BYTES = 100
    big = clerk.post(URL, {"dataValues": [{"unit": "tk-w1", "note": "x" * 200}]})
    assert big.status_code == 413 and big.json()["code"] == "payload_too_large"


def test_a_viewer_may_not_write(client, world, caller):
    viewer = caller("w1_viewer")
    body = {"dataValues": [{"unit": "tk-w1", "indicator": "II.1", "period": "2024-08", "value": 1}]}
    response = viewer.post(URL, body)
    assert response.status_code == 403
    assert response.json()["details"]["rejected"][0]["code"] == "out_of_scope"

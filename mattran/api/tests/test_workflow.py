"""Writes through the API with the pages' rules and messages: a report submitted, returned
with a reason, approved; activities recorded, changed, deleted; a wrong method as JSON."""

from datetime import date, timedelta

import pytest

from mattran.activities.models import Activity
from mattran.audit.models import AuditEntry
from mattran.reporting.models import DataValue, Submission, SubmissionStatus
from mattran.testing import put
from mattran.voice.kinds import KINDS
from mattran.voice.records import save_record

PERIOD = "2024-08"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "message", "details"}, body
    return body


@pytest.fixture
def ward(world):
    ward = world.city.wards[0]
    put(world.indicators["houses"], ward, PERIOD, number=4)
    return ward


def test_a_month_is_submitted_returned_with_a_reason_and_approved(world, ward, caller):
    clerk, board = caller("w1_clerk"), caller("city_admin")
    sent = clerk.post("/api/submissions/submit", {"unit": ward.code, "period": PERIOD})
    assert sent.status_code == 200, sent.content
    body = sent.json()
    assert (body["unit"], body["period"], body["status"]) == (ward.code, PERIOD, "submitted")
    assert body["status_label"] == "Đã nộp, chờ duyệt"
    number = body["id"]
    locked = clerk.post(
        "/api/data-values",
        {
            "values": [
                {
                    "unit": ward.code,
                    "indicator": world.indicators["houses"].pk,
                    "period": PERIOD,
                    "number": 5,
                }
            ]
        },
    )
    assert "đã nộp, đang chờ duyệt" in str(error_of(locked, 400))
    again = error_of(
        clerk.post("/api/submissions/submit", {"unit": ward.code, "period": PERIOD}), 400
    )
    assert again["message"] == "Báo cáo đang ở trạng thái “Đã nộp, chờ duyệt”, không nộp lại được."
    own = error_of(clerk.post(f"/api/submissions/{number}/approve", {}), 403)
    assert own["message"] == "Chỉ cấp trên của đơn vị mới được duyệt báo cáo."
    blank = error_of(board.post(f"/api/submissions/{number}/return", {"reason": "  "}), 400)
    assert blank["message"] == "Cần ghi lý do trả lại để đơn vị biết cần sửa gì."
    assert blank["details"] == {"reason": ["Cần ghi lý do trả lại để đơn vị biết cần sửa gì."]}
    returned = board.post(f"/api/submissions/{number}/return", {"reason": "Kiểm tra lại số nhà"})
    assert returned.json()["status"] == "returned"
    assert returned.json()["return_reason"] == "Kiểm tra lại số nhà"
    assert (
        clerk.post("/api/submissions/submit", {"unit": ward.code, "period": PERIOD}).json()["id"]
        == number
    )
    approved = board.post(f"/api/submissions/{number}/approve", {})
    assert approved.json()["status"] == "approved"
    twice = error_of(board.post(f"/api/submissions/{number}/approve", {}), 400)
    assert twice["message"] == "Chỉ duyệt được báo cáo đã nộp."
    actions = AuditEntry.objects.filter(action__startswith="submission.").order_by("pk")
    assert [a.action for a in actions] == [
        "submission.submit",
        "submission.return",
        "submission.submit",
        "submission.approve",
    ]
    assert {a.actor.username for a in actions} == {"w1_clerk", "city_admin"}


def test_a_refused_submission_changes_nothing(world, ward, caller):
    clerk = caller("w1_clerk")
    empty = world.city.wards[0].code, "2024-07"
    refused = clerk.post("/api/submissions/submit", {"unit": empty[0], "period": empty[1]})
    body = error_of(refused, 400)
    assert body["message"] == "Báo cáo chưa có số liệu nào: hãy nhập số liệu trước khi nộp."
    assert not Submission.objects.exists()  # no draft left behind
    half = error_of(
        clerk.post("/api/submissions/submit", {"unit": ward.code, "period": "2024-H1"}), 400
    )
    assert half["code"] == "invalid_period"
    viewer = error_of(
        caller("w1_viewer").post("/api/submissions/submit", {"unit": ward.code, "period": PERIOD}),
        403,
    )
    assert viewer["message"] == "Bạn không có quyền nộp báo cáo của đơn vị này."
    other = clerk.post("/api/submissions/submit", {"unit": "tk-w2", "period": PERIOD})
    assert error_of(other, 404)["code"] == "not_found"
    assert not Submission.objects.exists()


def test_another_wards_report_is_not_found_for_a_ward(world, ward, caller):
    sent = caller("w1_clerk").post("/api/submissions/submit", {"unit": ward.code, "period": PERIOD})
    number = sent.json()["id"]
    neighbour = caller("w2_admin")
    assert error_of(neighbour.post(f"/api/submissions/{number}/approve", {}), 404)
    assert error_of(neighbour.post(f"/api/submissions/{number}/return", {"reason": "x"}), 404)
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def supervisions(world, ward, month) -> int | None:
    value = DataValue.objects.filter(
        indicator=world.indicators["supervisions"], unit=ward, period__code=month
    ).first()
    return int(value.number) if value else None


def test_activities_are_recorded_moved_and_deleted_with_their_figures(world, ward, caller):
    clerk = caller("w1_clerk")
    body = {"unit": ward.code, "type": "supervision", "date": "2024-08-06", "title": "Giám sát"}
    created = clerk.post("/api/activities", {**body, "amount": 2_000_000, "quantity": 35})
    assert created.status_code == 201, created.content
    number = created.json()["id"]
    assert (
        created.json()["amount"] == 2_000_000
        and created.json()["type_name"] == "Giám sát chuyên đề"
    )
    assert supervisions(world, ward, PERIOD) == 1
    moved = clerk.client.patch(
        f"/api/activities/{number}",
        {"date": "2024-07-30", "link": None},
        content_type="application/json",
        headers=clerk.headers(),
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["date"] == "2024-07-30" and moved.json()["title"] == "Giám sát"
    assert (supervisions(world, ward, "2024-07"), supervisions(world, ward, PERIOD)) == (1, 0)
    deleted = clerk.client.delete(f"/api/activities/{number}", headers=clerk.headers())
    assert deleted.status_code == 204
    assert supervisions(world, ward, "2024-07") == 0 and not Activity.objects.exists()
    assert [
        a.action for a in AuditEntry.objects.filter(action__startswith="activity.").order_by("pk")
    ] == [
        "activity.create",
        "activity.update",
        "activity.delete",
    ]


def test_bad_activities_are_refused_in_vietnamese(world, ward, caller):
    clerk = caller("w1_clerk")
    body = {"unit": ward.code, "type": "supervision", "date": "2024-08-06", "title": "Giám sát"}
    unknown = error_of(clerk.post("/api/activities", {**body, "type": "picnic"}), 400)
    assert unknown["message"] == "Không có loại hoạt động “picnic”."
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    future = error_of(clerk.post("/api/activities", {**body, "date": tomorrow}), 400)
    assert future["details"] == {"date": ["Ngày hoạt động không được sau ngày hôm nay."]}
    link = error_of(clerk.post("/api/activities", {**body, "link": "không phải địa chỉ"}), 400)
    assert link["code"] == "validation_error" and "link" in link["details"]
    shape = error_of(clerk.post("/api/activities", {**body, "amount": -5}), 400)
    assert shape["code"] == "invalid_request"
    made = clerk.post("/api/activities", body).json()["id"]
    blank = clerk.client.patch(
        f"/api/activities/{made}",
        {"title": None},
        content_type="application/json",
        headers=clerk.headers(),
    )
    assert error_of(blank, 400) == {
        "code": "validation_error",
        "message": "Không được để trống tên hoạt động.",
        "details": {"title": ["Không được để trống."]},
    }
    viewer = caller("w1_viewer")
    refused = viewer.client.delete(f"/api/activities/{made}", headers=viewer.headers())
    assert error_of(refused, 403)["message"] == "Bạn không có quyền xóa hoạt động của Phường An Mỹ."
    assert error_of(viewer.post("/api/activities", body), 403)
    outsider = caller("w2_clerk")
    gone = outsider.client.delete(f"/api/activities/{made}", headers=outsider.headers())
    assert error_of(gone, 404)["code"] == "not_found"
    assert Activity.objects.count() == 1


def test_an_activity_kept_by_a_supervision_record_is_changed_there_only(world, ward, caller):
    record = save_record(
        kind=KINDS["supervisions"],
        unit=ward,
        fields={
            "kind": "thematic",
            "title": "Giám sát tín dụng chính sách",
            "subject": "UBND phường",
            "started_on": date(2024, 8, 12),
        },
    )
    clerk = caller("w1_clerk")
    url = f"/api/activities/{record.activity_id}"
    patch = clerk.client.patch(
        url, {"title": "Khác"}, content_type="application/json", headers=clerk.headers()
    )
    body = error_of(patch, 409)
    assert body["code"] == "owned_by_record"
    assert body["message"].startswith("Hoạt động này được ghi từ hồ sơ cuộc giám sát")
    assert error_of(clerk.client.delete(url, headers=clerk.headers()), 409)
    assert Activity.objects.get().title == "Giám sát tín dụng chính sách"


def test_writes_need_a_token_not_the_docs_pages_session(client, world, ward):
    client.force_login(world.users["w1_clerk"])
    response = client.post(
        "/api/submissions/submit",
        {"unit": ward.code, "period": PERIOD},
        content_type="application/json",
    )
    assert error_of(response, 401)["code"] == "unauthorized"


def test_a_method_a_route_does_not_take_is_a_json_405(client, world, caller):
    clerk = caller("w1_clerk")
    for method, url, allowed in [
        ("delete", "/api/units", ["GET"]),
        ("put", "/api/data-values", ["GET", "POST"]),
        ("get", "/api/submissions/submit", ["POST"]),
        ("post", "/api/activities/1", ["DELETE", "PATCH"]),
    ]:
        response = getattr(client, method)(url, headers=clerk.headers())
        body = error_of(response, 405)
        assert body["code"] == "method_not_allowed"
        assert body["message"] == (
            f"Địa chỉ này không nhận phương thức {method.upper()}; chỉ nhận: {', '.join(allowed)}."
        )
        assert body["details"] == {"allowed": allowed}
        assert response["Allow"] == ", ".join(allowed)

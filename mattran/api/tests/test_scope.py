"""Every API route, tried with the token of a clerk of another ward (the API's scope matrix)."""

import re

import pytest

from mattran.activities.models import Activity, ActivityType
from mattran.api.urls import api
from mattran.programmes.models import Programme
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.testing import add_indicator, build_programme, build_world, put

PERIOD = "2024-08"
DOCUMENTS = {"openapi-json", "openapi-view", "api-root"}


@pytest.fixture
def world(db):
    world = build_world()
    world.ward_programmes, world.ward_indicators = {}, {}
    world.activities, world.submissions = {}, {}
    for ward in world.city.wards[:2]:
        programme = build_programme(ward)
        programme.title = f"Chương trình hành động của {ward.name}"
        programme.save()
        world.ward_programmes[ward.code] = programme
        world.ward_indicators[ward.code] = add_indicator(programme, "1", targets={2024: "10"})
        put(world.indicators["houses"], ward, PERIOD, number=3)
        world.submissions[ward.code] = Submission.objects.create(
            programme=world.programme, unit=ward, period=Period.objects.for_code(PERIOD)
        )
        world.activities[ward.code] = Activity.objects.create(
            unit=ward,
            type=ActivityType.objects.get(),
            date="2024-08-05",
            title=f"Giám sát của {ward.name}",
        )
    return world


def routes(world, code) -> dict[str, tuple[str, str, dict | None]]:
    """ "METHOD /path" (as the OpenAPI document names it) → (method, url, JSON body)."""
    programme = world.ward_programmes[code].pk if code in world.ward_programmes else 0
    own_indicator = world.ward_indicators[code].pk if code in world.ward_indicators else 0
    houses = world.indicators["houses"].pk
    activity = world.activities[code].pk if code in world.activities else 0
    submission = world.submissions[code].pk if code in world.submissions else 0
    return {
        "GET /api/units": ("get", f"/api/units?parent={code}", None),
        "GET /api/units/{code}": ("get", f"/api/units/{code}", None),
        "GET /api/units/{code}/children": ("get", f"/api/units/{code}/children", None),
        "GET /api/units/{code}/progress": ("get", f"/api/units/{code}/progress?year=2024", None),
        "GET /api/programmes": ("get", f"/api/programmes?unit={code}", None),
        "GET /api/programmes/{programme_id}/indicators": (
            "get",
            f"/api/programmes/{programme}/indicators",
            None,
        ),
        "GET /api/periods": ("get", f"/api/periods?unit={code}", None),
        "GET /api/data-values": ("get", f"/api/data-values?unit={code}", None),
        "GET /api/data-values#indicator": (
            "get",
            f"/api/data-values?indicator={own_indicator}",
            None,
        ),
        "POST /api/data-values": (
            "post",
            "/api/data-values",
            {"values": [{"unit": code, "indicator": houses, "period": PERIOD, "number": 8}]},
        ),
        "POST /api/data-values/bulk": (
            "post",
            "/api/data-values/bulk",
            {"dataValues": [{"unit": code, "indicator": "II.1", "period": PERIOD, "value": 8}]},
        ),
        "GET /api/submissions": ("get", f"/api/submissions?unit={code}", None),
        "GET /api/activities": ("get", f"/api/activities?unit={code}", None),
        # writes of activities first: the report submitted below locks the month
        "POST /api/activities": (
            "post",
            "/api/activities",
            {"unit": code, "type": "supervision", "date": "2024-08-06", "title": "Giám sát"},
        ),
        "PATCH /api/activities/{activity_id}": (
            "patch",
            f"/api/activities/{activity}",
            {"title": "Giám sát (đã sửa tên)"},
        ),
        "DELETE /api/activities/{activity_id}": ("delete", f"/api/activities/{activity}", None),
        "POST /api/submissions/submit": (
            "post",
            "/api/submissions/submit",
            {"unit": code, "period": PERIOD, "programme": world.programme.pk},
        ),
        "POST /api/submissions/{submission_id}/approve": (
            "post",
            f"/api/submissions/{submission}/approve",
            {},
        ),
        "POST /api/submissions/{submission_id}/return": (
            "post",
            f"/api/submissions/{submission}/return",
            {"reason": "Đề nghị kiểm tra lại số liệu"},
        ),
    }


# What a ward's clerk gets on its own ward where it is not 200: created, deleted, and the
# decisions that belong to the committee above (visible, not allowed: 403).
OWN_STATUS = {
    "POST /api/activities": 201,
    "DELETE /api/activities/{activity_id}": 204,
    "POST /api/submissions/{submission_id}/approve": 403,
    "POST /api/submissions/{submission_id}/return": 403,
}


# Lists that take no unit: another ward's objects must simply not be in them.
SHARED = {"GET /api/programmes", "GET /api/periods"}


def api_routes() -> set[str]:
    """Every route of the API's URLconf, with its methods from the operations behind it."""
    patterns, _, _ = api.urls
    document = api.get_openapi_schema()["paths"]
    found = set()
    for pattern in patterns:
        if pattern.name in DOCUMENTS:
            continue
        route = "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        assert route in document, route
        found |= {f"{method.upper()} {route}" for method in document[route]}
    return found


def call(client, raw, method, url, body):
    headers = {"Authorization": f"Bearer {raw}"}
    if method in ("post", "patch"):
        send = getattr(client, method)
        return send(url, body, content_type="application/json", headers=headers)
    if method == "delete":
        return client.delete(url, headers=headers)
    return client.get(url, headers=headers)


def test_the_matrix_covers_every_api_route(world):
    found = api_routes()
    assert len(found) >= 10
    covered = {key.split("#")[0] for key in routes(world, "x")}
    assert found == covered, found ^ covered


def test_a_ward_clerk_can_neither_read_nor_change_another_ward(client, world, caller):
    clerk = caller("w1_clerk")
    other = world.city.wards[1].code
    for name, (method, url, body) in routes(world, other).items():
        response = call(client, clerk.raw, method, url, body)
        if name in SHARED:
            assert response.status_code == 200, name
            assert other not in response.content.decode(), name
            continue
        assert response.status_code in (403, 404), (name, response.status_code)
        assert set(response.json()) == {"code", "message", "details"}
    assert DataValue.objects.get(unit__code=other).number == 3
    assert Activity.objects.get(unit__code=other).title.startswith("Giám sát của")
    assert Submission.objects.get(unit__code=other).status == SubmissionStatus.DRAFT


def test_unfiltered_lists_show_nothing_of_another_ward(client, world, caller):
    clerk = caller("w1_clerk")
    other = world.city.wards[1]
    for url in ("/api/units", "/api/data-values", "/api/submissions", "/api/activities"):
        body = clerk.get(url).json()
        assert body["count"] >= 1, url
        assert other.code not in str(body["items"]), url
        assert other.name not in str(body["items"]), url
    titles = [p["title"] for p in clerk.get("/api/programmes").json()]
    assert world.ward_programmes[other.code].title not in titles
    assert world.programme.title in titles  # the city's programme applies to the ward


def test_a_ward_clerk_reaches_its_own_ward(client, world, caller):
    clerk = caller("w1_clerk")
    own = world.city.wards[0].code
    for name, (method, url, body) in routes(world, own).items():
        response = call(client, clerk.raw, method, url, body)
        assert response.status_code == OWN_STATUS.get(name, 200), (name, response.content)
    houses, counted = world.indicators["houses"], world.indicators["supervisions"]
    assert DataValue.objects.get(unit__code=own, indicator=houses).number == 8
    assert (
        DataValue.objects.get(unit__code=own, indicator=counted).number == 1
    )  # one added, one gone
    assert Activity.objects.get(unit__code=own).title == "Giám sát"  # created; the old one gone
    assert Submission.objects.get(unit__code=own).status == SubmissionStatus.SUBMITTED


def test_the_city_reads_every_ward_and_a_viewer_cannot_write(client, world, caller):
    city = caller("city_admin")
    for name, (method, url, body) in routes(world, world.city.wards[1].code).items():
        if method == "get":
            assert call(client, city.raw, method, url, body).status_code == 200, name
    viewer = caller("w1_viewer")
    method, url, body = routes(world, world.city.wards[0].code)["POST /api/data-values"]
    assert call(client, viewer.raw, method, url, body).status_code == 403
    assert Programme.objects.count() == 3

"""Every URL that shows or changes a unit's data, tried by a user of another ward."""

import importlib

import pytest
from django.urls import get_resolver, reverse

from mattran.activities.models import Activity, ActivityType
from mattran.documents.models import GeneratedFile
from mattran.documents.services import prepare_report
from mattran.emulation.testing import build_movement, evidence_score
from mattran.imports.models import ImportJob
from mattran.plans.models import Plan, ProgressReport, Task
from mattran.plans.services import assign
from mattran.testing import build_world, put

PERIOD = "2024-08"


@pytest.fixture
def world(db):
    world = build_world()
    w2 = world.city.wards[1]
    put(world.indicators["houses"], w2, PERIOD, number=1)
    activity = Activity.objects.create(
        unit=w2,
        type=ActivityType.objects.get(),
        date="2024-08-05",
        title="Giám sát của phường An Phú",
    )
    world.activity = activity
    world.jobs = {
        ward.code: ImportJob.objects.create(
            unit=ward, user=world.users["w2_clerk"], filename="ke-hoach.txt", data=b"KE HOACH"
        )
        for ward in world.city.wards[:2]
    }
    world.reports = {
        ward.code: prepare_report(unit=ward, kind="monthly", period=PERIOD)
        for ward in world.city.wards[:2]
    }
    world.files = {
        code: GeneratedFile.objects.create(
            unit=report.unit, report=report, name="bao-cao.docx", format="docx", data=b"PK"
        )
        for code, report in world.reports.items()
    }
    plan = Plan.objects.create(unit=world.city.city, title="Kế hoạch năm 2024", year=2024)
    task = Task.objects.create(plan=plan, owner_level="commune", text="Mỗi phường 01 mô hình")
    world.plan = plan
    world.assignments = {a.unit.code: a for a in assign(task)}
    world.progress = {
        code: ProgressReport.objects.create(
            assignment=a,
            reported_on="2024-08-05",
            note="x",
            evidence_name="a.pdf",
            evidence_data=b"%PDF",
        )
        for code, a in world.assignments.items()
    }
    world.movement = build_movement(world)
    world.sheets = {p.unit.code: p for p in world.movement.participations.select_related("unit")}
    world.evidence = {w.code: evidence_score(world.sheets[w.code]) for w in world.city.wards[:2]}
    for module in _app_modules():
        module.prepare(world)
    return world


# An app may keep its own part of the matrix in mattran/<app>/tests/scope.py:
# `prepare(world)` creates its objects for the first two wards, `urls(world, code)` names them.
SCOPE_APPS = ("households", "funds", "voice", "boards", "people")


def _app_modules():
    modules = []
    for app in SCOPE_APPS:
        try:
            modules.append(importlib.import_module(f"mattran.{app}.tests.scope"))
        except ModuleNotFoundError:
            continue
    return modules


def urls_of(world, code):
    ind = world.indicators["houses"].pk
    job = world.jobs[code].pk if code in world.jobs else 0
    report = world.reports[code].pk if code in world.reports else 0
    file = world.files[code].pk if code in world.files else 0
    doc = "documents:"
    emu, movement = "emulation:", world.movement.pk
    sheet = world.sheets[code].pk if code in world.sheets else 0
    proof = world.evidence[code].pk if code in world.evidence else 0
    assignment = world.assignments[code].pk if code in world.assignments else 0
    progress = world.progress[code].pk if code in world.progress else 0
    found = {
        "dashboard:unit": ("get", reverse("dashboard:unit", args=[code])),
        "dashboard:children": ("get", reverse("dashboard:children", args=[code])),
        "dashboard:indicator": ("get", reverse("dashboard:indicator", args=[code, ind])),
        "reporting:index": ("get", reverse("reporting:index", args=[code])),
        "reporting:entry": ("get", reverse("reporting:entry", args=[code, PERIOD])),
        "reporting:entry#post": ("post", reverse("reporting:entry", args=[code, PERIOD])),
        "reporting:template": ("get", reverse("reporting:template", args=[code, PERIOD])),
        "reporting:upload": ("post", reverse("reporting:upload", args=[code, PERIOD])),
        "reporting:decide": ("post", reverse("reporting:decide", args=[code, PERIOD, "submit"])),
        "reporting:decide#approve": (
            "post",
            reverse("reporting:decide", args=[code, PERIOD, "approve"]),
        ),
        "reporting:decide#return": (
            "post",
            reverse("reporting:decide", args=[code, PERIOD, "return"]),
        ),
        "reporting:completeness": ("get", reverse("reporting:completeness", args=[code, PERIOD])),
        "activities:list": ("get", reverse("activities:list", args=[code])),
        "activities:list#post": ("post", reverse("activities:list", args=[code])),
        "activities:delete": ("post", reverse("activities:delete", args=[code, world.activity.pk])),
        "imports:index": ("get", reverse("imports:index", args=[code])),
        "imports:index#post": ("post", reverse("imports:index", args=[code])),
        "imports:restore": ("post", reverse("imports:restore", args=[code])),
        "imports:job": ("get", reverse("imports:job", args=[code, job])),
        "imports:job#post": ("post", reverse("imports:job", args=[code, job])),
        "imports:progress": ("get", reverse("imports:progress", args=[code, job])),
        "plans:list": ("get", reverse("plans:list", args=[code])),
        "plans:detail": ("get", reverse("plans:detail", args=[code, world.plan.pk])),
        "plans:tasks": ("get", reverse("plans:tasks", args=[code])),
        "plans:assignment": ("get", reverse("plans:assignment", args=[code, assignment])),
        "plans:assignment#post": ("post", reverse("plans:assignment", args=[code, assignment])),
        "plans:evidence": ("get", reverse("plans:evidence", args=[code, progress])),
        doc + "index": ("get", reverse(doc + "index", args=[code])),
        doc + "index#post": ("post", reverse(doc + "index", args=[code])),
        doc + "style": ("post", reverse(doc + "style", args=[code])),
        doc + "indicators": ("post", reverse(doc + "indicators", args=[code])),
        doc + "file": ("get", reverse(doc + "file", args=[code, file])),
        doc + "report": ("get", reverse(doc + "report", args=[code, report])),
        doc + "head": ("post", reverse(doc + "head", args=[code, report])),
        doc + "regenerate": ("post", reverse(doc + "regenerate", args=[code, report])),
        doc + "tasks": ("post", reverse(doc + "tasks", args=[code, report])),
        doc + "export": ("post", reverse(doc + "export", args=[code, report, "docx"])),
        doc + "block": ("get", reverse(doc + "block", args=[code, report, "closing"])),
        doc + "block#post": ("post", reverse(doc + "block", args=[code, report, "closing"])),
        doc + "settle": ("post", reverse(doc + "settle", args=[code, report, "closing"])),
        emu + "index": ("get", reverse(emu + "index", args=[code])),
        emu + "movement": ("get", reverse(emu + "movement", args=[code, movement])),
        emu + "open": ("post", reverse(emu + "open", args=[code, movement])),
        emu + "publish": ("post", reverse(emu + "publish", args=[code, movement])),
        emu + "awards": ("post", reverse(emu + "awards", args=[code, movement, "commune"])),
        emu + "score": ("get", reverse(emu + "score", args=[code, movement])),
        emu + "score#post": ("post", reverse(emu + "score", args=[code, movement])),
        emu + "review": ("get", reverse(emu + "review", args=[code, movement, sheet])),
        emu + "review#post": ("post", reverse(emu + "review", args=[code, movement, sheet])),
        emu + "reopen": ("post", reverse(emu + "reopen", args=[code, movement, sheet])),
        emu + "withdraw": ("post", reverse(emu + "withdraw", args=[code, movement, sheet])),
        emu + "evidence": ("get", reverse(emu + "evidence", args=[code, movement, proof])),
    }
    # the tables' "Tải Excel" downloads
    found.update(
        {
            "dashboard:unit_xlsx": ("get", reverse("dashboard:unit_xlsx", args=[code])),
            "dashboard:children_xlsx": ("get", reverse("dashboard:children_xlsx", args=[code])),
            "dashboard:indicator_xlsx": (
                "get",
                reverse("dashboard:indicator_xlsx", args=[code, ind]),
            ),
            "reporting:index_xlsx": ("get", reverse("reporting:index_xlsx", args=[code])),
            "reporting:completeness_xlsx": (
                "get",
                reverse("reporting:completeness_xlsx", args=[code, PERIOD]),
            ),
            "activities:list_xlsx": ("get", reverse("activities:list_xlsx", args=[code])),
            "plans:list_xlsx": ("get", reverse("plans:list_xlsx", args=[code])),
            "plans:detail_xlsx": ("get", reverse("plans:detail_xlsx", args=[code, world.plan.pk])),
            "plans:tasks_xlsx": ("get", reverse("plans:tasks_xlsx", args=[code])),
            "imports:index_xlsx": ("get", reverse("imports:index_xlsx", args=[code])),
            doc + "index_xlsx": ("get", reverse(doc + "index_xlsx", args=[code])),
            emu + "index_xlsx": ("get", reverse(emu + "index_xlsx", args=[code])),
            emu + "movement_xlsx": ("get", reverse(emu + "movement_xlsx", args=[code, movement])),
            emu + "score_xlsx": ("get", reverse(emu + "score_xlsx", args=[code, movement])),
            emu + "review_xlsx": (
                "get",
                reverse(emu + "review_xlsx", args=[code, movement, sheet]),
            ),
        }
    )
    for module in _app_modules():
        found.update(module.urls(world, code))
    return found


def test_the_matrix_covers_every_unit_url(world):
    names = set()
    for pattern in get_resolver().url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            if "units/<slug:code>" in str(sub.pattern):
                names.add(f"{pattern.namespace}:{sub.name}")
    covered = {key.split("#")[0] for key in urls_of(world, "x")}
    assert len(names) >= 10
    assert names <= covered, names - covered


def test_a_ward_user_can_neither_read_nor_change_another_ward(client, world):
    client.force_login(world.users["w1_clerk"])
    other = world.city.wards[1].code
    for name, (method, url) in urls_of(world, other).items():
        response = getattr(client, method)(url, {"reason": "x", "title": "x"})
        assert response.status_code in (403, 404), (name, response.status_code)
    # nothing of the other ward changed
    assert Activity.objects.filter(pk=world.activity.pk).exists()
    assert world.city.wards[1].values.get().number == 1


def test_a_ward_user_reaches_its_own_ward(client, world):
    client.force_login(world.users["w1_clerk"])
    own = world.city.wards[0].code
    for name, (method, url) in urls_of(world, own).items():
        if method == "get":
            assert client.get(url).status_code == 200, name


def test_the_city_reaches_every_ward_but_a_viewer_cannot_write(client, world):
    client.force_login(world.users["city_admin"])
    for name, (method, url) in urls_of(world, world.city.wards[1].code).items():
        if method == "get":
            assert client.get(url).status_code == 200, name
    client.force_login(world.users["w1_viewer"])
    url = reverse("reporting:entry", args=[world.city.wards[0].code, PERIOD])
    assert client.post(url, {}).status_code == 403

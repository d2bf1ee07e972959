from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mattran.audit.models import AuditEntry
from mattran.plans.criteria import criteria_references
from mattran.plans.models import NationalCriterion, Plan, PlanSection, Task
from mattran.plans.services import Status, assign, report_progress, set_section_criteria, state_of
from mattran.testing import build_world
from mattran.units.models import Tier, UnitKind
from mattran.units.services import create_unit


@pytest.fixture
def world(db):
    world = build_world()
    world.plan = Plan.objects.create(
        unit=world.city.city, title="Kế hoạch Cuộc vận động 2024", year=2024
    )
    return world


def task(world, **fields):
    return Task.objects.create(plan=world.plan, text=fields.pop("text", "Nhiệm vụ"), **fields)


def test_a_task_for_each_ward_fans_out_to_every_ward_of_the_year(world):
    closed = create_unit(
        code="tk-w9", name="Phường Đã Nhập", kind=UnitKind.WARD, parent=world.city.city
    )
    closed.valid_to = date(2023, 12, 31)
    closed.save()
    each = task(world, owner_level=Tier.COMMUNE, text="Mỗi xã, phường 01 tuyến đường hoa")
    units = {a.unit.code for a in assign(each)}
    assert units == {w.code for w in world.city.wards}
    one = task(world, owner=world.city.wards[1])
    assert [a.unit for a in assign(one)] == [world.city.wards[1]]
    assert len(assign(each)) == 3  # assigning again changes nothing


def test_status_follows_reports_and_the_due_date(world):
    today = date(2024, 10, 1)
    late = assign(task(world, owner=world.city.wards[0], due_on=today - timedelta(days=1)))[0]
    soon = assign(
        task(
            world,
            owner=world.city.wards[0],
            due_on=today + timedelta(days=5),
            targets=["26 Tổ hội nông dân nghề nghiệp"],
        )
    )[0]
    assert state_of(late, today).status == Status.LATE
    clerk = world.users["w1_clerk"]
    report_progress(assignment=soon, actor=clerk, value=Decimal(13), note="Đã thành lập 13 tổ")
    state = state_of(soon, today)
    assert state.status == Status.ON_TRACK and (state.achieved, state.percent) == (13, 50)
    report_progress(assignment=late, actor=clerk, note="Xong", done=True)
    assert state_of(late, today).status == Status.DONE
    assert AuditEntry.objects.filter(action="task.progress").count() == 2


def test_reports_are_checked_and_kept_to_the_owner(world):
    assignment = assign(task(world, owner=world.city.wards[0]))[0]
    with pytest.raises(PermissionDenied, match="không báo cáo được nhiệm vụ của đơn vị khác"):
        report_progress(assignment=assignment, actor=world.users["w2_clerk"], note="x")
    with pytest.raises(ValidationError, match="không được âm"):
        report_progress(assignment=assignment, actor=world.users["w1_clerk"], value=Decimal(-1))
    big = SimpleUploadedFile("minh-chung.pdf", b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="lớn hơn 10 MB"):
        report_progress(assignment=assignment, actor=world.users["w1_clerk"], evidence=big)
    with pytest.raises(ValidationError, match="Nhập kết quả"):
        report_progress(assignment=assignment, actor=world.users["w1_clerk"])
    assert not assignment.reports.exists()


def test_contents_are_tied_to_the_national_criteria_they_name(world):
    text = (
        "Đoàn kết xây dựng đời sống văn hóa (tiêu chí số 14, 15, 16 trong xây dựng nông thôn "
        "mới; tiêu chí số 7, 8 trong xây dựng đô thị văn minh)"
    )
    assert criteria_references(text, 2024) == [
        ("ntm-2021", 14),
        ("ntm-2021", 15),
        ("ntm-2021", 16),
        ("dtvm-2022", 7),
        ("dtvm-2022", 8),
    ]
    assert criteria_references("tiêu chí 7 trong xây dựng nông thôn mới", 2026) == [("ntm-2026", 7)]
    section = PlanSection.objects.create(plan=world.plan, number="1.2", title=text)
    set_section_criteria(section, text, 2024)
    names = sorted(str(c) for c in section.criteria.all())
    assert "Tiêu chí 16 (nông thôn mới): Văn hóa" in names and len(names) == 5
    assert NationalCriterion.objects.filter(criteria_set="dtvm-2022").count() == 9


def test_the_city_sees_every_owner_and_a_ward_only_its_own(client, world):
    assign(
        task(
            world,
            owner_level=Tier.COMMUNE,
            text="Mỗi phường ra mắt 01 mô hình",
            due_on=date(2024, 9, 30),
        )
    )
    client.force_login(world.users["city_admin"])
    url = reverse("plans:detail", args=[world.city.city.code, world.plan.pk])
    page = client.get(url).content.decode()
    assert all(w.name in page for w in world.city.wards)
    filtered = client.get(url, {"owner": world.city.wards[2].code}).content.decode()
    row = 'data-label="Đơn vị">{}<'
    assert row.format(world.city.wards[2].name) in filtered
    assert row.format(world.city.wards[0].name) not in filtered
    client.force_login(world.users["w1_clerk"])
    ward = world.city.wards[0]
    own = client.get(reverse("plans:detail", args=[ward.code, world.plan.pk])).content.decode()
    assert row.format(ward.name) in own and world.city.wards[1].name not in own


def test_an_owner_reports_progress_with_evidence_from_its_task_list(client, world):
    ward = world.city.wards[0]
    assignment = assign(
        task(
            world,
            owner=ward,
            text="Xây dựng 01 tuyến đường hoa",
            targets=["01 tuyến đường hoa"],
            due_on=date(2024, 10, 31),
        )
    )[0]
    client.force_login(world.users["w1_clerk"])
    tasks = client.get(reverse("plans:tasks", args=[ward.code])).content.decode()
    assert "Xây dựng 01 tuyến đường hoa" in tasks
    url = reverse("plans:assignment", args=[ward.code, assignment.pk])
    bad = client.post(url, {"value": "một", "note": "x"}).content.decode()
    assert "không phải là số" in bad or "không hợp lệ" in bad
    response = client.post(
        url,
        {
            "value": "1",
            "note": "Tuyến đường hoa khối phố 3, dài 320m",
            "done": "on",
            "evidence": SimpleUploadedFile("anh.jpg", b"JPEG"),
        },
    )
    assert response.status_code == 302
    report = assignment.reports.get()
    assert report.done and report.value == 1 and report.evidence_name == "anh.jpg"
    download = client.get(reverse("plans:evidence", args=[ward.code, report.pk]))
    assert download.content == b"JPEG"

"""The plan pages' "Tải Excel": the tasks a plan gave (as filtered), a unit's own tasks,
the plans a unit sees."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from mattran.core.tests.workbooks import read_table
from mattran.plans.models import Plan, Task
from mattran.plans.services import assign, report_progress
from mattran.testing import build_world
from mattran.units.models import Tier


@pytest.fixture
def world(db):
    world = build_world()
    plan = Plan.objects.create(
        unit=world.city.city, title="Kế hoạch Cuộc vận động 2024", number="12/KH-MTTQ", year=2024
    )
    models = Task.objects.create(
        plan=plan,
        owner_level=Tier.COMMUNE,
        text="Mỗi phường xây dựng 02 mô hình dân vận khéo",
        targets=["02 mô hình"],
        due_on=date.today() + timedelta(days=30),
        order=1,
    )
    late = Task.objects.create(
        plan=plan,
        owner=world.city.wards[0],
        text="=Tổng kết phong trào",  # a task text that looks like a formula
        due_on=date.today() - timedelta(days=3),
        order=2,
    )
    assign(models)
    assign(late)
    own = models.assignments.get(unit=world.city.wards[0])
    report_progress(assignment=own, actor=world.users["w1_clerk"], value=Decimal(1), note="x")
    world.plan = plan
    return world


def test_the_plans_tasks_as_the_issuer_filters_them(client, world):
    client.force_login(world.users["city_admin"])
    url = reverse("plans:detail_xlsx", args=["tk", world.plan.pk])
    table = read_table(client.get(url).content)
    assert table.notes[0] == "KẾ HOẠCH CUỘC VẬN ĐỘNG 2024"
    assert table.notes[1] == "Kế hoạch số 12/KH-MTTQ của Thành phố Tam Kỳ"
    assert len(table.rows) == 4  # three wards' models, one ward's closing
    late = read_table(client.get(url + "?status=late").content)
    assert late.notes[-1] == "Trạng thái: Quá hạn"
    assert [r[2] for r in late.rows] == ["'=Tổng kết phong trào"]
    one = read_table(client.get(url + "?owner=tk-w1").content)
    assert "Đơn vị thực hiện: Phường An Mỹ" in one.notes
    models = next(r for r in one.rows if r[2].startswith("Mỗi phường"))
    assert models[3:8] == ["02 mô hình", models[4], 1, 2, 0.5]
    page = client.get(reverse("plans:detail", args=["tk", world.plan.pk]) + "?owner=tk-w1")
    assert f'href="{url}?owner=tk-w1">Tải Excel' in page.content.decode()


def test_a_ward_downloads_its_own_tasks_only(client, world):
    client.force_login(world.users["w2_clerk"])
    table = read_table(client.get(reverse("plans:tasks_xlsx", args=["tk-w2"])).content)
    assert table.column("Đơn vị thực hiện") == ["Phường An Phú"]
    detail = read_table(
        client.get(reverse("plans:detail_xlsx", args=["tk-w2", world.plan.pk])).content
    )
    assert detail.column("Đơn vị thực hiện") == ["Phường An Phú"]
    assert client.get(reverse("plans:tasks_xlsx", args=["tk-w1"])).status_code == 404


def test_the_plans_a_unit_sees(client, world):
    client.force_login(world.users["w1_clerk"])
    table = read_table(client.get(reverse("plans:list_xlsx", args=["tk-w1"])).content)
    assert table.rows == [
        [
            "Kế hoạch Cuộc vận động 2024",
            "Kế hoạch",
            "12/KH-MTTQ",
            None,
            2024,
            "Thành phố Tam Kỳ",
        ]
    ]

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mattran.core.tests.workbooks import read_table
from mattran.plans.models import Plan, Task
from mattran.plans.services import assign, report_progress
from mattran.reminders.models import Reminder, ReminderKind
from mattran.reminders.services import remind
from mattran.testing import build_world

TODAY = date(2024, 9, 24)


@pytest.fixture
def world(db):
    world = build_world()
    for user in world.users.values():
        user.email = f"{user.username}@mattran.local"
        user.save()
    plan = Plan.objects.create(unit=world.city.city, title="Kế hoạch năm 2024", year=2024)
    world.soon = assign(
        Task.objects.create(
            plan=plan,
            owner=world.city.wards[0],
            text="Ra mắt mô hình dân vận khéo",
            due_on=TODAY + timedelta(days=3),
        )
    )[0]
    world.late = assign(
        Task.objects.create(
            plan=plan,
            owner=world.city.wards[0],
            text="Tổ chức đối thoại với thanh niên",
            due_on=TODAY - timedelta(days=4),
        )
    )[0]
    world.done = assign(
        Task.objects.create(plan=plan, owner=world.city.wards[0], text="Việc đã xong", due_on=TODAY)
    )[0]
    report_progress(assignment=world.done, actor=world.users["w1_clerk"], note="Xong", done=True)
    return world


def test_people_are_reminded_once_by_mail_in_vietnamese(world):
    counts = remind(TODAY)
    reminders = Reminder.objects.filter(key__startswith="task:")
    assert {(r.key, r.kind) for r in reminders} == {
        (f"task:{world.soon.pk}", ReminderKind.UPCOMING),
        (f"task:{world.late.pk}", ReminderKind.OVERDUE),
    }
    # the ward's clerk is told; the viewer is not
    users = {r.user.username for r in reminders}
    assert users == {"w1_clerk"}
    subjects = [m.subject for m in mail.outbox]
    assert "[Mặt trận] Sắp đến hạn: Nhiệm vụ “Ra mắt mô hình dân vận khéo”" in "\n".join(subjects)
    assert any("Quá hạn" in s and "đối thoại với thanh niên" in s for s in subjects)
    assert counts["emails"] == len(mail.outbox)
    sent = len(mail.outbox)
    again = remind(TODAY)
    assert again["reminders"] == 0 and len(mail.outbox) == sent


def test_the_upcoming_reminder_then_the_overdue_one(world):
    remind(TODAY)
    remind(TODAY + timedelta(days=5))  # the task is now overdue: told once more
    kinds = set(Reminder.objects.filter(key=f"task:{world.soon.pk}").values_list("kind", flat=True))
    assert kinds == {ReminderKind.UPCOMING, ReminderKind.OVERDUE}


def test_the_command_runs_and_refuses_a_bad_date(world):
    out = StringIO()
    call_command("remind", "--today", TODAY.isoformat(), stdout=out)
    assert "lời nhắc mới" in out.getvalue()
    with pytest.raises(Exception, match="không hợp lệ"):
        call_command("remind", "--today", "24/09/2024")


def test_the_in_app_list_shows_coming_and_overdue_work(client, world):
    today = timezone.localdate()
    Task.objects.filter(pk=world.soon.task_id).update(due_on=today + timedelta(days=2))
    Task.objects.filter(pk=world.late.task_id).update(due_on=today - timedelta(days=2))
    client.force_login(world.users["w1_clerk"])
    page = client.get(reverse("reminders:list")).content.decode()
    overdue, upcoming = page.split("<h2>Quá hạn")[1].split("<h2>Việc sắp đến hạn")
    assert "đối thoại với thanh niên" in overdue and "Ra mắt mô hình" not in overdue
    assert "Ra mắt mô hình dân vận khéo" in upcoming and "Việc đã xong" not in page
    # the ward's figures for last month are owed too (the programme reports monthly)
    assert "Gửi số liệu tháng" in page
    client.force_login(world.users["city_admin"])
    board = client.get(reverse("reminders:list")).content.decode()
    below = board.split("Đơn vị cấp dưới quá hạn")[1]
    assert "đối thoại với thanh niên" in below and "Phường An Mỹ" in below


def test_the_download_lists_what_the_page_shows_for_the_user_only(client, world):
    today = timezone.localdate()
    Task.objects.filter(pk=world.soon.task_id).update(due_on=today + timedelta(days=2))
    Task.objects.filter(pk=world.late.task_id).update(due_on=today - timedelta(days=2))
    client.force_login(world.users["w1_clerk"])
    url = reverse("reminders:list_xlsx")
    table = read_table(client.get(url).content)
    assert table.notes[0] == "NHẮC VIỆC — PHƯỜNG AN MỸ"
    assert table.notes[1].endswith(f"tính đến ngày {today:%d/%m/%Y}")
    page = client.get(reverse("reminders:list")).content.decode()
    assert f'id="reminders-xlsx" href="{url}">Tải Excel' in page
    rows = {(r[0], r[2]): r[1].date() for r in table.rows}
    late = next(text for kind, text in rows if "đối thoại với thanh niên" in text)
    soon = next(text for kind, text in rows if "Ra mắt mô hình dân vận khéo" in text)
    assert rows[("Quá hạn", late)] == today - timedelta(days=2)
    assert rows[("Sắp đến hạn", soon)] == today + timedelta(days=2)
    assert {kind for kind, _ in rows} <= {"Quá hạn", "Sắp đến hạn"}
    for kind, text in rows:  # each row as the page lists it
        assert f"{rows[(kind, text)]:%d/%m/%Y}</span> <a" in page and text in page
    assert not any("Việc đã xong" in text for _, text in rows)
    # another ward's clerk gets its own work, never An Mỹ's
    client.force_login(world.users["w2_clerk"])
    other = read_table(client.get(url).content)
    assert other.notes[0] == "NHẮC VIỆC — PHƯỜNG AN PHÚ"
    assert not any("Ra mắt mô hình" in r[2] or "thanh niên" in r[2] for r in other.rows)
    # the city's administrator also gets the wards' overdue work
    client.force_login(world.users["city_admin"])
    city = read_table(client.get(url).content)
    below = [r[2] for r in city.rows if r[0] == "Đơn vị cấp dưới quá hạn"]
    assert any("đối thoại với thanh niên" in text and "Phường An Mỹ" in text for text in below)
    client.logout()
    assert client.get(url).status_code == 302

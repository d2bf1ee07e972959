from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mattran.imports.models import ImportJob, ImportStatus
from mattran.plans.models import Plan
from mattran.programmes.models import Programme
from mattran.testing import build_world

FIXTURES = Path(__file__).parent / "fixtures"
APPENDIX = (
    "PHỤ LỤC\n\n(Thực hiện Nghị quyết Đại hội, nhiệm kỳ 2024 - 2029)\n\n"
    "TT\tNội dung\t2024\t2025\t2026\t2027\t2028\t2029\n\n"
    "I. Công tác vận động\t\t\t\t\t\t\t\n\n"
    "1\t- Hỗ trợ xây dựng mới và sửa chữa trên 100 nhà “Đại đoàn kết”\t30/100 nhà\t50/100 nhà"
    "\t70/100 nhà\t85/100 nhà\t100/100 nhà\t\n\n"
    "2\t- Có trên 92% khu dân cư đạt chuẩn khu dân cư văn hoá\t>92%\t>92%\t>92%\t>92%\t>92%\t>92%"
)


@pytest.fixture
def world(db):
    return build_world()


def upload(client, unit, name, data):
    url = reverse("imports:index", args=[unit.code])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def review_form(response) -> dict:
    """The review form's fields as the browser would send them, every row ticked."""
    import re

    html = response.content.decode()
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        data[name] = value.replace("&#10;", "\n")
    for name in re.findall(r'<select name="([^"]+)">', html):
        chosen = re.search(
            rf'<select name="{name}">.*?<option value="([^"]*)" selected', html, re.S
        )
        data[name] = chosen.group(1) if chosen else ""
    return data


def test_an_admin_uploads_reviews_corrects_and_saves_a_programme(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    response = upload(client, city, "phu-luc.txt", APPENDIX.encode())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportStatus.READY
    page = client.get(reverse("imports:job", args=[city.code, job.pk]))
    text = page.content.decode()
    assert "Văn bản gốc" in text and "30/100 nhà" in text and "Tìm thấy 2 chỉ tiêu" in text
    assert not Programme.objects.filter(title__contains="Đại hội").exists()  # nothing saved yet
    form = review_form(page)
    form["title"] = "Chương trình nhập từ phụ lục, nhiệm kỳ 2024 - 2029"
    form["i-0-0-t-2029"] = "trên 100 nhà"  # the reviewer adds the term's goal
    form["save_as"] = "programme"
    response = client.post(reverse("imports:job", args=[city.code, job.pk]), form)
    assert response.status_code == 302
    programme = Programme.objects.get(title="Chương trình nhập từ phụ lục, nhiệm kỳ 2024 - 2029")
    houses = programme.indicators.get(code="I.1")
    assert houses.targets.get(year=2029).display == "trên 100 nhà"
    assert houses.targets.get(year=2024).display == "30/100 nhà"
    job.refresh_from_db()
    assert job.status == ImportStatus.SAVED


def test_an_unticked_row_is_left_out_and_a_bad_year_keeps_the_edits(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    upload(client, city, "phu-luc.txt", APPENDIX.encode())
    job = ImportJob.objects.get()
    url = reverse("imports:job", args=[city.code, job.pk])
    form = review_form(client.get(url))
    form.pop("i-0-1-keep")
    form["title"] = "Sửa tên rồi nhập sai năm"
    form["last_year"] = "20x9"
    page = client.post(url, form)
    assert "Năm cuối nhiệm kỳ phải là một năm" in page.content.decode()
    assert not Programme.objects.filter(title="Sửa tên rồi nhập sai năm").exists()
    form["last_year"] = "2029"
    client.post(url, form)
    programme = Programme.objects.get(title="Sửa tên rồi nhập sai năm")
    assert programme.indicators.count() == 1


def test_a_plan_is_saved_with_its_tasks(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    upload(client, city, "ke-hoach.txt", (FIXTURES / "ke_hoach_thi_dua.txt").read_bytes())
    job = ImportJob.objects.get()
    url = reverse("imports:job", args=[city.code, job.pk])
    form = review_form(client.get(url))
    assert form["save_as"] == "plan"
    assert form["date"] == "12/03/2024" and form["t-0-due"] == "30/06/2024"
    form["t-0-due"] = "31/02/2024"
    page = client.post(url, form)
    assert "Thời hạn “31/02/2024” không phải ngày hợp lệ" in page.content.decode()
    assert not Plan.objects.exists()
    form["t-0-due"] = "05/07/2024"
    client.post(url, form)
    plan = Plan.objects.get(number="199/KH-MTTQ-BTT")
    assert plan.tasks.count() == 8 and plan.unit == city
    assert plan.issued_on.isoformat() == "2024-03-12"
    assert plan.tasks.get(order=0).due_on.isoformat() == "2024-07-05"


def test_a_clerk_may_read_a_document_but_not_save_it(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    upload(client, ward, "ke-hoach.txt", (FIXTURES / "ke_hoach_thi_dua.txt").read_bytes())
    job = ImportJob.objects.get()
    url = reverse("imports:job", args=[ward.code, job.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, review_form(client.get(url))).status_code == 403
    assert not Plan.objects.exists()


def test_a_broken_file_gives_a_vietnamese_message(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    upload(client, city, "hong.pdf", b"%PDF-1.4 this is not a pdf")
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    page = client.get(reverse("imports:job", args=[city.code, job.pk]))
    assert "bị hỏng, không đọc được" in page.content.decode()


def test_a_viewer_cannot_import(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_viewer"])
    assert client.get(reverse("imports:index", args=[ward.code])).status_code == 403


def test_progress_of_a_finished_job_sends_the_browser_on(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    upload(client, city, "phu-luc.txt", APPENDIX.encode())
    job = ImportJob.objects.get()
    response = client.get(reverse("imports:progress", args=[city.code, job.pk]))
    assert response["HX-Redirect"] == reverse("imports:job", args=[city.code, job.pk])
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, done=3, total=12)
    response = client.get(reverse("imports:progress", args=[city.code, job.pk]))
    assert 'value="25"' in response.content.decode()

from datetime import date

import pytest
from django.urls import reverse

from mattran.activities.models import Activity, ActivityType
from mattran.documents.models import GeneratedFile, Report
from mattran.testing import build_world


@pytest.fixture
def world(db):
    world = build_world()
    kind = ActivityType.objects.create(
        code="dialogue", name="Đối thoại trực tiếp", report_section="party_building"
    )
    Activity.objects.create(
        unit=world.city.wards[0], type=kind, date=date(2024, 8, 6), title="Đối thoại với Nhân dân"
    )
    return world


def test_the_board_prepares_edits_and_downloads_a_monthly_report(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    response = client.post(
        reverse("documents:index", args=[city.code]), {"kind": "monthly", "period": "2024-08"}
    )
    report = Report.objects.get()
    assert response.url == reverse("documents:report", args=[city.code, report.pk])
    page = client.get(response.url).content.decode()
    assert "01/03 đơn vị cấp xã, phường tổ chức đối thoại trực tiếp" in page
    assert "<strong>Phường An Mỹ:</strong> Đối thoại với Nhân dân" in page
    url = reverse("documents:block", args=[city.code, report.pk, "I.3.dialogue"])
    assert "textarea" in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    fragment = client.post(
        url, {"text": "Phường An Mỹ đối thoại với <b>thanh niên</b>."}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "&lt;b&gt;thanh niên&lt;/b&gt;" in fragment and "đã sửa" in fragment
    client.post(
        reverse("documents:head", args=[city.code, report.pk]),
        {"number": "45", "issued_on": "05/09/2024"},
    )
    response = client.post(reverse("documents:export", args=[city.code, report.pk, "docx"]))
    assert response["Content-Disposition"].endswith('.docx"')
    assert response.content[:2] == b"PK"
    saved = GeneratedFile.objects.get()
    assert saved.created_by == world.users["city_admin"]
    assert (
        "Số: 45/BC-MTTQ-BTT"
        in client.get(reverse("documents:report", args=[city.code, report.pk])).content.decode()
    )


def test_a_bad_date_or_period_gets_a_vietnamese_message(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    page = client.post(
        reverse("documents:index", args=[city.code]), {"kind": "monthly", "period": "tháng tám"}
    ).content.decode()
    assert "Kỳ báo cáo “tháng tám” không hợp lệ" in page
    client.post(
        reverse("documents:index", args=[city.code]), {"kind": "monthly", "period": "2024-08"}
    )
    report = Report.objects.get()
    response = client.post(
        reverse("documents:head", args=[city.code, report.pk]),
        {"number": "45", "issued_on": "31/02/2024"},
        follow=True,
    )
    assert "Ngày ban hành “31/02/2024” không hợp lệ" in response.content.decode()


def test_a_viewer_reads_but_cannot_write(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    client.post(
        reverse("documents:index", args=[ward.code]), {"kind": "monthly", "period": "2024-08"}
    )
    report = Report.objects.get(unit=ward)
    client.force_login(world.users["w1_viewer"])
    assert client.get(reverse("documents:report", args=[ward.code, report.pk])).status_code == 200
    response = client.post(reverse("documents:regenerate", args=[ward.code, report.pk]))
    assert response.status_code == 403
    assert client.get(reverse("documents:style", args=[ward.code])).status_code == 403


def test_only_an_admin_sets_the_letterhead(client, world):
    city = world.city.city
    client.force_login(world.users["city_admin"])
    url = reverse("documents:style", args=[city.code])
    form = {
        "parent_lines": "ỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ TAM KỲ",
        "office": "BAN THƯỜNG TRỰC",
        "sign_suffix": "MTTQ-BTT",
        "place": "Tam Kỳ",
        "signer_authority": "TM. BAN THƯỜNG TRỰC",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Nguyễn Ba",
        "recipients": "Ủy ban MTTQ Việt Nam tỉnh\nLưu: VP",
    }
    assert client.post(url, form).status_code == 302
    assert city.doc_style.signer_name == "Nguyễn Ba"

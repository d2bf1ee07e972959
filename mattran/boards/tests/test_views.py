"""The pages: the city rates its wards inline (htmx) and downloads the table; a ward cannot
rate itself; a ward's staff keep their cases and projects; other wards' pages are 404."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from mattran.boards.models import BoardIndicatorLink, InspectionCase, InvestmentProject
from mattran.boards.models import YearlyRating as Rated
from mattran.reporting.models import DataValue

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"boards:{name}", args=args)


def test_the_city_rates_a_ward_inline_and_the_ward_reads_it(client, world, users):
    client.force_login(users.city_admin)
    page = client.get(url("index", "tk"), {"year": 2024}).content.decode()
    assert "Đánh giá, xếp loại năm 2024 — Thành phố Tam Kỳ" in page
    assert page.count('class="b-rate-form"') == 3 and "Ủy ban MTTQ Phường An Phú" in page
    response = client.post(
        url("rate", world.w1.code, "committee", 2024),
        {"rating": "4", "reasons": "Dẫn đầu phong trào “Vì người nghèo”."},
        **HTMX,
    )
    row = response.content.decode()
    assert response.status_code == 200 and row.startswith('<tr id="rating-tk-w1-committee">')
    assert "Hoàn thành xuất sắc nhiệm vụ" in row and "Đã lưu" in row
    assert DataValue.objects.get(indicator=world.boards["V.4"], unit=world.w1).rating == 4

    client.force_login(users.w1_clerk)
    own = client.get(url("index", world.w1.code), {"year": 2024}).content.decode()
    assert "Kết quả xếp loại của Phường An Mỹ" in own
    assert "Dẫn đầu phong trào" in own and "Hoàn thành xuất sắc nhiệm vụ" in own
    assert 'class="b-rate-form"' not in own  # a clerk rates nobody
    assert client.get(url("index", world.w2.code)).status_code == 404


def test_a_plain_post_redirects_back_to_the_raters_table(client, world, users):
    client.force_login(users.city_admin)
    response = client.post(url("rate", world.w2.code, "committee", 2024), {"rating": "3"})
    assert response.status_code == 302
    assert response["Location"] == "/units/tk/boards/?year=2024#rating-tk-w2-committee"
    assert Rated.objects.get(unit=world.w2).rating == 3


def test_a_ward_cannot_rate_itself_through_the_page(client, world, users):
    client.force_login(users.w1_admin)
    target = url("rate", world.w1.code, "committee", 2024)
    assert client.post(target, {"rating": "4", "reasons": "Tự khen"}).status_code == 403
    row = client.post(target, {"rating": "4", "reasons": "Tự khen"}, **HTMX).content.decode()
    assert "Không tự xếp loại được" in row and "Thành phố Tam Kỳ" in row
    assert not Rated.objects.exists()
    page = client.get(url("index", world.w1.code), {"year": 2024}).content.decode()
    assert "Ban Thanh tra Nhân dân Phường An Mỹ" in page  # its own boards it does rate
    assert "Ban Công tác Mặt trận Khối phố 1" in page


def test_missing_reasons_are_shown_on_the_row_and_the_choice_is_kept(client, world, users):
    client.force_login(users.city_admin)
    row = client.post(
        url("rate", world.w3.code, "committee", 2024), {"rating": "1", "reasons": ""}, **HTMX
    ).content.decode()
    assert "cần ghi rõ nhận xét, lý do" in row
    assert '<option value="1" selected>' in row and "Đã lưu" not in row
    assert not Rated.objects.exists()


def test_the_ratings_table_downloads_as_excel(client, world, users):
    client.force_login(users.city_admin)
    client.post(url("rate", world.w1.code, "committee", 2024), {"rating": "3", "reasons": "=1+1"})
    response = client.get(url("index", "tk"), {"year": 2024, "excel": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="xep-loai-2024-tk.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM 2024 — THÀNH PHỐ TAM KỲ"
    assert [c.value for c in sheet[3]][:3] == ["STT", "Đơn vị, ban được đánh giá", "Xếp loại"]
    assert [c.value for c in sheet[4]][1:4] == [
        "Ủy ban MTTQ Phường An Mỹ",
        "Hoàn thành tốt nhiệm vụ",
        "'=1+1",
    ]
    assert sheet["C5"].value == "Chưa xếp loại"


def test_a_clerk_records_a_case_and_reads_why(client, world, users):
    client.force_login(users.w1_clerk)
    new = url("case_new", world.w1.code)
    form = {
        "opened_on": "12/3/2024",
        "kind": "petition",
        "title": "Tiếp nhận phản ánh việc lấn chiếm vỉa hè đường Phan Châu Trinh",
        "body": "Đội Quản lý trật tự đô thị",
        "recommendations_made": "2",
        "recommendations_resolved": "3",
        "status": "open",
        "closed_on": "",
    }
    page = client.post(new, form).content.decode()
    assert "không được lớn hơn số kiến nghị đã gửi (2)" in page
    assert "lấn chiếm vỉa hè đường Phan Châu Trinh" in page  # what was typed is kept
    assert not InspectionCase.objects.exists()
    response = client.post(new, {**form, "recommendations_resolved": "2"})
    assert response.status_code == 302 and response["Location"].endswith("?year=2024")
    page = client.get(response["Location"]).content.decode()
    assert "Hoạt động hiệu quả" in page
    assert "2/2 kiến nghị được tiếp thu, giải quyết (100,0%; cần từ 70% trở lên)" in page
    case = InspectionCase.objects.get()
    edit = client.post(
        url("case_edit", world.w1.code, case.pk),
        {**form, "recommendations_resolved": "0", "status": "closed", "closed_on": "02/4/2024"},
    )
    assert edit.status_code == 302
    assert DataValue.objects.get(indicator=world.boards["III.9"]).boolean is False
    client.force_login(users.city_admin)
    city = client.get(url("cases", "tk"), {"year": 2024}).content.decode()
    assert "Ban Thanh tra Nhân dân hoạt động hiệu quả: 0/3" in city and "Chưa hiệu quả" in city
    assert 'href="/units/tk/boards/inspection/new/"' not in city  # cases belong to a ward


def test_a_clerk_records_a_project_and_the_share_is_shown(client, world, users):
    client.force_login(users.w1_clerk)
    response = client.post(
        url("project_new", world.w1.code),
        {
            "name": '=HYPERLINK("http://x")',
            "location": "Khối phố 2",
            "funding": ["people", "commune_budget"],
            "budget": "1.250.000.000",
            "started_on": "05/02/2024",
            "supervised": "on",
            "supervised_on": "20/3/2024",
            "findings": "Thi công đúng thiết kế.",
        },
    )
    assert response.status_code == 302
    project = InvestmentProject.objects.get()
    assert project.budget == 1_250_000_000 and project.funding == ["people", "commune_budget"]
    page = client.get(url("projects", world.w1.code), {"year": 2024}).content.decode()
    assert "1/1 (100,0%)" in page and "1,25 tỷ đồng" in page
    assert "Đã giám sát 20/03/2024" in page
    sheet = load_workbook(
        BytesIO(client.get(url("projects", world.w1.code), {"year": 2024, "excel": 1}).content)
    ).active
    assert sheet["C4"].value == '\'=HYPERLINK("http://x")' and sheet["F4"].value == 1250000000
    assert client.get(url("project_edit", world.w2.code, project.pk)).status_code == 404
    bad = client.post(
        url("project_new", world.w1.code),
        {"name": "Nhà văn hóa", "budget": "abc", "started_on": "31/02/2024"},
    ).content.decode()
    assert "Chọn ít nhất một nguồn vốn." in bad and "không phải là số hợp lệ" in bad
    assert "Ngày không hợp lệ" in bad


def test_a_viewer_cannot_add_records(client, world, users):
    client.force_login(users.w1_viewer)
    assert client.get(url("case_new", world.w1.code)).status_code == 403
    assert "Ghi vụ việc mới" not in client.get(url("cases", world.w1.code)).content.decode()


def test_the_city_admin_links_and_unlinks_an_indicator(client, world, users):
    link = BoardIndicatorLink.objects.get(indicator=world.boards["V.5"])
    client.force_login(users.city_admin)
    client.post(url("indicators", "tk"), {"unlink": link.pk})
    assert not BoardIndicatorLink.objects.filter(pk=link.pk).exists()
    page = client.get(url("index", "tk")).content.decode()
    assert "Tính tự động" in page
    client.post(
        url("indicators", "tk"),
        {"indicator": world.boards["V.5"].pk, "measure": "inspection_effective"},
        follow=True,
    )
    assert not BoardIndicatorLink.objects.filter(indicator=world.boards["V.5"]).exists()
    client.post(
        url("indicators", "tk"),
        {"indicator": world.boards["V.5"].pk, "measure": "area_board_rating"},
    )
    assert BoardIndicatorLink.objects.get(indicator=world.boards["V.5"]).measure == (
        "area_board_rating"
    )
    client.force_login(users.w1_admin)
    assert client.post(url("indicators", world.w1.code), {"unlink": link.pk}).status_code == 404

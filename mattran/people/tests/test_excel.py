"""Member lists in Excel: the import checks the whole file, names every wrong row and saves
nothing until all rows are right and the clerk confirms; the export masks contact data."""

from datetime import date, datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from mattran.audit.models import AuditEntry
from mattran.people import columns as col
from mattran.people.models import Person, Position
from mattran.people.tests.helpers import person, post
from mattran.testing import build_world

HEADER = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Chức vụ/Vai trò",
    "Đại diện cho",
    "Đơn vị (mã hoặc tên)",
    "Từ ngày",
    "Đến ngày",
    "Điện thoại",
    "Email",
    "Ghi chú",
]


def xlsx(rows, header=HEADER, title="DANH SÁCH BAN CÔNG TÁC MẶT TRẬN") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    [
        1,
        "Trần Thị Lan",
        1978,
        "Nữ",
        "Chủ tịch",
        "",
        "Phường An Mỹ",
        "01/01/2024",
        "",
        "0905 123 456",
        "lan.tran@example.vn",
        "Tái cử",
    ],
    [
        2,
        "Phạm Văn Dũng",
        1965,
        "Nam",
        "Trưởng ban",
        "",
        "Khối phố 1",
        datetime(2024, 3, 15),
        "",
        "",
        "",
        "",
    ],
    [
        3,
        "Nguyen Van Hai",
        None,
        "Nam",
        "Cộng tác viên",
        "",
        "tk-w1-kp2",
        "15/03/2024",
        "31/12/2025",
        "",
        "",
        "",
    ],
    [4, "Lê Thị Mai", 1990, "", "Cán bộ chuyên trách", "", "tk-w1", "01/03/2024", "", "", "", ""],
]


@pytest.fixture
def world(db):
    world = build_world()
    world.ward = world.city.wards[0]
    return world


def upload(client, world, data: bytes, action="check"):
    url = reverse("people:import", args=[world.ward.code])
    file = SimpleUploadedFile("danh-sach.xlsx", data)
    return client.post(url, {"file": file, "action": action})


def test_a_good_list_is_previewed_then_saved_on_confirmation(client, world):
    known = person(world.ward, "Lê Thị Mai", birth_year=1990)
    client.force_login(world.users["w1_clerk"])
    preview = upload(client, world, xlsx(GOOD))
    page = preview.content.decode()
    assert preview.status_code == 200 and "Kiểm tra trước khi nhập" in page
    assert "04 dòng, 03 người mới" in page
    assert not Position.objects.exists()  # nothing saved yet
    done = client.post(reverse("people:import", args=[world.ward.code]), {"action": "confirm"})
    assert done.status_code == 302
    assert Person.objects.count() == 4
    lan = Person.objects.get(full_name="Trần Thị Lan")
    assert (lan.birth_year, lan.gender, lan.phone, lan.unit) == (
        1978,
        "female",
        "0905 123 456",
        world.ward,
    )
    dung = Person.objects.get(full_name="Phạm Văn Dũng").positions.get()
    assert dung.role == "area_head" and dung.unit.code == "tk-w1-kp1"
    assert dung.start == date(2024, 3, 15)
    hai = Person.objects.get(full_name="Nguyen Van Hai").positions.get()
    assert (hai.role, hai.end) == ("collaborator", date(2025, 12, 31))
    assert known.positions.get().role == "cadre"  # the existing person got the post
    entry = AuditEntry.objects.get(action="people.import")
    assert entry.changes == {"rows": 4, "new_people": 3}
    assert "0905 123 456" not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


def test_every_bad_row_is_named_and_nothing_is_saved(client, world):
    rows = [
        *GOOD,
        [5, "Võ Văn Tư", 1970, "Nam", "Trưởng ban", "", "Khối phố 9", "01/01/2024", "", "", "", ""],
        [
            6,
            "Đặng Thị Giang",
            1982,
            "Nữ",
            "Chủ tịch",
            "",
            "Phường An Mỹ",
            "31/02/2024",
            "",
            "",
            "",
            "",
        ],
        [
            7,
            "Huỳnh Phúc",
            1960,
            "Nam",
            "Cán bộ chuyên trách",
            "",
            "tk-w1",
            "01/07/2024",
            "30/06/2024",
            "",
            "",
            "",
        ],
        [
            8,
            '=HYPERLINK("http://x","Bấm")',
            1960,
            "Nam",
            "Ủy viên",
            "",
            "tk-w1",
            "01/01/2024",
            "",
            "",
            "",
            "",
        ],
        [
            9,
            "Lý Văn Mười",
            "năm 60",
            "Nam",
            "Thủ quỹ",
            "",
            "tk-w1",
            "01/01/2024",
            "",
            "12ab",
            "muoi@",
            "",
        ],
        [
            10,
            "Trần Thị Lan",
            1978,
            "Nữ",
            "Chủ tịch",
            "",
            "Phường An Mỹ",
            "01/06/2024",
            "",
            "",
            "",
            "",
        ],
        [
            11,
            "Ngô Sáu",
            1975,
            "Nam",
            "Cán bộ chuyên trách",
            "",
            "tk-w2",
            "01/01/2024",
            "",
            "",
            "",
            "",
        ],
    ]
    client.force_login(world.users["w1_clerk"])
    response = upload(client, world, xlsx(rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Chưa nhập gì" in page
    assert "Dòng 8: không có đơn vị “Khối phố 9” trong Phường An Mỹ" in page
    assert "Dòng 9: từ ngày: ngày “31/02/2024” không hợp lệ" in page
    assert "Dòng 10: ngày thôi (30/06/2024) trước ngày bắt đầu (01/07/2024)" in page
    assert "Dòng 11: ô B11 (Họ và tên) có công thức" in page
    assert "năm sinh “năm 60” phải là số" in page and "không hiểu chức vụ “Thủ quỹ”" in page
    assert "số điện thoại “12ab” không hợp lệ" in page and "email “muoi@” không hợp lệ" in page
    assert "Dòng 13: trùng thời gian với dòng 4" in page
    assert "Dòng 14: không có đơn vị “tk-w2” trong Phường An Mỹ" in page
    assert not Person.objects.exists() and not Position.objects.exists()


def test_a_wrong_file_is_refused_with_a_clear_message(client, world):
    client.force_login(world.users["w1_clerk"])
    response = upload(client, world, b"%PDF-1.4 not a workbook")
    assert "không phải tệp Excel (.xlsx) hợp lệ" in response.content.decode()
    assert response.status_code == 400
    no_header = xlsx([["Trần Thị Lan", "Chủ tịch"]], header=["Tên", "Ghi chú"])
    assert "Không thấy dòng tiêu đề" in upload(client, world, no_header).content.decode()
    missing = xlsx([["Trần Thị Lan"]], header=["Họ và tên", "Năm sinh"])
    assert "thiếu cột “Chức vụ/Vai trò”" in upload(client, world, missing).content.decode()
    assert not Person.objects.exists()


def test_a_post_already_recorded_is_refused(client, world):
    lan = person(world.ward, "Trần Thị Lan", birth_year=1978)
    post(lan, world.ward, "chair", date(2019, 7, 1))
    client.force_login(world.users["w1_clerk"])
    page = upload(client, world, xlsx(GOOD[:1])).content.decode()
    assert "Dòng 4: Trần Thị Lan đã là Chủ tịch Ủy ban MTTQ của Phường An Mỹ" in page


def test_the_template_and_an_export_can_be_imported_again(client, world):
    client.force_login(world.users["w1_clerk"])
    template = client.get(reverse("people:template", args=[world.ward.code]))
    sheet = load_workbook(BytesIO(template.content)).worksheets[0]
    assert [c.value for c in sheet[4]] == col.COLUMNS
    upload(client, world, xlsx(GOOD))
    client.post(reverse("people:import", args=[world.ward.code]), {"action": "confirm"})
    current = client.get(reverse("people:export", args=[world.ward.code])).content
    hai = [r for r in load_workbook(BytesIO(current)).worksheets[0].values if "Hai" in str(r)]
    assert hai[0][4] is None  # his post ended on 31/12/2025: listed, with no post today
    url = reverse("people:export", args=[world.ward.code])
    exported = client.get(url, {"ended": "1"}).content
    Position.objects.all().delete()
    Person.objects.all().delete()
    upload(client, world, exported)
    client.post(reverse("people:import", args=[world.ward.code]), {"action": "confirm"})
    assert Position.objects.count() == 4 and Person.objects.count() == 4


def test_the_export_masks_contact_data_the_user_may_not_read(client, world):
    lan = person(world.ward, "Trần Thị Lan", phone="0905123456")
    post(lan, world.ward, "chair", date(2024, 1, 1), refresh=False)
    ba = person(world.city.city, "=Nguyễn Văn Ba", phone="0914777888")
    post(ba, world.ward, "collaborator", date(2024, 1, 1), sector="+Doanh nhân", refresh=False)
    client.force_login(world.users["w1_clerk"])
    response = client.get(reverse("people:export", args=[world.ward.code]))
    assert response["Content-Disposition"].startswith('attachment; filename="danh-sach-can-bo-')
    sheet = load_workbook(BytesIO(response.content)).worksheets[0]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Trần Thị Lan"][9] == "0905123456"
    masked = rows["'=Nguyễn Văn Ba"]  # a name that looks like a formula stays text
    assert masked[9] == "(ẩn)" and masked[10] == "(ẩn)" and masked[12] == "(ẩn)"
    assert masked[5] == "'+Doanh nhân"
    assert "1 người đã ẩn điện thoại, email, địa chỉ" in sheet["A2"].value
    assert AuditEntry.objects.get(action="people.export").changes == {
        "people": 2,
        "contact_hidden": 1,
    }

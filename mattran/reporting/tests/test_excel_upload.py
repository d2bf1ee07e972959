"""The entry template round trip for every kind of figure, and what an upload refuses: each
refused cell named in Vietnamese, and nothing of the file saved."""

import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mattran.reporting.models import DataValue, Period
from mattran.reporting.workflow import submission_for, submit_report
from mattran.testing import add_indicator, build_world, put

PERIOD = "2024-08"


@pytest.fixture
def world(db):
    world = build_world()
    ind = world.indicators
    ind["fund"] = add_indicator(world.programme, "II.5", value_type="amount", text="Quỹ")
    ind["share"] = add_indicator(
        world.programme, "I.4", value_type="percent", aggregation="latest", text="Tỷ lệ"
    )
    ind["rating"] = add_indicator(
        world.programme, "V.1", value_type="rating", aggregation="latest", text="Xếp loại"
    )
    return world


class Template:
    """The downloaded template of a ward's month, to fill in as a clerk would."""

    def __init__(self, client, ward):
        self.client, self.ward = client, ward
        response = client.get(reverse("reporting:template", args=[ward.code, PERIOD]))
        self.book = load_workbook(BytesIO(response.content))
        self.sheet = self.book.active
        last = self.sheet.max_row + 1
        self.rows = {self.sheet.cell(r, 2).value: r for r in range(8, last)}

    def cell(self, code, column="F"):
        return self.sheet[f"{column}{self.rows[code]}"]

    def put(self, code, value, column="F"):
        self.cell(code, column).value = value

    def upload(self) -> str:
        data = BytesIO()
        self.book.save(data)
        data.name = "bieu-mau.xlsx"
        data.seek(0)
        url = reverse("reporting:upload", args=[self.ward.code, PERIOD])
        return self.client.post(url, {"file": data}, follow=True).content.decode()


def figures(world, ward) -> dict:
    found = {}
    for v in DataValue.objects.filter(unit=ward, period__code=PERIOD).select_related("indicator"):
        code = v.indicator.code
        found[code] = v.boolean if v.boolean is not None else v.rating or v.number
        if v.numerator is not None:
            found[code] = (v.numerator, v.denominator)
    return found


def test_every_kind_of_figure_goes_out_and_comes_back_unchanged(client, world):
    ward = world.city.wards[0]
    ind = world.indicators
    put(ind["houses"], ward, PERIOD, number=12)
    put(ind["visits"], ward, PERIOD, numerator=1234, denominator=1250)
    put(ind["zalo"], ward, PERIOD, boolean=False)
    put(ind["fund"], ward, PERIOD, number=1_500_000_000)
    put(ind["share"], ward, PERIOD, number=Decimal("87.5"))
    put(ind["rating"], ward, PERIOD, rating=3)
    before = figures(world, ward)
    client.force_login(world.users["w1_clerk"])
    template = Template(client, ward)
    assert template.cell("II.5").value == "1.500.000.000"
    assert template.cell("I.4").value == "87,5"
    assert template.cell("V.1").value == "Hoàn thành tốt nhiệm vụ"
    assert template.cell("I.2a").value == "Không"
    assert "Đã nhập 0 số liệu từ tệp Excel." in template.upload()
    assert figures(world, ward) == before
    assert DataValue.objects.filter(unit=ward, version__gt=1).count() == 0


def test_typed_figures_of_every_kind_are_read_the_vietnamese_way(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    template = Template(client, ward)
    template.put("II.1", 7)  # a number cell
    template.put("II.2", "1.200")
    template.put("II.2", "1.250", column="G")
    template.put("I.2a", "có")
    template.put("II.5", "2.500.000")
    template.put("I.4", 0.855)
    template.cell("I.4").number_format = "0.0%"  # typed as 85,5% in Excel
    template.put("V.1", "Hoàn thành xuất sắc nhiệm vụ")
    assert "Đã nhập 6 số liệu từ tệp Excel." in template.upload()
    assert figures(world, ward) == {
        "II.1": 7,
        "II.2": (1200, 1250),
        "I.2a": True,
        "II.5": 2_500_000,
        "I.4": Decimal("85.5"),
        "V.1": 4,
    }


def test_formulas_text_out_of_range_and_automatic_figures_are_refused_cell_by_cell(client, world):
    ward = world.city.wards[0]
    put(world.indicators["houses"], ward, PERIOD, number=2)
    client.force_login(world.users["w1_clerk"])
    template = Template(client, ward)
    template.put("II.1", "=1+1")
    template.put("II.2", "năm")
    template.put("II.2", "10", column="G")
    template.put("I.2a", "Có")  # valid, but saved only with the rest
    template.put("II.5", "-5")
    template.put("I.4", "150")
    template.put("V.1", "Tốt lắm")
    template.put("III.3", 4)  # counted from the recorded supervisions
    page = template.upload()
    row = template.rows
    expected = [
        f"Ô F{row['II.1']}: có công thức; hãy ghi giá trị (số hoặc chữ), không dùng công thức.",
        f"Ô F{row['II.2']}: “năm” không phải là số hợp lệ.",
        f"Ô F{row['II.5']} (II.5): Số liệu không được âm.",
        f"Ô F{row['I.4']} (I.4): Tỷ lệ phải từ 0% đến 100% (đã nhập 150%).",
        f"Ô F{row['V.1']}: “Tốt lắm” không phải một mức xếp loại.",
        f"Ô F{row['III.3']}: chỉ tiêu III.3 được tính tự động từ hồ sơ",
    ]
    for message in expected:
        assert message in page, message
    assert figures(world, ward) == {"II.1": 2}  # nothing of the file was kept


def test_a_fraction_above_its_denominator_or_half_typed_names_its_cell(client, world):
    ward = world.city.wards[0]
    client.force_login(world.users["w1_clerk"])
    template = Template(client, ward)
    template.put("II.2", "9")
    template.put("II.2", "4", column="G")
    template.put("II.1", "2,5")
    page = template.upload()
    row = template.rows
    assert f"Ô F{row['II.2']} (II.2): Tử số (9) không được lớn hơn mẫu số (4)." in page
    assert f"Ô F{row['II.1']} (II.1): Số lượng phải là số nguyên." in page
    template.put("II.2", None, column="G")
    template.put("II.1", "99999999999999999")
    page = template.upload()
    assert f"Ô G{row['II.2']} (II.2): Chưa nhập số liệu." in page
    assert f"Ô F{row['II.1']}: số 99.999.999.999.999.999 quá lớn." in page
    assert not DataValue.objects.exists()


def test_a_submitted_month_takes_no_upload(client, world):
    ward = world.city.wards[0]
    put(world.indicators["houses"], ward, PERIOD, number=2)
    period = Period.objects.for_code(PERIOD)
    submit_report(submission=submission_for(world.programme, ward, period), actor=None)
    client.force_login(world.users["w1_clerk"])
    template = Template(client, ward)
    template.put("II.1", 3)
    errors = re.findall(r'<li class="msg error">([^<]+)</li>', template.upload())
    assert errors == [
        "Báo cáo tháng 8/2024 của Phường An Mỹ đã nộp, đang chờ duyệt: không sửa được số liệu "
        "cho đến khi cấp trên duyệt hoặc trả lại."
    ]
    assert figures(world, ward) == {"II.1": 2}

"""A committee's administrator imports a Word appendix in Debian's Chromium: uploads it,
reviews it beside the source text, corrects it and saves it as a programme."""

from io import BytesIO

import docx
import pytest

from mattran.browser import SHOTS, sign_in
from mattran.programmes.models import Programme

pytestmark = pytest.mark.browser

ROWS = [
    ("TT", "Nội dung", "2024", "2025", "2026", "2027", "2028", "2029"),
    ("I. Công tác tuyên truyền, vận động", "", "", "", "", "", "", ""),
    ("1", "- 100% khu dân cư tổ chức tốt Ngày hội Đại đoàn kết", "100%", "", "", "", "", ""),
    ("II. Xây dựng nông thôn mới, đô thị văn minh", "", "", "", "", "", "", ""),
    (
        "1",
        "- Hỗ trợ xây dựng, sửa chữa trên 100 nhà Đại đoàn kết",
        "30/100 nhà",
        "50/100 nhà",
        "70/100 nhà",
        "85/100 nhà",
        "100/100 nhà",
        "",
    ),
    ("2", "- Khu dân cư đạt chuẩn văn hóa", ">92%", ">92%", ">92%", ">92%", ">92%", ">92%"),
]


def appendix_docx(path):
    document = docx.Document()
    document.add_paragraph("Tam Kỳ, ngày 05 tháng 7 năm 2024")
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("(Thực hiện Nghị quyết Đại hội lần thứ IX, nhiệm kỳ 2024 – 2029)")
    table = document.add_table(rows=len(ROWS), cols=8)
    for row, cells in zip(table.rows, ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    buffer = BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_an_appendix_is_uploaded_reviewed_corrected_and_saved(browser, live_server, demo, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = sign_in(browser, live_server, "tamky.admin")
    page.click("nav >> text=Nhập văn bản")
    page.set_input_files("input[type=file]", str(appendix_docx(tmp_path / "phu-luc.docx")))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_selector("text=Văn bản gốc")
    assert "Tìm thấy 3 chỉ tiêu" in page.inner_text("main")
    assert page.input_value("input[name='i-1-0-t-2024']") == "30/100 nhà"
    page.screenshot(path=SHOTS / "import-review-desktop.png", full_page=False)
    page.fill("textarea[name=title]", "Chương trình hành động nhiệm kỳ IX (nhập từ phụ lục)")
    page.fill("input[name='i-1-0-t-2029']", "trên 100 nhà")
    page.uncheck("input[name='i-1-1-keep']")
    page.get_by_role("button", name="Xác nhận và lưu").click()
    page.wait_for_selector("text=Đã lưu Chương trình")
    programme = Programme.objects.get(title__contains="nhập từ phụ lục")
    assert sorted(programme.indicators.values_list("code", flat=True)) == ["I.1", "II.1"]
    houses = programme.indicators.get(code="II.1")
    assert {t.year: t.display for t in houses.targets.all()}[2029] == "trên 100 nhà"

    phone = sign_in(browser, live_server, "tamky.clerk", width=360)
    phone.goto(f"{live_server.url}/units/tamky/imports/")
    phone.fill("textarea[name=text]", "Uy ban MTTQ Viet Nam thi xa Dien Ban phat dong thi dua")
    phone.get_by_role("button", name="Khôi phục dấu").click()
    phone.wait_for_selector("#restored-text")
    assert "Ủy ban MTTQ Việt Nam thị xã Điện Bàn" in phone.input_value("#restored-text")
    phone.screenshot(path=SHOTS / "import-phone.png", full_page=True)

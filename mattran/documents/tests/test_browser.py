"""The standing board prepares August's report in Debian's Chromium, edits a paragraph,
refreshes the data and downloads the DOCX; a clerk reads it on a phone."""

from io import BytesIO

import docx
import pytest

from mattran.browser import SHOTS, sign_in
from mattran.documents.models import GeneratedFile

pytestmark = pytest.mark.browser


def test_the_board_prepares_edits_and_downloads_the_monthly_report(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = sign_in(browser, live_server, "tamky.admin")
    page.click("nav >> text=Văn bản")
    page.fill("input[name=period]", "2024-08")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_selector("text=Kết quả công tác Mặt trận tháng 8/2024")
    body = page.inner_text("article")
    assert "13/13 đơn vị cấp xã, phường thực hiện công trình" in body
    assert "13,386 tỷ đồng" in body and "848 lượt tương tác" in body
    page.screenshot(path=SHOTS / "report-desktop.png", full_page=False)

    block = page.locator(".doc-block", has_text="Đại lễ Vu Lan")
    block.get_by_role("button", name="Sửa").click()
    page.fill(
        "textarea[name=text]",
        "Thăm, chúc mừng Ban Trị sự GHPG thành phố nhân Đại lễ Vu Lan năm 2024[^1].",
    )
    page.get_by_role("button", name="Lưu đoạn này").click()
    page.wait_for_selector(".doc-block.edited >> text=Ban Trị sự GHPG thành phố")
    page.get_by_role("button", name="Cập nhật số liệu mới nhất").click()
    page.wait_for_selector("text=Đã cập nhật số liệu mới nhất")
    assert "Ban Trị sự GHPG thành phố" in page.inner_text("article")
    page.fill("input[name=number]", "45")
    page.get_by_role("button", name="Lưu số, ngày").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Word (.docx)").click()
    saved = download.value.path().read_bytes()
    document = docx.Document(BytesIO(saved))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Ban Trị sự GHPG thành phố nhân Đại lễ Vu Lan năm 2024" in text
    assert "Số: 45/BC-MTTQ-BTT" in "\n".join(c.text for c in document.tables[0]._cells)
    assert GeneratedFile.objects.get().created_by.username == "tamky.admin"

    phone = sign_in(browser, live_server, "tamky.viewer", width=360)
    phone.goto(page.url)
    phone.wait_for_selector("text=KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024")
    assert phone.locator("button", has_text="Sửa").count() == 0
    phone.screenshot(path=SHOTS / "report-phone.png", full_page=False)

"""In Debian's Chromium: a clerk makes an API token, sees it once, another program reads the
API with it, the clerk revokes it and it no longer opens anything; and a "Tải Excel" of the
dashboard gives the workbook of the table on the page."""

import json
import re
import urllib.error
import urllib.request
from io import BytesIO

import pytest
from openpyxl import load_workbook

from mattran.browser import SHOTS, sign_in

pytestmark = pytest.mark.browser


def api_get(live_server, path: str, key: str) -> tuple[int, dict]:
    """A plain HTTP GET, as a spreadsheet or another server would send it."""
    request = urllib.request.Request(
        f"{live_server.url}{path}", headers={"Authorization": f"Bearer {key}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_clerk_makes_uses_and_revokes_an_api_token(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = sign_in(browser, live_server, "anmy.clerk")
    page.get_by_role("link", name="Mã truy cập API").click()
    page.wait_for_url(re.compile(r"/api-tokens/$"))
    page.fill("#token-name", "Bảng tính tổng hợp của phường")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo mã").click()
    assert page.locator("#new-token").count() == 1, page.inner_text("main")[:600]
    key = page.inner_text("#new-token code.token").strip()
    assert key.startswith("mt_")
    assert "chỉ hiện một lần" in page.inner_text("#new-token")
    page.screenshot(path=SHOTS / "api-token-created.png", full_page=True)

    status, body = api_get(live_server, "/api/units?page_size=200", key)
    assert status == 200
    codes = {unit["code"] for unit in body["items"]}
    assert "tamky-anmy" in codes and "tamky" not in codes and "tamky-anphu" not in codes

    page.goto(f"{live_server.url}/api-tokens/")
    assert page.locator("#new-token").count() == 0  # shown once, never again
    assert key not in page.content()
    row = page.locator("tr", has_text="Bảng tính tổng hợp của phường")
    assert key[:8] in row.inner_text()
    row.get_by_role("button", name="Thu hồi").click()
    assert "Đã thu hồi mã truy cập “Bảng tính tổng hợp của phường”." in page.content()
    assert "Đã thu hồi" in page.locator("tr", has_text="Bảng tính tổng hợp").inner_text()
    page.screenshot(path=SHOTS / "api-token-revoked.png", full_page=True)

    status, body = api_get(live_server, "/api/units", key)
    assert status == 401
    assert body == {
        "code": "unauthorized",
        "message": "Thiếu hoặc sai mã truy cập (token).",
        "details": None,
    }


def test_the_dashboards_excel_download_is_the_table_on_the_page(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = sign_in(browser, live_server, "tamky.admin")
    page.goto(f"{live_server.url}/units/tamky/?year=2024")
    page.select_option("select[name=status]", "behind")
    page.wait_for_url(re.compile(r"status=behind"))
    page.wait_for_load_state("networkidle")
    shown = page.locator("#indicator-list .code").all_inner_texts()
    assert shown
    with page.expect_download() as info:
        page.click("#indicators-xlsx")
    download = info.value
    assert download.suggested_filename == "tien-do-tamky-2024.xlsx"
    sheet = load_workbook(BytesIO(download.path().read_bytes())).active
    assert sheet.freeze_panes == "A7"
    assert [c.value for c in sheet[6]][:2] == ["Mã", "Chỉ tiêu"]
    codes = [row[0] for row in sheet.iter_rows(min_row=7, values_only=True)]
    assert codes == shown
    assert {row[6] for row in sheet.iter_rows(min_row=7, values_only=True)} == {"Chậm"}
    assert "Trạng thái: Chậm" in [sheet.cell(r, 1).value for r in range(1, 6)]
    page.screenshot(path=SHOTS / "dashboard-excel-link.png")

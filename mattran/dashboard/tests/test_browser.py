"""The report's way up, clicked through in Debian's Chromium (headless, via Playwright)."""

import pytest
from django.db.models import Sum

from mattran.browser import SHOTS, sign_in
from mattran.households.models import HousingIndicatorLink
from mattran.reporting.models import DataValue

pytestmark = pytest.mark.browser


def houses_field(page):
    return page.locator("#row-II\\.1 input[type=text]")


def test_a_month_goes_up_is_returned_fixed_and_approved(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    entry = f"{live_server.url}/units/tamky-anmy/reports/2024-08/"
    # The demo counts II.1 from the houses handed over; this test types it as a committee
    # without a housing register would.
    HousingIndicatorLink.objects.filter(indicator__code="II.1").delete()
    total_before = DataValue.objects.filter(indicator__code="II.1").aggregate(s=Sum("number"))["s"]

    clerk = sign_in(browser, live_server, "anmy.clerk", width=360)
    clerk.click("nav >> text=Báo cáo")
    clerk.click("text=Tháng 8/2024")
    assert clerk.url == entry
    current = int(houses_field(clerk).input_value() or 0)
    houses_field(clerk).fill(str(current + 1))
    clerk.fill("#row-II\\.2 input[name$=_numerator]", "9999")  # more than the households
    clerk.click("text=Lưu số liệu")
    assert clerk.locator("#row-II\\.2 .errorlist").inner_text().startswith("Tử số (9.999)")
    assert houses_field(clerk).input_value() == str(current + 1)  # kept after the error
    denominator = clerk.locator("#row-II\\.2 input[name$=_denominator]").input_value()
    clerk.fill("#row-II\\.2 input[name$=_numerator]", denominator)
    clerk.click("text=Lưu số liệu")
    assert "Đã lưu số liệu tháng 8/2024" in clerk.content()
    clerk.screenshot(path=SHOTS / "entry-phone.png", full_page=True)
    clerk.click("#submit-report")
    assert clerk.locator("#report-status").inner_text() == "Đã nộp, chờ duyệt"

    board = sign_in(browser, live_server, "tamky.admin")
    board.goto(entry)
    board.fill("#reason", "Đề nghị kiểm tra lại số nhà bàn giao trong tháng.")
    board.click("#return-report")
    assert board.locator("#report-status").inner_text() == "Bị trả lại"

    clerk.goto(entry)
    assert "Đề nghị kiểm tra lại số nhà" in clerk.locator("#return-reason").inner_text()
    houses_field(clerk).fill(str(current + 2))
    clerk.click("text=Lưu số liệu")
    clerk.click("#submit-report")
    assert clerk.locator("#report-status").inner_text() == "Đã nộp, chờ duyệt"

    board.goto(entry)
    board.click("#approve-report")
    assert board.locator("#report-status").inner_text() == "Đã duyệt"

    board.goto(f"{live_server.url}/units/tamky/?year=2024")
    actual = board.locator("#ind-II\\.1 .actual").inner_text()
    assert actual == f"{int(total_before) + 2} nhà"
    board.wait_for_selector("#children-table")
    board.screenshot(path=SHOTS / "dashboard-desktop.png", full_page=True)
    phone = sign_in(browser, live_server, "tamky.viewer", width=360)
    phone.goto(f"{live_server.url}/units/tamky/?year=2024")
    phone.screenshot(path=SHOTS / "dashboard-phone.png")

    other = sign_in(browser, live_server, "anson.clerk")
    response = other.goto(entry)
    assert response.status == 404

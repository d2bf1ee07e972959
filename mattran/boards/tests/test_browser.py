"""The city's standing board rates a ward from a 360 px phone: the row is saved in place
(htmx) and the ward's V.4 figure follows (Debian's Chromium)."""

import pytest

from mattran.boards.models import YearlyRating
from mattran.browser import SHOTS, sign_in
from mattran.reporting.models import DataValue

pytestmark = pytest.mark.browser


def test_the_city_rates_a_ward_on_a_phone(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = sign_in(browser, live_server, "tamky.admin", width=360)
    page.goto(f"{live_server.url}/units/tamky/boards/?year=2024")
    page.wait_for_selector("text=Đánh giá, xếp loại năm 2024 — Thành phố Tam Kỳ")
    page.screenshot(path=SHOTS / "boards-top-phone.png", full_page=False)
    row = page.locator("#rating-tamky-anson-committee")
    assert "Hoàn thành nhiệm vụ" in row.inner_text()
    row.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "boards-ratings-phone.png", full_page=False)
    row.locator("select").select_option("3")
    row.locator("textarea").fill("Đã khắc phục việc chậm báo cáo; tổ chức 02 hội nghị phản biện.")
    row.get_by_role("button", name="Lưu thay đổi").click()
    page.wait_for_selector("#rating-tamky-anson-committee .b-saved")
    saved = page.locator("#rating-tamky-anson-committee")
    assert "Hoàn thành tốt nhiệm vụ" in saved.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    saved.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "boards-rated-phone.png", full_page=False)
    rating = YearlyRating.objects.get(unit__code="tamky-anson", subject="committee", year=2024)
    assert rating.rating == 3 and rating.rated_by.username == "tamky.admin"
    figure = DataValue.objects.get(
        indicator__code="V.4", unit__code="tamky-anson", period__code="2024"
    )
    assert figure.rating == 3

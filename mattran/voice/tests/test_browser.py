"""A ward clerk records a voter's petition on the meeting's page; the city's board finds it
among the overdue petitions on a phone, with the citizen's name masked (headless Chromium)."""

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.demo.voice import create_voice
from mattran.programmes.models import Programme
from mattran.units.models import Unit
from mattran.voice.models import Petition

pytestmark = pytest.mark.browser
CONTENT = "Đề nghị khơi thông mương thoát nước khối phố 4 trước mùa mưa bão"


def test_a_clerk_records_a_petition_and_the_city_sees_it_overdue(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    create_voice(Unit.objects.get(code="tamky"), Programme.objects.get())
    clerk = sign_in(browser, live_server, "anmy.clerk")
    clerk.goto(f"{live_server.url}/units/tamky-anmy/voice/?year=2024")
    clerk.wait_for_selector("#stats")
    assert "hội nghị tiếp xúc cử tri" in clerk.inner_text("#stats")
    clerk.screenshot(path=SHOTS / "voice-index-desktop.png", full_page=True)
    clerk.click(".v-nav >> text=Tiếp xúc cử tri")
    clerk.get_by_role("link", name="Hội nghị tiếp xúc cử tri sau kỳ họp thứ 13").first.click()
    clerk.wait_for_selector("#petitions")
    form = clerk.locator("#petitions form")
    form.locator("textarea[name=petitions-content]").fill(CONTENT)
    form.locator("select[name=petitions-field]").select_option("infrastructure")
    form.locator("input[name=petitions-citizen_name]").fill("Bà Lê Thị Thu")
    form.locator("input[name=petitions-forwarded_to]").fill("UBND phường An Mỹ")
    form.locator("input[name=petitions-forwarded_on]").fill("32/08/2024")
    form.get_by_role("button", name="Thêm kiến nghị của cử tri").click()
    clerk.wait_for_selector("text=Ngày phải viết theo dạng dd/mm/yyyy")
    form = clerk.locator("#petitions form")
    assert form.locator("textarea[name=petitions-content]").input_value() == CONTENT
    form.locator("input[name=petitions-forwarded_on]").fill("20/08/2024")
    form.locator("input[name=petitions-deadline]").fill("19/09/2024")
    form.get_by_role("button", name="Thêm kiến nghị của cử tri").click()
    clerk.wait_for_selector("text=Đã thêm kiến nghị của cử tri")
    row = clerk.locator("#petitions tr", has_text=CONTENT)
    assert "Quá hạn" in row.inner_text() and "Bà Lê Thị Thu" in row.inner_text()
    assert "v-overdue" in (row.get_attribute("class") or "")
    clerk.screenshot(path=SHOTS / "voice-meeting-desktop.png", full_page=True)
    assert Petition.objects.get(content=CONTENT).created_by.username == "anmy.clerk"

    board = sign_in(browser, live_server, "tamky.admin", width=360)
    board.goto(f"{live_server.url}/units/tamky/voice/petitions/overdue/")
    board.wait_for_selector("#petition-table")
    row = board.locator("#petition-table tr", has_text=CONTENT)
    text = row.inner_text()
    assert "Phường An Mỹ" in text and "(đã ẩn)" in text and "Bà Lê Thị Thu" not in text
    board.screenshot(path=SHOTS / "voice-overdue-phone.png", full_page=False)
    board.goto(f"{live_server.url}/units/tamky/voice/?year=2024")
    board.wait_for_selector("#months")
    board.screenshot(path=SHOTS / "voice-index-phone.png", full_page=True)

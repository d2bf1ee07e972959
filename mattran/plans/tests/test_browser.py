"""A member organisation's officer reports progress on its campaign task on a phone; the
city's standing board sees every owner's tasks by status (Debian's Chromium, headless)."""

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.plans.models import ProgressReport

pytestmark = pytest.mark.browser


def test_an_owner_reports_progress_and_the_city_sees_it(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    officer = sign_in(browser, live_server, "hnd.clerk", width=360)
    officer.goto(f"{live_server.url}/units/tamky-hnd/tasks/")
    officer.get_by_text("Thành lập mới 01 Chi hội nông dân nghề nghiệp").first.click()
    officer.wait_for_selector("text=Báo cáo tiến độ")
    officer.fill("input[name=value]", "26")
    officer.fill("textarea[name=note]", "Đã thành lập đủ 26 Tổ hội nông dân nghề nghiệp")
    officer.fill("input[name=link]", "https://mattrantamky.vn/tin/to-hoi-nong-dan.html")
    officer.check("input[name=done]")
    officer.get_by_role("button", name="Gửi báo cáo").click()
    officer.wait_for_selector("text=Đã gửi báo cáo tiến độ")
    assert "Đã hoàn thành" in officer.inner_text("main")
    officer.screenshot(path=SHOTS / "task-progress-phone.png", full_page=True)
    latest = ProgressReport.objects.order_by("-pk").first()
    assert latest.value == 26 and latest.done and latest.created_by.username == "hnd.clerk"

    board = sign_in(browser, live_server, "tamky.admin")
    board.click("nav >> text=Kế hoạch")
    board.get_by_text("Cuộc vận động “Toàn dân đoàn kết").first.click()
    board.wait_for_selector("text=Nội dung và tiêu chí quốc gia")
    text = board.inner_text("main")
    assert "Hội Nông dân thành phố" in text and "Phường An Mỹ" in text
    assert "26 / 26 (100%)" in text
    board.screenshot(path=SHOTS / "plan-desktop.png", full_page=False)
    board.select_option("select[name=status]", "late")
    board.wait_for_url("**status=late**")
    assert "Đã hoàn thành" not in board.inner_text("table")

"""An Mỹ's clerk looks up the ward's people on a 360 px phone, searching without diacritics,
and opens a person's page with posts, training and contact data (Debian's Chromium)."""

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.people.models import Position

pytestmark = pytest.mark.browser


def test_a_clerk_finds_a_cadre_on_a_phone(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    chair = Position.objects.get(unit__code="tamky-anmy", role="chair").person
    family = chair.search_name.split()[0]  # "nguyen" for "Nguyễn …": typed without marks

    clerk = sign_in(browser, live_server, "anmy.clerk", width=360)
    clerk.goto(f"{live_server.url}/units/tamky-anmy/people/")
    clerk.wait_for_selector("text=Cán bộ, ủy viên, thành viên các ban — Phường An Mỹ")
    assert "Ban Công tác Mặt trận khu dân cư: 28" in clerk.inner_text("#counts")
    clerk.screenshot(path=SHOTS / "people-list-phone.png", full_page=False)
    clerk.fill("input[name=q]", family)
    clerk.get_by_role("button", name="Lọc").click()
    clerk.wait_for_selector(f"#people >> text={chair.full_name}")
    width = clerk.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width  # nothing wider than the phone
    clerk.get_by_role("link", name=chair.full_name).first.click()
    clerk.wait_for_selector("text=Chức vụ qua các thời kỳ")
    text = clerk.inner_text("main")
    assert "Chủ tịch Ủy ban MTTQ" in text and "Bồi dưỡng, tập huấn" in text
    if chair.phone:
        assert chair.phone in text
    clerk.screenshot(path=SHOTS / "person-phone.png", full_page=True)

"""An Mỹ's clerk keeps the register on a 360 px phone and records a support; the city's
standing board reads counts per ward and masked rows on a desktop (Debian's Chromium)."""

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.households.models import Household, Support
from mattran.households.tests.test_demo import ensure_demo_households

pytestmark = pytest.mark.browser


def test_a_ward_keeps_its_register_and_the_city_sees_only_counts(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    ensure_demo_households()
    household = (
        Household.objects.filter(unit__parent__code="tamky-anmy", houses__isnull=False)
        .order_by("pk")
        .first()
    )

    clerk = sign_in(browser, live_server, "anmy.clerk", width=360)
    clerk.goto(f"{live_server.url}/units/tamky-anmy/households/")
    clerk.wait_for_selector("text=Hộ nghèo, cận nghèo — Phường An Mỹ")
    assert household.head_name in clerk.inner_text("#register")
    clerk.screenshot(path=SHOTS / "households-register-phone.png", full_page=True)
    clerk.get_by_role("link", name=household.head_name).click()
    clerk.wait_for_selector("text=Diện hộ theo năm")
    clerk.fill("#support-date", "15/8/2024")
    clerk.select_option("#support-kind", "livelihood")
    clerk.fill("#support-giver", "Hội Nông dân phường An Mỹ")
    clerk.fill("#support-amount", "3.000.000")
    clerk.fill("#support-in_kind", "50 con gà giống")
    clerk.get_by_role("button", name="Lưu lần hỗ trợ").click()
    clerk.wait_for_selector("text=Đã ghi lần hỗ trợ.")
    assert "3.000.000 đồng" in clerk.inner_text("#supports + table")
    clerk.screenshot(path=SHOTS / "household-phone.png", full_page=True)
    saved = Support.objects.filter(household=household, kind="livelihood").latest("pk")
    assert saved.amount == 3_000_000 and saved.created_by.username == "anmy.clerk"

    board = sign_in(browser, live_server, "tamky.admin")
    board.goto(f"{live_server.url}/units/tamky/households/")
    board.wait_for_selector("text=Theo xã, phường năm 2024")
    text = board.inner_text("main")
    assert household.head_name not in text and "Hộ ông/bà" in text
    assert "Phường An Mỹ" in board.inner_text("#wards")
    board.screenshot(path=SHOTS / "households-register-desktop.png", full_page=False)
    board.get_by_role("link", name="Nhà Đại đoàn kết", exact=True).click()
    board.wait_for_selector("text=Chỉ tiêu tính từ nhà bàn giao")
    assert "II.1" in board.inner_text("#indicators")
    board.screenshot(path=SHOTS / "houses-desktop.png", full_page=True)

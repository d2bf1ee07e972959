"""The city's Quỹ “Vì người nghèo” in Debian's Chromium: the city's clerk reads the 2024
ledger, records a disbursement (first refused for want of money, then corrected), cancels
it with a reversing entry from its row and looks at the relief store; a ward's clerk reads
its ledger on a phone."""

import re

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.funds.models import Entry, EntryKind, Fund
from mattran.units.models import Unit

pytestmark = pytest.mark.browser


def the_fund() -> Fund:
    fund = Fund.objects.filter(unit__code="tamky", kind="vi_nguoi_ngheo").first()
    if fund is None:  # until the demo command creates the funds
        from mattran.demo.funds import create_funds

        create_funds(Unit.objects.get(code="tamky"))
        fund = Fund.objects.get(unit__code="tamky", kind="vi_nguoi_ngheo")
    return fund


def test_the_city_clerk_keeps_the_ledger_and_a_ward_reads_it_on_a_phone(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fund = the_fund()
    clerk = sign_in(browser, live_server, "tamky.clerk")
    clerk.goto(f"{live_server.url}/units/tamky/funds/")
    clerk.screenshot(path=SHOTS / "funds-index-desktop.png", full_page=True)
    clerk.locator("#fund-vi_nguoi_ngheo").get_by_role("link", name="Xem sổ quỹ").click()
    clerk.get_by_role("link", name="Năm 2024").click()
    clerk.wait_for_url(re.compile(r"year=2024"))
    ledger = clerk.inner_text("#ledger")
    assert "Hỗ trợ kinh phí xây dựng 01 nhà cho hộ nghèo huyện Nam Trà My" in ledger
    assert "Đã đảo ngày 15/03/2024" in ledger
    assert clerk.inner_text("#period-totals").split() == [
        "Tồn",
        "đầu",
        "kỳ",
        "137.500.000",
        "Thu",
        "trong",
        "kỳ",
        "543.500.000",
        "Chi",
        "trong",
        "kỳ",
        "456.600.000",
        "Tồn",
        "cuối",
        "kỳ",
        "224.400.000",
    ]

    clerk.get_by_role("link", name="Ghi chi").click()
    clerk.fill("input[name=entry_date]", "20/11/2024")
    clerk.fill("input[name=amount]", "250.000.000")
    clerk.fill("input[name=purpose]", "Hỗ trợ sửa chữa nhà ở cho hộ nghèo bị ảnh hưởng bão số 6")
    clerk.fill("input[name=beneficiary]", "Hộ ông Trần Văn Bảy, thôn Thạch Tân, xã Tam Thanh")
    clerk.fill("input[name=decision_number]", "240/QĐ-MTTQ-BTT")
    clerk.fill("input[name=decision_date]", "18/11/2024")
    clerk.get_by_role("button", name="Ghi khoản chi").click()
    clerk.wait_for_selector("text=không đủ để chi 250.000.000 đồng")
    clerk.screenshot(path=SHOTS / "funds-disbursement-refused-desktop.png", full_page=True)
    assert clerk.input_value("input[name=beneficiary]").startswith("Hộ ông Trần Văn Bảy")
    clerk.fill("input[name=amount]", "25.000.000")
    clerk.get_by_role("button", name="Ghi khoản chi").click()
    clerk.wait_for_selector("text=Đã ghi khoản chi 25.000.000 đồng")
    paid = Entry.objects.get(fund=fund, decision_number="240/QĐ-MTTQ-BTT")
    assert paid.created_by.username == "tamky.clerk"
    row = clerk.locator(f"#entry-{paid.pk}")
    row.get_by_role("link", name="Ghi bút toán đảo").click()
    clerk.fill("input[name=entry_date]", "21/11/2024")
    clerk.fill("input[name=reason]", "Hộ đã được Quỹ cứu trợ hỗ trợ, chi trùng")
    clerk.get_by_role("button", name="Ghi bút toán đảo").click()
    clerk.wait_for_selector("text=Đã ghi bút toán đảo 25.000.000 đồng ngày 21/11/2024.")
    assert Entry.objects.get(reverses=paid).kind == EntryKind.REVERSAL
    assert "Đã đảo ngày 21/11/2024" in clerk.inner_text(f"#entry-{paid.pk}")
    clerk.screenshot(path=SHOTS / "funds-ledger-desktop.png", full_page=False)
    clerk.get_by_role("link", name="Báo cáo thu, chi").first.click()
    clerk.wait_for_selector("#check.success")
    clerk.screenshot(path=SHOTS / "funds-report-desktop.png", full_page=True)

    clerk.goto(f"{live_server.url}/units/tamky/funds/stock/")
    clerk.get_by_role("link", name="Kho hàng cứu trợ thành phố").click()
    clerk.get_by_role("link", name="Năm 2024").click()
    assert "Phường An Phú" in clerk.inner_text("#documents")
    clerk.screenshot(path=SHOTS / "funds-store-desktop.png", full_page=True)

    phone = sign_in(browser, live_server, "anmy.clerk", width=360)
    phone.goto(f"{live_server.url}/units/tamky-anmy/funds/")
    phone.locator("#fund-vi_nguoi_ngheo").get_by_role("link", name="Xem sổ quỹ").click()
    phone.wait_for_selector("text=Nhận điều chuyển")
    assert "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ" in phone.inner_text("#ledger")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    phone.screenshot(path=SHOTS / "funds-ledger-phone.png", full_page=True)
    phone.get_by_role("link", name="Ghi chi").click()
    phone.screenshot(path=SHOTS / "funds-disbursement-phone.png", full_page=True)

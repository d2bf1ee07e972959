"""The 2024 movement in Debian's Chromium: the city reopens An Mỹ's self-assessment, An Mỹ's
clerk fills and submits it (on a desktop and on a 360 px phone), the city scores it
officially and the ranking shows it."""

import re

import pytest

from mattran.browser import SHOTS, sign_in
from mattran.emulation.models import Movement
from mattran.programmes.models import Programme
from mattran.units.models import Unit

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n% Quy che lam viec\n"


def the_movement() -> Movement:
    movement = Movement.objects.filter(organiser__code="tamky").first()
    if movement is None:  # until the demo command creates it
        from mattran.demo.emulation import create_movement

        city = Unit.objects.get(code="tamky")
        movement = create_movement(city, Programme.objects.get(unit=city))
    return movement


def test_a_ward_scores_itself_and_the_city_confirms_the_scores(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    movement = the_movement()
    anmy = movement.participations.get(unit__code="tamky-anmy")

    admin = sign_in(browser, live_server, "tamky.admin")
    admin.goto(f"{live_server.url}/units/tamky/emulation/")
    admin.get_by_role("link", name=re.compile("Phong trào thi đua thực hiện")).click()
    admin.wait_for_selector("text=Tiêu chí chấm điểm")
    admin.screenshot(path=SHOTS / "emulation-movement-desktop.png", full_page=True)
    admin.goto(f"{live_server.url}/units/tamky/emulation/{movement.pk}/review/{anmy.pk}/")
    admin.get_by_role("button", name="Mở lại cho đơn vị tự chấm").click()
    admin.wait_for_selector("text=Đã mở lại cho Phường An Mỹ tự chấm điểm")

    clerk = sign_in(browser, live_server, "anmy.clerk")
    clerk.goto(f"{live_server.url}/units/tamky-anmy/emulation/")
    clerk.get_by_role("link", name="Bảng tự chấm").click()
    clerk.wait_for_selector("text=Tự chấm điểm — Phường An Mỹ")
    manual = {"1": "9", "2": "8,5", "3": "14", "4": "18", "7": "13,5"}
    for number, value in manual.items():
        clerk.get_by_label(f"Điểm tự chấm tiêu chí {number}", exact=True).fill(value)
    row = clerk.locator(".criterion", has_text="Chuyển đổi số")
    row.locator("input[type=url]").fill("https://zalo.me/mttqanmy")
    row.locator("textarea").fill("Duy trì trang Zalo OA, đăng 42 tin bài.")
    first = movement.criteria.get(number="1").pk
    clerk.set_input_files(
        f"input[name=file-{first}]",
        files=[{"name": "quy-che-lam-viec.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    assert clerk.inner_text(f"#criterion-{first} .file-name") == "quy-che-lam-viec.pdf"
    clerk.get_by_role("button", name="Lưu nháp").click()
    clerk.wait_for_selector("text=Đã lưu nháp bảng tự chấm điểm.")
    clerk.wait_for_selector(f"#criterion-{first} >> text=quy-che-lam-viec.pdf")
    assert "Tính từ số liệu" in clerk.inner_text(
        "#criterion-" + str(movement.criteria.get(number="5", applies_to="commune").pk)
    )
    clerk.screenshot(path=SHOTS / "emulation-sheet-desktop.png", full_page=True)

    phone = sign_in(browser, live_server, "anmy.clerk", width=360)
    phone.goto(clerk.url)
    phone.wait_for_selector("text=Nộp bảng tự chấm")
    phone.screenshot(path=SHOTS / "emulation-sheet-phone.png", full_page=True)
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Nộp bảng tự chấm").click()
    phone.wait_for_selector("text=Đã nộp bảng tự chấm điểm.")
    assert phone.inner_text("#sheet-status") == "Đã nộp, chờ chấm"

    admin.goto(f"{live_server.url}/units/tamky/emulation/{movement.pk}/review/{anmy.pk}/")
    admin.wait_for_selector("text=Chấm điểm chính thức — Phường An Mỹ")
    admin.fill(f"input[name=final-{first}]", "8")
    admin.fill(f"input[name=review-{first}]", "Thiếu biên bản hội nghị thông qua quy chế.")
    admin.get_by_role("button", name="Xác nhận điểm chính thức").click()
    admin.wait_for_selector("text=Đã xác nhận điểm chính thức của Phường An Mỹ")
    totals = admin.inner_text("#totals")
    assert "Tổng điểm chính thức" in totals
    admin.screenshot(path=SHOTS / "emulation-review-desktop.png", full_page=True)

    admin.goto(f"{live_server.url}/units/tamky/emulation/{movement.pk}/")
    ranking = admin.locator("#ranking tr", has_text="Phường An Mỹ")
    assert "Đã chấm chính thức" in ranking.inner_text()
    admin.select_option("select[name=tier]", "area")
    admin.wait_for_selector("#ranking >> text=Thôn 2 · Xã Tam Thăng")
    admin.select_option("select[name=tier]", "commune")
    admin.wait_for_selector("#ranking >> text=Phường An Mỹ")

    phone_admin = sign_in(browser, live_server, "tamky.admin", width=360)
    phone_admin.goto(f"{live_server.url}/units/tamky/emulation/{movement.pk}/")
    phone_admin.screenshot(path=SHOTS / "emulation-movement-phone.png", full_page=True)

"""Browser tests' helpers: Debian's Chromium driven by Playwright, headless."""

import re
from pathlib import Path

from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(settings.VAR_DIR) / "screenshots"


def sign_in(browser, live_server, username, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mattran2024")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/units/"))
    return page

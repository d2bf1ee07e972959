"""Simulated clerks for `mattran bench load` (run by locust in a process of its own).

Each simulated user is one commune's data clerk, already signed in through the real login
page (`load_server.sign_in`). It opens its entry form for the open month, changes a few
figures and saves them through the real form POST (CSRF token, every field the page
posts), a few times, submits the report right after the last save, then reads its pages.
Every request goes to `requests.jsonl` with its latency and outcome; every figure a save
posted goes to `writes.jsonl`, acknowledged or not, so that `load_check` can find lost
writes afterwards.

The plan (clerks, session cookies, value types of the indicators) comes from the JSON file
named by MATTRAN_LOAD_PLAN. Nothing here imports Django: locust patches the standard
library with gevent.
"""

import itertools
import json
import os
import random
import re
import time
from html import unescape
from pathlib import Path

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser, LocustBadStatusCode
from requests.cookies import create_cookie

PLAN = json.loads(Path(os.environ["MATTRAN_LOAD_PLAN"]).read_text(encoding="utf-8"))
REQUESTS, WRITES = Path(PLAN["requests_log"]), Path(PLAN["writes_log"])
CLERKS = itertools.cycle(PLAN["clerks"])
KINDS = {int(pk): kind for pk, kind in PLAN["indicators"].items()}

OPEN, SAVE, SUBMIT, BROWSE = "Mở biểu mẫu", "Lưu số liệu", "Nộp báo cáo", "Xem danh sách báo cáo"
SAVED, SUBMITTED = "Đã lưu số liệu", "Đã nộp báo cáo"
LOCKED_STATUSES = ("Đã nộp, chờ duyệt", "Đã duyệt")

INPUT = re.compile(r"<input\b([^>]*)>")
SELECT = re.compile(r'<select name="([^"]+)"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]*)"([^>]*)>')
ATTRIBUTE = re.compile(r'(\w[\w-]*)(?:="([^"]*)")?')
STATUS = re.compile(r'id="report-status">\s*([^<]+?)\s*</span>')
FIELD = re.compile(r"i(\d+)_(\w+)")


def log(path: Path, **record) -> None:
    """One JSON line; greenlets take turns, and a line is written in one call."""
    with path.open("a", encoding="utf-8") as lines:
        lines.write(json.dumps({"t": time.time(), **record}, ensure_ascii=False) + "\n")


def form_fields(page: str) -> dict[str, str]:
    """What a browser would post from the entry form: every field with its current value."""
    start = page.find('id="entry-form"')
    end = page.find("</form>", start)
    form = page[start:end] if start >= 0 else ""
    fields: dict[str, str] = {}
    for match in INPUT.finditer(form):
        attrs = {k: unescape(v or "") for k, v in ATTRIBUTE.findall(match.group(1))}
        name = attrs.get("name")
        if not name or attrs.get("type") == "submit":
            continue
        if attrs.get("type") == "radio":
            if "checked" in attrs:
                fields[name] = attrs.get("value", "")
            else:
                fields.setdefault(name, "")
            continue
        fields[name] = attrs.get("value", "")
    for name, options in SELECT.findall(form):
        chosen = [v for v, rest in OPTION.findall(options) if "selected" in rest]
        fields[name] = unescape(chosen[0]) if chosen else ""
    return fields


def new_figure(kind: str) -> tuple[dict[str, str], dict]:
    """(what is typed into the fields, the same figure in plain form for the check)."""
    if kind == "count":
        n = random.randint(0, 500)
        return {"number": str(n)}, {"number": str(n)}
    if kind == "amount":
        n = random.randint(0, 9_999) * 1_000
        return {"number": f"{n:,}".replace(",", ".")}, {"number": str(n)}
    if kind == "percent":
        tenths = random.randint(0, 1_000)
        typed = f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)
        return {"number": typed}, {"number": str(tenths / 10)}
    if kind == "fraction":
        denominator = random.randint(1, 100)
        numerator = random.randint(0, denominator)
        plain = {"numerator": str(numerator), "denominator": str(denominator)}
        return plain, plain
    if kind == "yes_no":
        answer = random.choice(["yes", "no"])
        return {"boolean": answer}, {"boolean": answer == "yes"}
    rating = random.randint(1, 4)
    return {"rating": str(rating)}, {"rating": rating}


class Clerk(FastHttpUser):
    wait_time = between(*PLAN["think"])
    network_timeout = 60.0
    connection_timeout = 10.0

    def on_start(self):
        self.clerk = next(CLERKS)
        for name, value in self.clerk["cookies"].items():
            self.client.cookiejar.set_cookie(create_cookie(name, value, domain="127.0.0.1"))
        base = f"/units/{self.clerk['unit']}"
        self.entry_path = f"{base}/reports/{self.clerk['period']}/"
        self.submit_path = f"{self.entry_path}submit/"
        self.index_path = f"{base}/reports/?year={self.clerk['year']}"
        self.saves_left = random.randint(*PLAN["saves"])
        self.page: str | None = None
        self.submitted = False
        self.reading = 0
        time.sleep(random.uniform(0, sum(PLAN["think"]) / 2))  # clerks do not all start at once

    @task
    def step(self):
        if self.submitted:
            self.read()
        elif self.page is None:
            self.open()
        elif self.saves_left > 0:
            self.save()
        else:
            self.submit()

    def call(self, name: str, method: str, path: str, expect, **kwargs):
        """One request; `expect(response)` returns an error text or None. Returns the
        response, or None if the request failed (then it is logged as an error, or as a
        connection error when the server could not be reached)."""
        with self.client.request(
            method, path, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            ms = response.request_meta["response_time"]
            broken = response.request_meta.get("exception") or getattr(response, "error", None)
            if not response.status_code or (
                broken is not None and not isinstance(broken, LocustBadStatusCode)
            ):
                # No answer in time is a failure of the server; a refused or cut connection
                # is the server being down (killed), which --kill-after counts on its own.
                timeout = "timed out" in repr(broken)
                response.failure(f"{'quá thời gian chờ' if timeout else 'kết nối'}: {broken!r}")
                outcome = "error" if timeout else "connection"
                log(REQUESTS, name=name, ms=ms, outcome=outcome, detail=repr(broken))
                return None
            problem = expect(response)
            if problem:
                response.failure(problem)
                log(REQUESTS, name=name, ms=ms, outcome="error", detail=problem)
                return None
            response.success()
            log(REQUESTS, name=name, ms=ms, outcome="ok")
            return response

    def open(self, after: str | None = None) -> str | None:
        def expect(response):
            if response.status_code != 200:
                return f"HTTP {response.status_code}"
            if 'id="report-status"' not in (response.text or ""):
                return "không thấy biểu mẫu"
            if after and after not in response.text:
                return f"không thấy thông báo “{after}”"
            return None

        response = self.call(OPEN, "GET", self.entry_path, expect)
        self.page = response.text if response is not None else None
        if self.page is not None:
            status = STATUS.search(self.page)
            if status and status.group(1) in LOCKED_STATUSES:
                self.submitted = True  # an earlier submission went through unacknowledged
        return self.page

    def save(self):
        fields = form_fields(self.page)
        editable = sorted(
            {
                int(m.group(1))
                for m in map(FIELD.fullmatch, fields)
                if m and int(m.group(1)) in KINDS
            }
        )
        chosen = random.sample(editable, min(len(editable), random.randint(2, 5)))
        written = []
        for pk in chosen:
            typed, plain = new_figure(KINDS[pk])
            for part, text in typed.items():
                fields[f"i{pk}_{part}"] = text
            written.append((pk, plain))
        fields["save"] = ""

        def expect(response):
            if response.status_code == 302 and response.headers.get("Location") == self.entry_path:
                return None
            if response.status_code == 200:
                errors = re.findall(r'class="errorlist[^"]*"><li>([^<]+)', response.text or "")
                return f"biểu mẫu báo lỗi: {unescape(errors[0]) if errors else '?'}"
            return f"HTTP {response.status_code}"

        response = self.call(SAVE, "POST", self.entry_path, expect, data=fields)
        for pk, plain in written:
            log(
                WRITES,
                clerk=self.clerk["username"],
                unit=self.clerk["unit"],
                period=self.clerk["period"],
                indicator=pk,
                figure=plain,
                acked=response is not None,
            )
        self.page = None
        if response is not None:
            self.saves_left -= 1
            self.open(after=SAVED)  # the browser follows the redirect
            if self.saves_left == 0 and self.page is not None:
                self.submit()  # the last figures are in: the clerk submits right away

    def submit(self):
        token = form_fields(self.page).get("csrfmiddlewaretoken", "")

        def expect(response):
            if response.status_code == 302 and response.headers.get("Location") == self.entry_path:
                return None
            return f"HTTP {response.status_code}"

        response = self.call(
            SUBMIT, "POST", self.submit_path, expect, data={"csrfmiddlewaretoken": token}
        )
        self.page = None
        acked = response is not None and self.open(after=SUBMITTED) is not None
        log(
            WRITES,
            clerk=self.clerk["username"],
            unit=self.clerk["unit"],
            period=self.clerk["period"],
            submission=True,
            acked=acked,
        )
        self.submitted = self.submitted or acked

    def read(self):
        self.reading += 1
        if self.reading % 2:
            self.call(
                BROWSE,
                "GET",
                self.index_path,
                lambda r: None if r.status_code == 200 else f"HTTP {r.status_code}",
            )
        else:
            self.open()

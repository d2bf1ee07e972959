"""The app server of `mattran bench load`: gunicorn on 127.0.0.1 in a process group of its
own (so that SIGKILL takes the master and every worker at once), pointed at the database
this process uses; and clerks signed in through the real login page."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

from django.db import connection

LOGIN = "/accounts/login/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def database_url() -> str:
    """The database this process is connected to (the test database under pytest)."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    if connection.vendor != "postgresql":
        raise RuntimeError(f"Chưa hỗ trợ cơ sở dữ liệu {connection.vendor}.")
    user = quote(s.get("USER") or "", safe="")
    password = f":{quote(s['PASSWORD'], safe='')}" if s.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{credentials}{s.get('HOST') or ''}{port}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class AppServer:
    """gunicorn serving mattran.config.wsgi with the current settings and database."""

    def __init__(self, port: int, workers: int, log_path: Path):
        self.port, self.workers, self.log_path = port, workers, log_path
        self.process: subprocess.Popen | None = None
        self.base = f"http://127.0.0.1:{port}"

    def start(self, timeout: float = 60) -> float:
        """Start and wait until a worker answers; returns the seconds that took."""
        started = time.perf_counter()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mattran.config.settings",
            "DATABASE_URL": database_url(),
            "DEBUG": "false",
        }
        command = [
            sys.executable, "-m", "gunicorn", "mattran.config.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--timeout", "60", "--graceful-timeout", "5", "--backlog", "2048", "--preload",
        ]  # fmt: skip
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(
                command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_ready(timeout)
        return time.perf_counter() - started

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn dừng ngay khi khởi động (xem {self.log_path}).")
            try:
                with build_opener().open(self.base + LOGIN, timeout=5) as response:
                    if response.status == 200:
                        return
            except (URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn không trả lời sau {timeout:.0f} giây (xem {self.log_path}).")

    def kill(self) -> None:
        """SIGKILL the master and all its workers at once: nothing gets to clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str, username: str, password: str) -> tuple[dict[str, str], float]:
    """Sign in as a person does: open the login page, post the form. Returns the
    cookies of the signed-in browser and the milliseconds the POST took."""
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(base + LOGIN, timeout=60) as response:
        token = TOKEN.search(response.read().decode())[1]
    body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    started = time.perf_counter()
    try:
        opener.open(Request(base + LOGIN, data=body.encode()), timeout=120).close()
        raise RuntimeError(f"Đăng nhập {username} không thành công (trang đăng nhập hiện lại).")
    except HTTPError as answer:
        if answer.code != 302:
            raise RuntimeError(f"Đăng nhập {username}: HTTP {answer.code}.") from answer
    ms = (time.perf_counter() - started) * 1000
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"Đăng nhập {username} không nhận được phiên làm việc.")
    return cookies, ms


def sign_in_all(base: str, usernames: list[str], password: str, parallel: int):
    """Every clerk signs in, `parallel` at a time; returns ({username: cookies}, [ms])."""
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        results = list(pool.map(lambda name: sign_in(base, name, password), usernames))
    return (
        {name: cookies for name, (cookies, _) in zip(usernames, results, strict=True)},
        [ms for _, ms in results],
    )

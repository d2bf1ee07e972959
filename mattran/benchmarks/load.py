"""`mattran bench load`: the web app under concurrent load, and what a SIGKILL of the app
server in the middle of it leaves behind.

Commune data clerks (`bench-clerk-<i>`, the i-th commune of the programme by code) sign in
through the real login page of gunicorn on 127.0.0.1, then locust plays them for the time
given: each opens its entry form for the open month (December of the term's last year,
which `bench generate` leaves unreported), saves figures through the real form a few times
and submits the report. With --kill-after the whole gunicorn process group is killed with
SIGKILL in the middle and started again at once. Afterwards it prints the latencies per
request type, the errors, the throughput, and checks the database: every acknowledged
figure is stored (lost writes), every acknowledged submission is submitted, and no report
or figure is half written.

Everything the load writes stays (it is a benchmark database). Each run takes the first
communes whose open report is not yet submitted, so a rerun uses fresh clerks and never
collides with the reports an earlier run submitted.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import close_old_connections, connection
from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.benchmarks import load_check
from mattran.benchmarks.generate import CENTRAL_CODE
from mattran.benchmarks.load_server import AppServer, free_port, port_in_use, sign_in_all
from mattran.core.numbers import format_number
from mattran.core.periods import PeriodSpec
from mattran.programmes.models import Programme
from mattran.reporting.models import Period, Submission, SubmissionStatus
from mattran.reporting.selectors import entry_indicators
from mattran.units.models import Tier, Unit

PASSWORD = "bench-clerk-2025"
TARGET_P99_MS = 500
REQUEST_TYPES = ["Mở biểu mẫu", "Lưu số liệu", "Nộp báo cáo", "Xem danh sách báo cáo"]
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def add_arguments(parser) -> None:
    parser.add_argument("--users", type=int, default=200, help="số cán bộ nhập liệu (200)")
    parser.add_argument("--duration", type=int, default=60, help="thời gian chạy, giây (60)")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="số tiến trình gunicorn"
    )
    parser.add_argument("--port", type=int, default=8765, help="cổng trên 127.0.0.1 (0: tự chọn)")
    parser.add_argument(
        "--kill-after", type=float, help="giết máy chủ (SIGKILL) sau từng ấy giây rồi chạy lại"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=60.0,
        help="thời gian trung bình giữa hai thao tác, giây (60: lưu khoảng mỗi phút một lần)",
    )
    parser.add_argument(
        "--saves", type=int, default=3, help="mỗi cán bộ lưu từ 1 đến chừng ấy lần rồi nộp (3)"
    )
    parser.add_argument("--out", help="thư mục ghi nhật ký yêu cầu và số liệu đã lưu")


def open_report(stdout) -> tuple[Programme, Period] | None:
    """The programme whose communes the clerks report for, and its open month."""
    programme = Programme.objects.filter(unit__code=CENTRAL_CODE).first() or (
        Programme.objects.filter(
            indicators__reported_by=Tier.COMMUNE, indicators__frequency="month"
        )
        .order_by("pk")
        .first()
    )
    if programme is None:
        stdout.write("Chưa có dữ liệu: chạy `mattran bench generate` (hoặc `mattran demo`) trước.")
        return None
    return programme, Period.objects.for_spec(PeriodSpec.month(programme.last_year, 12))


def clerks_for(programme: Programme, period: Period, count: int) -> list[User]:
    """`count` clerks of communes whose open report is not submitted yet, each on its own
    commune; `bench-clerk-<i>` always belongs to the i-th commune by code."""
    communes = list(
        Unit.objects.filter(tier=Tier.COMMUNE, path__startswith=programme.unit.path)
        .valid_on(period.end)
        .order_by("code")
    )
    locked = set(
        Submission.objects.filter(programme=programme, period=period)
        .exclude(status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED])
        .values_list("unit_id", flat=True)
    )
    chosen = [(i, u) for i, u in enumerate(communes, start=1) if u.pk not in locked][:count]
    names = {f"bench-clerk-{i}": unit for i, unit in chosen}
    existing = {u.username: u for u in User.objects.filter(username__in=names)}
    # Argon2 as the app signs in with; one hash for all, since the password is the same.
    password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    users = []
    for name, unit in names.items():
        user = existing.get(name) or User(username=name)
        user.unit, user.role, user.password = unit, Role.DATA_CLERK, password
        user.first_name, user.is_active = f"Cán bộ nhập liệu {unit.name}", True
        user.failed_logins, user.locked_until = 0, None
        users.append(user)
    User.objects.bulk_create([u for u in users if u.pk is None])
    User.objects.bulk_update(
        [u for u in users if u.pk is not None],
        ["unit", "role", "password", "first_name", "is_active", "failed_logins", "locked_until"],
    )
    return list(User.objects.filter(username__in=names).select_related("unit").order_by("pk"))


def editable_indicators(programme: Programme, clerks: list[User], period: Period) -> dict:
    kinds = {}
    for unit in {c.unit.tier: c.unit for c in clerks}.values():
        for indicator in entry_indicators(programme, unit, period):
            if not indicator.is_automatic:
                kinds[str(indicator.pk)] = indicator.value_type
    return kinds


def run(
    stdout,
    users: int = 200,
    duration: int = 60,
    workers: int = 5,
    port: int = 8765,
    kill_after: float | None = None,
    think: float = 60.0,
    saves: int = 3,
    out: str | None = None,
) -> dict:
    found = open_report(stdout)
    if found is None:
        return {}
    programme, period = found
    clerks = clerks_for(programme, period, users)
    if not clerks:
        stdout.write(f"Mọi xã, phường đã nộp báo cáo {period}: tạo cơ sở dữ liệu thử nghiệm mới.")
        return {}
    if len(clerks) < users:
        stdout.write(
            f"Chỉ còn {len(clerks)} xã, phường chưa nộp báo cáo {period}: chạy với chừng ấy."
        )
    port = port or free_port()
    if port_in_use(port):
        stdout.write(f"Cổng {port} đang bận: chọn cổng khác bằng --port.")
        return {}
    folder = Path(out or tempfile.mkdtemp(prefix="load-", dir=settings.VAR_DIR))
    folder.mkdir(parents=True, exist_ok=True)
    stdout.write(
        f"Tải đồng thời: {len(clerks)} cán bộ nhập liệu, {duration} giây, {workers} tiến trình "
        f"gunicorn, cơ sở dữ liệu {connection.vendor}, báo cáo {period} ({programme.number}); "
        f"nhật ký trong {folder}"
    )
    before = load_check.versions([c.unit for c in clerks], period)
    server = AppServer(port, workers, folder / "gunicorn.log")
    close_old_connections()
    try:
        server.start()
        sessions, login_ms = sign_in_all(
            server.base, [c.username for c in clerks], PASSWORD, parallel=workers
        )
        since = timezone.now()
        plan = {
            "think": [think * 0.5, think * 1.5],
            "saves": [1, max(1, saves)],
            "indicators": editable_indicators(programme, clerks, period),
            "requests_log": str(folder / "requests.jsonl"),
            "writes_log": str(folder / "writes.jsonl"),
            "clerks": [
                {
                    "username": c.username,
                    "unit": c.unit.code,
                    "period": period.code,
                    "year": period.start.year,
                    "cookies": sessions[c.username],
                }
                for c in clerks
            ],
        }
        (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False))
        started = time.monotonic()
        locust = start_locust(server.base, len(clerks), duration, folder)
        outage = None
        if kill_after is not None:
            time.sleep(max(0.0, kill_after - (time.monotonic() - started)))
            killed = time.monotonic()
            server.kill()
            server.start()
            outage = time.monotonic() - killed
        try:
            locust.wait(timeout=duration + 120)
        except subprocess.TimeoutExpired:
            locust.kill()
            locust.wait()
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    requests = load_check.read_log(folder / "requests.jsonl")
    writes = load_check.read_log(folder / "writes.jsonl")
    figures = load_check.latencies(requests, REQUEST_TYPES)
    checked = load_check.check_writes(writes, programme, period, before, since)
    result = {
        "clerks": len(clerks),
        "login_ms": login_ms,
        "latency": figures,
        "requests_per_second": len(requests) / elapsed if elapsed else 0.0,
        "outage_seconds": outage,
        "acknowledged": checked.acknowledged,
        "unconfirmed": checked.unconfirmed,
        "lost": len(checked.lost),
        "submissions_acknowledged": checked.submissions_acknowledged,
        "submissions_lost": len(checked.submissions_lost),
        "half_written": len(checked.half_written),
        "folder": str(folder),
    }
    result["passed"] = print_report(stdout, result, checked)
    return result


def start_locust(base: str, users: int, duration: int, folder: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
        "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{duration}s",
        "--host", base, "--csv", str(folder / "locust"), "--only-summary",
        "--stop-timeout", "60", "--loglevel", "WARNING",
    ]  # fmt: skip
    env = {**os.environ, "MATTRAN_LOAD_PLAN": str(folder / "plan.json")}
    with open(folder / "locust.log", "w") as log:
        return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def ms(value: float) -> str:
    return f"{format_number(value, 0)} ms"


def print_report(stdout, result: dict, checked: load_check.WriteCheck) -> bool:
    """One line per figure, in Vietnamese; returns whether every target was met."""
    logins = sorted(result["login_ms"])
    stdout.write(
        f"Đăng nhập qua trang đăng nhập (trước khi đo): {len(logins)} lần, trung vị "
        f"{ms(statistics.median(logins))}, p99 {ms(load_check.percentile(logins, 0.99))}, "
        f"tối đa {ms(logins[-1])}"
    )
    for name, figure in result["latency"].items():
        if name == "*" or not figure["count"] + figure["connection"]:
            continue
        stdout.write(
            f"{name}: {format_number(figure['count'])} yêu cầu, p50 {ms(figure['p50'])}, "
            f"p95 {ms(figure['p95'])}, p99 {ms(figure['p99'])}, tối đa {ms(figure['max'])}"
        )
    together = result["latency"]["*"]
    fast = together["p99"] < TARGET_P99_MS
    stdout.write(
        f"Mọi yêu cầu: p99 {ms(together['p99'])}; mục tiêu p99 < {TARGET_P99_MS} ms: "
        + ("đạt" if fast else "CHƯA ĐẠT")
    )
    stdout.write(f"Thông lượng: {format_number(result['requests_per_second'], 1)} yêu cầu/giây")
    stdout.write(f"Lỗi: {format_number(together['errors'])}")
    if result["outage_seconds"] is not None:
        stdout.write(
            f"Máy chủ bị giết (SIGKILL) và chạy lại sau "
            f"{format_number(result['outage_seconds'], 1)} giây; lỗi kết nối trong lúc đó: "
            f"{format_number(together['connection'])} (không phải mất dữ liệu)"
        )
    elif together["connection"]:
        stdout.write(f"Lỗi kết nối: {format_number(together['connection'])}")
    stdout.write(
        f"Số liệu được xác nhận đã lưu: {format_number(checked.acknowledged)}; "
        f"chưa được xác nhận: {format_number(checked.unconfirmed)}"
    )
    stdout.write(f"Số liệu đã xác nhận nhưng bị mất: {len(checked.lost)}")
    stdout.write(
        f"Báo cáo được xác nhận đã nộp: {format_number(checked.submissions_acknowledged)}; "
        f"bị mất: {len(checked.submissions_lost)}"
    )
    stdout.write(f"Báo cáo hoặc số liệu ghi dở dang: {len(checked.half_written)}")
    for problem in (checked.lost + checked.submissions_lost + checked.half_written)[:20]:
        stdout.write(f"  - {problem}")
    refused = together["connection"] if result["outage_seconds"] is None else 0
    passed = fast and not together["errors"] and not refused and not checked.lost
    passed = passed and not checked.submissions_lost and not checked.half_written
    stdout.write("Kết luận: " + ("đạt" if passed else "CHƯA ĐẠT"))
    return passed

"""`mattran bench load` at a tiny scale, against gunicorn on 127.0.0.1 and the test database
(committed data: gunicorn is another process), so that it cannot rot; once plainly and once
with the app server killed by SIGKILL in the middle."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from mattran.accounts.models import User
from mattran.benchmarks.load_check import read_log
from mattran.reporting.models import DataValue, Submission, SubmissionStatus


def load(tmp_path, name: str, *options: str) -> tuple[list[str], dict]:
    out = io.StringIO()
    folder = tmp_path / name
    call_command(
        "bench", "load", "--users", "3", "--duration", "4", "--workers", "2", "--port", "0",
        "--think", "0.6", "--saves", "2", "--out", str(folder), *options, stdout=out,
    )  # fmt: skip
    lines = out.getvalue().splitlines()
    return lines, {"writes": read_log(folder / "writes.jsonl"), "folder": folder}


def line(lines: list[str], start: str) -> str:
    found = [text for text in lines if text.startswith(start)]
    assert len(found) == 1, (start, lines)
    return found[0]


def stored_as_acknowledged(writes: list[dict]) -> None:
    """The test's own look at the database: the last figure each clerk saw saved is the
    one stored."""
    last = {}
    for write in writes:
        if not write.get("submission"):
            last[(write["unit"], write["indicator"])] = write
    assert last
    for (unit, indicator), write in last.items():
        assert write["acked"]
        value = DataValue.objects.get(
            unit__code=unit, indicator_id=indicator, period__code=write["period"]
        )
        for part, wanted in write["figure"].items():
            plain = Decimal(wanted) if part in ("number", "numerator", "denominator") else wanted
            assert getattr(value, part) == plain, (unit, indicator, part)


@pytest.mark.django_db(transaction=True)
def test_clerks_enter_and_submit_under_load_and_survive_a_sigkill(tmp_path):
    call_command(
        "bench", "generate", "--provinces", "1", "--communes", "6", "--areas", "6",
        "--years", "1", "--extra-indicators", "1", stdout=io.StringIO(),
    )  # fmt: skip
    lines, run = load(tmp_path, "plain")
    assert line(lines, "Tải đồng thời: 3 cán bộ nhập liệu, 4 giây, 2 tiến trình gunicorn")
    assert line(lines, "Đăng nhập qua trang đăng nhập (trước khi đo): 3 lần")
    assert line(lines, "Mở biểu mẫu: ")
    assert line(lines, "Lưu số liệu: ")
    assert "mục tiêu p99 < 500 ms" in line(lines, "Mọi yêu cầu: p99")
    assert line(lines, "Thông lượng: ").endswith("yêu cầu/giây")
    assert line(lines, "Lỗi: ") == "Lỗi: 0"
    assert line(lines, "Số liệu đã xác nhận nhưng bị mất: ") == (
        "Số liệu đã xác nhận nhưng bị mất: 0"
    )
    assert line(lines, "Báo cáo được xác nhận đã nộp: ").endswith("bị mất: 0")
    assert line(lines, "Báo cáo hoặc số liệu ghi dở dang: ") == (
        "Báo cáo hoặc số liệu ghi dở dang: 0"
    )
    assert line(lines, "Kết luận: ")
    acknowledged = [w for w in run["writes"] if w["acked"] and not w.get("submission")]
    assert acknowledged and all(w["unit"].startswith("p01-x") for w in acknowledged)
    stored_as_acknowledged(run["writes"])
    assert User.objects.filter(username__startswith="bench-clerk-").count() == 3
    submitted = {w["unit"] for w in run["writes"] if w.get("submission") and w["acked"]}
    assert {
        s.unit.code
        for s in Submission.objects.filter(
            period__code="2024-12", status=SubmissionStatus.SUBMITTED
        ).select_related("unit")
    } >= submitted

    lines, killed = load(tmp_path, "killed", "--kill-after", "2")
    assert line(lines, "Máy chủ bị giết (SIGKILL) và chạy lại sau ")
    assert line(lines, "Số liệu đã xác nhận nhưng bị mất: ") == (
        "Số liệu đã xác nhận nhưng bị mất: 0"
    )
    assert line(lines, "Báo cáo được xác nhận đã nộp: ").endswith("bị mất: 0")
    assert line(lines, "Báo cáo hoặc số liệu ghi dở dang: ") == (
        "Báo cáo hoặc số liệu ghi dở dang: 0"
    )
    plan = json.loads((killed["folder"] / "plan.json").read_text())
    again = {c["unit"] for c in plan["clerks"]} & submitted
    assert not again  # a rerun takes communes whose report is still open

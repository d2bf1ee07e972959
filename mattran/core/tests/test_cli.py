"""The console script speaks Vietnamese when the database cannot be reached."""

import os
import subprocess
import sys


def test_an_unreachable_database_is_a_clear_message_not_a_traceback(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/khong_co",  # nothing listens on 1
        "MATTRAN_VAR_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "mattran.cli", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Không kết nối được cơ sở dữ liệu" in done.stderr
    assert "DATABASE_URL" in done.stderr
    assert "Traceback" not in done.stderr

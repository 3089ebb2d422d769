"""The job queue in development: `solidarity serve` runs a consumer beside the
server, which delivers queued jobs and stops with the server."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from huey import SqliteHuey

from solidarity.core import tasks


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Output:
    """The lines a process prints, read in a thread so that waiting has a deadline."""

    def __init__(self, process):
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.append(line)

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            time.sleep(0.1)
        return None


def _serve(var: Path, environment: str) -> subprocess.Popen:
    """`solidarity serve` as `make run` starts it, on a free port, printing to a pipe."""
    env = {
        **os.environ,
        "SOLIDARITY_ENV": environment,
        "SOLIDARITY_VAR_DIR": str(var),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "solidarity.cli",
            "serve",
            "--no-reload",
            "--port",
            str(_free_port()),
        ],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_serve_in_development_runs_queued_jobs_and_stops_the_consumer_with_it(tmp_path):
    # A mail queued while nothing runs, as a request would leave it.
    queue = SqliteHuey("solidarity", filename=str(tmp_path / "jobs.sqlite3"))
    queue.task()(tasks.deliver_mail.func)(
        to="someone@example.org", subject="Queued before the server", body="Hello", language="en"
    )
    server = _serve(tmp_path, "development")
    output = _Output(server)
    try:
        started = output.wait_for(r"Queued jobs \(e-mail\) are run by process (\d+)", timeout=30)
        assert started, "".join(output.lines)
        consumer = int(started.group(1))
        assert output.wait_for("Subject: Queued before the server"), "".join(output.lines)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.returncode == 0
    assert not Path(f"/proc/{consumer}").exists()


def test_serve_with_test_settings_runs_jobs_in_place_and_starts_no_consumer(tmp_path):
    """The browser tests serve with test settings, where each job runs where it is queued."""
    server = _serve(tmp_path, "test")
    output = _Output(server)
    try:
        assert output.wait_for(r"Quit the server with", timeout=30), "".join(output.lines)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    printed = "".join(output.lines)
    assert "Queued jobs" not in printed
    assert "Traceback" not in printed

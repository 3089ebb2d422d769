"""The platform started as a person starts it: ``solidarity migrate``, ``demo`` and ``serve``
on a fresh SQLite database in a folder of its own. Used by the browser tests and by
``make screenshots``."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_platform(var: Path) -> Iterator[dict]:
    """A running Solidarity with its demo data; yields its base URL and demo accounts."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_VAR_DIR": str(var),
    }
    subprocess.run([SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    subprocess.run([SOLIDARITY, "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    with open(var / "server.log", "w") as log:
        server = subprocess.Popen(
            [SOLIDARITY, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-reload"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_until_healthy(base_url, server, var)
            accounts = {}
            for line in (var / "demo-credentials.txt").read_text().splitlines():
                role, email, _label, password = line.split()
                accounts[role] = (email, password)
            yield {"url": base_url, "accounts": accounts}
        finally:
            server.terminate()
            server.wait(timeout=20)


def _wait_until_healthy(base_url: str, server: subprocess.Popen, var: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/health/", timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((var / "server.log").read_text()) from None
            time.sleep(0.3)

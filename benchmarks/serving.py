"""What the benchmarks that serve pages share: gunicorn as production runs it, and measures.

Only loopback addresses: the server listens on 127.0.0.1 and nothing here
connects anywhere else.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
LOOPBACK = "127.0.0.1"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _status_kib(pid: int | str, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_rss_mib(pid: int | str = "self") -> float:
    return _status_kib(pid, "VmHWM") / 1024


def rss_mib(pid: int | str) -> float:
    """The memory a process holds now (resident set)."""
    return _status_kib(pid, "VmRSS") / 1024


def children(pid: int) -> list[int]:
    """The processes a server started (gunicorn's workers)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def fresh_postgres(name: str) -> str:
    """An empty database of that name on the local server (dropped first); its URL."""
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def run_child(script: str, env: dict, *args: str) -> dict:
    """Run a benchmark script's step in a process of its own; the JSON it prints last."""
    root = Path(__file__).resolve().parents[1]
    output = subprocess.run(
        [sys.executable, script, *args], env=env, capture_output=True, text=True, cwd=root
    )
    if output.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{output.stderr}")
    lines = output.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    return json.loads(lines[-1])


@contextlib.contextmanager
def gunicorn(
    env: dict,
    *,
    workers: int = 1,
    log: Path | None = None,
    timeout: float = 120,
    app: str = "solidarity.wsgi",
):
    """Serve the platform (or another WSGI ``app``) with gunicorn on a free loopback port,
    as ``solidarity serve`` does in production; yields (port, server process) once
    /health/ answers, and stops the server on the way out."""
    port = free_port()
    output = log.open("ab") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [GUNICORN, app, "--bind", f"{LOOPBACK}:{port}", "--workers", str(workers)],
        env=env,
        stdout=output,
        stderr=output,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start-up (exit {server.returncode})")
            connection = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
            try:
                # As behind the TLS proxy production has: no redirect to https.
                connection.request("GET", "/health/", headers={"X-Forwarded-Proto": "https"})
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            finally:
                connection.close()
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /health/ in time")
            time.sleep(0.2)
        yield port, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if log:
            output.close()

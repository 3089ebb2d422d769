"""Benchmark: the API and the pages over HTTP, side by side with a bare Django view.

In a fresh SQLite database (in a temporary folder) holding the demonstration
data (``solidarity demo``: resolution 56/4, the 195 States, the practices,
calls, organizations, engagements, votes):

1. serve the platform as production does: gunicorn with ``--workers`` (2)
   workers, ``SOLIDARITY_ENV=production``, static files collected, Redis for
   the cache and the limits (a Redis server of the benchmark's own on a free
   loopback port, so that no other run shares its cache; ``--redis URL`` to use
   another), the API's rate limit raised since every client is 127.0.0.1;
2. serve ``benchmarks/bare_view.py`` beside it: the same settings and database,
   no middleware, the 195 States as JSON from one ``.values()`` query (and one
   State), with as many gunicorn workers;
3. for each target in turn: a warm-up (``--warmup`` seconds), then
   ``--clients`` connections (32) sending requests one after the other for
   ``--duration`` seconds (12), HTTP/1.1 with keep-alive when the server keeps
   the connection (gunicorn's sync workers close it after each answer: the
   client connects again, and that time is in the latency).

Prints for each target: requests/s, p50/p95/p99 latency, the processor time the
workers spent per request, any answer other than 200, and the ratio of its
throughput to the bare view's (lists against the bare list of States, single
records and pages against the bare single State). Requests are sent as behind
the TLS proxy production has (``X-Forwarded-Proto: https``), to 127.0.0.1 only.
The load stops by itself; the servers are stopped on the way out, whatever
happens.

    .venv/bin/python benchmarks/over_http.py [--duration 12] [--clients 32] [--workers 2]
        [--only countries,/practices/] [--warmup 2] [--database sqlite|postgres]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: `benchmarks.…` as in its children

import argparse  # noqa: E402
import asyncio  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from benchmarks.serving import (  # noqa: E402
    LOOPBACK,
    children,
    free_port,
    fresh_postgres,
    gunicorn,
    percentile,
)

SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
RESOLUTION = "/resolutions/A/HRC/RES/56/4/"
PG_DATABASE = "httpbench_db"
MAX_CLIENTS, MAX_DURATION = 256, 300


@dataclass
class Target:
    name: str
    path: str
    kind: str  # "bare", "list", "detail" or "page"
    server: str = "platform"  # or "bare"


def targets(facts: dict) -> list[Target]:
    """What is measured, in order: the bare views first, as the floor of the rest."""
    return [
        Target("bare view: 195 States", "/countries", "bare", "bare"),
        Target("bare view: one State", "/countries/CUB", "bare", "bare"),
        Target("API list: countries", "/api/v1/countries", "list"),
        Target("API list: practices", "/api/v1/practices", "list"),
        Target("API list: resolutions", "/api/v1/resolutions", "list"),
        Target("API list: organizations", "/api/v1/organizations", "list"),
        Target("API list: engagements", "/api/v1/engagements", "list"),
        Target("API list: calls", "/api/v1/calls", "list"),
        # The API's own cost: middleware, rate limit, parameters, a name looked up in memory.
        Target("API floor: a name resolved", "/api/v1/countries/resolve?name=Cuba", "detail"),
        Target("API detail: country", "/api/v1/countries/CUB", "detail"),
        Target("API detail: practice", f"/api/v1/practices/{facts['practice']}", "detail"),
        Target(
            "API detail: organization", f"/api/v1/organizations/{facts['organization']}", "detail"
        ),
        Target("API detail: resolution", "/api/v1/resolutions/A/HRC/RES/56/4", "detail"),
        Target("page: resolution 56/4", RESOLUTION, "page"),
        Target("page: a State (CUB)", "/countries/CUB/", "page"),
        Target("page: the catalogue", "/practices/", "page"),
        Target("page: home", "/", "page"),
    ]


# -- The load: clients on raw HTTP/1.1 connections ----------------------------------------


@dataclass
class Outcome:
    times: list[float] = field(default_factory=list)  # ms, of answers 200
    statuses: dict[str, int] = field(default_factory=dict)  # anything else
    size: int = 0
    elapsed: float = 0.0
    worker_cpu: float = 0.0

    def failed(self, what: str) -> None:
        self.statuses[what] = self.statuses.get(what, 0) + 1


class Closed(Exception):
    """The server closed the connection before a whole answer."""


async def _answer(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """One response: (status, body, whether the server keeps the connection)."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as error:
        raise Closed from error
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    keep = headers.get("connection") != "close" and lines[0].startswith("HTTP/1.1")
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(part[:-2] for part in parts)
    else:
        body = await reader.read()
        keep = False
    return status, body, keep


async def _client(port: int, path: str, deadline: float, outcome: Outcome | None) -> None:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {LOOPBACK}:{port}\r\nX-Forwarded-Proto: https\r\n"
        "User-Agent: solidarity-http-benchmark\r\nAccept: application/json, text/html\r\n"
        "Accept-Encoding: identity\r\n\r\n"
    ).encode()
    reader = writer = None
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(LOOPBACK, port)
                assert reader is not None
                writer.write(request)
                status, body, keep = await _answer(reader)
            except (OSError, Closed) as error:
                if outcome is not None:
                    outcome.failed(type(error).__name__)
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.01)
                continue
            ms = (time.perf_counter() - started) * 1000
            if not keep:
                writer.close()
                reader = writer = None
            if outcome is None:
                continue
            if status == 200:
                outcome.times.append(ms)
                outcome.size = len(body)
            else:
                outcome.failed(str(status))
    finally:
        if writer is not None:
            writer.close()


async def _load(port: int, path: str, clients: int, seconds: float, outcome: Outcome | None):
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_client(port, path, deadline, outcome) for _ in range(clients)))


def cpu_seconds(pid: int) -> float:
    """The processor time a process has used (user and system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def workers_cpu(server_pid: int) -> float:
    total = 0.0
    for pid in children(server_pid):
        with contextlib.suppress(OSError):
            total += cpu_seconds(pid)
    return total


def measure(port: int, server_pid: int, path: str, args) -> Outcome:
    if args.warmup:
        asyncio.run(_load(port, path, min(args.clients, 4), args.warmup, None))
    outcome = Outcome()
    cpu = workers_cpu(server_pid)
    started = time.monotonic()
    asyncio.run(_load(port, path, args.clients, args.duration, outcome))
    outcome.elapsed = time.monotonic() - started
    outcome.worker_cpu = workers_cpu(server_pid) - cpu
    return outcome


# -- Set-up: the database, Redis, the two servers ---------------------------------------


def get_json(port: int, path: str):
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"{path} answered {response.status}: {body[:300]!r}")
        return json.loads(body)
    finally:
        connection.close()


def prepare(args, var: Path) -> dict:
    """The database with the demonstration data; the environment of the servers."""
    env = {
        **os.environ,
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_VAR_DIR": str(var),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
    }
    env.pop("REDIS_URL", None)
    if args.database == "postgres":
        env["DATABASE_URL"] = fresh_postgres(PG_DATABASE)
    else:
        env["DATABASE_URL"] = f"sqlite:///{var / 'solidarity.sqlite3'}"
    for command in (["migrate", "--no-input"], ["demo"]):
        done = subprocess.run([SOLIDARITY, *command], env=env, capture_output=True, cwd=ROOT)
        if done.returncode:
            sys.exit(f"solidarity {command[0]} failed:\n{done.stderr.decode()[-3000:]}")
    return env


@contextlib.contextmanager
def redis_server(var: Path):
    """A Redis server of this run only, on a free loopback port, keeping nothing on disk."""
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--bind", LOOPBACK, "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=var,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), 1):
                break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        yield f"redis://{LOOPBACK}:{port}/0"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def machine() -> str:
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return (
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {platform.machine()}, "
        f"{os.cpu_count()} cores (nproc), {int(memory) / 1024**2:.1f} GiB of memory, "
        f"Python {platform.python_version()}"
    )


def load_average() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def report_line(target: Target, outcome: Outcome, floor: dict[str, float]) -> str:
    done = len(outcome.times)
    rate = done / outcome.elapsed if outcome.elapsed else 0.0
    if target.kind == "bare":
        floor[target.path] = rate
    reference = "/countries" if target.kind in ("bare", "list") else "/countries/CUB"
    ratio = rate / floor[reference] if floor.get(reference) else float("nan")
    others = ", ".join(f"{n} × {s}" for s, n in sorted(outcome.statuses.items()))
    cpu = outcome.worker_cpu * 1000 / done if done else float("nan")
    if not done:
        return f"  {target.name:<30} no answer 200 ({others})"
    return (
        f"  {target.name:<30} {rate:>8.0f} {percentile(outcome.times, 0.5):>7.1f} "
        f"{percentile(outcome.times, 0.95):>7.1f} {percentile(outcome.times, 0.99):>7.1f} "
        f"{cpu:>7.2f} {outcome.size:>8,} {ratio:>6.2f}" + (f"  others: {others}" if others else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=12, help="seconds of load per target")
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per target")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated words: only the targets whose name or "
        "address holds one of them (the bare views are always measured)",
    )
    parser.add_argument(
        "--redis",
        default="",
        help="REDIS_URL of the server on this machine; by default a redis-server of the run's own",
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help=f"SQLite in the temporary folder, or the local PostgreSQL's {PG_DATABASE} "
        "(dropped and made again)",
    )
    args = parser.parse_args()
    if not (1 <= args.clients <= MAX_CLIENTS and 0 < args.duration <= MAX_DURATION):
        parser.error(f"--clients 1..{MAX_CLIENTS}, --duration up to {MAX_DURATION} s")
    if args.redis and urllib.parse.urlsplit(args.redis).hostname not in (LOOPBACK, "localhost"):
        parser.error("--redis must be on this machine (loopback)")
    print(machine())
    print(f"  load average at the start: {load_average()}")
    with tempfile.TemporaryDirectory(prefix="solidarity-http-") as folder:
        var = Path(folder)
        started = time.perf_counter()
        env = prepare(args, var)
        print(f"  demonstration data stored in {time.perf_counter() - started:.0f} s")
        with contextlib.ExitStack() as stack:
            redis = args.redis or stack.enter_context(redis_server(var))
            production = {
                **env,
                "SOLIDARITY_ENV": "production",
                "SOLIDARITY_SECRET_KEY": secrets.token_urlsafe(50),
                "SOLIDARITY_ALLOWED_HOSTS": LOOPBACK,
                "SOLIDARITY_SITE_URL": f"https://{LOOPBACK}",
                "SOLIDARITY_FROM_EMAIL": "Solidarity <no-reply@http.example.org>",
                "SOLIDARITY_EMAIL_HOST": LOOPBACK,
                # Every client comes from 127.0.0.1: one address, many clients.
                "SOLIDARITY_API_RATE": "100000000/m",
                "REDIS_URL": redis,
            }
            collected = subprocess.run(
                [SOLIDARITY, "collectstatic", "--no-input"], env=production, capture_output=True
            )
            if collected.returncode:
                sys.exit(f"collectstatic failed:\n{collected.stderr.decode()[-3000:]}")
            log = var / "server.log"
            platform_port, platform_server = stack.enter_context(
                gunicorn(production, workers=args.workers, log=log)
            )
            bare_port, bare_server = stack.enter_context(
                gunicorn(production, workers=args.workers, log=log, app="benchmarks.bare_view")
            )
            facts = {
                "practice": get_json(platform_port, "/api/v1/practices?limit=1")["results"][0][
                    "id"
                ],
                "organization": get_json(platform_port, "/api/v1/organizations")[0]["slug"],
            }
            same = get_json(bare_port, "/countries") == get_json(platform_port, "/api/v1/countries")
            print(
                f"  gunicorn, {args.workers} workers each; {args.clients} clients, "
                f"{args.duration:g} s per target after {args.warmup:g} s of warm-up; "
                f"the bare view and /api/v1/countries give the same data: {same}"
            )
            words = [w.strip() for w in args.only.split(",") if w.strip()]
            chosen = [
                t
                for t in targets(facts)
                if t.kind == "bare" or not words or any(w in t.name or w in t.path for w in words)
            ]
            print(
                f"\n  {'target':<30} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
                f"{'cpu ms':>7} {'bytes':>8} {'× bare':>6}"
            )
            floor: dict[str, float] = {}
            for target in chosen:
                port, server = (
                    (bare_port, bare_server)
                    if target.server == "bare"
                    else (platform_port, platform_server)
                )
                outcome = measure(port, server.pid, target.path, args)
                print(report_line(target, outcome, floor), flush=True)
            print(
                "\n  × bare: throughput over the bare view's (lists: 195 States; single records "
                "and pages: one State); cpu ms: the workers' processor time per answer"
            )
            print(f"  load average at the end: {load_average()}")
        logged = log.read_text(errors="replace")
        for needle in ("Traceback", "WORKER TIMEOUT"):
            print(f"  server log: {logged.count(needle)} × {needle!r}")
        if "Traceback" in logged:
            first = logged[logged.index("Traceback") :].splitlines()
            end = next(
                (n for n, line in enumerate(first[1:], 1) if not line.startswith((" ", "\t"))),
                len(first) - 1,
            )
            print("\n".join(first[max(0, end - 12) : end + 1]))


if __name__ == "__main__":
    main()

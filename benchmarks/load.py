"""Benchmark: people browsing, searching and submitting at once, with production settings.

In a fresh database (SQLite, or PostgreSQL with ``--database postgres``):

1. build: the published practices of ``benchmarks/search.py`` (the same
   corpus and the same way of storing them, the catalogue engine following),
   resolution 56/4, and one account per simulated person, State focal points
   and contributors of confirmed organizations, each with a password;
2. serve: gunicorn with production settings (``SOLIDARITY_ENV=production``,
   static files collected, Redis for the cache and the limits, e-mail to a
   local SMTP sink of this process), as ``solidarity serve`` runs it; the API
   rate limit is raised, since every simulated person comes from 127.0.0.1;
3. load: ``--users`` people (threads, standard library HTTP), each with their
   own cookies, for ``--duration`` seconds, each going through journeys in turn:

   - browse: the home page, the catalogue, a facet, a later page of it, two
     practices, a State's page or resolution 56/4;
   - search: words, phrases, AND/OR/NOT (the queries of ``search.py``), a
     word with facet filters, a practice, the API list;
   - submit: sign in, open the form, post a practice with a small PDF and send
     it for review (CSRF token and all), see its workspace, sign out.

   After each page a person waits ``--think`` seconds on average (uniform
   between none and twice that); ``--think 0`` sends the next request at once.
   Each request is sent as behind the TLS proxy production has
   (``X-Forwarded-Proto: https``), to 127.0.0.1 only.

Prints the requests, the errors (any status other than the one the action
expects, by action and status: there must be none), the throughput, p50, p95
and p99 latency per action and overall, the memory (RSS) of the gunicorn
workers sampled every few seconds (start, max, end), what the server logged,
and checks that every practice posted is in the database.

The load stops by itself: after ``--duration`` seconds or ``--max-requests``
requests, whichever comes first; then the server is stopped.

    .venv/bin/python benchmarks/load.py [--count 100000] [--users 50] [--duration 120]
        [--think 2] [--workers 3] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import http.client
import http.cookies
import json
import os
import platform
import random
import re
import secrets
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: `benchmarks.…` as in its children
from benchmarks import corpus, search  # noqa: E402
from benchmarks.serving import (  # noqa: E402
    LOOPBACK,
    children,
    fresh_postgres,
    gunicorn,
    percentile,
    rss_mib,
    run_child,
)

SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))
SEED = ROOT / "solidarity" / "demo" / "data" / "A-HRC-RES-56-4.md"
RESOLUTION = "/resolutions/A/HRC/RES/56/4/"
PG_DATABASE = "solidarity_load"
MAX_USERS, MAX_DURATION = 200, 900
JOURNEYS = {"browse": 50, "search": 35, "submit": 15}
YEARS = [str(year) for year in range(2010, 2026)]


def account(n: int) -> tuple[str, str]:
    """E-mail and password of simulated person n."""
    return f"person{n:03d}@load.example.org", f"benchmark passphrase {n:03d} for 56/4"


# -- Children: setting up and checking the database --------------------------------


def setup(users: int) -> None:
    """Resolution 56/4 and the people: State focal points and contributors."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from solidarity.accounts import services as accounts
    from solidarity.accounts.models import OrganizationType
    from solidarity.core.roles import Role
    from solidarity.countries.models import Country
    from solidarity.practices.models import Theme

    call_command("ingest", str(SEED), quiet=True)
    states = list(Country.objects.exclude(regional_group="").order_by("iso3"))
    for n in range(users):
        email, password = account(n)
        if n % 2 == 0:
            accounts.user_create(
                actor=None,
                email=email,
                full_name=f"Focal point {n}",
                role=Role.FOCAL_POINT,
                password=password,
                country=states[n * 7 % len(states)],
            )
        else:
            organization = accounts.organization_create(
                actor=None, name=f"Load organization {n}", type=OrganizationType.NGO
            )
            accounts.user_create(
                actor=None,
                email=email,
                full_name=f"Contributor {n}",
                role=Role.CONTRIBUTOR,
                password=password,
                organization=organization,
            )
    print(
        json.dumps(
            {
                "states": [state.iso3 for state in states],
                "regions": sorted({state.regional_group for state in states}),
                # The themes a form offers: the secretariat's rows (the corpus has more).
                "themes": sorted(Theme.objects.values_list("code", flat=True)),
                # Whether the platform hands e-mail to a job queue, run by its own consumer.
                "jobs": hasattr(settings, "HUEY"),
            }
        )
    )


def count() -> None:
    """What the simulated people left in the database."""
    import django

    django.setup()
    from solidarity.practices.models import Attachment, Practice

    mine = Practice.objects.filter(submitted_by__email__endswith="@load.example.org")
    print(
        json.dumps(
            {
                "practices": mine.count(),
                "submitted": mine.filter(status="submitted").count(),
                "attachments": Attachment.objects.filter(practice__in=mine).count(),
            }
        )
    )


# -- A local SMTP server that keeps nothing -----------------------------------------


class MailSink(socketserver.ThreadingTCPServer):
    """Accepts the platform's e-mail on 127.0.0.1 and counts it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        self.received = 0
        self.lock = threading.Lock()
        super().__init__((LOOPBACK, 0), _SmtpSession)


class _SmtpSession(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 sink")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 sink")
            elif verb == b"DATA":
                self.reply("354 go on")
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    pass
                with self.server.lock:
                    self.server.received += 1
                self.reply("250 kept nowhere")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


# -- The simulated people -------------------------------------------------------------


def small_pdf(text: str) -> bytes:
    """A one-page PDF with a line of text and a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]):
    """A form body as a browser sends it with a file: (body, content type)."""
    boundary = "----solidarity" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, filename, data in files:
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def why(page: bytes) -> str:
    """What a page refusing a request says: its error messages, else its title."""
    text = page.decode(errors="replace")
    messages = re.findall(
        r'(?:role="alert"|class="errorlist[^"]*")[^>]*>(.*?)</(?:div|ul)>', text, re.S
    )
    if not messages:
        messages = re.findall(r"<title>(.*?)</title>", text, re.S) or [text[:200]]
    return " | ".join(re.sub(r"<[^>]+>|\s+", " ", m).strip() for m in messages)[:400]


class Stop(Exception):
    """The time or the number of requests is up."""


class Failed(Exception):
    """A request did not get the answer its action expects: the journey ends there."""


class Recorder:
    def __init__(self, *, deadline: float, max_requests: int):
        self.deadline = deadline
        self.left = max_requests
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = collections.defaultdict(list)
        self.errors: collections.Counter = collections.Counter()
        self.examples: list[str] = []
        self.submitted = 0

    def take(self) -> None:
        with self.lock:
            if self.left <= 0 or time.monotonic() >= self.deadline:
                raise Stop
            self.left -= 1

    def record(self, action: str, ms: float, error: str | None, detail: str = "") -> None:
        with self.lock:
            self.times[action].append(ms)
            if error:
                self.errors[(action, error)] += 1
                if len(self.examples) < 10:
                    self.examples.append(f"{action}: {error} {detail}")


class Person:
    def __init__(self, n: int, *, port: int, recorder: Recorder, think: float, facts: dict):
        self.n, self.port, self.recorder, self.think = n, port, recorder, think
        self.rng = random.Random(n)
        self.facts = facts
        self.cookies: dict[str, str] = {}
        self.origin = f"https://{LOOPBACK}:{port}"
        self.last_page = "/"

    # One request: what a browser sends, timed from the request to the last byte.
    def request(
        self, action, method, path, *, body=None, content_type=None, expect=200, pause=True
    ):
        self.recorder.take()
        headers = {
            "Host": f"{LOOPBACK}:{self.port}",
            "X-Forwarded-Proto": "https",
            "User-Agent": "solidarity-load-benchmark",
            "Accept": "text/html,application/json",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + self.last_page
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except OSError as error:
            ms = (time.perf_counter() - started) * 1000
            self.recorder.record(action, ms, type(error).__name__, path)
            raise Failed(path) from error
        finally:
            connection.close()
        ms = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.status != expect:
            detail = f"{method} {path} -> {response.headers.get('Location', '')} {why(data)}"
            self.recorder.record(action, ms, str(response.status), detail)
            raise Failed(path)
        self.recorder.record(action, ms, None)
        if method == "GET":
            self.last_page = path
        if pause and self.think:
            left = self.recorder.deadline - time.monotonic()
            time.sleep(max(0.0, min(self.rng.uniform(0, 2 * self.think), left)))
        return response, data

    def hidden(self, page: bytes, name: str, action: str) -> str:
        """The value of a form's hidden field (the CSRF token, the submission key)."""
        found = re.search(rb'name="%s" value="([^"]+)"' % name.encode(), page)
        if not found:
            self.recorder.record(action, 0.0, f"no {name} in the page")
            raise Failed(name)
        return found.group(1).decode()

    def get(self, action: str, path: str, **params):
        query = urllib.parse.urlencode(params, doseq=True)
        return self.request(action, "GET", path + ("?" + query if query else ""))[1]

    # Journeys.
    def browse(self) -> None:
        rng, facts = self.rng, self.facts
        self.get("home", "/")
        self.get("catalogue", "/practices/")
        theme = rng.choice(corpus.THEMES)
        self.get("catalogue, a facet", "/practices/", theme=theme)
        self.get("catalogue, a later page", "/practices/", theme=theme, page=rng.randint(2, 6))
        for _ in range(2):
            self.get("practice", f"/practices/{rng.randint(1, facts['count'])}/")
        if rng.random() < 0.5:
            self.get("State page", f"/countries/{rng.choice(facts['states'])}/")
        else:
            self.get("resolution 56/4", RESOLUTION)

    def search(self) -> None:
        rng, facts = self.rng, self.facts
        typed = rng.choice([*search.QUERIES, *((w, w) for w in search.WARM_UP)])[1]
        self.get("search", "/practices/?" + urllib.parse.quote(typed, safe="=&"))
        filters = rng.choice(
            [
                {"theme": rng.choice(corpus.THEMES), "level": rng.choice(corpus.LEVELS)},
                {"region": rng.choice(facts["regions"])},
                {"modality": rng.choice(corpus.MODALITIES), "year": rng.choice(YEARS)},
                {"country": rng.choice(facts["states"])},
                {"actor_type": rng.choice(corpus.ACTOR_TYPES), "sdg": rng.randint(1, 17)},
            ]
        )
        word = rng.choice(["water", "schools", "vaccines", "drought", "women", "solar"])
        self.get("search with filters", "/practices/", q=word, **filters)
        self.get("practice", f"/practices/{rng.randint(1, facts['count'])}/")
        self.get("API list", "/api/v1/practices", q=word, limit=20, **filters)

    def submit(self) -> None:
        email, password = account(self.n)
        page = self.get("sign-in form", "/accounts/login/")
        self.request(
            "sign in",
            "POST",
            "/accounts/login/",
            body=urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": self.hidden(page, "csrfmiddlewaretoken", "sign-in form"),
                    "username": email,
                    "password": password,
                }
            ),
            expect=302,
        )
        page = self.get("submit form", "/practices/new/")
        draft = corpus.record(self.rng.randrange(10**9), self.facts["states"], self.weights)
        offered = self.facts["themes"]
        themes = [code for code in draft["themes"] if code in offered] or offered[:1]
        fields = [
            ("csrfmiddlewaretoken", self.hidden(page, "csrfmiddlewaretoken", "submit form")),
            ("submission_key", self.hidden(page, "submission_key", "submit form")),
            ("title", draft["title"]),
            ("summary", draft["summary"]),
            ("description", draft["summary"] + "\n\n" + draft["actions"]),
            ("actions", draft["actions"]),
            ("results", draft["results"]),
            ("started_on", draft["period"]["start"]),
            ("ongoing", "on"),
            ("level", draft["level"]),
            ("language", "en"),
            ("actor_name_1", draft["actors"][0]["name"]),
            ("actor_type_1", draft["actors"][0]["type"]),
            *(("themes", code) for code in themes),
            *(("modalities", code) for code in draft["modalities"]),
            *(("sdg_goals", str(goal)) for goal in draft["sdg_goals"]),
            *(
                field
                for n, row in enumerate(draft["countries"][:3], start=1)
                for field in ((f"country_{n}", row["country"]), (f"role_{n}", row["role"]))
            ),
            ("action", "submit"),
        ]
        body, content_type = multipart(
            fields, [("files", "report.pdf", small_pdf(f"Report of person {self.n}"))]
        )
        response, _ = self.request(
            "submit a practice",
            "POST",
            "/practices/new/",
            body=body,
            content_type=content_type,
            expect=302,
        )
        workspace = urllib.parse.urlsplit(response.headers["Location"]).path
        with self.recorder.lock:
            self.recorder.submitted += 1
        self.get("workspace", workspace)
        self.request(
            "sign out",
            "POST",
            "/accounts/logout/",
            body=urllib.parse.urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}),
            expect=302,
        )

    def run(self) -> None:
        self.weights = corpus.country_weights(self.facts["states"])
        journeys = [getattr(self, name) for name in JOURNEYS]
        while True:
            journey = self.rng.choices(journeys, list(JOURNEYS.values()))[0]
            try:
                journey()
            except Stop:
                return
            except Failed:
                self.cookies.clear()  # start again as a new visit


# -- The parent: build, serve, load, report -------------------------------------------


def cpu_seconds(pid: int) -> float:
    """The processor time a process has used (user and system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class MemorySampler(threading.Thread):
    """The resident memory of each gunicorn worker, every few seconds, and its processor time."""

    def __init__(self, server_pid: int, every: float):
        super().__init__(daemon=True)
        self.server_pid, self.every = server_pid, every
        self.samples: list[dict[int, float]] = []
        self.cpu_first: dict[int, float] = {}
        self.cpu_last: dict[int, float] = {}
        self.stopped = threading.Event()

    def sample(self) -> None:
        found = {}
        for pid in children(self.server_pid):
            with contextlib.suppress(OSError):  # a worker that just stopped
                found[pid] = rss_mib(pid)
                self.cpu_last[pid] = cpu_seconds(pid)
                self.cpu_first.setdefault(pid, self.cpu_last[pid])
        self.samples.append(found)

    @property
    def cpu(self) -> float:
        return sum(self.cpu_last[pid] - self.cpu_first[pid] for pid in self.cpu_last)

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.sample()


@contextlib.contextmanager
def jobs_consumer(env: dict, log: Path, wanted: bool):
    """The job queue's consumer, its own process as in production (it sends the e-mail)."""
    if not wanted:
        yield None
        return
    with log.open("ab") as output:
        consumer = subprocess.Popen([SOLIDARITY, "run_huey"], env=env, stdout=output, stderr=output)
        try:
            yield consumer
        finally:
            time.sleep(2)  # the last messages on their way
            consumer.terminate()
            try:
                consumer.wait(timeout=30)
            except subprocess.TimeoutExpired:
                consumer.kill()
                consumer.wait()


def machine() -> str:
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return (
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {platform.machine()}, "
        f"{os.cpu_count()} cores (nproc), {int(memory) / 1024**2:.1f} GiB of memory, "
        f"Python {platform.python_version()}; load average "
        + " ".join(f"{n:.1f}" for n in os.getloadavg())
    )


def prepare(args, var: Path) -> tuple[dict, dict]:
    """The database, its practices and people; the environment of the child processes."""
    env = {
        **os.environ,
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_VAR_DIR": str(var),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
    }
    env.pop("DATABASE_URL", None)
    if args.database == "postgres":
        given = os.environ.get("DATABASE_URL", "")
        if given:
            if urllib.parse.urlsplit(given).hostname not in (LOOPBACK, "localhost", "::1"):
                sys.exit("DATABASE_URL must name a database on this machine (loopback).")
            env["DATABASE_URL"] = given
        else:
            env["DATABASE_URL"] = fresh_postgres(PG_DATABASE)
    subprocess.run([SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    run_child(
        search.__file__, {**env, "SOLIDARITY_SEARCH_ENGINE": "database"}, "build", str(args.count)
    )
    facts = run_child(__file__, env, "setup", str(args.users))
    facts["count"] = args.count
    print(
        f"  {args.count:,} practices and {args.users} people stored "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return env, facts


def report(recorder: Recorder, elapsed: float, memory: MemorySampler) -> int:
    everything = [ms for times in recorder.times.values() for ms in times]
    errors = sum(recorder.errors.values())
    print(
        f"\n  {'action':<26} {'requests':>8} {'errors':>6} "
        f"{'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}"
    )

    def line(label: str, times: list[float], failed: int) -> None:
        print(
            f"  {label:<26} {len(times):>8,} {failed:>6} {percentile(times, 0.5):>6.0f}ms "
            f"{percentile(times, 0.95):>6.0f}ms {percentile(times, 0.99):>6.0f}ms "
            f"{max(times):>6.0f}ms"
        )

    for action, times in sorted(recorder.times.items()):
        failed = sum(n for (name, _), n in recorder.errors.items() if name == action)
        line(action, times, failed)
    if everything:
        line("all", everything, errors)
    print(
        f"\n  {len(everything):,} requests in {elapsed:.1f} s: {len(everything) / elapsed:.1f} "
        f"requests/s; {recorder.submitted} practices submitted with a PDF; errors: {errors}"
    )
    if everything:
        print(
            f"  processor time of the gunicorn workers: {memory.cpu:.0f} s, "
            f"{memory.cpu * 1000 / len(everything):.0f} ms a request; load average at the end "
            + " ".join(f"{n:.1f}" for n in os.getloadavg())
        )
    for (action, status), n in sorted(recorder.errors.items()):
        print(f"    error {status} on {action}: {n}")
    for example in recorder.examples:
        print(f"    e.g. {example}")
    samples = [s for s in memory.samples if s]
    if samples:
        totals = [sum(s.values()) for s in samples]
        workers = sorted({pid for s in samples for pid in s})
        print(
            f"  gunicorn workers' memory (RSS, all {len(workers)} together, {len(samples)} samples "
            f"every {memory.every:.0f} s): start {totals[0]:.0f} MiB, max {max(totals):.0f} MiB, "
            f"end {totals[-1]:.0f} MiB"
        )
        print("    all workers over time (MiB): " + " ".join(f"{t:.0f}" for t in totals))
        for pid in workers:
            mine = [s[pid] for s in samples if pid in s]
            print(
                f"    worker {pid}: start {mine[0]:.0f} MiB, max {max(mine):.0f} MiB, "
                f"end {mine[-1]:.0f} MiB"
            )
    return errors


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "setup":
        return setup(int(sys.argv[2]))
    if len(sys.argv) > 1 and sys.argv[1] == "count":
        return count()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="published practices")
    parser.add_argument("--users", type=int, default=50, help=f"people at once (<= {MAX_USERS})")
    parser.add_argument(
        "--duration", type=float, default=120, help=f"seconds of load (<= {MAX_DURATION})"
    )
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after as many")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean seconds a person reads a page; 0: none"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (as serve)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/14",
        help="REDIS_URL of the server (cache, rate limits); '' for local memory",
    )
    parser.add_argument("--sample", type=float, default=5, help="seconds between memory samples")
    args = parser.parse_args()
    if not (1 <= args.users <= MAX_USERS and 0 < args.duration <= MAX_DURATION):
        parser.error(f"--users 1..{MAX_USERS}, --duration up to {MAX_DURATION} s")
    if args.redis and urllib.parse.urlsplit(args.redis).hostname not in (LOOPBACK, "localhost"):
        parser.error("--redis must be on this machine (loopback)")
    print(machine())
    print(
        f"== {args.database}: {args.count:,} practices, {args.users} people, "
        f"{args.duration:.0f} s, "
        f"think time {args.think} s on average, gunicorn with {args.workers} workers"
    )
    with tempfile.TemporaryDirectory(prefix="solidarity-load-") as folder:
        var = Path(folder)
        env, facts = prepare(args, var)
        sink = MailSink()
        threading.Thread(target=sink.serve_forever, daemon=True).start()
        production = {
            **env,
            "SOLIDARITY_ENV": "production",
            "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{var / 'solidarity.sqlite3'}",
            "SOLIDARITY_SECRET_KEY": secrets.token_urlsafe(50),
            "SOLIDARITY_ALLOWED_HOSTS": LOOPBACK,
            "SOLIDARITY_SITE_URL": f"https://{LOOPBACK}",
            "SOLIDARITY_FROM_EMAIL": "Solidarity <no-reply@load.example.org>",
            "SOLIDARITY_EMAIL_HOST": LOOPBACK,
            "SOLIDARITY_EMAIL_PORT": str(sink.server_address[1]),
            "SOLIDARITY_EMAIL_TLS": "false",
            # Every simulated person comes from 127.0.0.1: one address, many people.
            "SOLIDARITY_API_RATE": "1000000/m",
            "REDIS_URL": args.redis,
        }
        collected = subprocess.run(
            [SOLIDARITY, "collectstatic", "--no-input"], env=production, capture_output=True
        )
        if collected.returncode:
            sys.exit(f"collectstatic with production settings failed:\n{collected.stderr.decode()}")
        log = var / "server.log"
        with (
            jobs_consumer(production, var / "jobs.log", facts["jobs"]),
            gunicorn(production, workers=args.workers, log=log) as (port, server),
        ):
            memory = MemorySampler(server.pid, args.sample)
            memory.sample()
            started = time.monotonic()
            recorder = Recorder(deadline=started + args.duration, max_requests=args.max_requests)
            people = [
                Person(n, port=port, recorder=recorder, think=args.think, facts=facts)
                for n in range(args.users)
            ]
            threads = [threading.Thread(target=p.run, daemon=True) for p in people]
            memory.start()
            ramp = min(5.0, args.duration / 4) / len(threads)
            for thread in threads:
                thread.start()
                time.sleep(ramp)  # people arrive over a few seconds
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            memory.stopped.set()
            memory.join()
            memory.sample()
        sink.shutdown()
        errors = report(recorder, elapsed, memory)
        print(f"  e-mails received by the SMTP sink: {sink.received}")
        stored = run_child(__file__, env, "count")
        print(
            f"  in the database: {stored['practices']} practices of the simulated people "
            f"({stored['submitted']} submitted), {stored['attachments']} documents"
        )
        logged = log.read_text(errors="replace")
        for needle in ("Traceback", "database is locked", "WORKER TIMEOUT", "deadlock"):
            print(f"  server log: {logged.count(needle)} × {needle!r}")
        if "Traceback" in logged:
            print(logged[logged.index("Traceback") :][:3000])
        if stored["submitted"] != recorder.submitted:
            errors += 1
            print("  the practices submitted and the practices stored differ")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

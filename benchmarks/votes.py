"""Benchmark: Voeten's 870,109 General Assembly votes, imported and measured.

In a fresh database (SQLite under a temporary folder, or the PostgreSQL
database given with ``--database-url``), runs ``solidarity votes
import-unvotes`` on the shipped copy in a child process (twice: the second
replaces the first), then, in this process, times loading the positions into
numpy, the 193 x 193 agreement matrix over all roll calls, over a decade and
over a topic, a State's partners, and a State's page (median and 95th
percentile of 50 requests through Django's test client, no network).
Targets (issue 13): import <= 30 s; matrix <= 0.5 s over all, <= 0.2 s over a
topic or decade; a State's page p95 <= 100 ms.

    .venv/bin/python benchmarks/votes.py [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))


def timed(function, repeat: int = 10) -> tuple[float, float]:
    """(median, worst) seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL; SQLite when empty")
    args = parser.parse_args()
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SOLIDARITY_ENV": "test", "SOLIDARITY_VAR_DIR": tmp}
        env.pop("DATABASE_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        subprocess.run(
            [SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True
        )
        for label in ("import into an empty database", "import again (replaces)"):
            started = time.perf_counter()
            done = subprocess.run(
                [SOLIDARITY, "votes", "import-unvotes", "--quiet"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            elapsed = time.perf_counter() - started
            print(f"{label}: {elapsed:.1f} s with start-up; {done.stdout.splitlines()[0]}")

        os.environ.update(
            {k: v for k, v in env.items() if k.startswith(("SOLIDARITY_", "DATABASE"))}
        )
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
        import django

        django.setup()
        from django.test import Client

        from solidarity.votes import selectors

        started = time.perf_counter()
        data = selectors.vote_data()
        print(
            f"positions loaded into numpy: {time.perf_counter() - started:.2f} s "
            f"({data.matrix.shape[0]} States x {data.matrix.shape[1]} roll calls)"
        )
        cases = [
            ("matrix, all roll calls", selectors.Selection()),
            (
                "matrix, 2000-2009",
                selectors.Selection(start=dt.date(2000, 1, 1), end=dt.date(2009, 12, 31)),
            ),
            ("matrix, topic human rights", selectors.Selection(topic="hr")),
        ]
        for label, selection in cases:
            median, worst = timed(lambda selection=selection: selectors.agreement_matrix(selection))
            count = selectors.selected_count(selection)
            print(
                f"{label} ({count} roll calls): median {median * 1000:.1f} ms, "
                f"worst {worst * 1000:.1f} ms"
            )
        median, worst = timed(lambda: selectors.partners_of("USA"))
        print(f"partners of the USA: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms")
        client = Client(HTTP_HOST="localhost")
        client.get("/countries/USA/")  # first request: templates and the world of Django warm up
        times = []
        for _ in range(50):
            started = time.perf_counter()
            response = client.get("/countries/USA/")
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        times.sort()
        print(
            f"State page /countries/USA/: median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()

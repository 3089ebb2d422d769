"""Benchmark: ingest 10,000 resolutions into a fresh SQLite database.

Generates resolutions of the seed's size (resolution 56/4 with other numbers,
sessions and dates), runs ``solidarity ingest`` on the folder in a child
process, and prints the elapsed time, the rate, the processor time of the
ingest (the storing process and the one parsing ahead, together) and the
child's peak memory, for 1,000 and for 10,000 files: memory that stays flat
between the two shows that ingestion streams. Target: 10,000 in at most 30 s.

    .venv/bin/python benchmarks/ingest.py [--count 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "solidarity" / "demo" / "data" / "A-HRC-RES-56-4.md"
SOLIDARITY = str(Path(sys.executable).with_name("solidarity"))
MONTHS = ["March", "April", "June", "July", "October"]


def variant(seed: str, n: int) -> str:
    """The seed as resolution n: another number, session and adoption date."""
    session = 30 + n // 60
    number = n % 60 + 1
    day = n % 28 + 1
    month = MONTHS[n % len(MONTHS)]
    text = seed.replace("56/4. Human rights", f"{session}/{number}. Human rights")
    text = text.replace("Fifty-sixth session", f"Session {session}")
    text = text.replace("10 July 2024", f"{day} {month} 2024")
    return text


def generate(folder: Path, count: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"res-{n:05d}.md").write_text(variant(seed, n), encoding="utf-8")


def run_ingest(folder: Path, var: Path) -> tuple[float, float, float, str]:
    env = {**os.environ, "SOLIDARITY_ENV": "test", "SOLIDARITY_VAR_DIR": str(var)}
    env.pop("DATABASE_URL", None)
    subprocess.run([SOLIDARITY, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    out, err = var / "ingest.out", var / "ingest.err"
    started = time.perf_counter()
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            [SOLIDARITY, "ingest", str(folder), "--quiet"], env=env, stdout=stdout, stderr=stderr
        )
        # wait4 gives this one child's own resource use, its peak memory included.
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(err.read_text()[-2000:])
    # The processor time of the child and of the parsing process it waited for.
    processor = usage.ru_utime + usage.ru_stime
    return elapsed, processor, usage.ru_maxrss / 1024, out.read_text().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    for count in sorted({min(1_000, args.count), args.count}):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            generate(folder, count)
            elapsed, processor, peak_mib, summary = run_ingest(folder, Path(tmp) / "var")
            print(
                f"{count:>6} resolutions: {elapsed:6.1f} s, {count / elapsed:7.1f}/s, "
                f"processor {processor:6.1f} s ({processor / count * 1000:.1f} ms each), "
                f"peak RSS of the ingest process {peak_mib:6.1f} MiB ({summary}); "
                f"load average {os.getloadavg()[0]:.1f}"
            )


if __name__ == "__main__":
    main()

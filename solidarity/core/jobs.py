"""Running the job queue's consumer beside the development server.

In production the consumer is its own process (`solidarity run_huey`, see
docs/deployment.md). In development `solidarity serve` starts one as a child
process for as long as the server runs, so `make run` needs no other service.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections.abc import Iterator


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """On Linux, the consumer is stopped if the server is killed outright."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def consumer_alongside(*, grace: float = 10.0) -> Iterator[subprocess.Popen]:
    """Run `solidarity run_huey` while the block runs; stop it when the block ends.

    It is asked to stop as Ctrl+C would (jobs under way finish), then ended if it
    has not after ``grace`` seconds.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "solidarity.cli", "run_huey"],
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

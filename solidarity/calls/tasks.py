"""Jobs of calls for input, run by the platform's one queue (see core/tasks.py)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task(retries=3, retry_delay=60)
def build_published_archive(call_id: int) -> None:
    """The ZIP and CSV of a call's published submissions, rebuilt after each publication."""
    from solidarity.calls import archive

    archive.build(call_id)


@db_periodic_task(crontab(minute="*/5"))
def close_due_calls() -> int:
    """Every five minutes, record the closing of the calls whose deadline has passed."""
    from solidarity.calls import services

    return len(services.calls_close_due())

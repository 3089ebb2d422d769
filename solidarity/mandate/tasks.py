"""Jobs of the mandate, run by the platform's one queue (see core/tasks.py)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task(retries=2, retry_delay=60)
def build_report_annexes(deliverable_id: int, language: str) -> int:
    """Compile a report's annexes and store them as DOCX and PDF for its page."""
    from solidarity.mandate.annexes import build

    return len(build.build(deliverable_id, language=language))

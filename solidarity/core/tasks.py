"""Jobs of the platform's one queue (Huey), run by its consumer.

A job receives plain values only (strings, numbers), never a record: the
record may have changed, or be gone, by the time the job runs. The consumer
(`solidarity run_huey`) finds this module by its name, as every app's
``tasks.py``.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, task

from solidarity.core.search import engine


@task(retries=5, retry_delay=120)
def deliver_mail(*, to: str, subject: str, body: str, language: str) -> None:
    """Hand one rendered message to the mail server; tried again while it is away."""
    EmailMessage(subject=subject, body=body, to=[to], headers={"Content-Language": language}).send()


@db_periodic_task(crontab(hour="3", minute="17"))
def prune_search_changes() -> dict[str, int]:
    """Each night, delete the logged search changes every catalogue index has applied.

    Any one consumer may run it: pruning keeps what a mirror seen in the last
    day still needs, and a mirror left further behind rebuilds.
    """
    return engine.prune_changes()

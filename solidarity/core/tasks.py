"""Jobs of the platform's one queue (Huey), run by its consumer.

A job receives plain values only (strings, numbers), never a record: the
record may have changed, or be gone, by the time the job runs. The consumer
(`solidarity run_huey`) finds this module by its name, as every app's
``tasks.py``.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from huey.contrib.djhuey import task


@task(retries=5, retry_delay=120)
def deliver_mail(*, to: str, subject: str, body: str, language: str) -> None:
    """Hand one rendered message to the mail server; tried again while it is away."""
    EmailMessage(subject=subject, body=body, to=[to], headers={"Content-Language": language}).send()

"""Demonstration data of recorded votes: Voeten's General Assembly votes, loaded by a job.

The import takes about ten seconds, so the demonstration does not wait for it:
it queues the job when its transaction commits, and the consumer started by
``solidarity serve`` runs it while the first pages are served (they show the
roll calls stored so far).
"""

from __future__ import annotations

from django.db import transaction

from solidarity.votes import tasks, unvotes
from solidarity.votes.models import RollCall, Source


def load(*, folder: str = str(unvotes.SHIPPED)) -> int:
    """Queue the import of Voeten's data unless it is there; 1 when queued, else 0."""
    if RollCall.objects.filter(source=Source.UNVOTES).exists():
        return 0
    transaction.on_commit(lambda: tasks.import_unvotes(folder=folder))
    return 1

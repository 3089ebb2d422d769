"""Jobs of recorded votes, run by the queue's consumer."""

from __future__ import annotations

from pathlib import Path

from huey.contrib.djhuey import task

from solidarity.votes import services, unvotes
from solidarity.votes.models import RollCall, Source


@task()
def import_unvotes(*, folder: str = str(unvotes.SHIPPED), only_if_missing: bool = True) -> None:
    """Import Voeten's data from ``folder`` (about ten seconds for the shipped copy).

    With ``only_if_missing``, nothing is done when it is already there (a second
    demonstration run, or two jobs queued before the first ran).
    """
    if only_if_missing and RollCall.objects.filter(source=Source.UNVOTES).exists():
        return
    services.unvotes_import(actor=None, folder=Path(folder))

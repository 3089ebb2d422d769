"""Demonstration engagements: one forum ahead and one summit behind, both examples.

Neither reproduces an event the Independent Expert took part in; each is marked
as an example on its page, in the API and in the calendar feed.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.engagements import services
from solidarity.engagements.models import Engagement


def load(*, today: dt.date | None = None) -> int:
    """Add the examples once; return how many were added."""
    if Engagement.objects.exists():
        return 0
    today = today or timezone.localdate()
    services.engagement_create(
        actor=None,
        title="Regional forum on solidarity against food insecurity",
        kind="forum",
        starts_on=today + dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=31),
        place="Nairobi",
        online=True,
        organizer="An example regional organization",
        role="speaker",
        source="Example data: not a real event.",
        example=True,
    )
    services.engagement_create(
        actor=None,
        title="Summit on international cooperation in pandemics",
        kind="summit",
        starts_on=today - dt.timedelta(days=90),
        ends_on=today - dt.timedelta(days=88),
        place="Geneva",
        organizer="An example intergovernmental organization",
        role="panellist",
        outcome="The Expert called for the sharing of vaccines and medical know-how.",
        documents=[{"title": "Statement (example)", "url": "https://example.org/statement"}],
        source="Example data: not a real event.",
        example=True,
    )
    return 2

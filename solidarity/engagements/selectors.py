"""Reads of engagements shared by the list, the API and the calendar feed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.engagements.models import Engagement


def engagements(*, when: str = ""):
    """All engagements, newest first; ``when`` is "upcoming" or "past" to narrow them."""
    found = Engagement.objects.all()
    today = timezone.localdate()
    if when == "upcoming":
        return found.filter(starts_on__gte=today).order_by("starts_on", "pk")
    if when == "past":
        return found.filter(starts_on__lt=today)
    return found


def calendar_window(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """What the feed carries: two years back, and everything ahead."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=730), dt.date.max

"""Demonstration visit requests: a few States in different steps of the lifecycle.

Every request here is an example, marked as such on the table, the request's
page, the State's page, the API and the calendar: none reproduces a request the
Independent Expert made or an answer a State gave. Dates count back from the
day the demonstration is loaded, so reminders fall due as they would.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.countries.models import Country
from solidarity.visits import services
from solidarity.visits.models import VisitRequest

EXAMPLE_NOTE = "Example data: not a real request of the mandate."

# iso3 -> steps (event, days before today, visit from, visit to, in days from today)
EXAMPLES: dict[str, list[tuple]] = {
    # Pending, no reply after 200 days: a reminder is due.
    "CUB": [("requested", 200)],
    # Acknowledged after two reminders, still pending.
    "KEN": [
        ("requested", 420),
        ("reminder_sent", 300),
        ("reminder_sent", 190),
        ("acknowledged", 170),
    ],
    # Accepted with dates: a forthcoming visit.
    "NOR": [
        ("requested", 260),
        ("acknowledged", 230),
        ("accepted", 120, 45, 54),
    ],
    # Carried out, with its report.
    "URY": [
        ("requested", 700),
        ("reminder_sent", 600),
        ("accepted", 540),
        ("dates_proposed", 500, -400, -391),
        ("underway", 400),
        ("completed", 391),
    ],
}
EXAMPLE_STANDING = {"URY": 900, "NOR": 1500}


def load(*, today: dt.date | None = None) -> int:
    """Add the examples once; return how many requests were added."""
    if VisitRequest.objects.exists():
        return 0
    today = today or timezone.localdate()

    def day(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    for iso3, steps in EXAMPLES.items():
        country = Country.objects.get(iso3=iso3)
        (_first, first_on), *rest = steps
        visit = services.visit_request_create(
            actor=None,
            country=country,
            on=day(first_on),
            note=EXAMPLE_NOTE,
            source=EXAMPLE_NOTE,
            example=True,
        )
        for kind, on, *dates in rest:
            starts_on = day(-dates[0]) if dates else None
            ends_on = day(-dates[1]) if dates else None
            services.visit_event_record(
                actor=None,
                visit=visit,
                kind=kind,
                on=day(on),
                starts_on=starts_on,
                ends_on=ends_on,
                report_url="https://example.org/report-of-an-example-visit"
                if kind == "completed"
                else "",
            )
    for iso3, since in EXAMPLE_STANDING.items():
        services.standing_invitation_record(
            actor=None,
            country=Country.objects.get(iso3=iso3),
            since=day(since),
            source=EXAMPLE_NOTE,
            example=True,
        )
    return len(EXAMPLES)

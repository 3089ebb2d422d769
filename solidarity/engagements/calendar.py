"""The iCalendar feed (/events.ics): the Expert's engagements and the dates of country visits.

Written with the ``icalendar`` library (RFC 5545). Every event is a whole-day
event (the UN announces these by the day, not the hour); DTEND is the day after
the last, as the standard counts it. UIDs are stable, so calendar programs
update an event rather than add it again when its dates change.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.engagements.models import Engagement
from solidarity.visits import selectors as visits

ONE_DAY = dt.timedelta(days=1)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "solidarity"


def _event(uid: str, summary: str, first: dt.date, last: dt.date, url: str, stamp: dt.datetime):
    event = icalendar.Event()
    event.add("uid", f"{uid}@{_host()}")
    event.add("summary", summary)
    event.add("dtstart", first)
    event.add("dtend", (last if last >= first else first) + ONE_DAY)
    event.add("dtstamp", stamp)
    event.add("url", url)
    return event


def build(engagements, *, base_url: str, since: dt.date) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Solidarity//Engagements and country visits//EN")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname", _("Independent Expert on human rights and international solidarity")
    )
    stamp = timezone.now().replace(microsecond=0)
    for engagement in engagements:
        if engagement.last_day < since:
            continue
        event = _event(
            f"engagement-{engagement.pk}",
            engagement.title + (" " + _("(example)") if engagement.example else ""),
            engagement.starts_on,
            engagement.last_day,
            base_url + engagement.get_absolute_url(),
            stamp,
        )
        event.add("location", engagement.place or _("Online"))
        event.add("categories", [engagement.get_kind_display()])
        description = [
            _("Organizer: %(organizer)s") % {"organizer": engagement.organizer},
            _("The Expert's role: %(role)s") % {"role": engagement.get_role_display()},
        ]
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    for row in visits.table():
        for number, (first, last) in enumerate(_visit_dates(row), start=1):
            if first is None or (last or first) < since:
                continue
            summary = _("Country visit: %(state)s") % {"state": row.country.un_name}
            if row.visit.example:
                summary += " " + _("(example)")
            event = _event(
                f"visit-{row.country.iso3}-{number}",
                summary,
                first,
                last or first,
                base_url + row.visit.get_absolute_url(),
                stamp,
            )
            event.add("location", row.country.un_name)
            event.add("categories", [_("Country visit")])
            calendar.add_component(event)
    return calendar.to_ical()


def _visit_dates(row) -> list[tuple[dt.date | None, dt.date | None]]:
    """Completed visits, then the dates of the one agreed or underway now."""
    dates = list(row.history.completed_visits)
    if row.visit is not None and row.view in ("forthcoming", "underway"):
        dates.append((row.history.starts_on, row.history.ends_on))
    return dates


def engagements_for_feed():
    return Engagement.objects.all()

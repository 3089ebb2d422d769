"""A State's line of the visits table as open data: one shape for the page, CSV and API."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.visits import lifecycle, selectors
from solidarity.visits.selectors import CountryRow

CSV_HEADER = [
    "iso3",
    "state",
    "regional_group",
    "view",
    "status",
    "status_since",
    "requested_on",
    "first_reply_on",
    "days_to_first_reply",
    "reminders",
    "days_pending",
    "visit_starts_on",
    "visit_ends_on",
    "completed_visits",
    "standing_invitation_since",
    "example",
    "url",
]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def country_record(row: CountryRow, *, today: dt.date, base_url: str = "") -> dict:
    h = row.history
    return {
        "iso3": row.country.iso3,
        "state": row.country.un_name,
        "regional_group": row.country.regional_group,
        "view": row.view,
        "status": h.status,
        "status_since": _iso(h.status_since),
        "requested_on": _iso(h.requested_on),
        "first_reply_on": _iso(h.first_reply_on),
        "days_to_first_reply": h.days_to_first_reply,
        "reminders": h.reminders,
        "days_pending": h.days_pending(today),
        "visit_starts_on": _iso(h.starts_on),
        "visit_ends_on": _iso(h.ends_on),
        "completed_visits": len(h.completed_visits),
        "standing_invitation": row.standing is not None,
        "standing_invitation_since": _iso(row.standing.since) if row.standing else None,
        "example": bool(row.visit and row.visit.example),
        "source": row.visit.source if row.visit else "",
        "events": [
            {
                "event": e.kind,
                "label": str(lifecycle.EVENT_LABELS[e.kind]),
                "on": e.on.isoformat(),
                "starts_on": _iso(e.starts_on),
                "ends_on": _iso(e.ends_on),
                "note": e.note,
                "report_url": e.report_url,
                "by_state": e.by_state,
            }
            for e in row.events
        ],
        "url": base_url + row.visit.get_absolute_url() if row.visit else None,
    }


def record_of_country(country, base_url: str = "") -> dict:
    """The State's visit request and answers, for the country record: its line of the table."""
    row = selectors.country_row(country)
    return country_record(row, today=timezone.localdate(), base_url=base_url)


def csv_row(row: CountryRow, *, today: dt.date, base_url: str = "") -> list:
    r = country_record(row, today=today, base_url=base_url)
    return [
        r["iso3"],
        r["state"],
        r["regional_group"],
        r["view"],
        r["status"],
        r["status_since"] or "",
        r["requested_on"] or "",
        r["first_reply_on"] or "",
        "" if r["days_to_first_reply"] is None else r["days_to_first_reply"],
        r["reminders"],
        "" if r["days_pending"] is None else r["days_pending"],
        r["visit_starts_on"] or "",
        r["visit_ends_on"] or "",
        r["completed_visits"],
        r["standing_invitation_since"] or ("yes" if r["standing_invitation"] else ""),
        "yes" if r["example"] else "no",
        r["url"] or "",
    ]

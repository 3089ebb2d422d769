"""An engagement as open data: one shape for the list's JSON and CSV and the API."""

from __future__ import annotations

from solidarity.engagements.models import Engagement

CSV_HEADER = [
    "id",
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "place",
    "online",
    "organizer",
    "role",
    "documents",
    "example",
    "url",
]


def engagement_record(engagement: Engagement, *, base_url: str = "") -> dict:
    return {
        "id": engagement.pk,
        "title": engagement.title,
        "kind": engagement.kind,
        "starts_on": engagement.starts_on.isoformat(),
        "ends_on": engagement.ends_on.isoformat() if engagement.ends_on else None,
        "place": engagement.place,
        "online": engagement.online,
        "organizer": engagement.organizer,
        "role": engagement.role,
        "outcome": engagement.outcome,
        "documents": list(engagement.documents),
        "source": engagement.source,
        "example": engagement.example,
        "url": base_url + engagement.get_absolute_url(),
    }


def csv_row(engagement: Engagement, *, base_url: str = "") -> list:
    r = engagement_record(engagement, base_url=base_url)
    return [
        r["id"],
        r["title"],
        r["kind"],
        r["starts_on"],
        r["ends_on"] or "",
        r["place"],
        "yes" if r["online"] else "no",
        r["organizer"],
        r["role"],
        " ".join(d["url"] for d in r["documents"]),
        "yes" if r["example"] else "no",
        r["url"],
    ]

"""The public record of a practice, as the API, the JSON and CSV downloads give it."""

from __future__ import annotations

from django.urls import reverse

from solidarity.practices.content import html_to_text, start_year

CSV_HEADER = [
    "id",
    "url",
    "title",
    "summary",
    "start",
    "end",
    "ongoing",
    "level",
    "themes",
    "modalities",
    "countries",
    "actors",
    "sdg_goals",
    "sdg_targets",
    "human_rights",
    "language",
    "version",
    "first_published_at",
    "description",
]


def public_record(practice, *, base_url: str = "") -> dict:
    content = practice.published
    return {
        "id": practice.pk,
        "url": base_url + reverse("practices:detail", kwargs={"pk": practice.pk}),
        "version": practice.published_version,
        "first_published_at": practice.first_published_at.isoformat()
        if practice.first_published_at
        else None,
        "year": start_year(content),
        **content,
    }


def csv_row(practice, *, base_url: str = "") -> list:
    c = practice.published
    period = c["period"]
    return [
        practice.pk,
        base_url + reverse("practices:detail", kwargs={"pk": practice.pk}),
        c["title"],
        c["summary"],
        period["start"] or "",
        period["end"] or "",
        "yes" if period["ongoing"] else "no",
        c["level"],
        "; ".join(c["themes"]),
        "; ".join(c["modalities"]),
        "; ".join(f"{row['country']} ({row['role']})" for row in c["countries"]),
        "; ".join(f"{a['name']} ({a['type']})" for a in c["actors"]),
        "; ".join(str(goal) for goal in c["sdg_goals"]),
        "; ".join(c["sdg_targets"]),
        "; ".join(c["human_rights"]),
        c["language"],
        practice.published_version,
        practice.first_published_at.isoformat() if practice.first_published_at else "",
        html_to_text(c["description"]),
    ]

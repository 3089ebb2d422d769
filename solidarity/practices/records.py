"""The public record of a practice, as the API, the JSON and CSV downloads give it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy

from solidarity.practices.content import html_to_text, start_year
from solidarity.practices.presentation import labelled_content, theme_labels

# The columns' names in the language of the page the download is taken from; the JSON
# and the API keep the codes, the CSV is for people and their spreadsheets.
CSV_HEADER = [
    pgettext_lazy("column of a download", "id"),
    pgettext_lazy("column of a download", "url"),
    pgettext_lazy("column of a download", "title"),
    pgettext_lazy("column of a download", "summary"),
    pgettext_lazy("column of a download", "start"),
    pgettext_lazy("column of a download", "end"),
    pgettext_lazy("column of a download", "ongoing"),
    pgettext_lazy("column of a download", "level"),
    pgettext_lazy("column of a download", "themes"),
    pgettext_lazy("column of a download", "modalities"),
    pgettext_lazy("column of a download", "countries"),
    pgettext_lazy("column of a download", "actors"),
    pgettext_lazy("column of a download", "sdg_goals"),
    pgettext_lazy("column of a download", "sdg_targets"),
    pgettext_lazy("column of a download", "human_rights"),
    pgettext_lazy("column of a download", "language"),
    pgettext_lazy("column of a download", "version"),
    pgettext_lazy("column of a download", "first_published_at"),
    pgettext_lazy("column of a download", "description"),
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


def csv_rows(practices: Iterable, *, base_url: str = "") -> Iterator[list]:
    """The rows of a download, the themes' labels read once for all of them."""
    themes = theme_labels()
    for practice in practices:
        yield csv_row(practice, base_url=base_url, themes=themes)


def csv_row(practice, *, base_url: str = "", themes: dict[str, str] | None = None) -> list:
    """A practice as a row, its codes ("food", "ngo") given as labels in the reader's language."""
    c = practice.published
    view = labelled_content(c, themes)
    period = c["period"]
    return [
        practice.pk,
        base_url + reverse("practices:detail", kwargs={"pk": practice.pk}),
        c["title"],
        c["summary"],
        period["start"] or "",
        period["end"] or "",
        gettext("yes") if period["ongoing"] else gettext("no"),
        view["level_label"],
        "; ".join(view["theme_labels"]),
        "; ".join(view["modality_labels"]),
        "; ".join(f"{row['iso3']} ({row['role']})" for row in view["country_rows"]),
        "; ".join(f"{a['name']} ({a['type']})" for a in view["actor_rows"]),
        "; ".join(str(goal) for goal in c["sdg_goals"]),
        "; ".join(c["sdg_targets"]),
        "; ".join(view["human_right_labels"]),
        c["language"],
        practice.published_version,
        practice.first_published_at.isoformat() if practice.first_published_at else "",
        html_to_text(c["description"]),
    ]

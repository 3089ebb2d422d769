"""Codes of a practice's content resolved to labels in the reader's language."""

from __future__ import annotations

from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.practices.content import start_year
from solidarity.practices.models import Theme
from solidarity.practices.taxonomy import (
    ActorType,
    CountryRole,
    HumanRight,
    Level,
    Modality,
    sdg_label,
)


def facet_titles() -> dict[str, str]:
    return {
        "theme": _("Theme"),
        "modality": _("Modality"),
        "level": _("Level"),
        "region": _("Region"),
        "country": _("Country"),
        "sdg": _("Sustainable Development Goal"),
        "actor_type": _("Type of actor"),
        "year": _("Year started"),
    }


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> UN name, read once per process (the list changes only with a migration)."""
    return dict(Country.objects.values_list("iso3", "un_name"))


@cache
def _labels_in(choices, language: str | None) -> dict[str, str]:
    with translation.override(language):
        return {str(value): str(label) for value, label in choices.choices}


def choice_label(choices, value) -> str:
    """A code's label in the reader's language (the code itself if unknown).

    The labels of a vocabulary are made once per language: a catalogue page
    labels some 150 codes, and making each label again cost more than the page's
    database queries.
    """
    return _labels_in(choices, translation.get_language()).get(value, value)


def theme_labels() -> dict[str, str]:
    """Every theme's label in the reader's language (a short list, read in one query)."""
    return {theme.code: theme.label() for theme in Theme.objects.all()}


def labelled_content(content: dict, themes: dict[str, str] | None = None) -> dict:
    """The content with each code paired with its label, for templates."""
    themes = theme_labels() if themes is None else themes
    names = country_names()
    return {
        **content,
        "year": start_year(content),
        "level_label": choice_label(Level, content["level"]) if content["level"] else "",
        "theme_labels": [themes.get(code, code) for code in content["themes"]],
        "modality_labels": [choice_label(Modality, code) for code in content["modalities"]],
        "human_right_labels": [choice_label(HumanRight, code) for code in content["human_rights"]],
        "sdg_labels": [sdg_label(goal) for goal in content["sdg_goals"]],
        "country_rows": [
            {
                "iso3": row["country"],
                "name": names.get(row["country"], row["country"]),
                "role": choice_label(CountryRole, row["role"]),
            }
            for row in content["countries"]
        ],
        "actor_rows": [
            {"name": actor["name"], "type": choice_label(ActorType, actor["type"])}
            for actor in content["actors"]
        ],
    }


def labelled(*practices, themes: dict[str, str] | None = None) -> list:
    """Public practices, each with ``view``: its published content, labelled."""
    themes = theme_labels() if themes is None else themes
    for practice in practices:
        practice.view = labelled_content(practice.published, themes)
    return list(practices)


def register_audit_readers() -> None:
    """How the audit trail reads the codes a practice's record keeps."""
    from solidarity.core.audit import once_per_page, register_reader

    def names_of(rows: list) -> str:
        names = country_names()
        return ", ".join(
            f"{names.get(row.get('country'), row.get('country'))} "
            f"({choice_label(CountryRole, row.get('role'))})"
            for row in rows
            if isinstance(row, dict)
        )

    def actors_of(rows: list) -> str:
        return ", ".join(
            f"{row.get('name')} ({choice_label(ActorType, row.get('type'))})"
            for row in rows
            if isinstance(row, dict)
        )

    def labels_of(choices):
        return lambda codes: ", ".join(choice_label(choices, code) for code in codes)

    def themes_of(codes: list) -> str:
        themes = once_per_page("practices.themes", theme_labels)
        return ", ".join(themes.get(code, code) for code in codes)

    practice = "practices.practice"
    register_reader(practice, "countries", names_of)
    register_reader(practice, "actors", actors_of)
    register_reader(practice, "modalities", labels_of(Modality))
    register_reader(practice, "human_rights", labels_of(HumanRight))
    register_reader(practice, "themes", themes_of)

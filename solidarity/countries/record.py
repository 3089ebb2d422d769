"""The country record: sections that other areas of the platform add to a State's page.

The countries app sits below the others, so it cannot ask them for data.
Instead each area registers, when it starts, a section: a template and a
function giving that template's data for a country (its votes, its visit
requests, its good practices).

A section may also give its part of the record as open data: a ``key`` (its
name in the JSON), a ``json_data`` function ``(country, base_url) -> plain
JSON values`` and the ``schema`` (a ninja ``Schema``) that data follows. The
page's JSON (``/countries/<ISO3>/?format=json``) and the API
(``/api/v1/countries/{iso3}/record``) are both :func:`country_record`, so they
carry the same figures; a section without ``json_data`` is left out of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from solidarity.countries import localized, selectors


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    data: Callable[[Any], Any]
    key: str = ""
    json_data: Callable[[Any, str], Any] | None = None
    schema: Any = None


_SECTIONS: list[Section] = []
# Set once the API has built the record's schema from the sections: a section giving data
# after that would be in the JSON but not in the published document.
_SCHEMA_BUILT = False


def register_section(
    *,
    order: int,
    template: str,
    data: Callable[[Any], Any],
    key: str = "",
    json_data: Callable[[Any, str], Any] | None = None,
    schema: Any = None,
) -> None:
    if json_data is not None and not (key and schema is not None):
        raise ValueError(f"{template}: a section's JSON needs its key and schema")
    if json_data is not None and _SCHEMA_BUILT:
        raise RuntimeError(f"{template}: registered after the record's schema was built")
    if all(section.template != template for section in _SECTIONS):
        _SECTIONS.append(Section(order, template, data, key, json_data, schema))
        _SECTIONS.sort(key=lambda section: section.order)


def sections_for(country) -> list[dict]:
    return [{"template": s.template, "data": s.data(country)} for s in _SECTIONS]


def json_sections() -> list[Section]:
    """The sections that give their part of the record as data, in the page's order."""
    return [section for section in _SECTIONS if section.json_data is not None]


def schema_fields() -> dict[str, Any]:
    """Each data-giving section's key and schema, for the API's typed record."""
    global _SCHEMA_BUILT
    _SCHEMA_BUILT = True
    return {section.key: section.schema for section in json_sections()}


def state_record(country) -> dict[str, Any]:
    """The State itself: its codes, names in the six languages, status, group and seats."""
    return {
        "iso3": country.iso3,
        "iso2": country.iso2,
        "un_name": country.un_name,
        "names": {
            code: localized.state_name(country.iso3, code) for code, _name in settings.LANGUAGES
        },
        "status": country.status,
        "regional_group": country.regional_group,
        "council_years": selectors.council_years(country),
    }


def country_record(country, *, base_url: str = "") -> dict[str, Any]:
    """Everything the platform knows of a State, as plain JSON values."""
    found: dict[str, Any] = {"state": state_record(country)}
    for section in json_sections():
        assert section.json_data is not None
        found[section.key] = section.json_data(country, base_url)
    return found

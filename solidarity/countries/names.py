"""Resolve the ways the UN prints a State's name to its ISO 3166-1 alpha-3 code.

Plain Python, no database: the parser of resolutions uses it too. The table is
built once from the shipped data files (UN short names and recorded variants)
and from ISO 3166-1 names in pycountry, for the 195 UN Member and observer
States only.

Matching ignores case, diacritics, typographic apostrophes, spacing,
punctuation and hyphens (so a name split across lines, "Plurina-\\ntional",
still resolves). A name that matches nothing raises :class:`UnknownCountryName`
naming it; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parent / "data"

REGIONAL_GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and other",
)


class UnknownCountryName(ValueError):
    """No UN Member or observer State goes by this name."""

    def __init__(self, name: str, suggestions: list[str] | None = None):
        self.name = name
        self.suggestions = suggestions or []
        message = f"unknown country name {name!r}"
        if self.suggestions:
            message += f" (did you mean {', '.join(self.suggestions)}?)"
        super().__init__(message)


class AmbiguousCountryName(ValueError):
    """Two States share a normalized name in the reference data (a data error)."""


@dataclass(frozen=True, slots=True)
class StateRecord:
    iso3: str
    un_name: str
    status: str  # "member" or "observer"
    regional_group: str  # one of REGIONAL_GROUPS, or "" for observers
    source: str


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u00ad-"
_NON_KEY = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """The comparison key of a name: lower case ASCII letters and digits only."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ı", "i").replace("İ", "I")
    for dash in _DASHES:
        text = text.replace(dash, "")
    return _NON_KEY.sub("", text.casefold())


def clean_display(name: str) -> str:
    """A printed name with line-break hyphens repaired and spacing folded."""
    text = re.sub(r"([a-z])[-\u00ad]\s*\n\s*([a-z])", r"\1\2", name)
    return " ".join(text.split())


@functools.cache
def states() -> tuple[StateRecord, ...]:
    with open(DATA_DIR / "member_states.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            StateRecord(
                iso3=row["iso3"],
                un_name=row["un_name"],
                status=row["status"],
                regional_group=row["regional_group"],
                source=row["source"],
            )
            for row in csv.DictReader(handle)
        )


@functools.cache
def state_by_iso3() -> dict[str, StateRecord]:
    return {state.iso3: state for state in states()}


def _add(table: dict[str, str], name: str, iso3: str) -> None:
    key = normalize(name)
    if not key:
        return
    existing = table.get(key)
    if existing is not None and existing != iso3:
        raise AmbiguousCountryName(f"{name!r} names both {existing} and {iso3}")
    table[key] = iso3


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    codes = state_by_iso3()
    for state in states():
        _add(table, state.un_name, state.iso3)
    with open(DATA_DIR / "name_variants.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            _add(table, row["variant"], row["iso3"])
    for country in pycountry.countries:
        if country.alpha_3 not in codes:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                _add(table, value, country.alpha_3)
    return table


def try_resolve(name: str) -> str | None:
    """The alpha-3 code for a printed name, or None."""
    return _table().get(normalize(name))


def resolve(name: str) -> str:
    """The alpha-3 code for a printed name; :class:`UnknownCountryName` if none."""
    code = try_resolve(name)
    if code is None:
        raise UnknownCountryName(clean_display(name), suggest(name))
    return code


def suggest(name: str, limit: int = 3) -> list[str]:
    """UN names close to an unknown one, for error messages."""
    by_key = {normalize(state.un_name): state.un_name for state in states()}
    close = difflib.get_close_matches(normalize(name), list(by_key), n=limit, cutoff=0.75)
    return [by_key[key] for key in close]

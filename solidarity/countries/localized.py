"""The names of States in the reader's language, and the order of that language. Plain Python.

English uses the UN short names the platform ships (``data/member_states.csv``).
French, Spanish, Russian, Chinese and Arabic use the ISO 3166-1 names as
translated by the iso-codes project, shipped inside pycountry (pinned exactly,
so a name does not change under a page); where it has no translation (it
gives the English name back, as for "Türkiye" in Arabic or "Algeria" in
Spanish), the name comes from the Unicode CLDR territory names that Babel
ships.

Sorting follows the language's alphabet at the primary level, as a printed
list does: accents and case set no order of their own (French "Égypte" comes
among the E), Spanish ñ is a letter after n, Russian ё sorts with е, and in
Arabic the article "ال" and the hamza seat are passed over ("الأرجنتين" sorts
as أرجنتين, among the alifs). Chinese names are sorted by the order of their
characters in Unicode (radical and stroke count), not by pinyin: no pinyin
table ships with the platform.
"""

from __future__ import annotations

import functools
import gettext
import unicodedata

import pycountry
from babel import Locale

from solidarity.countries import names

# Django's language code -> (pycountry's locale folder, Babel's locale).
LOCALES = {
    "fr": ("fr", "fr"),
    "es": ("es", "es"),
    "ru": ("ru", "ru"),
    "zh-hans": ("zh_CN", "zh_Hans"),
    "ar": ("ar", "ar"),
}


def _language(code: str) -> str:
    code = (code or "en").lower()
    if code in LOCALES:
        return code
    base = code.split("-")[0]
    if base == "zh":
        return "zh-hans"
    return base if base in LOCALES else "en"


@functools.cache
def state_names(language: str) -> dict[str, str]:
    """ISO3 -> the State's name in the language (English: the UN short name)."""
    language = _language(language)
    states = names.states()
    if language == "en":
        return {state.iso3: state.un_name for state in states}
    folder, cldr = LOCALES[language]
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[folder])
    territories = Locale.parse(cldr).territories
    found = {}
    for state in states:
        record = pycountry.countries.get(alpha_3=state.iso3)
        if record is None:
            found[state.iso3] = state.un_name
            continue
        translated = catalogue.gettext(record.name)
        if translated == record.name:
            translated = territories.get(record.alpha_2, record.name)
        found[state.iso3] = translated
    return found


def state_name(iso3: str, language: str) -> str:
    return state_names(language).get(iso3, iso3)


_ARABIC_ARTICLE = "ال"


def sort_key(name: str, language: str) -> tuple[str, str]:
    """The key that puts names in the language's order (primary level, then the name itself)."""
    language = _language(language)
    text = name.casefold()
    if language == "es":
        text = text.replace("ñ", "n\U0010ffff")  # ñ is its own letter, after n
    if language == "ar":
        text = " ".join(
            word[2:] if word.startswith(_ARABIC_ARTICLE) and len(word) > 3 else word
            for word in text.split()
        )
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(
        char
        for char in decomposed
        if not unicodedata.category(char).startswith(("M", "P")) and char != "\u0640"
    )
    return (" ".join(base.split()), name)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))


def matches(query: str, *candidates: str) -> bool:
    """Whether the words typed are found in one of the names, ignoring case and accents."""
    wanted = _folded(query).strip()
    return bool(wanted) and any(wanted in _folded(candidate) for candidate in candidates)

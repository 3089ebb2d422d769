"""Text hygiene, in plain Python: what may be stored, written into XML, put in a
spreadsheet cell, or used as a name that people must tell apart.

- :func:`clean_text` removes the characters that have no place in stored text
  (controls, noncharacters, lone surrogates), so every text is also valid in
  XML 1.0; services pass what they store through it (:func:`clean_tree` for
  nested content), feeds pass what they write through it again, for text
  stored before.
- :func:`spreadsheet_safe` keeps a cell from being read as a formula.
- :func:`normalize_name` and :func:`lookalike_keys` make names that look the
  same compare equal (Unicode TR39 confusables, with the case folded).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Vertical tab (a manual line break pasted from a word processor), form feed and
# NEXT LINE end a line: they become a newline rather than vanish.
_LINE_BREAKS = re.compile("[\x0b\x0c\x85]")
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
# C0 controls but tab, newline and carriage return; DEL and the C1 controls;
# lone surrogates (which cannot even be encoded in UTF-8); noncharacters.
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")
# A quick first look: every character either expression above finds, and the rest of
# the planes above the first (a class listing the 32 noncharacters there makes the
# search ten times slower on any text). Most texts have none of these, and are kept
# as they are after one scan.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe-\U0010ffff]"
)


def clean_text(value: str) -> str:
    """``value`` without control characters (tab, newline and CR stay), noncharacters or
    lone surrogates; vertical tab, form feed and NEXT LINE become a newline.

    What it returns is always valid character data in XML 1.0.
    """
    if not value or _SUSPECT.search(value) is None:
        return value
    return _UNWANTED.sub("", _LINE_BREAKS.sub("\n", value))


def clean_tree(value):
    """Every string inside dicts, lists and tuples cleaned with :func:`clean_text`;
    anything else (numbers, dates, None) as it is."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_tree(key): clean_tree(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_tree(item) for item in value)
    return value


# -- Spreadsheet cells ---------------------------------------------------------

# What a spreadsheet program reads as the start of a formula (OWASP, "CSV
# injection"), with the full-width forms some of them accept too.
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def spreadsheet_safe(cell):
    """A text cell that would start a formula, prefixed with a single quote.

    Only text is changed: numbers (a negative vote count, a figure) are written
    as numbers. A text that starts with spaces or line breaks before one of
    those characters is prefixed too, as some programs skip them.
    """
    if isinstance(cell, str) and cell:
        first = cell.lstrip(" \n")[:1] or cell[:1]
        if first in _FORMULA_START or cell[0] in _FORMULA_START:
            return "'" + cell
    return cell


# -- Names people must tell apart ------------------------------------------------

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties): characters shown
# as nothing at all. With every format character (category Cf), they are what
# makes "Oxfam\u200bInternational" look like another name.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or bool(_IGNORABLE.match(char))


def normalize_name(name: str) -> str:
    """A name as it is stored: NFKC, without invisible characters, one space between
    words, none at either end."""
    text = unicodedata.normalize("NFKC", clean_text(name or ""))
    text = "".join(char for char in text if not _invisible(char))
    return " ".join(text.split())


@functools.cache
def _prototypes() -> dict[str, str]:
    """Each character of the Unicode confusables to one representative of its class.

    ``confusable_homoglyphs`` gives, for each character, those it is confusable
    with (from the Unicode confusables data), not TR39's prototype; the classes
    are the connected groups of that relation (a prototype and its sources), and
    the representative of each is its ASCII letter when it has one, so a
    representative is a readable character.
    """
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}

    def find(char: str) -> str:
        parent.setdefault(char, char)
        while parent[char] != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for char, homoglyphs in confusables_data.items():
        if len(char) != 1:
            continue
        for homoglyph in homoglyphs:
            other = homoglyph["c"]
            if len(other) == 1 and find(char) != find(other):
                parent[find(char)] = find(other)

    def preference(char: str) -> tuple:
        return (
            not (char.isascii() and char.islower()),
            not (char.isascii() and char.isalpha()),
            not char.isascii(),
            char,
        )

    classes: dict[str, list[str]] = {}
    for char in list(parent):
        classes.setdefault(find(char), []).append(char)
    prototypes = {}
    for members in classes.values():
        representative = min(members, key=preference)
        for char in members:
            prototypes[char] = representative
    return prototypes


def _skeleton(text: str) -> str:
    """TR39's skeleton: decomposed, each character replaced by its class's
    representative, decomposed again; spaces left out."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(prototypes.get(char, char) for char in decomposed if not char.isspace())
    return unicodedata.normalize("NFD", mapped)


def lookalike_keys(name: str) -> tuple[str, str]:
    """Two keys that two names share when people could take one for the other.

    The skeleton of the normalized name with the case folded after (catches
    "Оxfam" with a Cyrillic О, "0xfam", "lnternational" with a small L), and
    with the case folded before and after (catches "0XFAM INTERNATIONAL" and
    capitals of another script). Both are needed: a capital I looks like a
    small L, and its small form does not. Compare the first with the first and
    the second with the second.
    """
    normalized = normalize_name(name)
    return (
        _skeleton(normalized).casefold(),
        _skeleton(normalized.casefold()).casefold(),
    )


def lookalikes(name: str, other: str) -> bool:
    return any(a == b for a, b in zip(lookalike_keys(name), lookalike_keys(other), strict=True))

"""Footnote markers in the running text.

Markdown carries markers explicitly (``<sup>1</sup>``, read as ``[^1]``). Plain
text and PDF text layers glue them to what precedes them: "networks;1",
"on 17 June 2019,5", "9 October 202410" (marker 10 after a year). Such digits
are only taken for a marker when a footnote with that number exists, and
markers are looked for in document order, each after the previous one. A
marker still not found may stand set apart by a space ("Political Rights, 1
the next"); it is attached where exactly one such number stands between the
markers placed before and after it.
"""

from __future__ import annotations

import functools
import re

_LETTER = r"[a-z\u00df-\u00ff]"


@functools.lru_cache(maxsize=256)
def glued(marker: str) -> re.Pattern[str]:
    """The marker glued to what precedes it: a word, punctuation after a word, or a year.

    "networks1", "networks;1", "(2000),3", "2019,5", "77/215,3", "202410" (10 after
    2024), but not "0.7" or "COVID-19". The digits open the pattern so that the
    search runs on a literal.
    """
    digits = re.escape(marker)
    return re.compile(
        rf"{digits}(?:"
        rf"(?<={_LETTER}{_LETTER}{digits})"
        rf"|(?<=[^\W\d_][.,;:)\]\u2019\u201d\"']{digits})"
        rf"|(?<=[)\]][.,;:]{digits})"
        rf"|(?<=\d[,;:]{digits})"
        rf"|(?<=\b(?:19|20)\d\d{digits})"
        rf")(?![\w/])"
    )


# Words that a number follows as its own ("article 4 and"), not as a footnote marker.
_NUMBERED = frozenset(
    {
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "protocol",
        "no",
        "vol",
        "chapter",
        "chapters",
        "section",
        "sections",
        "part",
        "parts",
        "annex",
        "item",
        "items",
        "goal",
        "goals",
        "target",
        "targets",
        "principle",
        "principles",
        "rule",
        "rules",
        "recommendation",
        "recommendations",
        "session",
        "sessions",
        "page",
        "pages",
        "table",
        "figure",
        "volume",
        "number",
        "supplement",
        "agenda",
    }
)


@functools.lru_cache(maxsize=256)
def spaced(marker: str) -> re.Pattern[str]:
    """The marker set apart by a space, as text layers give it.

    "Political Rights, 1 the next", "the Child 4 and": after punctuation that
    ends a word, or after a word that does not take a number ("article 4 and"
    is checked apart), and before a lower-case word, a punctuation mark or the end.
    """
    digits = re.escape(marker)
    return re.compile(
        rf" {digits}(?:(?<=[^\W\d_][.,;:)\]\u2019\u201d\"'] {digits})"
        rf"|(?<={_LETTER}{_LETTER} {digits}))"
        rf"(?=\s[a-z]|[,;:.]?$|[,;:]\s)"
    )


def _spaced_in(text: str, marker: str, start: int, end: int) -> list[int]:
    """Where the marker stands set apart in text[start:end], words that take numbers aside."""
    found = []
    for match in spaced(marker).finditer(text, start, end):
        word = text[: match.start()].rstrip(".,;:)]\u2019\u201d\"'").rsplit(" ", 1)[-1]
        if word.lower() not in _NUMBERED:
            found.append(match.start())
    return found


def marker_in(text: str, marker: str, start: int = 0) -> tuple[int, int, bool] | None:
    """(start, end, explicit) of the first marker in the text from ``start``, or None."""
    explicit = f"[^{marker}]"
    at = text.find(explicit, start)
    match = glued(marker).search(text, start) if marker in text else None
    if match is not None and (at == -1 or match.start() < at):
        return match.start(), match.end(), False
    if at != -1:
        return at, at + len(explicit), True
    return None


def place_markers(texts: list[str], markers: list[str]) -> tuple[list[str], list[int | None]]:
    """Rewrite glued markers as ``[^n]``; return the texts and, per marker, the text index.

    Markers are searched in order, each from where the previous one was found,
    so a stray number earlier in the text is not taken for a later marker.
    """
    texts = list(texts)
    found: list[int | None] = []
    index, offset = 0, 0
    # Markdown marks every footnote explicitly: then no number is taken for a glued marker.
    explicit_only = any("[^" in text for text in texts)
    for marker in markers:
        where = None
        for position in range(index, len(texts)):
            text = texts[position]
            start = offset if position == index else 0
            if explicit_only:
                at = text.find(f"[^{marker}]", start)
                located = None if at == -1 else (at, at + len(marker) + 3, True)
            else:
                located = marker_in(text, marker, start)
            if located is None:
                continue
            start, end, explicit = located
            if not explicit:
                replacement = f"[^{marker}]"
                texts[position] = text[:start] + replacement + text[end:]
                end = start + len(replacement)
            where, index, offset = position, position, end
            break
        found.append(where)
    if not explicit_only and None in found:
        _place_spaced(texts, markers, found)
    return texts, found


def _place_spaced(texts: list[str], markers: list[str], found: list[int | None]) -> None:
    """Attach markers set apart by a space where exactly one stands between its neighbours.

    The neighbours are the markers placed before and after it; the numbers of a
    page's footnotes come in order, so between them a lone " 2" after "Child"
    can only be footnote 2.
    """
    for number, marker in enumerate(markers):
        if found[number] is not None:
            continue
        first, start = 0, 0
        for before in range(number - 1, -1, -1):
            at = found[before]
            if at is not None:
                explicit = f"[^{markers[before]}]"
                first, start = at, texts[at].find(explicit) + len(explicit)
                break
        last, end = len(texts) - 1, len(texts[-1])
        for after in range(number + 1, len(markers)):
            at = found[after]
            if at is not None:
                last, end = at, texts[at].find(f"[^{markers[after]}]")
                break
        candidates: list[tuple[int, int]] = []
        for position in range(first, last + 1):
            text = texts[position]
            if marker not in text:
                continue
            low = start if position == first else 0
            high = end if position == last else len(text)
            candidates.extend((position, at) for at in _spaced_in(text, marker, low, high))
            if len(candidates) > 1:
                break
        if len(candidates) == 1:
            position, at = candidates[0]
            text = texts[position]
            texts[position] = f"{text[:at]}[^{marker}]{text[at + 1 + len(marker) :]}"
            found[number] = position

"""Footnote markers in the running text.

Markdown carries markers explicitly (``<sup>1</sup>``, read as ``[^1]``). Plain
text and PDF text layers glue them to what precedes them: "networks;1",
"on 17 June 2019,5", "9 October 202410" (marker 10 after a year). Such digits
are only taken for a marker when a footnote with that number exists, and
markers are looked for in document order, each after the previous one.
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
    return texts, found

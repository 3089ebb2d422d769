"""Footnote markers in the running text.

Markdown carries markers explicitly (``<sup>1</sup>``, read as ``[^1]``). Plain
text and PDF text layers glue them to what precedes them: "networks;1",
"on 17 June 2019,5", "9 October 202410" (marker 10 after a year). Such digits
are only taken for a marker when a footnote with that number exists, and
markers are looked for in document order, each after the previous one. A
marker still not found may stand set apart by a space ("Political Rights, 1
the next", "February 2013, 9 in which", "Parties, 8and welcomes"); it is
attached where exactly one such number stands between the markers placed
before and after it, a page's footnotes being numbered in order. A number that
a word takes ("paragraphs 3, 4 and", "No. 4") or that counts ("of 15 fellows")
is never a marker. Where more than one candidate remains, none is attached and
the warning names where they stand (``unplaced``).
"""

from __future__ import annotations

import functools
import re

from solidarity.resolutions.parsing.text import word_set

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
        rf"|(?<=[)\]\u2019\u201d\"'][.,;:]{digits})"
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
    }
)
# Words a count follows ("participation of 15 fellows", "the 193 Member States"):
# a marker follows the name of what it refers to, not a preposition or an article.
_COUNTING = word_set(
    """
    of to by for with than about from at in on into over under between among within
    the a an all some each every only nearly almost around approximately least just
    more less fewer these those its their our his her up per first last
    """
)
# Abbreviations that take a number after their point: "No. 4", "vol. 2", "para. 7".
_ABBREVIATED = frozenset({"no", "nos", "vol", "vols", "para", "paras", "art", "arts", "p", "pp"})
# Words that take a number only as part of a name: "Agenda 21", not "the agenda 5 and".
_NAMED = frozenset({"Agenda"})


@functools.lru_cache(maxsize=256)
def spaced(marker: str) -> re.Pattern[str]:
    """The marker set apart by a space, as text layers give it.

    "Political Rights, 1 the next", "the Child 4 and", "for children”, 5 which",
    "of 12 February 2013, 9 in which", "for 2024/25; 4": after punctuation that
    ends a word or a number, or after a word that does not take a number
    ("article 4 and" is checked apart, as is "paragraphs 3, 4 and"), and before a
    lower-case word (even glued to it: "States Parties, 8and welcomes"), a year
    ("for 2021, 1 2022,2"), a punctuation mark or the end; or between two
    sentences ("the Paris Principles. 13 We will").
    """
    digits = re.escape(marker)
    return re.compile(
        rf" {digits}(?:(?<=[^\W\d_][.,;:)\]\u2019\u201d\"'] {digits})"
        rf"|(?<=[^\W\d_][)\]\u2019\u201d\"'][.,;:] {digits})"
        rf"|(?<=\d[.,;:] {digits})"
        rf"|(?<={_LETTER}{_LETTER} {digits}))"
        rf"(?=\s[a-z]|\s(?:19|20)\d\d(?!\d)|[,;:.]?$|[,;:]\s|(?!(?:st|nd|rd|th)\b)[a-z]{{2}})"
        # After a sentence's full stop, before the next sentence: "Principles. 13 We will".
        rf"| {digits}(?<={_LETTER}\. {digits})(?=\s[A-Z][a-z])"
    )


_QUOTES = ".,;:)]\u2019\u201d\"'"
# Words that join numbers in a series: "paragraphs 3, 4 and 5", "articles 10 to 13".
_SERIES = frozenset({"and", "or", "to"})


def _numbered(before: str) -> bool:
    """Whether the number after ``before`` is one of a series a word numbers or counts.

    "article 4", "paragraphs 3, 4", "resolutions 60/1, 9", "No. 4", "of 15
    fellows", "between 10 and 15": the word before the number (or before the
    numbers of its series) takes a number. A
    word followed by a comma does not ("the Child, 4 which", "the Addis Ababa
    Action Agenda, 13 and"), nor does a date or a year ("of 12 February 2013, 9
    in which").
    """
    words = before[-80:].split(" ")
    if len(before) > 80:
        words = words[1:]  # perhaps a part of a word
    for printed in reversed(words):
        word = printed.rstrip(_QUOTES)
        if not word:
            continue
        lowered = word.lower()
        if lowered in _SERIES or (word[0].isdigit() and not _is_year(word)):
            continue
        after = printed[len(word) :]
        if after:  # punctuation ends the word's reach, an abbreviation's point aside
            return after == "." and lowered in _ABBREVIATED
        return word in _NAMED or lowered in _NUMBERED or lowered in _COUNTING
    return False


def _is_year(word: str) -> bool:
    """A year as printed in a date or a period: "2013", "2024/25", "2014–2024"."""
    return len(word) >= 4 and word[:2] in ("19", "20") and word[:4].isdigit()


def _spaced_in(text: str, marker: str, start: int, end: int) -> list[int]:
    """Where the marker stands set apart in text[start:end], numbered words aside."""
    return [
        match.start()
        for match in spaced(marker).finditer(text, start, end)
        if not _numbered(text[: match.start()])
    ]


def marker_in(text: str, marker: str, start: int = 0) -> tuple[int, int, bool] | None:
    """(start, end, explicit) of a marker in the text from ``start``, or None.

    The first marker glued or explicit, else the first set apart by a space: what
    tells that a line of digits under the text is a footnote whose marker was seen.
    """
    located = _glued_or_explicit(text, marker, start)
    if located is None and marker in text:
        apart = _spaced_in(text, marker, start, len(text))
        if apart:
            return apart[0] + 1, apart[0] + 1 + len(marker), False
    return located


def _glued_or_explicit(text: str, marker: str, start: int) -> tuple[int, int, bool] | None:
    """(start, end, explicit) of the first marker glued or explicit from ``start``."""
    explicit = f"[^{marker}]"
    at = text.find(explicit, start)
    match = glued(marker).search(text, start) if marker in text else None
    if match is not None and (at == -1 or match.start() < at):
        return match.start(), match.end(), False
    if at != -1:
        return at, at + len(explicit), True
    return None


def place_markers(
    texts: list[str], markers: list[str], begun: list[int] | None = None
) -> tuple[list[str], list[int | None]]:
    """Rewrite markers as ``[^n]``; return the texts and, per marker, the text index.

    Any texts will do (paragraphs of the resolution, of its annexes, footnotes),
    in the order they are printed. Markers are searched in order, each from where
    the previous one was found, so a stray number earlier in the text is not taken
    for a later marker. A marker printed explicitly (``[^n]``, as Markdown gives
    it) is the only one looked for its number; the others may be glued to what
    precedes them, or, failing that, set apart by a space (see ``_place_spaced``).
    ``begun``, when given, says per marker how many of the texts (from the first)
    begin before its footnote is printed: a marker stands on its note's page or
    earlier, so a number in a paragraph that begins after the note is not taken.
    """
    texts = list(texts)
    found: list[int | None] = []
    index, offset = 0, 0
    # A Markdown conversion may mark some footnotes explicitly and leave others bare.
    joined = "\n".join(texts) if "[^" in "".join(texts) else ""
    explicit = {marker for marker in markers if f"[^{marker}]" in joined}
    for number, marker in enumerate(markers):
        where = None
        only_explicit = marker in explicit
        stop = len(texts) if begun is None else min(len(texts), begun[number])
        for position in range(index, stop):
            text = texts[position]
            start = offset if position == index else 0
            if only_explicit:
                at = text.find(f"[^{marker}]", start)
                located = None if at == -1 else (at, at + len(marker) + 3, True)
            else:
                located = _glued_or_explicit(text, marker, start)
            if located is None:
                continue
            start, end, is_explicit = located
            if not is_explicit:
                replacement = f"[^{marker}]"
                texts[position] = text[:start] + replacement + text[end:]
                end = start + len(replacement)
            where, index, offset = position, position, end
            break
        found.append(where)
    if None in found:
        _place_spaced(texts, markers, found, begun)
    return texts, found


def _place_spaced(
    texts: list[str], markers: list[str], found: list[int | None], begun: list[int] | None
) -> None:
    """Attach markers set apart by a space where exactly one stands between its neighbours.

    The neighbours are the markers placed before and after it; the numbers of a
    page's footnotes come in order, so between them a lone " 2" after "Child"
    can only be footnote 2.
    """
    if not texts:
        return
    for number, marker in enumerate(markers):
        if found[number] is not None:
            continue
        candidates = _set_apart(texts, markers, found, number, enough=1, begun=begun)
        if len(candidates) == 1:
            position, at = candidates[0]
            text = texts[position]
            rest = text[at + 1 + len(marker) :]
            space = " " if rest[:1].isalpha() else ""  # "8and" is "[^8] and"
            texts[position] = f"{text[:at]}[^{marker}]{space}{rest}"
            found[number] = position


def _set_apart(
    texts: list[str],
    markers: list[str],
    found: list[int | None],
    number: int,
    *,
    enough: int,
    begun: list[int] | None = None,
) -> list[tuple[int, int]]:
    """(text, offset) where marker ``number`` stands set apart between its placed neighbours.

    Only in the texts that begin before its note (``begun``, as for ``place_markers``).
    The search stops once more than ``enough`` are found.
    """
    marker = markers[number]
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
    if begun is not None and begun[number] <= last:
        last = begun[number] - 1
        if last < 0:
            return []
        end = len(texts[last])
    candidates: list[tuple[int, int]] = []
    for position in range(first, last + 1):
        text = texts[position]
        if marker not in text:
            continue
        low = start if position == first else 0
        high = end if position == last else len(text)
        candidates.extend((position, at) for at in _spaced_in(text, marker, low, high))
        if len(candidates) > enough:
            break
    return candidates


def unplaced(
    texts: list[str],
    markers: list[str],
    found: list[int | None],
    number: int,
    anchors: list[str],
    begun: list[int] | None = None,
) -> str:
    """Why footnote ``number`` (its index in ``markers``) has no marker, for its warning.

    ``texts`` and ``found`` are what ``place_markers`` returned, ``anchors`` the
    anchor of each text. Where its number stands set apart more than once between
    the markers placed before and after it, the places are named so a reader can
    tell which is the marker.
    """
    marker = markers[number]
    places = _set_apart(texts, markers, found, number, enough=8, begun=begun) if texts else []
    if len(places) < 2:
        return f"no marker of footnote {marker} in the text"
    where = ", ".join(dict.fromkeys(anchors[position] for position, _ in places))
    return (
        f"the marker of footnote {marker} is not told apart: its number stands set apart "
        f"more than once between the footnotes before and after it (in {where}); "
        "attached to none"
    )

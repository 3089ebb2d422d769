"""The recorded vote printed at the end of a resolution.

Council form::

    [Adopted by a recorded vote of 29 to 14, with 4 abstentions. The voting was as follows:
    In favour: Algeria, Bangladesh, ...
    Against: Albania, ...
    Abstaining: Argentina, Chile, Costa Rica, Morocco]

General Assembly form: "adopted by a recorded vote of 120 to 10, with 40
abstentions, as follows: In favour: ...". "[Adopted without a vote.]" gives no
vote. Names are split on commas outside brackets ("Netherlands (Kingdom of
the)"), mended where a line break split them ("Plurina-" + "tional"), freed
of the "and" some records put before the last one, and resolved to ISO codes.
The totals stated must equal the lists; a State may appear once only.

A text re-flowed from the pages keeps a page's footnotes where the page ended,
which may be inside the vote: between two names or two lists, at its end
("Cuba, 1 A/HRC/56/57. Dominican Republic", "Viet Nam 1 A/HRC/56/57. Against:",
"... Morocco] 1 A/HRC/56/57.", "... Morocco 1 A/HRC/56/57.]", "Ghana, 1 A/1. 2
A/2. Honduras"). Only the vote's reader can tell such a note from a name, as it
knows the States: the page reader leaves the vote as it is, and
``notes_in_vote`` lifts them all: a number that is the next footnote's, words up
to a full stop, and the vote going on after it with a State's name, a list or
its end. Anything else stays a name, and an unknown one is an error.
"""

from __future__ import annotations

import bisect
import functools
import re

from solidarity.countries import names
from solidarity.resolutions.parsing.document import RecordedVote, Voter
from solidarity.resolutions.parsing.errors import Diagnostics

_NUMBER = r"(\d{1,3}|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten)"
_WORDS = {
    "no": 0,
    "none": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
RECORDED = re.compile(
    rf"\bby\s+a\s+(?:recorded\s+)?vote\s+of\s+{_NUMBER}\s+(?:votes\s+)?to\s+{_NUMBER}"
    rf"(?:\s*,?\s*(?:and\s+)?with\s+{_NUMBER}\s+abstentions?)?",
    re.IGNORECASE,
)
WITHOUT = re.compile(r"\b(?:without\s+a\s+vote|by\s+consensus)\b", re.IGNORECASE)
STARTS = re.compile(r"\[?\s*(?:Resolution\s+\d+/\d+\s+)?(?:was\s+)?adopted\b", re.IGNORECASE)
_COLUMNS = re.compile(r"(In\s+favou?r|Against|Abstaining|Abstentions?)\s*:")
_COLUMN_NAMES = {"in": "in favour", "ag": "against", "ab": "abstaining"}
_NOBODY = frozenset({"", "none", "nil", "-", "\u2013", "\u2014"})


@functools.lru_cache(maxsize=4096)
def _resolve(name: str) -> str | None:
    return names.try_resolve(name)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


class _Block:
    """The joined lines of the vote, each offset mapped back to its input line."""

    def __init__(self, lines: list[tuple[int, str]]):
        self.starts: list[int] = []
        self.numbers: list[int] = []
        parts = []
        offset = 0
        for number, text in lines:
            self.starts.append(offset)
            self.numbers.append(number)
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)

    def line(self, offset: int) -> int:
        return self.numbers[max(0, bisect.bisect_right(self.starts, offset) - 1)]


_ITEM = re.compile(r"[^,;()\[\]]+(?:[(\[][^()\[\]]*[)\]][^,;()\[\]]*)*|[(\[][^,;]*")


def _names(text: str) -> list[str]:
    """The names listed, split on commas and semicolons outside brackets, line breaks mended."""
    text = text.strip()
    bracketed = "(" in text or "[" in text or ";" in text
    items = _ITEM.findall(text) if bracketed else text.split(",")
    if "\n" in text or "  " in text or "\u00ad" in text:
        items = [names.clean_display(item) for item in items]
    stripped = [item.strip(" .\n\t") for item in items]
    return [item for item in stripped if item]


def _line_of(block: _Block, name: str, start: int, *, second: bool = False) -> int:
    """The input line where a listed name is printed, searching from ``start``."""
    for probe in (name, name.split(" ", 1)[0]):
        at = block.text.find(probe, start)
        if second and at != -1:
            at = block.text.find(probe, at + len(probe))
        if at != -1:
            return block.line(at)
    return block.line(start)


def _resolve_item(display: str) -> list[tuple[str, str]] | None:
    """[(name, iso3)] for one listed item, which may be "A and B"; None if unknown."""
    code = _resolve(display)
    if code is not None:
        return [(display, code)]
    if display.lower().startswith("and "):
        return _resolve_item(display[4:].strip())
    position = display.find(" and ")
    while position != -1:
        left = _resolve(display[:position])
        if left is not None:
            right = _resolve_item(display[position + 5 :].strip())
            if right is not None:
                return [(display[:position], left), *right]
        position = display.find(" and ", position + 1)
    return None


def _voters(block: _Block, start: int, end: int, diagnostics: Diagnostics) -> list[Voter]:
    """The States listed between two offsets of the vote."""
    text = block.text[start:end]
    text = text[: len(text.rstrip().rstrip("].;").rstrip())]
    if text.strip().lower() in _NOBODY:
        return []
    voters = []
    for name in _names(text):
        code = _resolve(name)
        if code is not None:
            voters.append(Voter(name, code))
            continue
        resolved = _resolve_item(name)
        if resolved is None:
            error = names.UnknownCountryName(name, names.suggest(name))
            raise diagnostics.error(_line_of(block, name, start), f"vote: {error}")
        voters.extend(Voter(part, code) for part, code in resolved)
    return voters


_NOTE_START = re.compile(r"(?:^|(?<=\s))(\d{1,3}) (?=[A-Z(\[])")
_NOTE_END = re.compile(r"\.(?=\s|\]|$)")
# Where the first name of a list ends: a comma, a bracket, "and", or a list's heading.
_FIRST_NAME_END = re.compile(
    r"[,;\]]| and |\s(?=(?:In\s+favou?r|Against|Abstaining|Abstentions?)\s*:)"
)


def _vote_resumes(rest: str) -> bool:
    """Whether the vote goes on here, after a footnote's full stop: a name, a list, the end."""
    if not rest or rest[0] == "]" or _COLUMNS.match(rest):
        return True
    first = _FIRST_NAME_END.split(rest, maxsplit=1)[0].strip(" .")
    return bool(first) and _resolve(first) is not None


def _lift(text: str, marker: int, *, opening: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """The line without footnote ``marker`` (and those after it) set inside it, and the notes.

    A note runs from its number to the first full stop after which the vote goes
    on; the next note may follow it at once ("1 A/1. 2 A/2. Honduras"). With
    ``opening``, only a note at the start of the text is looked for. Returns the
    text unchanged and no notes when there is none.
    """
    for start in _NOTE_START.finditer(text):
        if opening and start.start():
            break
        if int(start.group(1)) != marker:
            continue
        for end in _NOTE_END.finditer(text, start.end(), start.end() + 600):
            rest = text[end.end() :].lstrip()
            if not _vote_resumes(rest) and not rest.startswith(f"{marker + 1} "):
                continue
            note = (start.group(1), text[start.end() : end.end()])
            rest, more = _lift(rest, marker + 1, opening=True)
            if not more and not _vote_resumes(rest):
                continue
            before = text[: start.start()].rstrip()
            return f"{before} {rest}".strip(), [note, *more]
    return text, []


def notes_in_vote(
    lines: list[tuple[int, str]], markers: list[str]
) -> tuple[list[tuple[int, str]], list[tuple[int, str, int, str]]]:
    """The vote's lines without the footnotes a re-flowed page left inside them.

    ``markers`` are those of the footnotes read so far; the one looked for is the
    first number they lack. Returns the lines and, per note lifted, in order,
    (where it goes among the footnotes once those before it are in, its marker,
    its line, its text).
    """
    known = {int(marker) for marker in markers if marker.isdigit()}
    printed = frozenset(known)
    expected = 1
    while expected in known:
        expected += 1
    lifted: list[tuple[int, str, int, str]] = []
    kept: list[tuple[int, str]] = []
    for number, text in lines:
        if f"{expected} " in text:
            text, notes = _lift(text, expected)
            for marker, words in notes:
                place = sum(1 for other in printed if other < int(marker)) + len(lifted)
                lifted.append((place, marker, number, words))
                known.add(int(marker))
            while expected in known:
                expected += 1
            if not text:
                continue
        kept.append((number, text))
    return kept, lifted


def read_vote(lines: list[tuple[int, str]], diagnostics: Diagnostics) -> RecordedVote | None:
    """The recorded vote in these lines, or None when adopted without a vote."""
    block = _Block(lines)
    text = block.text
    at = text.find("vote")
    formula = RECORDED.search(text, max(0, at - 20)) if at != -1 else None
    if formula is None:
        if not WITHOUT.search(text):
            diagnostics.warn(lines[0][0], "adoption formula not understood; no vote recorded")
        return None
    yes, no = _count(formula.group(1)), _count(formula.group(2))
    abstain = _count(formula.group(3)) if formula.group(3) else 0
    vote = RecordedVote(yes=yes, no=no, abstain=abstain)
    columns = list(_COLUMNS.finditer(text, formula.end()))
    if not columns:
        diagnostics.warn(
            block.line(formula.start()), "the recorded vote gives totals only, no list of States"
        )
        return vote
    seen: dict[str, str] = {}
    lists = {"in favour": vote.in_favour, "against": vote.against, "abstaining": vote.abstaining}
    stated = {"in favour": yes, "against": no, "abstaining": abstain}
    for position, column in enumerate(columns):
        end = columns[position + 1].start() if position + 1 < len(columns) else len(text)
        which = _COLUMN_NAMES[column.group(1)[:2].lower()]
        target = lists[which]
        if target:
            raise diagnostics.error(block.line(column.start()), f"vote: a second '{which}' list")
        listed = _voters(block, column.end(), end, diagnostics)
        for voter in listed:
            if voter.iso3 in seen:
                where = seen[voter.iso3]
                again = "again" if where == which else f"and also {where}"
                line = _line_of(block, voter.name, column.end(), second=where == which)
                raise diagnostics.error(
                    line, f"vote: {voter.name} ({voter.iso3}) is listed {which} {again}"
                )
            seen[voter.iso3] = which
        count = stated[which]
        if len(listed) != count:
            raise diagnostics.error(
                block.line(column.start()),
                f"vote: {len(listed)} States are listed {which} but the formula says {count}",
            )
        target.extend(listed)
    for which, listed in lists.items():
        if stated[which] and not listed:
            raise diagnostics.error(
                block.line(formula.start()),
                f"vote: the formula counts {stated[which]} {which} but no such list is printed",
            )
    return vote

"""The header block and the closing lines: dates, sessions, agenda items, meetings.

UN documents print dates as "10 July 2024" and sessions as "Fifty-sixth
session"; these readers turn them into values and recognise the lines of the
header ("Distr.: General", "Agenda item 3", "Resolution adopted by the Human
Rights Council on 10 July 2024", "56/4. Title") and of the end ("34th
meeting", "50th plenary meeting").
"""

from __future__ import annotations

import datetime
import re

from solidarity.resolutions.parsing.symbols import (
    DECISION,
    EMERGENCY_SPECIAL,
    REGULAR,
    RESOLUTION,
    SPECIAL,
    Symbol,
)

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}
_MONTH = "|".join(MONTHS)
MONTH_PATTERN = _MONTH  # "January|February|...", for patterns built elsewhere
DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")
DATE_LINE = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\.?")

# A/HRC/RES/56/4, A/HRC/RES/S-35/1, A/RES/ES-11/1, A/HRC/DEC/56/101; a part's letter
# ("A/RES/78/262 A") only at the end of the line or before a wide gap, so that a
# running title starting "A ..." is not read as a part.
SYMBOL = re.compile(
    r"A/(?:HRC/)?(?:RES|DEC)/(?:E?S-)?(\d{1,3})/(\d{1,4})(?:[ \u00a0]([A-H])(?=\s{2,}|\s*$))?"
)
BODIES = {"Human Rights Council": "HRC", "General Assembly": "GA"}
BODY_NAMES = {code: name for name, code in BODIES.items()}

DISTRIBUTION = re.compile(r"\bDistr\.?\s*:?\s*(?:General|Limited|Restricted)\b(.*)", re.IGNORECASE)
AGENDA = re.compile(r"Agenda items?\s+(.+?)\.?$")
SESSION = re.compile(
    r"([A-Za-z]+(?:[-\u2010\u2011 ](?!(?:regular|special|emergency)\b)[A-Za-z]+)?"
    r"|\d{1,3}(?:st|nd|rd|th))\s+(?:(regular|special|emergency\s+special)\s+)?session$",
    re.IGNORECASE,
)
ADOPTED_BY = re.compile(
    r"(?:Resolution|(Decision)) adopted by the (Human Rights Council|General Assembly)"
    rf"(?:\s+on\s+(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}))?",
)
# "56/4. Title", "S-35/1. Title", "ES-11/1. Title", "262 A. Title" as "78/262 A. Title":
# group 1 the session as printed, group 2 the number (and part), group 3 the title.
TITLE = re.compile(r"((?:E?S-)?[1-9]\d{0,2})/([1-9]\d{0,3}(?:[ \u00a0][A-H])?)\.\s*(\S.*)")
FORMULA = re.compile(r"The (Human Rights Council|General Assembly)\s*[,.:;]?")
MEETING = re.compile(r"(\d{1,4})\s?(?:st|nd|rd|th)\s+(plenary\s+)?meeting\.?")
REPORT = re.compile(r"\b(?:Report|Note|Letter|Summary record|Provisional agenda)\b")

_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENTHS = {word[:-1] + "ieth": value for word, value in _TENS.items()}
ORDINALS: dict[str, int] = {**_UNITS, **_TEENS, **_TENTHS}
for _tens, _tens_value in _TENS.items():
    for _unit, _unit_value in _UNITS.items():
        ORDINALS[f"{_tens}-{_unit}"] = _tens_value + _unit_value


def make_date(day: str, month: str, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), MONTHS[month], int(day))
    except (ValueError, KeyError):
        return None


def find_date(text: str) -> datetime.date | None:
    """The first date printed in the text, or None."""
    match = DATE.search(text)
    return make_date(*match.groups()) if match else None


def date_line(text: str) -> datetime.date | None:
    """The date if the line is nothing but a date ("10 July 2024"), else None."""
    match = DATE_LINE.fullmatch(text)
    return make_date(*match.groups()) if match else None


def session_number(text: str) -> int | None:
    """56 for "Fifty-sixth session", 78 for "78th session"; None if the line is not one."""
    match = SESSION.fullmatch(text)
    if not match:
        return None
    word = match.group(1).lower()
    if word[0].isdigit():
        return int(word[:-2])
    word = word.replace("\u2010", "-").replace("\u2011", "-").replace(" ", "-")
    return ORDINALS.get(word)


def session_type(text: str) -> str | None:
    """The type of the session a session line names, or None if the line is not one.

    "special" for "Thirty-fifth special session", "emergency_special" for
    "Eleventh emergency special session", "regular" otherwise.
    """
    match = SESSION.fullmatch(text)
    if not match:
        return None
    kind = " ".join((match.group(2) or "regular").lower().split())
    return {"special": SPECIAL, "emergency special": EMERGENCY_SPECIAL}.get(kind, REGULAR)


_ORDINAL_WORDS = {value: word for word, value in ORDINALS.items()}
_MONTH_NAMES = tuple(MONTHS)


def ordinal_words(number: int) -> str:
    """'Fifty-sixth' for 56, as the UN prints session numbers; '101st' past the words
    :func:`session_number` reads, so that every printed form reads back."""
    word = _ORDINAL_WORDS.get(number)
    if word is not None:
        return word[0].upper() + word[1:]
    teen = 10 <= number % 100 <= 20
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def printed_date(day: datetime.date) -> str:
    """'10 July 2024', as the UN prints dates and :func:`date_line` reads them."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


class HeaderBlock:
    """What the header block says, gathered line by line until the opening formula."""

    __slots__ = (
        "adopted_by",
        "adopted_on",
        "agenda_item",
        "body_line",
        "date_for",
        "date_window",
        "distributed_on",
        "formula",
        "formula_line",
        "kind",
        "looks_like",
        "number",
        "printed_symbol",
        "session",
        "session_type",
        "title",
        "title_line",
        "title_parts",
    )

    def __init__(self) -> None:
        self.adopted_by: str | None = None  # from "Resolution adopted by the ..."
        self.adopted_on: datetime.date | None = None
        self.agenda_item = ""
        self.body_line: str | None = None  # "Human Rights Council" printed alone
        self.distributed_on: datetime.date | None = None
        self.formula: str | None = None  # from "The Human Rights Council,"
        self.formula_line: int | None = None
        self.kind = RESOLUTION  # or DECISION, from "Decision adopted by the ..."
        self.looks_like: str | None = None  # a line saying it is another kind of document
        self.number: str | None = None  # "56/4", "S-35/1", "78/262 A" from the title line
        self.printed_symbol: tuple[int, str] | None = None
        self.session: int | None = None  # from the session line, with its type
        self.session_type: str | None = None
        self.title: str | None = None
        self.title_line: int | None = None
        self.title_parts: list[str] = []
        self.date_window = 0  # the next lines may hold a date a header line announced
        self.date_for = ""

    def read_announced_date(self, text: str) -> bool:
        """Take the line as the date "Distr.:" or "adopted ... on" announced, if it is one."""
        if not self.date_window:
            return False
        self.date_window -= 1
        day = date_line(text)
        if day is None:
            return False
        if self.date_for == "distributed":
            self.distributed_on = self.distributed_on or day
        else:
            self.adopted_on = self.adopted_on or day
        self.date_window = 0
        return True

    def read_field(self, number: int, text: str) -> None:
        """Read a line of the header that is neither the title nor the opening formula."""
        adopted = ADOPTED_BY.match(text)
        if adopted:
            self.adopted_by = BODIES[adopted.group(2)]
            if adopted.group(1):
                self.kind = DECISION
            if adopted.group(3):
                self.adopted_on = find_date(adopted.group(3))
            else:
                self.date_window, self.date_for = 1, "adopted"
            return
        if text == "Human Rights Council":
            self.body_line = "HRC"
            return
        distribution = DISTRIBUTION.search(text)
        if distribution:
            day = find_date(distribution.group(1))
            if day is not None:
                self.distributed_on = day
            else:
                self.date_window, self.date_for = 2, "distributed"
            return
        agenda = AGENDA.fullmatch(text)
        if agenda and not self.agenda_item:
            self.agenda_item = agenda.group(1)
            return
        if self.session is None and text.endswith(("session", "Session")):
            self.session = session_number(text)
            self.session_type = session_type(text)
            return
        if self.printed_symbol is None:
            symbol = SYMBOL.search(text)
            if symbol:
                self.printed_symbol = (number, symbol.group())
                return
        if self.looks_like is None and self.title is None and REPORT.match(text):
            self.looks_like = text

    def read_number(self, title: re.Match[str]) -> None:
        """Take the number of a title line matched by :data:`TITLE`."""
        self.number = f"{title.group(1)}/{' '.join(title.group(2).split())}"

    def symbol(self, body: str) -> Symbol:
        """The symbol of the text read: its body, kind, and the number of its title line."""
        assert self.number is not None
        symbol = Symbol.from_label(self.number, body=body, kind=self.kind)
        assert symbol is not None, self.number  # TITLE reads only what a label is
        return symbol

    def session_disagreement(self, symbol: Symbol) -> str | None:
        """What the session line says against the number, if it does."""
        if self.session is None:
            return None
        if self.session == symbol.session and self.session_type in (None, symbol.session_type):
            return None
        kind = "" if self.session_type in (None, REGULAR) else f"{self.session_type} "
        kind = kind.replace("_", " ")
        return (
            f"the header names {kind}session {self.session} but the {symbol.kind} is numbered "
            f"{symbol.number_label}"
        )

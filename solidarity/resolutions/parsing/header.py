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
DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")
DATE_LINE = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\.?")

BODIES = {"Human Rights Council": "HRC", "General Assembly": "GA"}
BODY_NAMES = {code: name for name, code in BODIES.items()}

DISTRIBUTION = re.compile(r"\bDistr\.?\s*:?\s*(?:General|Limited|Restricted)\b(.*)", re.IGNORECASE)
AGENDA = re.compile(r"Agenda items?\s+(.+?)\.?$")
SESSION = re.compile(
    r"([A-Za-z]+(?:[-\u2010\u2011 ][A-Za-z]+)?|\d{1,3}(?:st|nd|rd|th))\s+(?:regular\s+)?session$",
    re.IGNORECASE,
)
ADOPTED_BY = re.compile(
    r"Resolution adopted by the (Human Rights Council|General Assembly)"
    rf"(?:\s+on\s+(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}))?",
)
TITLE = re.compile(r"(\d{1,3})/(\d{1,4})\.\s*(\S.*)")
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

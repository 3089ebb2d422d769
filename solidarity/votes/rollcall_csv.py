"""The CSV layout for importing roll calls, read in plain Python.

One row per roll call and State, UTF-8, a header line naming the columns (in
any order; case and spaces in names ignored)::

    body,symbol,date,state,vote
    HRC,A/HRC/RES/56/4,2024-07-10,Cuba,Y
    HRC,A/HRC/RES/56/4,2024-07-10,FRA,no

- ``body``: ``GA`` or ``HRC`` (or "General Assembly", "Human Rights Council");
- ``symbol``: the resolution's (or the draft's) symbol as printed;
- ``date``: the date of the vote, ``YYYY-MM-DD``;
- ``state``: an ISO 3166-1 alpha-3 code or the State's name as the UN prints it;
- ``vote``: ``Y``/``N``/``A``, ``yes``/``no``/``abstain``, or Voeten's codes
  ``1``/``3``/``2`` (``8`` absent and ``9`` not a member are read and not stored);
- optional: ``session`` (a number), ``title``, ``topics`` (Voeten's codes, space-separated).

A roll call is its body, symbol and date together. Every row that cannot be
taken is reported with its line; the caller takes none of a file with errors,
or, when asked, all of its good rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from solidarity.countries import names
from solidarity.votes import positions

REQUIRED = ("body", "symbol", "date", "state", "vote")
OPTIONAL = ("session", "title", "topics")
TOPICS = ("co", "di", "ec", "hr", "me", "nu")
_BODIES = {
    "ga": "GA",
    "general assembly": "GA",
    "hrc": "HRC",
    "human rights council": "HRC",
}


@dataclass
class CsvRollCall:
    body: str
    symbol: str
    date: dt.date
    session: int | None = None
    title: str = ""
    topics: tuple[str, ...] = ()
    votes: dict[str, int] = field(default_factory=dict)  # ISO3 -> position code

    @property
    def key(self) -> str:
        return f"{self.body}|{self.symbol}|{self.date.isoformat()}"


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Reading:
    roll_calls: list[CsvRollCall]
    errors: list[RowError]
    rows: int  # data rows read

    @property
    def good_rows(self) -> int:
        return self.rows - len({error.line for error in self.errors if error.line > 1})


def _state(text: str) -> str:
    value = text.strip()
    known = names.state_by_iso3()
    if len(value) == 3 and value.upper() in known:
        return value.upper()
    return names.resolve(value)  # raises UnknownCountryName, naming it


def read(text: str) -> Reading:
    """Read a whole file; nothing here touches the database."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    errors: list[RowError] = []
    try:
        header = next(reader)
    except StopIteration:
        return Reading([], [RowError(1, "the file is empty")], 0)
    columns = {
        " ".join(name.strip().casefold().split()): index for index, name in enumerate(header)
    }
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        return Reading([], [RowError(1, f"missing column(s): {', '.join(missing)}")], 0)
    unknown = [name for name in columns if name not in REQUIRED + OPTIONAL]
    if unknown:
        errors.append(RowError(1, f"unknown column(s): {', '.join(unknown)}"))

    calls: dict[str, CsvRollCall] = {}
    seen: dict[tuple[str, str], int] = {}
    rows = 0
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            errors.append(RowError(line, f"{len(row)} cells where the header has {len(header)}"))
            continue

        def cell(name: str, row=row) -> str:
            return row[columns[name]].strip() if name in columns else ""

        problems = []
        body = _BODIES.get(" ".join(cell("body").casefold().split()))
        if body is None:
            problems.append(f"unknown body {cell('body')!r} (GA or HRC)")
        symbol = cell("symbol")
        if not symbol:
            problems.append("no symbol")
        elif len(symbol) > 120:
            problems.append("a symbol longer than 120 characters")
        try:
            date = dt.date.fromisoformat(cell("date"))
        except ValueError:
            problems.append(f"date {cell('date')!r} is not YYYY-MM-DD")
            date = None
        try:
            iso3 = _state(cell("state"))
        except ValueError as error:
            problems.append(str(error))
            iso3 = None
        try:
            position = positions.read(cell("vote"))
        except ValueError as error:
            problems.append(str(error))
            position = None
        session = None
        if cell("session"):
            try:
                session = int(float(cell("session")))
            except ValueError:
                problems.append(f"session {cell('session')!r} is not a number")
        topics = tuple(sorted(set(cell("topics").split())))
        wrong_topics = [topic for topic in topics if topic not in TOPICS]
        if wrong_topics:
            problems.append(f"unknown topic(s) {', '.join(wrong_topics)} ({', '.join(TOPICS)})")
        if problems:
            errors.extend(RowError(line, problem) for problem in problems)
            continue
        assert body and date and iso3 and position is not None
        call = CsvRollCall(body, symbol, date, session, cell("title"), topics)
        call = calls.setdefault(call.key, call)
        first = seen.get((call.key, iso3))
        if first is not None:
            errors.append(RowError(line, f"{iso3} already voted in this roll call on line {first}"))
            continue
        seen[(call.key, iso3)] = line
        if position in positions.VOTES:
            call.votes[iso3] = position
    return Reading(list(calls.values()), errors, rows)

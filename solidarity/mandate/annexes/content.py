"""The annexes of a report as plain data: what both renderers write, in the words and
date formats of the language they were compiled in (no Django here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


@dataclass(frozen=True)
class SubmissionEntry:
    heading: str  # who speaks, or that the name is withheld
    call: str
    reference: str
    submitted_on: str
    answers: tuple[Answer, ...]
    example: bool = False


@dataclass(frozen=True)
class StakeholderGroup:
    heading: str
    submissions: tuple[SubmissionEntry, ...]


@dataclass(frozen=True)
class VisitEntry:
    state: str
    event: str
    on: str
    visit_dates: str = ""
    report_url: str = ""
    example: bool = False


@dataclass(frozen=True)
class EngagementEntry:
    title: str
    dates: str
    kind: str
    place: str
    organizer: str
    role: str
    outcome: str = ""
    example: bool = False


@dataclass(frozen=True)
class Section:
    """One annex: its heading, and a sentence said when it holds nothing."""

    heading: str
    empty: str


@dataclass(frozen=True)
class Annexes:
    title: str
    subtitle: str  # the report's body, session and symbol
    period: str
    note: str  # what is included and what is left out
    labels: dict[str, str]  # words the renderers print (translated when compiled)
    submissions_section: Section
    groups: tuple[StakeholderGroup, ...]
    visits_section: Section
    visits: tuple[VisitEntry, ...]
    engagements_section: Section
    engagements: tuple[EngagementEntry, ...]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def meets(self, first: dt.date, last: dt.date | None) -> bool:
        """Whether an event from ``first`` to ``last`` (or that day only) falls in it."""
        return first <= self.end and (last or first) >= self.start


def period_of(due_on: dt.date, previous_due_on: dt.date | None) -> Period:
    """A report covers the time since the previous report to the same body was due, up
    to its own due date; a first report covers the year before its due date."""
    if previous_due_on is not None and previous_due_on < due_on:
        return Period(previous_due_on + dt.timedelta(days=1), due_on)
    try:
        start = due_on.replace(year=due_on.year - 1)
    except ValueError:  # 29 February
        start = due_on.replace(year=due_on.year - 1, day=28)
    return Period(start + dt.timedelta(days=1), due_on)

"""The life of a country-visit request, in OHCHR's words. Plain Python: no database.

A request is a dated log of events. Its current status is read from the log by
replaying it through the table of allowed steps below; a step the table does
not allow is refused with a sentence that says why (a visit cannot be completed
before the State accepted it). The same replay gives the figures OHCHR does not
publish: when the State first replied, how many reminders it was sent, how long
the request has waited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The events, in OHCHR's vocabulary (stored as these codes, labelled when shown).
REQUESTED = "requested"
INVITED = "invited"
REMINDER_SENT = "reminder_sent"
ACKNOWLEDGED = "acknowledged"
ACCEPTED = "accepted"
DATES_PROPOSED = "dates_proposed"
DECLINED = "declined"
POSTPONED = "postponed"
UNDERWAY = "underway"
COMPLETED = "completed"
CANCELLED = "cancelled"

EVENT_LABELS = {
    REQUESTED: gettext_lazy("Visit requested"),
    INVITED: gettext_lazy("Invited by the State"),
    REMINDER_SENT: gettext_lazy("Reminder sent"),
    ACKNOWLEDGED: gettext_lazy("Request acknowledged"),
    ACCEPTED: gettext_lazy("Accepted"),
    DATES_PROPOSED: gettext_lazy("Dates proposed"),
    DECLINED: gettext_lazy("Declined"),
    POSTPONED: gettext_lazy("Postponed"),
    UNDERWAY: gettext_lazy("Visit underway"),
    COMPLETED: gettext_lazy("Visit completed"),
    CANCELLED: gettext_lazy("Cancelled"),
}
EVENTS = tuple(EVENT_LABELS)

# What a State says (its focal point may record these); the mandate's own steps are the rest.
STATE_ANSWERS = (INVITED, ACKNOWLEDGED, ACCEPTED, DATES_PROPOSED, DECLINED, POSTPONED)
# Events that are a reply of the State to the mandate's request.
REPLIES = (INVITED, ACKNOWLEDGED, ACCEPTED, DATES_PROPOSED, DECLINED, POSTPONED)
# Events that carry the dates of the visit.
WITH_DATES = (ACCEPTED, DATES_PROPOSED, UNDERWAY, COMPLETED)

# The status a record has before any event.
NONE = ""
STATUS_LABELS = {NONE: gettext_lazy("No request"), **EVENT_LABELS}
# A reminder changes nothing but the count: the status stays what it was.
STATUS_OF_EVENT = {kind: kind for kind in EVENTS if kind != REMINDER_SENT}

_AGREED = (INVITED, ACCEPTED)
# Waiting for the State's agreement: the time pending runs and reminders may be sent.
_WAITING = (REQUESTED, ACKNOWLEDGED, POSTPONED)
# Shown among the pending requests, as OHCHR does: waiting, or declined and not withdrawn.
_OPEN_REQUEST = (*_WAITING, DECLINED)

# status -> the events that may follow it.
ALLOWED: dict[str, tuple[str, ...]] = {
    NONE: (REQUESTED, INVITED),
    REQUESTED: (
        REMINDER_SENT,
        ACKNOWLEDGED,
        ACCEPTED,
        INVITED,
        DATES_PROPOSED,
        DECLINED,
        POSTPONED,
        CANCELLED,
    ),
    ACKNOWLEDGED: (
        REMINDER_SENT,
        ACCEPTED,
        INVITED,
        DATES_PROPOSED,
        DECLINED,
        POSTPONED,
        CANCELLED,
    ),
    INVITED: (DATES_PROPOSED, ACCEPTED, UNDERWAY, POSTPONED, CANCELLED),
    ACCEPTED: (DATES_PROPOSED, UNDERWAY, POSTPONED, CANCELLED),
    DATES_PROPOSED: (DATES_PROPOSED, ACCEPTED, UNDERWAY, DECLINED, POSTPONED, CANCELLED),
    POSTPONED: (REMINDER_SENT, DATES_PROPOSED, ACCEPTED, INVITED, DECLINED, CANCELLED),
    DECLINED: (REQUESTED, INVITED, CANCELLED),
    UNDERWAY: (COMPLETED,),
    COMPLETED: (REQUESTED, INVITED),
    CANCELLED: (REQUESTED, INVITED),
}


class StepRefused(ValueError):
    """An event the request's history does not allow; the message says why."""


@dataclass(frozen=True)
class Event:
    kind: str
    on: dt.date
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


@dataclass
class History:
    """What the log says: the status and the figures read from it."""

    status: str = NONE
    status_since: dt.date | None = None
    requested_on: dt.date | None = None  # the first request of the current round
    first_reply_on: dt.date | None = None  # the State's first reply in that round
    reminders: int = 0  # reminders sent in the current round
    agreed: bool = False  # the State accepted or invited in the current round
    starts_on: dt.date | None = None  # the latest dates of the visit
    ends_on: dt.date | None = None
    completed_visits: list[tuple[dt.date | None, dt.date | None]] = field(default_factory=list)

    @property
    def days_to_first_reply(self) -> int | None:
        if self.requested_on is None or self.first_reply_on is None:
            return None
        return (self.first_reply_on - self.requested_on).days

    def days_pending(self, today: dt.date) -> int | None:
        """Days the request has waited for the State's agreement, while it waits."""
        if self.status not in _WAITING or self.requested_on is None:
            return None
        return (today - self.requested_on).days


def _reason(history: History, event: Event) -> str:
    status = str(STATUS_LABELS[history.status]).lower()
    kind = str(EVENT_LABELS[event.kind]).lower()
    if event.kind == COMPLETED:
        return _(
            "A visit can be recorded as completed only after it was underway; "
            "the request is now “%(status)s”."
        ) % {"status": status}
    if event.kind == UNDERWAY:
        return _(
            "A visit can start only after the State accepted it or invited the Expert; "
            "the request is now “%(status)s”."
        ) % {"status": status}
    if history.status == NONE:
        return _(
            "There is no request yet: a request or an invitation comes first, not “%(event)s”."
        ) % {"event": kind}
    if history.status == UNDERWAY:
        return _("The visit is underway: the next step is its completion, not “%(event)s”.") % {
            "event": kind
        }
    if event.kind == REMINDER_SENT:
        return _(
            "A reminder is sent only while the State has not agreed; the request is now "
            "“%(status)s”."
        ) % {"status": status}
    if event.kind == REQUESTED:
        return _(
            "A request is already open (“%(status)s”): a new one can follow only a refusal, "
            "a cancellation or a completed visit."
        ) % {"status": status}
    return _("“%(event)s” cannot follow “%(status)s”.") % {"event": kind, "status": status}


def step(history: History, event: Event) -> History:
    """The history after ``event``, or StepRefused saying why it cannot happen now."""
    if event.kind not in EVENT_LABELS:
        raise StepRefused(
            _("“%(kind)s” is not an event of a visit request.") % {"kind": event.kind}
        )
    if history.status_since is not None and event.on < history.status_since:
        raise StepRefused(
            _("This event is dated %(on)s, before the last one recorded (%(last)s).")
            % {"on": event.on.isoformat(), "last": history.status_since.isoformat()}
        )
    if event.kind not in ALLOWED[history.status]:
        raise StepRefused(_reason(history, event))
    if event.kind == UNDERWAY and not history.agreed:
        raise StepRefused(_reason(history, event))
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        raise StepRefused(_("The visit cannot end before it starts."))
    if event.kind == DATES_PROPOSED and event.starts_on is None:
        raise StepRefused(_("Proposed dates need at least the first day of the visit."))
    after = History(**{**history.__dict__, "completed_visits": list(history.completed_visits)})
    if event.kind == REQUESTED or (
        event.kind == INVITED and history.status in (NONE, COMPLETED, CANCELLED)
    ):
        # A new round: its figures start again.
        after.requested_on = event.on
        after.first_reply_on = event.on if event.kind == INVITED else None
        after.reminders = 0
        after.agreed = event.kind == INVITED
        after.starts_on = after.ends_on = None
    elif event.kind == REMINDER_SENT:
        after.reminders += 1
    if event.kind in REPLIES and after.first_reply_on is None:
        after.first_reply_on = event.on
    if event.kind in _AGREED:
        after.agreed = True
    if event.kind in (DECLINED, CANCELLED):
        after.agreed = False
    if event.starts_on is not None:
        after.starts_on, after.ends_on = event.starts_on, event.ends_on
    if event.kind == UNDERWAY and after.starts_on is None:
        after.starts_on = event.on
    if event.kind == COMPLETED:
        after.ends_on = event.ends_on or event.on
        after.completed_visits.append((after.starts_on, after.ends_on))
    if event.kind in STATUS_OF_EVENT:
        after.status = STATUS_OF_EVENT[event.kind]
    after.status_since = event.on
    return after


def replay(events: Iterable[Event]) -> History:
    """The history of a whole log, in order; StepRefused if the log holds a wrong step."""
    history = History()
    for event in events:
        history = step(history, event)
    return history


def next_events(history: History) -> tuple[str, ...]:
    """The events that may be recorded now (for the forms)."""
    allowed = ALLOWED[history.status]
    if not history.agreed:
        allowed = tuple(kind for kind in allowed if kind != UNDERWAY)
    return allowed


# The public table's views, as OHCHR groups requests.
FORTHCOMING, UNDERWAY_VIEW, PENDING, COMPLETED_VIEW, CLOSED = (
    "forthcoming",
    "underway",
    "pending",
    "completed",
    "closed",
)


def view_of(status: str) -> str:
    if status in (INVITED, ACCEPTED, DATES_PROPOSED):
        return FORTHCOMING
    if status == UNDERWAY:
        return UNDERWAY_VIEW
    if status in _OPEN_REQUEST:
        return PENDING
    if status == COMPLETED:
        return COMPLETED_VIEW
    return CLOSED


def reminder_due(history: History, last_contact: dt.date | None, today: dt.date, days: int) -> bool:
    """A request the State has not agreed to, with no word from either side for ``days``."""
    if history.status not in _WAITING:
        return False
    return last_contact is not None and (today - last_contact).days >= days


def last_contact(events: Sequence[Event]) -> dt.date | None:
    return events[-1].on if events else None

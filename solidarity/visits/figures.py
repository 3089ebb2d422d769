"""What OHCHR's table does not publish, computed from the requests' histories.

Plain Python over plain values: days to the State's first reply, reminders
sent, time pending, and the share of requests a regional group's States
answered. A request "answered" is one the State replied to in any way
(acknowledged, accepted, invited, proposed dates, declined, postponed).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from solidarity.visits.lifecycle import History


@dataclass(frozen=True)
class GroupFigures:
    group: str
    requests: int
    answered: int
    reminders: int
    pending: int
    completed_visits: int
    mean_days_to_first_reply: float | None
    median_days_to_first_reply: float | None

    @property
    def response_rate(self) -> float | None:
        """The share of requests answered, as a percentage with one decimal."""
        if not self.requests:
            return None
        return round(100 * self.answered / self.requests, 1)


def by_group(rows: Iterable[tuple[str, History]], today: dt.date) -> list[GroupFigures]:
    """One line per regional group (in name order) of ``(group, history)`` pairs."""
    groups: dict[str, list[History]] = {}
    for group, history in rows:
        groups.setdefault(group, []).append(history)
    return [_figures(group, histories, today) for group, histories in sorted(groups.items())]


def overall(rows: Iterable[tuple[str, History]], today: dt.date) -> GroupFigures:
    return _figures("", [history for _group, history in rows], today)


def _figures(group: str, histories: list[History], today: dt.date) -> GroupFigures:
    requested = [h for h in histories if h.requested_on is not None]
    delays = [h.days_to_first_reply for h in requested if h.days_to_first_reply is not None]
    return GroupFigures(
        group=group,
        requests=len(requested),
        answered=sum(1 for h in requested if h.first_reply_on is not None),
        reminders=sum(h.reminders for h in requested),
        pending=sum(1 for h in requested if h.days_pending(today) is not None),
        completed_visits=sum(len(h.completed_visits) for h in histories),
        mean_days_to_first_reply=round(statistics.fmean(delays), 1) if delays else None,
        median_days_to_first_reply=float(statistics.median(delays)) if delays else None,
    )

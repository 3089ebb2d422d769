"""Reads of country-visit requests shared by pages, the API, exports and the State's page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from solidarity.countries.models import Country
from solidarity.visits import figures, lifecycle
from solidarity.visits.models import MANDATE, StandingInvitation, VisitEvent, VisitRequest

# A request the State has not agreed to is due a reminder after this many days without news
# (about a quarter: the rhythm of the Council's sessions).
REMINDER_AFTER_DAYS = 90

VIEWS = ("forthcoming", "underway", "pending", "completed", "standing", "never")


@dataclass
class CountryRow:
    """One State in the public table."""

    country: Country
    visit: VisitRequest | None
    history: lifecycle.History
    events: list[VisitEvent]
    standing: StandingInvitation | None

    @property
    def view(self) -> str:
        return lifecycle.view_of(self.history.status) if self.visit else ""

    @property
    def visited(self) -> bool:
        return bool(self.history.completed_visits)

    @property
    def days_pending(self) -> int | None:
        return self.history.days_pending(timezone.localdate())

    @property
    def last_contact(self) -> dt.date | None:
        return self.events[-1].on if self.events else None

    def in_view(self, view: str) -> bool:
        if view == "standing":
            return self.standing is not None
        if view == "never":
            return not self.visited
        if view == "completed":
            return self.visited
        return self.view == view


def _visits():
    return VisitRequest.objects.filter(mandate=MANDATE).prefetch_related(
        Prefetch("events", queryset=VisitEvent.objects.order_by("on", "pk"))
    )


def _row(country: Country, visit: VisitRequest | None, standing) -> CountryRow:
    events = list(visit.events.all()) if visit else []
    history = lifecycle.replay(e.as_step() for e in events)
    return CountryRow(country, visit, history, events, standing)


def table(*, view: str = "", group: str = "") -> list[CountryRow]:
    """Every State (195 rows, four queries), narrowed to a view and a regional group."""
    visits = {v.country_id: v for v in _visits()}
    standing = {s.country_id: s for s in StandingInvitation.objects.all()}
    countries = Country.objects.all()
    if group:
        countries = countries.filter(regional_group=group)
    rows = [_row(c, visits.get(c.iso3), standing.get(c.iso3)) for c in countries]
    if view in VIEWS:
        rows = [row for row in rows if row.in_view(view)]
    return rows


def group_figures(rows: list[CountryRow], today: dt.date | None = None):
    today = today or timezone.localdate()
    pairs = [(r.country.regional_group, r.history) for r in rows if r.visit is not None]
    return figures.by_group(pairs, today), figures.overall(pairs, today)


def visit_get(iso3: str) -> VisitRequest:
    return _visits().select_related("country").get(country__iso3=iso3.upper())


def country_row(country: Country) -> CountryRow:
    visit = _visits().filter(country=country).first()
    standing = StandingInvitation.objects.filter(country=country).first()
    return _row(country, visit, standing)


def visits_of_country(country: Country) -> dict:
    """The State's page section: its requests, its answers, its standing invitation."""
    row = country_row(country)
    return {"row": row, "country": country}


def reminders_due(
    today: dt.date | None = None, days: int = REMINDER_AFTER_DAYS
) -> list[CountryRow]:
    today = today or timezone.localdate()
    return [
        row
        for row in table()
        if row.visit is not None
        and lifecycle.reminder_due(row.history, row.last_contact, today, days)
    ]


def recent_state_answers(limit: int = 20):
    """The answers States' focal points recorded, newest first."""
    return (
        VisitEvent.objects.filter(by_state=True)
        .select_related("request__country", "recorded_by")
        .order_by("-recorded_at", "-pk")[:limit]
    )

"""Changes of state for the States and their Council seats.

They come from the shipped reference list (``countries/data/``), never from
a form: ``countries_sync`` brings the database in line with it, with one audit
entry that says what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pycountry
from django.db import transaction

from solidarity.core import audit, pagecache
from solidarity.core.permissions import can_administer, require
from solidarity.countries import names
from solidarity.countries.models import CouncilMembership, Country
from solidarity.countries.reference import council_rows

_FIELDS = ("iso2", "un_name", "status", "regional_group", "source")


@dataclass
class SyncReport:
    states: int = 0
    added: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, list]] = field(default_factory=dict)
    seats_added: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.changed or self.seats_added)


@transaction.atomic
def countries_sync(*, actor) -> SyncReport:
    """Create or update every State and add missing Council seats from the reference list.

    ``actor=None`` is the operator at the command line. The audit entry lists the
    States added, each changed field of a State (before and after) and the seats
    added; a sync that changes nothing writes none.
    """
    if actor is not None:
        require(can_administer, actor)
    report = SyncReport()
    stored = {country.iso3: country for country in Country.objects.select_for_update()}
    for state in names.states():
        values = {
            "iso2": pycountry.countries.get(alpha_3=state.iso3).alpha_2,
            "un_name": state.un_name,
            "status": state.status,
            "regional_group": state.regional_group,
            "source": state.source,
        }
        report.states += 1
        country = stored.get(state.iso3)
        if country is None:
            Country.objects.create(iso3=state.iso3, **values)
            report.added.append(state.iso3)
            continue
        changed = {
            name: [getattr(country, name), value]
            for name, value in values.items()
            if getattr(country, name) != value
        }
        if changed:
            for name, (_old, new) in changed.items():
                setattr(country, name, new)
            country.save(update_fields=list(changed))
            report.changed[state.iso3] = changed
    existing = set(CouncilMembership.objects.values_list("country_id", "year"))
    new_seats = [
        CouncilMembership(country_id=row["iso3"], year=int(row["year"]), source=row["source"])
        for row in council_rows()
        if (row["iso3"], int(row["year"])) not in existing
    ]
    CouncilMembership.objects.bulk_create(new_seats)
    report.seats_added = sorted(f"{seat.year} {seat.country_id}" for seat in new_seats)
    if report.changes_anything:
        # Names, groups and seats appear on every cached page (votes by group, lists of States).
        pagecache.changed(pagecache.STATES)
        audit.record(
            actor=actor,
            action="countries.sync",
            target_type="countries.country",
            target_label="reference list of States",
            after={
                "states_added": report.added,
                "states_changed": report.changed,
                "seats_added": report.seats_added,
            },
        )
    return report

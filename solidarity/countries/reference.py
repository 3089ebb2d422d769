"""Loading the shipped reference data into the database, idempotently.

Used by the data migration (with historical models) and by
``solidarity countries sync`` (with the current ones).
"""

from __future__ import annotations

import csv

import pycountry

from solidarity.countries import names


def council_rows() -> list[dict[str, str]]:
    with open(names.DATA_DIR / "council_membership.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sync(country_model, membership_model) -> tuple[int, int]:
    """Create or update every State and Council seat; return (states, seats) written."""
    written_states = 0
    for state in names.states():
        iso2 = pycountry.countries.get(alpha_3=state.iso3).alpha_2
        country_model.objects.update_or_create(
            iso3=state.iso3,
            defaults={
                "iso2": iso2,
                "un_name": state.un_name,
                "status": state.status,
                "regional_group": state.regional_group,
                "source": state.source,
            },
        )
        written_states += 1
    existing = set(membership_model.objects.values_list("country_id", "year"))
    new_seats = [
        membership_model(country_id=row["iso3"], year=int(row["year"]), source=row["source"])
        for row in council_rows()
        if (row["iso3"], int(row["year"])) not in existing
    ]
    membership_model.objects.bulk_create(new_seats)
    return written_states, len(new_seats)

"""Voeten's General Assembly data as shipped: imported whole, and every figure equal to
the same figure computed straight from the CSV files."""

from __future__ import annotations

from collections import Counter

import pytest

from solidarity.countries.models import Country
from solidarity.votes import positions
from solidarity.votes.models import CountryVote, RollCall, Source
from tests.votes.conftest import shipped_rows

pytestmark = pytest.mark.django_db


def test_the_shipped_data_is_imported_whole_every_row_stored_or_reported(shipped_import):
    rows = shipped_rows()
    known_iso2 = set(Country.objects.values_list("iso2", flat=True))
    # Read straight from the file: a row is stored when its alpha-2 code is a State's,
    # or, with no code, when its name is a State's.
    unnamed = Counter(row["country"] for row in rows if not row["country_code"])
    storable_without_code = {"Federal Republic of Germany"}
    expected_stored = sum(1 for row in rows if row["country_code"] in known_iso2) + sum(
        count for name, count in unnamed.items() if name in storable_without_code
    )
    assert shipped_import.votes == expected_stored == CountryVote.objects.count()
    assert shipped_import.votes + sum(shipped_import.unmapped.values()) == len(rows)
    assert (
        RollCall.objects.filter(source=Source.UNVOTES).count() == shipped_import.roll_calls == 6203
    )
    # Those not stored are named, and none is a State today.
    for name in shipped_import.unmapped:
        assert not Country.objects.filter(un_name=name).exists()
    assert "Yugoslavia" in shipped_import.unmapped and "Czechoslovakia" in shipped_import.unmapped
    us_rows = Counter(row["vote"] for row in rows if row["country_code"] == "US")
    us_stored = Counter(
        positions.NAMES[p]
        for p in CountryVote.objects.filter(country="USA").values_list("position", flat=True)
    )
    assert us_stored == us_rows

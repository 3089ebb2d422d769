"""Voluntary contributions (56/4 op. 11): a series per donor, fund and year, with sources."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied

from solidarity.indicators import services
from solidarity.indicators.models import Contribution

pytestmark = pytest.mark.django_db

# Invented amounts: these tests check the importer and pages, not any donor's real giving.
SOURCE = "https://example.org/annual-report-2024.pdf"
FILE = (
    "donor,fund,year,amount_usd,source\n"
    f"Norway,Example Fund for Solidarity,2023,1000000,{SOURCE}\n"
    f"Norway,Example Fund for Solidarity,2024,1250000.50,{SOURCE}\n"
    f"SWE,Example Fund for Solidarity,2024,900000,{SOURCE}\n"
).encode()


def test_the_platform_ships_no_contribution_it_cannot_cite(client):
    assert Contribution.objects.count() == 0
    page = client.get("/indicators/contributions/").content.decode()
    assert "No figures of voluntary contributions are on record yet" in page
    assert client.get("/api/v1/indicators/contributions").json() == []


def test_the_secretariat_imports_contributions_and_readers_see_each_series(client, secretariat):
    report = services.contributions_import(actor=secretariat, data=FILE, name="c.csv")
    assert (report.read, report.added) == (3, 3)
    page = client.get("/indicators/contributions/").content.decode()
    assert "Norway to Example Fund for Solidarity" in page
    assert "Sweden to Example Fund for Solidarity" in page
    assert f'href="{SOURCE}"' in page
    api = client.get("/api/v1/indicators/contributions?donor=NOR").json()
    assert [(c["year"], c["amount_usd"]) for c in api] == [(2023, 1000000.0), (2024, 1250000.5)]
    response = client.get("/indicators/contributions/?format=csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert [(r["donor"], r["year"], r["amount_usd"]) for r in rows] == [
        ("NOR", "2023", "1000000.00"),
        ("NOR", "2024", "1250000.50"),
        ("SWE", "2024", "900000.00"),
    ]
    norway = client.get("/countries/NOR/").content.decode()
    assert 'aria-labelledby="contributions-heading"' in norway
    # Importing the same file again adds nothing.
    assert services.contributions_import(actor=secretariat, data=FILE, name="c.csv").added == 0


def test_a_contributions_file_with_a_bad_row_is_refused_whole(secretariat):
    broken = FILE + b"Norway,,2024,5,https://example.org/x\nNorway,Fund,2024,5,\n"
    with pytest.raises(services.ImportRefused) as refused:
        services.contributions_import(actor=secretariat, data=broken, name="c.csv")
    assert [p.line for p in refused.value.problems] == [5, 6]
    assert "source" in refused.value.problems[1].message
    assert Contribution.objects.count() == 0


def test_only_the_secretariat_imports_contributions(contributor_x):
    with pytest.raises(PermissionDenied):
        services.contributions_import(actor=contributor_x, data=FILE, name="c.csv")
    assert Contribution.objects.count() == 0

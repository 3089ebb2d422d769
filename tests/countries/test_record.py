"""A reader takes a State's whole record as data: the page, its JSON and the API agree.

The data are those of the demonstration: resolution 56/4 ingested from the
shipped seed (Cuba voted in favour; Norway did not sit on the Council in
2024), the mandate's request to visit Cuba, and the ODA figures the
indicators' data migration loads (Norway, 2023: USD 5,547.97 million, 1.09 %
of GNI, the one row of oda_dac_members.csv for that year).
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest

from solidarity.calls import services as call_services
from solidarity.countries.models import CouncilMembership, Country
from solidarity.practices.files import check_attachment
from solidarity.visits import services as visit_services
from tests.api.test_contract import schema  # read at collection, before any database
from tests.calls.conftest import QUESTIONS, answers, call_fields, pdf_with

pytestmark = pytest.mark.django_db

SECTIONS = {"state", "votes", "roll_calls", "visits", "submissions", "practices", "oda"}


@pytest.fixture
def demo_like(resolution_56_4, secretariat):
    visit_services.visit_request_create(
        actor=secretariat,
        country=Country.objects.get(iso3="CUB"),
        on=dt.date.today() - dt.timedelta(days=90),
        note="Letter to the Permanent Mission.",
    )
    return resolution_56_4


def _record(client, iso3: str) -> dict:
    page_json = client.get(f"/countries/{iso3}/?format=json")
    assert page_json["Content-Type"].startswith("application/json")
    api = client.get(f"/api/v1/countries/{iso3.lower()}/record")
    assert api.status_code == 200
    assert page_json.json() == api.json()
    return api.json()


def test_cubas_record_carries_its_seats_its_vote_on_56_4_and_the_visit_request(client, demo_like):
    record = _record(client, "CUB")
    assert set(record) == SECTIONS
    state = record["state"]
    assert state["un_name"] == "Cuba" and state["status"] == "member"
    assert state["regional_group"] == "Latin American and Caribbean"
    assert state["names"]["fr"] == "Cuba" and state["names"]["ru"] == "Куба"
    seats = sorted(CouncilMembership.objects.filter(country="CUB").values_list("year", flat=True))
    assert sorted(state["council_years"]) == seats and 2024 in seats

    votes = record["votes"]
    assert votes["count"] == 1
    assert votes["totals"] == {"yes": 1, "no": 0, "abstain": 0}
    (vote,) = votes["resolutions"]
    assert vote["symbol"] == "A/HRC/RES/56/4" and vote["position"] == "yes"
    assert vote["adopted_on"] == "2024-07-10"
    assert vote["url"].endswith("/resolutions/A/HRC/RES/56/4/")
    assert record["roll_calls"]["count"] == 1
    assert record["roll_calls"]["years"] == [{"year": 2024, "yes": 1, "no": 0, "abstain": 0}]

    assert record["visits"]["status"] == "requested"
    assert record["visits"]["requested_on"] == (dt.date.today() - dt.timedelta(days=90)).isoformat()
    assert record["oda"] is None  # Cuba is no DAC donor
    assert record["submissions"] == []
    assert record["practices"] == {"count": 0, "practices": []}

    # The page shows the same numbers.
    page = client.get("/countries/CUB/").content.decode()
    assert "In 1 recorded vote: 1 in favour, 0 against, 0 abstaining." in page
    (request,) = record["visits"]["events"]
    assert f"Status of the request: {request['label']}." in page
    assert 'href="?format=json"' in page


def test_norways_record_carries_its_oda_series_as_the_data_file_gives_it(client, demo_like):
    record = _record(client, "NOR")
    assert record["votes"] == {
        "count": 0,
        "totals": {"yes": 0, "no": 0, "abstain": 0},
        "resolutions": [],
    }
    assert record["visits"]["status"] == "" and record["visits"]["url"] is None
    oda = record["oda"]
    assert oda["donor"] == "NOR" and oda["change_of_measure_year"] == 2018
    (year_2023,) = [y for y in oda["years"] if y["year"] == 2023]
    assert year_2023["oda_usd_millions"] == 5547.97
    assert year_2023["oda_gni_percent"] == 1.09
    assert year_2023["meets_target"] is True
    assert year_2023["basis"] == "grant_equivalent"
    # The API of the indicators and the page give the same series.
    series = client.get("/api/v1/indicators/oda/donors/NOR").json()
    assert series["years"] == oda["years"]
    page = client.get("/countries/NOR/").content.decode()
    row = page.split('<tr data-year="2023">')[1].split("</tr>")[0]
    assert "5,547.97" in row and "1.09" in row


def test_a_state_published_under_its_name_is_in_its_record_and_one_published_without_it_is_not(
    client,
    resolution_56_4,
    focal_point_a,
    focal_point_b,
    secretariat,
    django_capture_on_commit_callbacks,
):
    open_call = call_services.call_create(
        actor=secretariat,
        fields=call_fields(),
        questions=cast(list[dict], QUESTIONS),
        resolution="A/HRC/RES/56/4",
        paragraphs=[15],
    )
    sent = {}
    for person, consent in ((focal_point_a, "anonymous"), (focal_point_b, "publish")):
        draft, _ = call_services.submission_save(
            actor=person,
            call=open_call,
            answers=answers(),
            consent=consent,
            files=[check_attachment("answer.pdf", pdf_with(f"Answer of {person.email}"))],
        )
        sent[person.country.iso3] = call_services.submission_submit(actor=person, submission=draft)
    with django_capture_on_commit_callbacks(execute=True):
        for submission in sent.values():
            call_services.submission_publish(actor=secretariat, submission=submission)

    (france,) = _record(client, "FRA")["submissions"]
    assert france["reference"] == sent["FRA"].reference and france["country"] == "FRA"
    assert france["url"].endswith(sent["FRA"].get_absolute_url())
    page = client.get("/countries/FRA/").content.decode()
    assert sent["FRA"].get_absolute_url() in page and open_call.title in page
    # Cuba asked to be published without its name: its page must not name it.
    assert _record(client, "CUB")["submissions"] == []
    assert sent["CUB"].get_absolute_url() not in client.get("/countries/CUB/").content.decode()


def test_the_record_costs_a_bounded_number_of_queries(
    client, demo_like, seed_document, django_assert_max_num_queries
):
    from solidarity.resolutions import services

    for session in (57, 58, 59):
        services.resolution_ingest(
            actor=None,
            document={**seed_document, "symbol": f"A/HRC/RES/{session}/4", "session": session},
        )
    client.get("/api/v1/countries/CUB/record")  # the roll calls are loaded once, then cached
    with django_assert_max_num_queries(16):
        record = client.get("/api/v1/countries/CUB/record").json()
    assert record["votes"]["count"] == 4
    with django_assert_max_num_queries(16):
        client.get("/countries/CUB/?format=json")


def test_the_record_is_typed_in_the_openapi_document():
    operation = schema.raw_schema["paths"]["/api/v1/countries/{iso3}/record"]["get"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    shape = schema.raw_schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert set(shape["properties"]) == SECTIONS
    assert set(shape["required"]) == SECTIONS


def test_an_unknown_state_has_no_record(client):
    assert client.get("/api/v1/countries/XYZ/record").status_code == 404
    assert client.get("/countries/XYZ/?format=json").status_code == 404

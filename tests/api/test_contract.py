"""The API answers as its OpenAPI document says, whatever a client sends.

schemathesis reads /api/v1/openapi.json from the application itself and sends
each operation valid and invalid parameters (a bounded, derandomized number of
examples, so a run is the same every time): no answer may be a server error,
and every status code, media type and JSON body must be one the document
declares. Valid cases are pointed at real records half of the time (a
resolution, States with votes, an organization, practices published, published
twice or retracted), so the documented bodies of the records are checked too,
not only the 404s. Every JSON answer 200 is also the bytes its declared schema writes
(tests/api/declared.py), since most views write their answers themselves.
"""

from __future__ import annotations

import zlib

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from solidarity.wsgi import application
from tests.api.declared import answers_as_declared
from tests.conftest import PDF_BYTES, practice_content, publish

# Valid input the API refuses on purpose: a search it cannot read or a NUL byte (400), a
# record that does not exist (404) or was retracted (410). Everything else valid is a 200.
CONFIG = schemathesis.config.SchemathesisConfig.from_str(
    """
[checks.positive_data_acceptance]
expected-statuses = ["200", "400", "404", "410"]
"""
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)

# Path -> parameter -> real values, filled by the `records` fixture of each test.
REAL: dict[str, dict[str, list]] = {}


@schema.hook
def map_case(context, case):
    """Give half of the valid cases a real record instead of a number nobody holds."""
    real = REAL.get(case.path)
    if real and case.meta is not None and case.meta.generation.mode.is_positive:
        for name, values in real.items():
            # Chosen from what was generated, so the run stays deterministic.
            pick = zlib.crc32(repr(case.path_parameters.get(name)).encode()) % (2 * len(values))
            if pick < len(values):
                case.path_parameters[name] = values[pick]
    return case


@pytest.fixture
def wsgi(db):
    """Requests go through the WSGI application itself, in the test's transaction.

    Django closes the database connection at the end of each request; its test
    client stops that, and so must a test that calls the application directly.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(wsgi, settings, resolution_56_4, organization_x, contributor_x, reviewer):
    """What the API serves: resolution 56/4, practices in each public state."""
    from solidarity.practices import services
    from solidarity.practices.files import check_attachment
    from solidarity.practices.validation import clean_content

    settings.API_RATE = "100000/m"  # the limit has its own test below
    with_document = publish(
        practice_content(),
        submitter=contributor_x,
        reviewer=reviewer,
        files=[check_attachment("evaluation.pdf", PDF_BYTES)],
    )
    twice = publish(
        practice_content(title="Solar micro-grids", level="national", sdg_targets=[]),
        submitter=contributor_x,
        reviewer=reviewer,
    )
    fields = clean_content(
        practice_content(title="Solar micro-grids for farming villages"),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    services.practice_update(actor=contributor_x, practice=twice, fields=fields)
    services.practice_submit(actor=contributor_x, practice=twice)
    services.practice_publish(actor=reviewer, practice=twice)
    retracted = publish(
        practice_content(
            title="Withdrawn",
            period={"start": "2015-01-01", "end": "2016-12-31", "ongoing": False},
        ),
        submitter=contributor_x,
        reviewer=reviewer,
    )
    services.practice_retract(actor=reviewer, practice=retracted, reason="Found inaccurate.")
    practices = [with_document.pk, twice.pk, retracted.pk]
    REAL.clear()
    REAL.update(
        {
            "/api/v1/countries/{iso3}": {"iso3": ["KEN", "cub"]},
            "/api/v1/countries/{iso3}/votes": {"iso3": ["CUB", "USA"]},
            "/api/v1/organizations/{slug}": {"slug": [organization_x.slug]},
            "/api/v1/resolutions/{symbol}": {"symbol": [resolution_56_4.symbol]},
            "/api/v1/resolutions/{symbol}/akn": {"symbol": [resolution_56_4.symbol]},
            "/api/v1/practices/{pk}": {"pk": practices},
            "/api/v1/practices/{pk}/versions": {"pk": practices},
            "/api/v1/practices/{pk}/versions/{number}": {"pk": practices, "number": [1, 2]},
        }
    )
    yield {"resolution": resolution_56_4, "organization": organization_x, "practices": practices}
    REAL.clear()


@schema.parametrize()
@hypothesis_settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    # `records` is set up once per operation, on purpose: every example reads the same data.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_gets_a_server_error_or_an_undocumented_answer(case, records):
    case.call_and_validate(additional_checks=[answers_as_declared])


def test_every_operation_serves_real_records_as_documented(records):
    """Each operation once with a record that exists, checked whole against the document."""
    symbol = records["resolution"].symbol
    with_document, twice, retracted = records["practices"]
    calls = [
        ("/api/v1/countries", {}, {"format": "json"}, 200),
        ("/api/v1/countries", {}, {"format": "csv"}, 200),
        ("/api/v1/countries/resolve", {}, {"name": "Viet Nam"}, 200),
        ("/api/v1/countries/{iso3}", {"iso3": "CUB"}, {}, 200),
        ("/api/v1/countries/{iso3}/votes", {"iso3": "CUB"}, {}, 200),
        ("/api/v1/countries/{iso3}/record", {"iso3": "CUB"}, {}, 200),
        ("/api/v1/countries/{iso3}/record", {"iso3": "NOR"}, {}, 200),
        ("/api/v1/organizations", {}, {"format": "csv"}, 200),
        ("/api/v1/organizations/{slug}", {"slug": records["organization"].slug}, {}, 200),
        ("/api/v1/resolutions", {}, {"q": "solidarity", "voted": "true"}, 200),
        ("/api/v1/resolutions/{symbol}", {"symbol": symbol}, {}, 200),
        ("/api/v1/resolutions/{symbol}/akn", {"symbol": symbol}, {}, 200),
        ("/api/v1/practices", {}, {"q": "seed OR solar", "theme": "food_insecurity"}, 200),
        ("/api/v1/practices", {}, {"q": "-seed"}, 400),
        ("/api/v1/practices/{pk}", {"pk": with_document}, {}, 200),
        ("/api/v1/practices/{pk}", {"pk": retracted}, {}, 410),
        ("/api/v1/practices/{pk}/versions", {"pk": twice}, {}, 200),
        ("/api/v1/practices/{pk}/versions/{number}", {"pk": twice, "number": 2}, {}, 200),
        ("/api/v1/practices/{pk}/versions/{number}", {"pk": twice, "number": 3}, {}, 404),
        ("/api/v1/practices/{pk}/versions/{number}", {"pk": retracted, "number": 1}, {}, 410),
        # Calls with their records are checked in tests/calls/test_api.py.
        ("/api/v1/calls", {}, {"status": "open"}, 200),
        ("/api/v1/calls/{slug}", {"slug": "no-such-call"}, {}, 404),
        ("/api/v1/calls/{slug}/submissions", {"slug": "no-such-call"}, {}, 404),
        # The declaration with its records is checked in tests/declaration/test_api.py.
        ("/api/v1/declaration/versions", {}, {}, 200),
        ("/api/v1/declaration/versions/{number}", {"number": 99}, {}, 404),
        # Visits and engagements with their records are checked in tests/visits, tests/engagements.
        ("/api/v1/visits", {}, {"view": "never", "group": "African"}, 200),
        ("/api/v1/visits/{iso3}", {"iso3": "CUB"}, {}, 200),
        ("/api/v1/visits/{iso3}", {"iso3": "XXX"}, {}, 404),
        ("/api/v1/engagements", {}, {"when": "upcoming"}, 200),
        ("/api/v1/engagements/{pk}", {"pk": 999}, {}, 404),
        # ODA and contributions are checked against the data file in tests/indicators.
        ("/api/v1/indicators/oda", {}, {"year": 2023}, 200),
        ("/api/v1/indicators/oda", {}, {"year": 1999}, 404),
        ("/api/v1/indicators/oda/donors/{donor}", {"donor": "NOR"}, {}, 200),
        ("/api/v1/indicators/contributions", {}, {"donor": "NOR"}, 200),
        # Recorded votes over Voeten's data are checked in tests/votes/test_shipped_data.py.
        ("/api/v1/votes/agreement", {}, {"a": "CUB", "b": "USA", "from": "2024"}, 200),
        ("/api/v1/votes/matrix", {}, {"states": "CUB,USA", "body": "HRC"}, 200),
        ("/api/v1/votes/partners/{iso3}", {"iso3": "CUB"}, {"topic": "hr"}, 200),
        ("/api/v1/votes/cohesion", {}, {"from": "2024-01-01"}, 200),
        ("/api/v1/votes/composition/{iso3}", {"iso3": "CUB"}, {}, 200),
        ("/api/v1/votes/outvoted", {}, {"to": "2020"}, 200),
        ("/api/v1/votes/ideal-points", {}, {"body": "GA"}, 200),
        # The mandate with its record and tasks is checked in tests/mandate/test_record.py.
        ("/api/v1/mandate", {}, {}, 404),
        ("/api/v1/mandate/tasks", {}, {"status": "open", "addressee": "States"}, 200),
    ]
    for path, path_parameters, query, status in calls:
        case = schema[path]["GET"].Case(path_parameters=path_parameters, query=query)
        response = case.call_and_validate(additional_checks=[answers_as_declared])
        assert response.status_code == status, (path, path_parameters, query)
    assert {operation.path for operation in _operations()} == {path for path, *_ in calls}


def _operations():
    return [result.ok() for result in schema.get_all_operations()]


def test_the_practice_bodies_are_the_records_themselves(client, records):
    """Typing the bodies dropped nothing: the JSON is the public record, value for value."""
    from solidarity.practices.models import Practice, PracticeVersion
    from solidarity.practices.records import public_record

    with_document, twice, _retracted = records["practices"]
    practice = Practice.objects.get(pk=with_document)
    body = client.get(f"/api/v1/practices/{with_document}").json()
    expected = public_record(practice, base_url="http://testserver")
    assert body == expected
    # Keys in the document's order on either database (PostgreSQL's jsonb keeps its own).
    document = client.get("/api/v1/openapi.json").json()
    assert list(body) == list(document["components"]["schemas"]["PracticeRecord"]["properties"])
    assert body["attachments"][0]["name"] == "evaluation.pdf"
    listed = client.get("/api/v1/practices", {"q": "evaluation OR seed"}).json()["results"]
    assert [record for record in listed if record["id"] == with_document] == [expected]
    version = PracticeVersion.objects.get(practice_id=twice, number=1)
    assert client.get(f"/api/v1/practices/{twice}/versions/1").json() == version.data


def test_an_address_no_operation_matches_answers_the_documented_json_404(client, db):
    for address in (
        "/api/v1/practices/abc",
        "/api/v1/practices/1/versions/x",
        "/api/v1/nowhere",
        "/api/v1/practices/1/versions/%20.%0A%09",  # a line break, which `path` refuses
    ):
        response = client.get(address)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not Found"}


def test_every_operation_documents_the_rate_limit_and_the_answer_matches(settings, wsgi):
    settings.API_RATE = "3/m"
    for operation in _operations():
        declared = operation.definition.raw["responses"]
        assert declared["429"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }, operation.label
    operation = schema["/api/v1/countries/{iso3}"]["GET"]
    case = operation.Case(path_parameters={"iso3": "KEN"})
    for _ in range(400):  # the 4th when the limit is read at each request
        response = case.call()
        if response.status_code == 429:
            break
    assert response.status_code == 429
    operation.validate_response(response)
    assert response.json()["detail"]

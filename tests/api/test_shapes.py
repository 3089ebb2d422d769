"""The API writes its answers straight to JSON (solidarity/api/shaped.py), and they are
still exactly what its OpenAPI document says: each answer, read back through the
operation's declared schema as django-ninja reads a view's result, is written again
byte for byte; and the document itself is the published one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from solidarity.api.shaped import ShapedResponse
from solidarity.votes.services import unvotes_import
from tests.api.declared import as_declared
from tests.votes.conftest import write_unvotes

pytestmark = pytest.mark.django_db

PUBLISHED = Path(__file__).with_name("data") / "openapi.json"


def test_the_openapi_document_is_the_published_one(client):
    """Clients generate code from the document: it changes only on purpose. After such a
    change, write the new one to tests/api/data/openapi.json (GET /api/v1/openapi.json,
    indented by one space for readable differences)."""
    document = client.get("/api/v1/openapi.json").json()
    published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    for version in (document, published):
        version["info"].pop("version")  # the release, which changes with every one
    assert document == published


def _get(client, address: str, **query):
    response = client.get(address, query)
    assert response.status_code == 200, (address, query, response.content[:300])
    return response


def _roll_calls(folder: Path) -> Path:
    """Thirty roll calls of six States in Voeten's layout (the demonstration's own import
    runs after its transaction, which a test never commits)."""
    states = [("Cuba", "CU"), ("United States", "US"), ("Norway", "NO"), ("Brazil", "BR")]
    states += [("India", "IN"), ("Kenya", "KE")]
    positions = ["yes", "no", "abstain"]
    roll_calls, votes = [], []
    for n in range(1, 31):
        roll_calls.append(
            {"rcid": str(n), "session": "70.0", "date": f"2015-12-{n % 28 + 1:02d}"}
            | {"unres": f"R/70/{n}", "short": "HUMAN RIGHTS", "importantvote": "0"}
        )
        for k, (name, code) in enumerate(states):
            votes.append((str(n), name, code, positions[(n * (k + 1)) % 3 if k else n % 2]))
    return write_unvotes(
        folder, roll_calls, votes, [(str(n), "hr", "Human rights") for n in (1, 2)]
    )


def test_every_operation_answers_with_the_demonstration_data_as_its_schema_writes(
    client, settings, tmp_path
):
    settings.API_RATE = "100000/m"
    settings.VAR_DIR = tmp_path  # where the demonstration writes its accounts' passwords
    call_command("demo", stdout=io.StringIO())
    unvotes_import(actor=None, folder=_roll_calls(tmp_path / "unvotes"))
    document = client.get("/api/v1/openapi.json").json()
    operation_of = {
        path: item["get"]["operationId"]
        for path, item in document["paths"].items()
        if "get" in item
    }

    def first(address: str, key: str, **query):
        found = _get(client, address, **query).json()
        rows = found["results"] if isinstance(found, dict) else found
        assert rows, address
        return rows[0][key]

    api = "/api/v1"
    practice = first(f"{api}/practices", "id")
    call = first(f"{api}/calls", "slug", status="closed")
    version = first(f"{api}/declaration/versions", "number")
    engagement = first(f"{api}/engagements", "id")
    organization = first(f"{api}/organizations", "slug")
    donor = _get(client, f"{api}/indicators/oda").json()["donors"][0]["donor"]
    visits = [
        ("/countries", {}),
        ("/countries/resolve", {"name": "Viet Nam"}),
        ("/countries/{iso3}", {"iso3": "CUB"}),
        ("/countries/{iso3}/record", {"iso3": "CUB"}),
        ("/countries/{iso3}/record", {"iso3": "NOR"}),
        ("/countries/{iso3}/votes", {"iso3": "CUB"}),
        ("/organizations", {}),
        ("/organizations/{slug}", {"slug": organization}),
        ("/resolutions", {}),
        ("/resolutions", {"q": "solidarity"}),
        ("/resolutions/{symbol}", {"symbol": "A/HRC/RES/56/4"}),
        ("/practices", {}),
        ("/practices", {"q": "water OR schools", "limit": 100}),
        ("/practices/{pk}", {"pk": practice}),
        ("/practices/{pk}/versions", {"pk": practice}),
        ("/practices/{pk}/versions/{number}", {"pk": practice, "number": 1}),
        ("/calls", {}),
        ("/calls/{slug}", {"slug": call}),
        ("/calls/{slug}/submissions", {"slug": call}),
        ("/declaration/versions", {}),
        ("/declaration/versions/{number}", {"number": version}),
        ("/mandate", {}),
        ("/mandate/tasks", {}),
        ("/visits", {}),
        ("/visits/{iso3}", {"iso3": "CUB"}),
        ("/engagements", {}),
        ("/engagements/{pk}", {"pk": engagement}),
        ("/indicators/oda", {}),
        ("/indicators/oda/donors/{donor}", {"donor": donor}),
        ("/indicators/contributions", {}),
        ("/votes/agreement", {"a": "CUB", "b": "USA"}),
        ("/votes/matrix", {"states": "CUB,USA,NOR"}),
        ("/votes/partners/{iso3}", {"iso3": "CUB"}),
        ("/votes/cohesion", {}),
        ("/votes/composition/{iso3}", {"iso3": "CUB"}),
        ("/votes/outvoted", {}),
        ("/votes/ideal-points", {}),
    ]
    seen, shaped = set(), set()
    for template, values in visits:
        path = api + template
        address = path.format(**values)
        query = {k: v for k, v in values.items() if "{" + k + "}" not in template}
        response = _get(client, address, **query)
        seen.add(path)
        if response["Content-Type"].startswith("application/json"):
            expected = as_declared(operation_of[path], 200, response.content)
            assert expected in (None, response.content), address
        if isinstance(response, ShapedResponse):
            assert len(response.content) > 2, address  # not an empty list: a shape was checked
            shaped.add(template)
    assert seen == {path for path in operation_of if not path.endswith("/akn")}
    # The lists and records that are read most are written straight to JSON.
    assert {
        "/countries",
        "/countries/{iso3}",
        "/organizations",
        "/organizations/{slug}",
        "/resolutions",
        "/practices",
        "/practices/{pk}",
        "/calls",
        "/engagements",
    } <= shaped

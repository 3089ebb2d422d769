"""The declaration's published versions and comments as open data."""

from __future__ import annotations

import pytest

from solidarity.api.urls import api
from solidarity.declaration import services
from tests.declaration.conftest import VERSION_2

pytestmark = pytest.mark.django_db


def test_the_api_lists_the_published_versions_only(version_2_unpublished, client):
    body = client.get("/api/v1/declaration/versions").json()
    assert [(v["number"], v["label"], v["comments_open"]) for v in body] == [
        (1, "First draft", True)
    ]
    assert body[0]["url"] == "http://testserver/declaration/versions/1/"
    assert client.get("/api/v1/declaration/versions/2").status_code == 404


def test_a_version_in_the_api_holds_its_elements_and_its_published_comments(
    version_1, focal_point_a, contributor_x, reviewer, client
):
    kept = services.comment_create(
        actor=focal_point_a, version=version_1, eid="art_2", body="Keep.", proposed_wording="W."
    )[0]
    gone = services.comment_create(actor=contributor_x, version=version_1, eid="art_5", body="5.")[
        0
    ]
    hidden = services.comment_create(actor=contributor_x, version=version_1, eid="art_2", body="X")[
        0
    ]
    services.comment_hide(actor=reviewer, comment=hidden, reason="Off topic.")
    services.version_import(actor=None, source=VERSION_2, label="Revised draft", publish=True)

    body = client.get("/api/v1/declaration/versions/2").json()
    assert [e["eid"] for e in body["elements"]] == [
        "preamble__p_1",
        "art_1",
        "art_1__para_1",
        "art_1__para_2",
        "art_2",
        "art_3",
        "art_4",
    ]
    assert body["elements"][4] == {
        "eid": "art_2",
        "kind": "article",
        "number": "2",
        "heading": "Duties of States",
        "text": "States shall cooperate in good faith with one another to realize the right "
        "to international solidarity.",
    }
    assert [
        (c["id"], c["eid"], c["made_on_version"], c["speaks_for"], c["proposed_wording"])
        for c in body["comments"]
    ] == [(kept.pk, "art_2", 1, "Cuba", "W.")]
    first = client.get("/api/v1/declaration/versions/1").json()
    assert {c["id"] for c in first["comments"]} == {kept.pk, gone.pk}
    assert first["akoma_ntoso"].endswith("/declaration/versions/1/declaration.akn.xml")


def test_the_openapi_document_types_the_declaration_responses():
    schema = api.get_openapi_schema()
    responses = schema["paths"]["/api/v1/declaration/versions/{number}"]["get"]["responses"]
    detail = responses[200]
    ref = detail["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    properties = schema["components"]["schemas"][ref]["properties"]
    assert {"number", "label", "elements", "comments", "akoma_ntoso"} <= set(properties)
    comment = schema["components"]["schemas"]["DeclarationComment"]["properties"]
    assert set(comment) == {
        "id",
        "eid",
        "made_on_version",
        "stakeholder_type",
        "speaks_for",
        "made_at",
        "body",
        "proposed_wording",
    }


def test_real_versions_and_comments_are_served_as_the_openapi_document_says(
    version_1, focal_point_a, member_of_public
):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from tests.api.test_contract import schema

    services.comment_create(
        actor=focal_point_a, version=version_1, eid="art_2", body="Yes.", proposed_wording="W."
    )
    services.comment_create(actor=member_of_public, version=version_1, eid="art_5", body="No.")
    services.version_import(actor=None, source=VERSION_2, label="Revised draft", publish=True)
    # The application is called directly: keep the test's connection open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        for path, parameters in [
            ("/api/v1/declaration/versions", {}),
            ("/api/v1/declaration/versions/{number}", {"number": 1}),
            ("/api/v1/declaration/versions/{number}", {"number": 2}),
        ]:
            case = schema[path]["GET"].Case(path_parameters=parameters)
            response = case.call_and_validate()
            assert response.status_code == 200 and response.json()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)

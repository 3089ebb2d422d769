"""The API gives calls and their published submissions, never an unpublished one."""

from __future__ import annotations

import pytest

from solidarity.calls import services
from solidarity.practices.files import check_attachment
from tests.api.test_contract import schema  # read at collection, before any database
from tests.calls.conftest import answers, pdf_with
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_api_lists_calls_with_their_status_questions_and_paragraph_links(open_call):
    body = client_for(None).get("/api/v1/calls?status=open").json()
    assert body["total"] == 1
    (call,) = body["results"]
    assert call["slug"] == open_call.slug and call["status"] == "open"
    assert call["paragraphs"][0]["url"].endswith("/resolutions/A/HRC/RES/56/4/#op-15")
    assert [q["kind"] for q in call["questions"]] == ["text", "multiple", "single"]
    assert client_for(None).get("/api/v1/calls?status=closed").json()["total"] == 0
    assert client_for(None).get("/api/v1/calls?paragraph=16").json()["total"] == 0
    assert client_for(None).get(f"/api/v1/calls/{open_call.pk}").json()["slug"] == open_call.slug
    assert client_for(None).get("/api/v1/calls/no-such-call").status_code == 404


def test_the_api_gives_published_submissions_only_and_withholds_names_when_asked(
    open_call, focal_point_a, focal_point_b, secretariat, django_capture_on_commit_callbacks
):
    published = []
    for person, consent in ((focal_point_a, "anonymous"), (focal_point_b, "publish")):
        draft, _ = services.submission_save(
            actor=person,
            call=open_call,
            answers=answers(),
            consent=consent,
            files=[check_attachment("answer.pdf", pdf_with(f"Answer of {person.email}"))],
        )
        published.append(services.submission_submit(actor=person, submission=draft))
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_publish(actor=secretariat, submission=published[0])
    # France's submission is sent but not published: it is not in the API, for anyone.
    for persona in (None, focal_point_b, secretariat):
        body = client_for(persona).get(f"/api/v1/calls/{open_call.slug}/submissions").json()
        assert [s["reference"] for s in body] == [published[0].reference]
    (record,) = body
    assert record["submitted_by"] == "Name withheld at the submitter's request"
    assert record["country"] is None  # a State's code would name it
    assert client_for(None).get(record["files"][0]["url"]).status_code == 200


def test_the_openapi_document_types_the_calls_responses(db):
    schema = client_for(None).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/calls/{slug}/submissions"]["get"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert reference["items"]["$ref"].endswith("/PublishedSubmission")
    assert "submitted_by" in schema["components"]["schemas"]["PublishedSubmission"]["properties"]


def test_real_calls_and_submissions_are_served_as_the_openapi_document_says(
    open_call, focal_point_a, secretariat, django_capture_on_commit_callbacks
):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    draft, _ = services.submission_save(
        actor=focal_point_a,
        call=open_call,
        answers=answers(),
        consent="anonymous",
        files=[check_attachment("answer.pdf", pdf_with("Answer."))],
    )
    submission = services.submission_submit(actor=focal_point_a, submission=draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_publish(actor=secretariat, submission=submission)
    # The application is called directly: keep the test's connection open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        for path, parameters, query in [
            ("/api/v1/calls", {}, {"paragraph": "15"}),
            ("/api/v1/calls/{slug}", {"slug": open_call.slug}, {}),
            ("/api/v1/calls/{slug}", {"slug": str(open_call.pk)}, {}),
            ("/api/v1/calls/{slug}/submissions", {"slug": open_call.slug}, {}),
        ]:
            case = schema[path]["GET"].Case(path_parameters=parameters, query=query)
            response = case.call_and_validate()
            assert response.status_code == 200 and response.json()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)

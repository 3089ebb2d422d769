"""A reviewer who publishes writes two things: a private message to the submitter and,
if they wish, a public note shown with the version. The first never reaches a reader."""

import pytest
from django.core import mail

from solidarity.practices import services
from solidarity.practices.forms import DecisionForm
from solidarity.practices.models import ReviewAction
from tests.conftest import client_for, practice_content
from tests.practices.test_workflow import fields

pytestmark = pytest.mark.django_db

PRIVATE = "Between us: the budget figures looked doubtful, please double-check them."
PUBLIC = "Reviewed against the programme's 2023 evaluation."


@pytest.fixture
def submitted(contributor_x):
    practice, _ = services.practice_create(actor=contributor_x, fields=fields())
    services.practice_submit(actor=contributor_x, practice=practice)
    return practice


def publish_through_the_page(reviewer, practice, **data):
    response = client_for(reviewer).post(
        f"/practices/{practice.pk}/workspace/", {"decision": "publish", **data}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def everything_public(client, practice) -> str:
    """Every public page and document that speaks of the practice, joined."""
    paths = [
        f"/practices/{practice.pk}/",
        f"/practices/{practice.pk}/history/",
        f"/practices/{practice.pk}/history/1/",
        f"/api/v1/practices/{practice.pk}",
        f"/api/v1/practices/{practice.pk}/versions",
        f"/api/v1/practices/{practice.pk}/versions/1",
        "/api/v1/practices",
        "/practices/feed/",
        "/practices/",
    ]
    pages = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages.append(response.content.decode())
    return "\n".join(pages)


def test_the_private_message_stays_in_the_thread_and_the_mail_and_the_note_is_public(
    submitted, reviewer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_the_page(reviewer, submitted, message=PRIVATE, note=PUBLIC)

    version = submitted.versions.get()
    assert version.note == PUBLIC
    event = submitted.events.get(action=ReviewAction.PUBLISHED)
    assert event.message == PRIVATE
    told = mail.outbox[-1]
    assert told.to == [submitted.submitted_by.email]
    assert PRIVATE in told.body and PUBLIC in told.body

    public = everything_public(client, submitted)
    assert PUBLIC in public
    assert "budget figures" not in public
    api = client.get(f"/api/v1/practices/{submitted.pk}/versions").json()
    assert api[0]["note"] == PUBLIC


def test_publishing_with_a_message_only_leaves_the_version_without_a_note(
    submitted, reviewer, client
):
    publish_through_the_page(reviewer, submitted, message=PRIVATE)
    assert submitted.versions.get().note == ""
    assert "budget figures" not in everything_public(client, submitted)
    assert client.get(f"/api/v1/practices/{submitted.pk}/versions").json()[0]["note"] == ""


def test_the_submitter_reads_the_private_message_in_the_workspace(submitted, reviewer):
    publish_through_the_page(reviewer, submitted, message=PRIVATE, note=PUBLIC)
    page = client_for(submitted.submitted_by).get(f"/practices/{submitted.pk}/workspace/")
    assert PRIVATE.replace("'", "&#x27;") in page.content.decode()


def test_the_service_keeps_the_two_texts_apart(submitted, reviewer):
    version = services.practice_publish(
        actor=reviewer, practice=submitted, message=f" {PRIVATE}\x07 ", note=f" {PUBLIC} "
    )
    assert version.note == PUBLIC
    assert submitted.events.get(action=ReviewAction.PUBLISHED).message == PRIVATE


def test_the_form_names_who_sees_each_text():
    form = DecisionForm()
    assert form.fields["message"].label == "Private message to the submitter"
    assert "never published" in form.fields["message"].help_text
    assert form.fields["note"].label == "Public note on this version (optional)"
    assert "Everyone sees it" in form.fields["note"].help_text


def test_the_reviewers_form_shows_both_fields_with_their_help(submitted, reviewer):
    page = client_for(reviewer).get(f"/practices/{submitted.pk}/workspace/").content.decode()
    assert '<label for="id_message">Private message to the submitter</label>' in page
    assert '<label for="id_note">Public note on this version (optional)</label>' in page
    assert 'aria-describedby="id_note_help"' in page


def test_the_submitter_is_not_offered_a_public_note(submitted):
    page = client_for(submitted.submitted_by).get(f"/practices/{submitted.pk}/workspace/")
    html = page.content.decode()
    assert 'id="id_note"' not in html
    assert '<label for="id_message">Message to the reviewers</label>' in html


def test_a_public_note_with_another_decision_is_refused_rather_than_dropped(submitted, reviewer):
    response = client_for(reviewer).post(
        f"/practices/{submitted.pk}/workspace/",
        {"decision": "changes", "message": "Add the results.", "note": PUBLIC},
    )
    assert response.status_code == 200
    assert "A public note goes only with Publish." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_an_import_keeps_its_source_as_the_public_note(secretariat):
    (practice,) = services.practices_import(
        actor=secretariat, records=[practice_content()], source="Compiled in 2024"
    )
    assert practice.versions.get().note == "Compiled in 2024"

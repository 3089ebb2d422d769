"""Who sees and changes which submission, on the pages and the API, by GET and by POST.

Cuba's focal point ("focal_point") writes a draft and sends a submission; France's
("focal_point_b"), Organization Y's contributor ("contributor_y"), a member of the public
and an anonymous visitor stand on the other side of the boundary, and guessing the
numbers gets them nothing. Reviewers and the secretariat see everything.
"""

from __future__ import annotations

import uuid

import pytest

from solidarity.calls import services
from solidarity.calls.models import Submission
from solidarity.practices.files import check_attachment
from tests.calls.conftest import answers, pdf_with

pytestmark = pytest.mark.django_db

OUTSIDERS = ("anonymous", "public", "contributor", "contributor_y", "focal_point_b")
INSIDERS = ("focal_point", "reviewer", "secretariat")


@pytest.fixture
def cuba_submission(open_call, focal_point_a):
    draft, _ = services.submission_save(
        actor=focal_point_a,
        call=open_call,
        answers=answers(q1="Cuba's confidential position."),
        consent="do_not_publish",
        files=[check_attachment("cuba.pdf", pdf_with("Cuba's annex."))],
    )
    return services.submission_submit(actor=focal_point_a, submission=draft)


@pytest.fixture
def cuba_draft(open_call, focal_point_a):
    draft, _ = services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(q1="Cuba's draft words.")
    )
    return draft


def _urls(submission) -> dict[str, str]:
    base = f"/calls/{submission.call.slug}/submissions/{submission.pk}/"
    return {"page": base, "file": f"{base}files/{submission.files.get().pk}/"}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_an_unpublished_submission_does_not_exist_for_anyone_outside_its_state(
    persona, personas, cuba_submission
):
    client = personas[persona]
    for url in _urls(cuba_submission).values():
        assert client.get(url).status_code == 404, url
    page = client.get(f"/calls/{cuba_submission.call.slug}/").content.decode()
    assert "confidential position" not in page and cuba_submission.reference not in page
    api = client.get(f"/api/v1/calls/{cuba_submission.call.slug}/submissions").json()
    assert api == []
    found = client.get("/calls/search/?q=confidential").content.decode()
    assert "0 submissions found" in found


@pytest.mark.parametrize("persona", INSIDERS)
def test_its_state_and_the_reviewers_see_it(persona, personas, cuba_submission):
    for url in _urls(cuba_submission).values():
        assert personas[persona].get(url).status_code == 200, url


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_nobody_outside_the_secretariat_reviews_or_publishes_by_post(
    persona, personas, cuba_submission, open_call
):
    client = personas[persona]
    assert client.get(f"/calls/{open_call.slug}/review/").status_code in (302, 403)
    for action in ("read", "publish", "tag"):
        response = client.post(
            f"/calls/{open_call.slug}/submissions/{cuba_submission.pk}/review/",
            {"action": action, "tags": "taken"},
        )
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
    cuba_submission.refresh_from_db()
    assert cuba_submission.read_at is None and cuba_submission.tags == []


def test_another_states_focal_point_answering_makes_their_own_submission_and_leaves_cubas_draft(
    personas, cuba_draft, open_call
):
    france = personas["focal_point_b"]
    page = france.get(f"/calls/{open_call.slug}/answer/").content.decode()
    assert "Cuba's draft words." not in page
    form = {"q1": "France's words.", "language": "en", "action": "save"}
    # Cuba's form key, guessed: refused, and Cuba's draft untouched.
    refused = france.post(
        f"/calls/{open_call.slug}/answer/",
        {**form, "submission_key": str(cuba_draft.submission_key)},
    )
    assert "already used by someone else" in refused.content.decode()
    france.post(f"/calls/{open_call.slug}/answer/", {**form, "submission_key": str(uuid.uuid4())})
    cuba_draft.refresh_from_db()
    assert cuba_draft.answers["q1"] == "Cuba's draft words."
    assert Submission.objects.get(party="state:FRA").answers["q1"] == "France's words."


def test_a_contributor_sees_their_organizations_draft_and_not_another_organizations(
    people, personas, open_call
):
    draft, _ = services.submission_save(
        actor=people["contributor"], call=open_call, answers=answers(q1="Organization X thinks.")
    )
    assert (
        "Organization X thinks."
        in personas["contributor"].get(f"/calls/{open_call.slug}/answer/").content.decode()
    )
    assert "/calls/mine/" in personas["contributor"].get("/calls/").content.decode()
    assert personas["contributor"].get("/calls/mine/").content.decode().count(open_call.title) == 1
    assert open_call.title not in personas["contributor_y"].get("/calls/mine/").content.decode()
    assert (
        personas["contributor_y"]
        .get(f"/calls/{open_call.slug}/submissions/{draft.pk}/")
        .status_code
        == 404
    )

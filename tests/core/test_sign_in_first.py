"""A page that needs a signed-in person asks an anonymous visitor to sign in; it refuses only
those who are signed in and still may not open it."""

import pytest

from tests.conftest import PASSWORD
from tests.test_permission_matrix import FORBIDDEN, MATRIX

pytestmark = pytest.mark.django_db

SECRETARIAT_PAGES = ["/audit/", "/resolutions/ingest/", "/accounts/pending/"]


@pytest.mark.parametrize("path", SECRETARIAT_PAGES)
def test_an_anonymous_visitor_is_asked_to_sign_in_and_then_lands_on_the_page(
    client, secretariat, path
):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"

    sign_in_page = client.get(response["Location"])
    assert sign_in_page.status_code == 200
    assert f'name="next" value="{path}"' in sign_in_page.content.decode()

    signed_in = client.post(
        response["Location"],
        {"username": "secretariat@example.org", "password": PASSWORD, "next": path},
    )
    assert signed_in["Location"] == path
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", SECRETARIAT_PAGES)
def test_a_signed_in_person_without_the_right_is_still_refused(personas, path):
    for role in ("public", "contributor", "focal_point", "reviewer"):
        assert personas[role].get(path).status_code == 403, role


def test_the_sign_in_page_keeps_the_language_of_the_page_asked_for(client):
    response = client.get("/ar/audit/")
    assert response["Location"] == "/ar/accounts/login/?next=/ar/audit/"


def test_no_page_answers_an_anonymous_visitor_with_a_refusal():
    """Every page of the matrix that needs signing in sends the visitor to sign in first."""
    refused = [path for path, row in MATRIX.items() if row["anonymous"] == FORBIDDEN]
    assert refused == []

"""After signing in, each person starts at the desk, which says what is theirs to do."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def test_signing_in_leads_to_the_desk(client, reviewer):
    answer = client.post(
        "/accounts/login/", {"username": "reviewer@example.org", "password": PASSWORD}
    )
    assert answer["Location"] == "/desk/"
    assert "Good practices awaiting review" in client.get("/desk/").content.decode()


def test_a_contributor_sees_their_own_practices_by_status(contributor_x, draft_practice):
    page = client_for(contributor_x).get("/desk/").content.decode()
    own = page[page.index('id="own-practices"') :]
    own = own[: own.index("</ul>")]
    assert 'href="/practices/mine/">Draft</a>: 1' in own
    assert 'id="organization-pending"' not in page


def test_a_contributor_awaiting_confirmation_is_told_what_is_pending_and_who_decides(
    contributor_x,
):
    contributor_x.organization_confirmed_at = None
    contributor_x.save(update_fields=["organization_confirmed_at"])
    client = client_for(contributor_x)
    desk = client.get("/desk/").content.decode()
    assert "The secretariat confirms that you act for Organization X" in desk
    refused = client.get("/practices/new/")
    assert refused.status_code == 403
    assert "The secretariat has not yet confirmed that you act for Organization X" in (
        refused.content.decode()
    )

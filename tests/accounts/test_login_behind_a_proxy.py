"""Behind a reverse proxy every sign-in reaches the platform from the proxy's
address: the per-e-mail lock counts by the client's address the proxy forwards,
so a stranger who fails five times locks out only their own address."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PROXY = "10.0.0.2"


def _through_the_proxy(client_address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def test_a_stranger_failing_on_a_reviewers_e_mail_does_not_lock_the_reviewer_out(
    reviewer, settings
):
    settings.PROXY_COUNT = 1
    stranger = _through_the_proxy("203.0.113.9")
    codes = [
        stranger.post(LOGIN, {"username": "reviewer@example.org", "password": f"guess{n}"})
        for n in range(6)
    ]
    assert [response.status_code for response in codes] == [200] * 4 + [429] * 2

    at_work = _through_the_proxy("198.51.100.7")
    signed_in = at_work.post(LOGIN, {"username": "reviewer@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302

    # What the client writes in the header before the proxy's own entry is not believed.
    forged = _through_the_proxy("198.51.100.7, 203.0.113.9")
    refused = forged.post(LOGIN, {"username": "reviewer@example.org", "password": PASSWORD})
    assert refused.status_code == 429

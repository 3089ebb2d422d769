"""One address cannot try a password on many accounts (password spraying)."""

from collections import Counter

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_a_hundred_failed_sign_ins_across_25_e_mails_lock_the_address(client, reviewer):
    # Four tries for each of 25 e-mails: never the five that lock one e-mail.
    emails = [f"person{n}@example.org" for n in range(24)] + ["reviewer@example.org"]
    codes = Counter(
        client.post(LOGIN, {"username": email, "password": "Winter2024!"}).status_code
        for _round in range(4)
        for email in emails
    )
    assert codes == {200: 30, 429: 70}

    newcomer = client.post(LOGIN, {"username": "newcomer@example.org", "password": "x"})
    assert newcomer.status_code == 429
    assert 0 < int(newcomer["Retry-After"]) <= 15 * 60  # when the address's window ends
    assert "from your address, for one account or several" in newcomer.content.decode()
    # Even the right password is refused from there until the quarter-hour ends.
    right = client.post(LOGIN, {"username": "reviewer@example.org", "password": PASSWORD})
    assert right.status_code == 429
    assert not right.wsgi_request.user.is_authenticated

    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    signed_in = elsewhere.post(LOGIN, {"username": "reviewer@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302


def test_people_who_sign_in_do_not_use_up_their_address_allowance(client, reviewer, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for _ in range(2):
        client.post(LOGIN, {"username": "someone@example.org", "password": "wrong"})
    for _ in range(3):
        assert (
            client.post(
                LOGIN, {"username": "reviewer@example.org", "password": PASSWORD}
            ).status_code
            == 302
        )
        client.post("/accounts/logout/")
    assert client.post(LOGIN, {"username": "other@example.org", "password": "x"}).status_code == 200
    assert client.post(LOGIN, {"username": "other@example.org", "password": "x"}).status_code == 429

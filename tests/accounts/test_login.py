"""Signing in, and the throttle that stops guessing passwords."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_secretariat_member_signs_in_with_e_mail_and_password(client, secretariat):
    response = client.post(
        "/accounts/login/", {"username": "secretariat@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert client.get("/audit/").status_code == 200


def test_the_e_mail_address_may_be_typed_in_any_case(client, secretariat):
    response = client.post(
        "/accounts/login/", {"username": " Secretariat@Example.ORG ", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.wsgi_request.user == secretariat


def test_five_wrong_passwords_lock_the_account_for_that_address(client, reviewer):
    for attempt in range(5):
        # Changing the case of the address does not reset the count.
        username = "reviewer@example.org" if attempt % 2 else "REVIEWER@example.org"
        client.post("/accounts/login/", {"username": username, "password": "wrong"})
    locked = client.post(
        "/accounts/login/", {"username": "reviewer@example.org", "password": PASSWORD}
    )
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert locked["Retry-After"] == "900"  # the quarter-hour of the lock
    assert not locked.wsgi_request.user.is_authenticated


def test_the_platform_hashes_passwords_with_argon2():
    # Read from the settings module itself: the tests swap in a fast hasher.
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from solidarity import settings as platform_settings

    assert platform_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
    assert Argon2PasswordHasher().encode(PASSWORD, "somesalt1234").startswith("argon2$argon2id$")


def test_signing_out_takes_a_post(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302

"""Signing in, and the throttle that stops guessing passwords."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_secretariat_member_signs_in_with_e_mail_and_password(client, secretariat):
    response = client.post(
        "/accounts/login/", {"username": "secretariat@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/me/"
    assert client.get("/audit/").status_code == 200


def test_five_wrong_passwords_lock_the_account_for_that_address(client, reviewer):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "reviewer@example.org", "password": "wrong"})
    locked = client.post(
        "/accounts/login/", {"username": "reviewer@example.org", "password": PASSWORD}
    )
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert not locked.wsgi_request.user.is_authenticated


def test_passwords_are_hashed_with_argon2(settings, reviewer):
    from django.contrib.auth.hashers import get_hasher

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    reviewer.set_password(PASSWORD)
    assert reviewer.password.startswith("argon2$")
    assert get_hasher("default").algorithm == "argon2"


def test_signing_out_takes_a_post(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302

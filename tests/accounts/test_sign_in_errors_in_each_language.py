"""A wrong password is told in a sentence each language writes correctly."""

import html

import pytest

pytestmark = pytest.mark.django_db

SAID = {
    "fr": (
        "Saisissez une adresse électronique et un mot de passe valides.",
        "un adresse",
    ),
    "es": (
        "Introduzca una dirección de correo electrónico y una contraseña correctas.",
        "un dirección",
    ),
    "en": ("Please enter a correct e-mail address and password.", None),
}


@pytest.mark.parametrize("language", list(SAID))
def test_a_wrong_password_is_told_grammatically(client, reviewer, language):
    prefix = "" if language == "en" else f"/{language}"
    response = client.post(
        f"{prefix}/accounts/login/",
        {"username": "reviewer@example.org", "password": "not the password"},
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    right, wrong = SAID[language]
    assert right in page
    if wrong:
        assert wrong not in page

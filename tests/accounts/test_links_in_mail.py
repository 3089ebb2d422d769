"""Links in e-mails lead to the address people reach the platform at
(SOLIDARITY_SITE_URL), whatever host name the request reached the server by:
behind a reverse proxy that is often an internal one."""

import re

import pytest
from django.core import mail as sent

from solidarity.accounts import services as accounts
from solidarity.core.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SITE = "https://solidarity.example.org"
INTERNAL = "app-1.internal:8000"


@pytest.fixture(autouse=True)
def _behind_a_proxy(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["app-1.internal", "solidarity.example.org"]


def test_the_confirmation_link_of_a_sign_up_leads_to_the_public_address(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/accounts/sign-up/",
            {
                "full_name": "Awa Diop",
                "email": "awa@example.org",
                "password": "solidarity-across-borders-2024",
                "new_organization_name": "Réseau Teranga",
                "new_organization_type": "ngo",
                "new_organization_country": "SEN",
            },
            HTTP_HOST=INTERNAL,
        )
    links = re.findall(r"\S+/accounts/verify/\S+/", sent.outbox[-1].body)
    assert links and all(link.startswith(f"{SITE}/fr/accounts/verify/") for link in links)


def test_a_password_reset_link_leads_to_the_public_address(
    client, django_capture_on_commit_callbacks
):
    accounts.user_create(
        actor=None,
        email="claire@example.org",
        full_name="Claire",
        role=Role.REVIEWER,
        password=PASSWORD,
        language="fr",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/password/reset/", {"email": "claire@example.org"}, HTTP_HOST=INTERNAL
        )
    message = sent.outbox[-1]
    links = re.findall(r"\S+/accounts/password/reset/\S+/", message.body)
    assert links and all(link.startswith(f"{SITE}/fr/accounts/password/reset/") for link in links)
    assert "internal" not in message.subject and "solidarity.example.org" in message.subject

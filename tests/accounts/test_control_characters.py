"""People's and organizations' names are stored without control characters."""

import pytest

from solidarity.accounts import services
from solidarity.accounts.models import OrganizationType, User
from solidarity.core.roles import Role

pytestmark = pytest.mark.django_db


def test_a_person_created_by_the_secretariat_has_a_clean_name(secretariat):
    person = services.user_create(
        actor=secretariat,
        email="ana@example.org",
        full_name="Ana\x07 Lima\ufffe",
        role=Role.REVIEWER,
        password=None,
    )
    person.refresh_from_db()
    assert person.full_name == "Ana Lima"


def test_signing_up_stores_clean_names(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/sign-up/",
            {
                "full_name": "Nomvula\x1b Dlamini\x9b",
                "email": "nomvula@example.org",
                "password": "solidarity-across-borders-2024",
                "organization": "",
                "new_organization_name": "Ubuntu\x07 Solidarity\x0b Network",
                "new_organization_type": "ngo",
                "new_organization_country": "ZAF",
            },
        )
    person = User.objects.get(email="nomvula@example.org")
    assert person.full_name == "Nomvula Dlamini"
    assert person.organization.name == "Ubuntu Solidarity Network"


def test_an_organization_created_with_control_characters_has_a_clean_name():
    organization = services.organization_create(
        actor=None, name="Red\x01 Cross\x85Society", type=OrganizationType.OTHER
    )
    assert organization.name == "Red Cross Society"

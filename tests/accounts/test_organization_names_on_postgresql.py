"""Two people registering lookalike organizations at the same moment, on PostgreSQL.

No constraint of the database knows that "Oxfam\u200bInternational" is "Oxfam
International": the lookalike check and the write take turns instead. Two real
connections (threads) prove it; the tests commit for real (``transaction=True``).
Collected only on PostgreSQL (see conftest.py).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from solidarity.accounts import services
from solidarity.accounts.models import Organization, OrganizationType, User
from tests.postgresql import finished_or_waiting_for_a_lock, in_own_connection

pytestmark = pytest.mark.django_db(transaction=True)
STRONG = "solidarity-across-borders-2024"


def _race(first, second):
    """``first`` stores its name and holds its transaction open while ``second``
    starts; ``first`` commits once ``second`` waits for it (or has finished)."""
    first_has_written, first_may_commit = threading.Event(), threading.Event()

    def hold_first():
        with transaction.atomic():
            first()
            first_has_written.set()
            assert first_may_commit.wait(60)

    a, a_failures, _ = in_own_connection(hold_first)
    assert first_has_written.wait(60)
    b, b_failures, b_pid = in_own_connection(second)
    assert finished_or_waiting_for_a_lock(b, b_pid), "the second neither finished nor waited"
    first_may_commit.set()
    a.join(60)
    b.join(60)
    assert not a_failures
    return b_failures


def test_two_lookalike_organizations_created_at_the_same_moment_make_one():
    failures = _race(
        lambda: services.organization_create(
            actor=None, name="Oxfam International", type=OrganizationType.NGO
        ),
        lambda: services.organization_create(
            actor=None, name="Oxfam\u200bInternational", type=OrganizationType.NGO
        ),
    )
    assert list(Organization.objects.values_list("name", flat=True)) == ["Oxfam International"]
    assert len(failures) == 1 and isinstance(failures[0], ValidationError)
    assert "Oxfam International is already registered" in str(failures[0])


def test_two_sign_ups_proposing_lookalike_organizations_at_the_same_moment_share_one():
    def sign_up(email, organization_name):
        return lambda: services.contributor_sign_up(
            email=email,
            full_name="A Person",
            password=STRONG,
            new_organization_name=organization_name,
            new_organization_type=OrganizationType.NGO,
        )

    failures = _race(
        sign_up("first@example.org", "Ubuntu Solidarity Network"),
        sign_up("second@example.org", "Ubuntu Solidarity Netw\u043erk"),  # Cyrillic o
    )
    assert failures == []
    assert list(Organization.objects.values_list("name", flat=True)) == [
        "Ubuntu Solidarity Network"
    ]
    organization = Organization.objects.get()
    assert set(User.objects.values_list("email", "organization")) == {
        ("first@example.org", organization.pk),
        ("second@example.org", organization.pk),
    }

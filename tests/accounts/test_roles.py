"""Roles bind people to what they act for, and only the secretariat hands them out."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from solidarity.accounts import services
from solidarity.accounts.models import User
from solidarity.core.models import AuditEntry
from solidarity.core.roles import Role
from solidarity.countries.models import Country

pytestmark = pytest.mark.django_db


def test_a_state_focal_point_is_bound_to_one_country(secretariat):
    with pytest.raises(ValidationError, match="country"):
        services.user_create(
            actor=secretariat,
            email="fp@example.org",
            full_name="F P",
            role=Role.FOCAL_POINT,
            password=None,
        )
    assert not User.objects.filter(email="fp@example.org").exists()


def test_a_contributor_is_bound_to_an_organization(secretariat):
    with pytest.raises(ValidationError, match="organization"):
        services.user_create(
            actor=secretariat,
            email="c@example.org",
            full_name="C",
            role=Role.CONTRIBUTOR,
            password=None,
        )


def test_the_database_refuses_a_focal_point_without_a_country(focal_point_a):
    focal_point_a.country = None
    with pytest.raises(IntegrityError), transaction.atomic():
        focal_point_a.save()


def test_only_the_secretariat_gives_roles(reviewer, contributor_x, secretariat):
    with pytest.raises(PermissionDenied):
        services.user_set_role(actor=reviewer, user=contributor_x, role=Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        services.user_set_role(actor=contributor_x, user=contributor_x, role=Role.SECRETARIAT)
    contributor_x.refresh_from_db()
    assert contributor_x.role == Role.CONTRIBUTOR


def test_a_role_change_is_audited_with_before_and_after(secretariat, contributor_x):
    cuba = Country.objects.get(iso3="CUB")
    services.user_set_role(
        actor=secretariat, user=contributor_x, role=Role.FOCAL_POINT, country=cuba
    )
    entry = AuditEntry.objects.get(action="user.set_role")
    assert entry.actor == secretariat
    assert entry.target_id == str(contributor_x.pk)
    assert entry.changes["role"] == ["contributor", "focal_point"]
    assert entry.changes["country"] == [None, "CUB"]
    assert entry.changes["organization"][1] is None


def test_the_secretariat_administers_and_nobody_else_does(secretariat, reviewer):
    assert secretariat.is_staff and secretariat.is_superuser
    assert not reviewer.is_staff and not reviewer.is_superuser
    services.user_set_role(actor=secretariat, user=secretariat, role=Role.REVIEWER)
    secretariat.refresh_from_db()
    assert not secretariat.is_staff and not secretariat.is_superuser

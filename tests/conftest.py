"""Personas shared by every test: one person per role and boundary.

The secretariat, a reviewer, a State focal point of country A (Cuba) and one of
country B (France), a contributor of organization X and one of Y, a signed-up
member of the public, and an anonymous visitor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from solidarity.accounts import services
from solidarity.accounts.models import Organization, OrganizationType
from solidarity.core.roles import Role
from solidarity.countries.models import Country
from solidarity.resolutions import services as resolution_services
from solidarity.resolutions.parsing import parse_file

PASSWORD = "a-long-enough-passphrase-42"
SEED = Path(__file__).resolve().parents[1] / "solidarity" / "demo" / "data" / "A-HRC-RES-56-4.md"


@pytest.fixture(autouse=True)
def _english_and_fast_mail(settings):
    settings.LANGUAGE_CODE = "en"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counts and cached maps never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def seed_document() -> dict:
    """Resolution 56/4 as the parser reads it from the shipped seed."""
    return parse_file(SEED).document.to_dict()


@pytest.fixture
def resolution_56_4(db, seed_document):
    resolution, _ = resolution_services.resolution_ingest(
        actor=None, document=seed_document, source_name=SEED.name, source_data=SEED.read_bytes()
    )
    return resolution


@pytest.fixture
def organization_x(db):
    return services.organization_create(
        actor=None,
        name="Organization X",
        type=OrganizationType.NGO,
        countries=[Country.objects.get(iso3="KEN")],
    )


@pytest.fixture
def organization_y(db):
    return services.organization_create(
        actor=None,
        name="Organization Y",
        type=OrganizationType.ACADEMIC,
        countries=[Country.objects.get(iso3="BRA")],
    )


def _person(email, role, **binding):
    return services.user_create(
        actor=None,
        email=email,
        full_name=email.split("@")[0].replace(".", " ").title(),
        role=role,
        password=PASSWORD,
        **binding,
    )


@pytest.fixture
def secretariat(db):
    return _person("secretariat@example.org", Role.SECRETARIAT)


@pytest.fixture
def reviewer(db):
    return _person("reviewer@example.org", Role.REVIEWER)


@pytest.fixture
def focal_point_a(db):
    return _person("focal.a@example.org", Role.FOCAL_POINT, country=Country.objects.get(iso3="CUB"))


@pytest.fixture
def focal_point_b(db):
    return _person("focal.b@example.org", Role.FOCAL_POINT, country=Country.objects.get(iso3="FRA"))


@pytest.fixture
def contributor_x(organization_x):
    return _person("contributor.x@example.org", Role.CONTRIBUTOR, organization=organization_x)


@pytest.fixture
def contributor_y(organization_y):
    return _person("contributor.y@example.org", Role.CONTRIBUTOR, organization=organization_y)


@pytest.fixture
def member_of_public(db):
    return _person("reader@example.org", Role.PUBLIC)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def personas(secretariat, reviewer, focal_point_a, contributor_x, member_of_public):
    """Name -> logged-in client, one per role, plus the anonymous visitor."""
    return {
        "secretariat": client_for(secretariat),
        "reviewer": client_for(reviewer),
        "focal_point": client_for(focal_point_a),
        "contributor": client_for(contributor_x),
        "public": client_for(member_of_public),
        "anonymous": client_for(None),
    }


__all__ = ["PASSWORD", "SEED", "Organization", "client_for"]

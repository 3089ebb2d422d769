"""Personas shared by every test: one person per role and boundary.

The secretariat, a reviewer, a State focal point of country A (Cuba) and one of
country B (France), a contributor of organization X and one of Y, a signed-up
member of the public, and an anonymous visitor.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from django.test import Client

from solidarity.accounts import services
from solidarity.accounts.models import Organization, OrganizationType
from solidarity.core.roles import Role
from solidarity.countries.models import Country
from solidarity.resolutions import services as resolution_services
from solidarity.resolutions.parsing import parse_file
from tests.postgresql import ON_POSTGRESQL

PASSWORD = "a-long-enough-passphrase-42"

# Tests that need two real connections or processes on one PostgreSQL database.
collect_ignore_glob = [] if ON_POSTGRESQL else ["*/test_*_on_postgresql.py"]
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
def _search_index_in_tmp(settings, tmp_path):
    """Each test's catalogue index mirrors its own database."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"


@pytest.fixture(autouse=True)
def _rate_counts_in_tmp(settings, tmp_path):
    """Each test counts requests against the rate limits from zero."""
    settings.RATE_LIMIT_PATH = tmp_path / "ratelimit.sqlite3"


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


def client_for(user, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def people(
    secretariat,
    reviewer,
    focal_point_a,
    focal_point_b,
    contributor_x,
    contributor_y,
    member_of_public,
):
    """Persona name -> the person (None for the anonymous visitor)."""
    return {
        "anonymous": None,
        "public": member_of_public,
        "contributor": contributor_x,
        "contributor_y": contributor_y,
        "focal_point": focal_point_a,
        "focal_point_b": focal_point_b,
        "reviewer": reviewer,
        "secretariat": secretariat,
    }


@pytest.fixture
def personas(people):
    """Name -> logged-in client, one per role and boundary, plus the anonymous visitor.

    "contributor" acts for organization X and "focal_point" for Cuba; "contributor_y"
    (organization Y) and "focal_point_b" (France) stand on the other side of each boundary.
    """
    return {name: client_for(person) for name, person in people.items()}


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def practice_content(**changes) -> dict:
    """A complete practice in the published JSON shape."""
    content = {
        "title": "Community seed banks for drought-hit farmers",
        "summary": "Farmers' organizations in three countries keep local seed varieties "
        "and share them after droughts.",
        "description": "<p>Seed banks run by farming cooperatives.</p>",
        "challenge": "Repeated droughts destroyed harvests and seed stocks.",
        "actions": "Cooperatives built seed banks and trained members.",
        "results": "Seed was available for replanting after the 2022 drought.",
        "enabling_factors": "Support of local authorities.",
        "sustainability": "Run by the cooperatives themselves.",
        "resources": "Small grants.",
        "period": {"start": "2019-03-01", "end": None, "ongoing": True},
        "level": "regional",
        "actors": [{"name": "Organization X", "type": "ngo"}],
        "countries": [
            {"country": "KEN", "role": "beneficiary"},
            {"country": "ETH", "role": "beneficiary"},
            {"country": "BRA", "role": "partner"},
        ],
        "themes": ["food_insecurity", "climate_change"],
        "modalities": ["south_south", "capacity_building"],
        "sdg_goals": [2, 13],
        "sdg_targets": ["2.4", "13.1"],
        "human_rights": ["food"],
        "sources": [{"title": "Programme page", "url": "https://example.org/seeds"}],
        "language": "en",
    }
    content.update(changes)
    return content


def form_data(**changes) -> dict:
    """The practice form as a contributor fills it in, with ``changes``."""
    data = {
        "title": "Mobile clinics along the border",
        "summary": "Two health ministries run joint mobile clinics for border villages.",
        "description": (
            "Clinics visit each village monthly.\n\nNurses from both sides work together."
        ),
        "actions": "Joint teams, shared supplies.",
        "started_on": "2020-05-01",
        "ongoing": "on",
        "level": "regional",
        "themes": ["pandemics_recovery"],
        "modalities": ["south_south"],
        "sdg_goals": ["3"],
        "sdg_targets": "3.8",
        "human_rights": ["health"],
        "language": "en",
        "actor_name_1": "Organization X",
        "actor_type_1": "ngo",
        "country_1": "KEN",
        "role_1": "beneficiary",
        "country_2": "UGA",
        "role_2": "partner",
        "source_title_1": "",
        "source_url_1": "",
        "submission_key": str(uuid.uuid4()),
        "action": "save",
    }
    data.update(changes)
    return data


def publish(content: dict, *, submitter, reviewer, files=()):
    """A practice taken through the whole workflow: draft, review, published."""
    from solidarity.practices import services as practice_services
    from solidarity.practices.validation import clean_content

    fields = clean_content(
        content,
        theme_codes=practice_services.theme_codes(),
        country_codes=practice_services.country_codes(),
    )
    practice, _ = practice_services.practice_create(actor=submitter, fields=fields, files=files)
    practice_services.practice_submit(actor=submitter, practice=practice)
    practice_services.practice_publish(actor=reviewer, practice=practice)
    practice.refresh_from_db()
    return practice


@pytest.fixture
def published_practice(contributor_x, reviewer):
    from solidarity.practices.files import check_attachment

    return publish(
        practice_content(),
        submitter=contributor_x,
        reviewer=reviewer,
        files=[check_attachment("evaluation.pdf", PDF_BYTES)],
    )


@pytest.fixture
def draft_practice(contributor_x):
    from solidarity.practices import services as practice_services
    from solidarity.practices.files import check_attachment

    practice, _ = practice_services.practice_create(
        actor=contributor_x,
        fields={"title": "A draft not yet sent"},
        files=[check_attachment("notes.pdf", PDF_BYTES + b"draft")],
    )
    return practice


__all__ = ["PASSWORD", "PDF_BYTES", "SEED", "Organization", "client_for", "practice_content"]

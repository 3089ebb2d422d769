"""An organization cannot be registered again under a name that only looks the same:
hidden characters, letters of another script, another case."""

import pytest
from django.core.exceptions import ValidationError

from solidarity.accounts import services
from solidarity.accounts.models import Organization, OrganizationType, User
from solidarity.core.text import lookalikes, normalize_name

pytestmark = pytest.mark.django_db

OXFAM = "Oxfam International"
LOOKALIKES = [
    "Oxfam\u200bInternational",  # a zero-width space between the words
    "\u041exfam International",  # CYRILLIC CAPITAL LETTER O
    "Oxfam\u00a0Internat\u0456onal\u2060",  # no-break space, Cyrillic i, word joiner
    "\uff2fxfam International",  # FULLWIDTH LATIN CAPITAL LETTER O
    "0XFAM INTERNATIONAL",  # a zero, and capitals
    "\u041eXFAM \u0406NTERNATIONAL",  # Cyrillic capitals
]
STRONG = "solidarity-across-borders-2024"


@pytest.fixture
def oxfam(db):
    return services.organization_create(actor=None, name=OXFAM, type=OrganizationType.NGO)


@pytest.mark.parametrize("name", LOOKALIKES)
def test_a_lookalike_of_an_existing_organization_is_refused_naming_the_existing_one(oxfam, name):
    with pytest.raises(ValidationError) as refused:
        services.organization_create(actor=None, name=name, type=OrganizationType.NGO)
    assert OXFAM in str(refused.value)
    assert Organization.objects.count() == 1


@pytest.mark.parametrize("name", LOOKALIKES[:2])
def test_signing_up_with_a_lookalike_of_a_listed_organization_points_to_it(client, oxfam, name):
    response = client.post(
        "/accounts/sign-up/",
        {
            "full_name": "Nomvula Dlamini",
            "email": "nomvula@example.org",
            "password": STRONG,
            "organization": "",
            "new_organization_name": name,
            "new_organization_type": "ngo",
            "new_organization_country": "ZAF",
        },
    )
    assert response.status_code == 200
    assert f"{OXFAM} is in the list: choose it there." in response.content.decode()
    assert not User.objects.exists()
    assert list(Organization.objects.values_list("name", flat=True)) == [OXFAM]


def test_a_lookalike_of_a_proposed_organization_joins_the_proposal(
    client, django_capture_on_commit_callbacks
):
    proposal = dict(
        full_name="A Person",
        password=STRONG,
        new_organization_name="Ubuntu Solidarity Network",
        new_organization_type=OrganizationType.NGO,
    )
    first = services.contributor_sign_up(email="first@example.org", **proposal)
    proposal["new_organization_name"] = "Ubuntu Solidarity\u200b Netw\u043erk"
    second = services.contributor_sign_up(email="second@example.org", **proposal)
    assert first.organization == second.organization
    assert Organization.objects.get().name == "Ubuntu Solidarity Network"


def test_names_are_stored_normalized():
    organization = services.organization_create(
        actor=None, name=" \u200bUbuntu\u00a0 Solidarity\ufeff  Network\u3000", type="ngo"
    )
    assert organization.name == "Ubuntu Solidarity Network"


def test_different_names_are_not_lookalikes():
    assert not lookalikes("Organization X", "Organization Y")
    assert not lookalikes("Bill Foundation", "Bili Foundation")
    assert not lookalikes("Caritas", "Cáritas")
    assert normalize_name("ﬁnance\u200d  watch") == "finance watch"


def test_renaming_an_organization_to_a_lookalike_of_another_is_refused():
    """The new name may look like the organization's own (a capital I for a small L)
    and like another's too: the other one is what counts."""
    own = services.organization_create(actor=None, name="lnfo Group", type="ngo")  # small L
    other = services.organization_create(actor=None, name="info group", type="ngo")
    assert not lookalikes(own.name, other.name)
    with pytest.raises(ValidationError) as refused:
        services.organization_update(actor=None, organization=own, name="Info Group", type="ngo")
    assert "info group is already registered" in str(refused.value)
    own.refresh_from_db()
    assert own.name == "lnfo Group"


def test_an_organization_may_be_renamed_to_a_lookalike_of_its_own_name():
    own = services.organization_create(actor=None, name="lnfo Group", type="ngo")
    services.organization_update(actor=None, organization=own, name="Info Group", type="ngo")
    own.refresh_from_db()
    assert own.name == "Info Group"

"""The administration screens write through the services: the same rules, the
same audit entries as every other way in; what has no service is read-only."""

import pytest

from solidarity.accounts.models import Organization, User
from solidarity.core.models import AuditEntry
from solidarity.countries.models import Country
from solidarity.practices.models import Theme

pytestmark = pytest.mark.django_db


def _person_form(user, **changes):
    data = {
        "full_name": user.full_name,
        "language": user.language,
        "role": user.role,
        "country": user.country_id or "",
        "organization": user.organization_id or "",
        "is_active": "on" if user.is_active else "",
    }
    data.update(changes)
    return data


def test_a_role_changed_in_the_admin_is_recorded_as_a_role_change(personas, contributor_x):
    response = personas["secretariat"].post(
        f"/admin/accounts/user/{contributor_x.pk}/change/",
        _person_form(contributor_x, role="reviewer"),
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.set_role", target_id=str(contributor_x.pk))
    assert entry.actor.email == "secretariat@example.org"
    assert entry.changes["role"] == ["contributor", "reviewer"]
    assert entry.changes["organization"] == [contributor_x.organization_id, None]
    assert not AuditEntry.objects.filter(action__endswith="(admin)").exists()


def test_a_name_and_language_changed_in_the_admin_go_through_the_account_service(
    personas, reviewer
):
    response = personas["secretariat"].post(
        f"/admin/accounts/user/{reviewer.pk}/change/",
        _person_form(reviewer, full_name="Ana  Reviewer\x07", language="es"),
    )
    assert response.status_code == 302
    reviewer.refresh_from_db()
    assert (reviewer.full_name, reviewer.language) == ("Ana Reviewer", "es")
    entry = AuditEntry.objects.get(action="user.update")
    assert entry.changes == {"full_name": ["Reviewer", "Ana Reviewer"], "language": ["en", "es"]}


def test_a_person_added_in_the_admin_is_created_by_the_service(personas):
    response = personas["secretariat"].post(
        "/admin/accounts/user/add/",
        {
            "email": "New.Reviewer@Example.org",
            "full_name": "New Reviewer",
            "language": "fr",
            "password1": "a-long-enough-passphrase-77",
            "password2": "a-long-enough-passphrase-77",
            "role": "reviewer",
            "country": "",
            "organization": "",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.reviewer@example.org")
    assert user.role == "reviewer" and user.language == "fr"
    assert AuditEntry.objects.get(action="user.create", target_id=str(user.pk)).actor.email == (
        "secretariat@example.org"
    )


def test_an_organization_added_in_the_admin_meets_the_lookalike_rule(personas, organization_x):
    names = set(Organization.objects.values_list("name", flat=True))
    response = personas["secretariat"].post(
        "/admin/accounts/organization/add/",
        {
            "name": "Organization\u200b X",
            "type": "ngo",
            "website": "",
            "verified": "on",
            "countries": ["KEN"],
        },
        follow=True,
    )
    assert "already registered" in response.content.decode()
    assert set(Organization.objects.values_list("name", flat=True)) == names
    assert not AuditEntry.objects.filter(action="organization.create", actor__isnull=False)


def test_a_theme_is_relabelled_in_the_admin_through_its_service(personas):
    theme = Theme.objects.get(code="food_insecurity")
    response = personas["secretariat"].post(
        f"/admin/practices/theme/{theme.pk}/change/",
        {"labels": '{"en": "Food insecurity", "fr": "Insécurité alimentaire"}'},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="theme.update")
    assert entry.changes["labels"][1] == {"en": "Food insecurity", "fr": "Insécurité alimentaire"}


def test_a_theme_the_service_refuses_is_not_stored_from_the_admin(personas):
    response = personas["secretariat"].post(
        "/admin/practices/theme/add/",
        {"code": "water", "labels": '{"fr": "Eau"}'},
        follow=True,
    )
    assert "English label" in response.content.decode()
    assert not Theme.objects.filter(code="water").exists()


def test_states_and_records_without_a_service_cannot_be_changed_or_deleted_in_the_admin(
    personas, organization_x, contributor_x
):
    client = personas["secretariat"]
    kenya = Country.objects.get(iso3="KEN")
    assert client.post(f"/admin/countries/country/{kenya.pk}/change/", {}).status_code == 403
    assert client.post("/admin/countries/country/add/", {}).status_code == 403
    for path in (
        f"/admin/accounts/organization/{organization_x.pk}/delete/",
        f"/admin/accounts/user/{contributor_x.pk}/delete/",
    ):
        assert client.post(path, {"post": "yes"}).status_code == 403
    assert Organization.objects.filter(pk=organization_x.pk).exists()
    assert User.objects.filter(pk=contributor_x.pk).exists()

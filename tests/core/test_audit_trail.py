"""The secretariat reads who changed what, when, with before and after."""

import pytest

from solidarity.core import audit
from solidarity.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_diff_keeps_only_changed_fields():
    assert audit.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == {"b": [2, 3]}
    assert audit.diff({}, {"name": "X"}) == {"name": [None, "X"]}


def test_creating_an_organization_writes_an_entry_the_secretariat_can_read(
    personas, organization_x
):
    entry = AuditEntry.objects.get(action="organization.create", target_id=str(organization_x.pk))
    assert entry.actor_label == "system"
    assert entry.changes["name"] == [None, "Organization X"]
    assert entry.changes["countries"] == [None, ["KEN"]]
    page = personas["secretariat"].get("/audit/?action=organization.create").content.decode()
    assert "Created an organization" in page and "Organization X" in page


def test_passwords_never_enter_the_trail(secretariat):
    assert all("password" not in e.changes for e in AuditEntry.objects.all())


def test_a_change_through_the_admin_is_audited_by_its_service(personas, organization_x):
    client = personas["secretariat"]
    response = client.post(
        f"/admin/accounts/organization/{organization_x.pk}/change/",
        {
            "name": "Organization X renamed",
            "slug": organization_x.slug,
            "type": "ngo",
            "website": "",
            "verified": "on",
            "countries": ["KEN"],
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="organization.update")
    assert entry.changes["name"] == ["Organization X", "Organization X renamed"]
    assert entry.actor.email == "secretariat@example.org"


def test_changing_an_organizations_countries_in_the_admin_is_audited(personas, organization_x):
    response = personas["secretariat"].post(
        f"/admin/accounts/organization/{organization_x.pk}/change/",
        {
            "name": "Organization X",
            "slug": organization_x.slug,
            "type": "ngo",
            "website": "",
            "verified": "on",
            "countries": ["KEN", "UGA"],
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="organization.update")
    assert entry.changes == {"countries": [["KEN"], ["KEN", "UGA"]]}


def test_a_role_given_in_the_admin_follows_the_binding_rules(personas, contributor_x):
    client = personas["secretariat"]
    url = f"/admin/accounts/user/{contributor_x.pk}/change/"
    data = {
        "email": contributor_x.email,
        "full_name": contributor_x.full_name,
        "role": "focal_point",
        "country": "",
        "organization": str(contributor_x.organization_id),
        "language": "en",
        "is_active": "on",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "must be bound to a country" in refused.content.decode()
    client.post(url, {**data, "country": "CUB"})
    contributor_x.refresh_from_db()
    assert (contributor_x.role, contributor_x.country_id, contributor_x.organization_id) == (
        "focal_point",
        "CUB",
        None,
    )


def test_a_password_changed_in_the_admin_is_audited(personas, reviewer):
    new = "another-long-passphrase-99"
    response = personas["secretariat"].post(
        f"/admin/accounts/user/{reviewer.pk}/password/",
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(
        action="user.change_password (admin)", target_id=str(reviewer.pk)
    ).exists()

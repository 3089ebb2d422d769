"""Properties the platform gets from its frame, held by a test each (ASVS 3.2.1, 3.4.3,
5.1.5, 7.3.3, 14.5.3, and backups written owner-only)."""

import stat

import pytest
from django.core.management import call_command

from solidarity.core import audit
from solidarity.core.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client, next_=""):
    address = "/accounts/login/" + (f"?next={next_}" if next_ else "")
    return client.post(address, {"username": "reviewer@example.org", "password": PASSWORD})


def test_signing_in_gives_a_new_session_key(client, reviewer):
    client.get("/accounts/login/")
    session = client.session
    session["seen"] = True  # a session held before signing in, as a fixed one would be
    session.save()
    before = client.cookies["sessionid"].value
    _sign_in(client)
    after = client.cookies["sessionid"].value
    assert after != before
    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.parametrize(
    "next_", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:evil.example"]
)
def test_signing_in_never_leads_to_another_site(client, reviewer, next_):
    response = _sign_in(client, next_)
    assert response.status_code == 302
    assert response["Location"] == "/desk/"


def test_the_session_and_csrf_cookies_are_same_site_lax(client, reviewer):
    client.get("/accounts/login/")
    assert client.cookies["csrftoken"]["samesite"] == "Lax"
    _sign_in(client)
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_no_other_site_is_allowed_to_read_the_api_or_pages(client, personas, organization_x):
    for who in (client, personas["secretariat"]):
        for path in ("/api/v1/organizations", "/accounts/me/", "/"):
            response = who.get(path, HTTP_ORIGIN="https://evil.example")
            assert not [h for h in response.headers if h.lower().startswith("access-control-")]


def test_the_audit_trail_cannot_be_changed_or_deleted_in_the_admin(personas, reviewer):
    audit.record(actor=None, action="user.create", target=reviewer)
    entry = AuditEntry.objects.latest("pk")
    before = list(AuditEntry.objects.values())
    admin = personas["secretariat"]
    base = f"/admin/core/auditentry/{entry.pk}"
    changed = admin.post(f"{base}/change/", {"action": "nothing.happened"})
    deleted = admin.post(f"{base}/delete/", {"post": "yes"})
    bulk = admin.post(
        "/admin/core/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert bulk.status_code in (200, 302, 403)
    assert list(AuditEntry.objects.values()) == before


def test_a_backup_is_written_readable_by_its_owner_only(tmp_path, reviewer):
    target = tmp_path / "backup.json.gz"
    call_command("backup", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_choosing_a_language_never_leads_to_another_site(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]

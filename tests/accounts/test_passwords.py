"""People change their password, and are told whenever it changes, however it was done."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from solidarity.core.models import AuditEntry
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

NEW = "a-brand-new-passphrase-77"
SHORT = "kq7-vxw-3zp"  # 11 characters


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Notices leave once the change is committed: run those hooks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _notices_to(address):
    return [m for m in mail.outbox if m.to == [address] and "password" in m.subject]


def test_a_signed_in_person_changes_their_password_from_the_account_page(contributor_x, on_commit):
    client = client_for(contributor_x)
    assert 'href="/accounts/password/change/"' in client.get("/accounts/me/").content.decode()
    with on_commit():
        response = client.post(
            "/accounts/password/change/",
            {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/me/"
    contributor_x.refresh_from_db()
    assert contributor_x.check_password(NEW)
    assert client.get("/accounts/me/").status_code == 200  # this session stays signed in
    entry = AuditEntry.objects.get(action="user.change_password")
    assert (entry.actor_id, entry.target_id) == (contributor_x.pk, str(contributor_x.pk))
    [notice] = _notices_to("contributor.x@example.org")
    assert notice.subject == "The password of your Solidarity account was changed"
    assert "changed by someone signed in to it" in notice.body
    assert "/accounts/password/reset/" in notice.body
    assert NEW not in notice.body


def test_the_password_is_not_changed_without_the_current_one_or_to_a_short_one(
    contributor_x, on_commit
):
    client = client_for(contributor_x)
    with on_commit():
        wrong = client.post(
            "/accounts/password/change/",
            {"old_password": "not-the-password", "new_password1": NEW, "new_password2": NEW},
        )
        short = client.post(
            "/accounts/password/change/",
            {
                "old_password": PASSWORD,
                "new_password1": "kq7-vxw-3zp",
                "new_password2": "kq7-vxw-3zp",
            },
        )
    assert wrong.status_code == short.status_code == 200
    assert "at least 12 characters" in short.content.decode()
    contributor_x.refresh_from_db()
    assert contributor_x.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="user.change_password").exists()
    assert mail.outbox == []


def test_a_visitor_is_asked_to_sign_in_before_changing_a_password(client):
    response = client.get("/accounts/password/change/")
    assert response["Location"] == "/accounts/login/?next=/accounts/password/change/"


def test_the_owner_is_told_when_the_password_is_reset_and_other_sessions_end(
    client, contributor_x, on_commit
):
    elsewhere = client_for(contributor_x)  # signed in on another computer before the reset
    assert elsewhere.get("/accounts/me/").status_code == 200
    with on_commit():
        client.post("/accounts/password/reset/", {"email": "contributor.x@example.org"})
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mail.outbox[-1].body).group(0)
    form = client.get(urlsplit(link).path, follow=True)
    with on_commit():
        client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    contributor_x.refresh_from_db()
    assert contributor_x.check_password(NEW)
    [notice] = _notices_to("contributor.x@example.org")
    assert "reset link" in notice.body
    assert AuditEntry.objects.filter(
        action="user.reset_password", actor=contributor_x, target_id=str(contributor_x.pk)
    ).exists()
    assert elsewhere.get("/accounts/me/")["Location"] == "/accounts/login/?next=/accounts/me/"


def test_the_owner_is_told_when_the_secretariat_changes_the_password_in_the_admin(
    personas, reviewer, on_commit
):
    with on_commit():
        response = personas["secretariat"].post(
            f"/admin/accounts/user/{reviewer.pk}/password/",
            {"password1": NEW, "password2": NEW, "usable_password": "true"},
        )
    assert response.status_code == 302
    [notice] = _notices_to("reviewer@example.org")
    assert "The mandate secretariat has just changed" in notice.body
    assert _notices_to("secretariat@example.org") == []


def test_the_notice_is_written_in_the_owners_language(contributor_x, on_commit):
    contributor_x.language = "fr"
    contributor_x.save(update_fields=["language"])
    with on_commit():
        client_for(contributor_x).post(
            "/accounts/password/change/",
            {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        )
    [notice] = [m for m in mail.outbox if m.to == ["contributor.x@example.org"]]
    assert notice.subject == "Le mot de passe de votre compte Solidarity a été modifié"

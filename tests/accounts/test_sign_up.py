"""A contributor creates an account, confirms the e-mail address, and signs in."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail

from solidarity.accounts.models import Organization, User
from solidarity.core.models import AuditEntry
from solidarity.core.roles import Role

pytestmark = pytest.mark.django_db

STRONG = "solidarity-across-borders-2024"


@pytest.fixture(autouse=True)
def _commit_hooks(django_capture_on_commit_callbacks):
    """The verification e-mail leaves once the account is committed: run those hooks."""
    global _on_commit
    _on_commit = django_capture_on_commit_callbacks


def _sign_up(client, **overrides):
    data = {
        "full_name": "Nomvula Dlamini",
        "email": "Nomvula@Example.org",
        "password": STRONG,
        "organization": "",
        "new_organization_name": "Ubuntu Solidarity Network",
        "new_organization_type": "ngo",
        "new_organization_country": "ZAF",
    }
    data.update(overrides)
    with _on_commit(execute=True):
        return client.post("/accounts/sign-up/", data)


def _link_in_last_mail():
    return re.search(r"https?://\S+/accounts/verify/\S+/", mail.outbox[-1].body).group(0)


def test_a_contributor_signs_up_confirms_the_address_and_signs_in(client):
    response = _sign_up(client)
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()

    user = User.objects.get(email="nomvula@example.org")
    assert not user.is_active and user.email_verified_at is None
    assert user.role == Role.CONTRIBUTOR
    assert user.organization.name == "Ubuntu Solidarity Network"
    assert user.organization.verified is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nomvula@example.org"]

    # Before confirming, the account cannot sign in.
    refused = client.post(
        "/accounts/login/", {"username": "nomvula@example.org", "password": STRONG}
    )
    assert refused.status_code == 200 and not refused.wsgi_request.user.is_authenticated

    link = _link_in_last_mail()
    confirmed = client.get(urlsplit(link).path, follow=True)
    assert "Your e-mail address is confirmed" in confirmed.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.email_verified_at is not None

    signed_in = client.post(
        "/accounts/login/", {"username": "nomvula@example.org", "password": STRONG}, follow=True
    )
    assert signed_in.wsgi_request.user == user
    assert "Ubuntu Solidarity Network" in signed_in.content.decode()
    assert list(
        AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk)).values_list(
            "action", flat=True
        )
    ) == ["user.verify_email", "user.sign_up"]


def test_a_contributor_can_join_an_existing_verified_organization(client, organization_x):
    _sign_up(client, organization=organization_x.pk, new_organization_name="")
    assert User.objects.get(email="nomvula@example.org").organization == organization_x
    assert Organization.objects.count() == 1


def test_signing_up_twice_with_the_same_address_keeps_one_account(client):
    _sign_up(client)
    again = _sign_up(client, email="nomvula@example.org")
    assert "Check your e-mail" in again.content.decode()
    assert User.objects.filter(email="nomvula@example.org").count() == 1
    # The second message is a new confirmation link: the account was never opened.
    assert len(mail.outbox) == 2
    assert "/accounts/verify/" in mail.outbox[1].body


def _page_for(response, email: str) -> str:
    """The page as the visitor sees it, but for the address typed and the form's token."""
    page = response.content.decode().replace(email, "EMAIL")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", page)


def _page_templates(response) -> list[str]:
    return [t.name for t in response.templates if "/email/" not in t.name]


def test_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(client, reviewer):
    new = _sign_up(client, email="someone.new@example.org")
    taken = _sign_up(client, email="Reviewer@Example.org", new_organization_name="Other Group")
    assert taken.status_code == new.status_code == 200
    assert _page_templates(taken) == _page_templates(new)
    assert _page_for(taken, "Reviewer@Example.org") == _page_for(new, "someone.new@example.org")
    # Nothing was made for the address that has an account.
    assert not Organization.objects.filter(name="Other Group").exists()
    assert User.objects.filter(email__iexact="reviewer@example.org").count() == 1


def test_sign_up_refuses_a_weak_password_the_same_way_for_an_address_with_an_account(
    client, reviewer
):
    new = _sign_up(client, email="someone.new@example.org", password="password")
    taken = _sign_up(client, email="reviewer@example.org", password="password")
    assert _page_for(taken, "reviewer@example.org") == _page_for(new, "someone.new@example.org")
    assert "too common" in taken.content.decode()
    assert mail.outbox == []


def test_the_owner_of_the_address_is_told_with_a_link_to_reset_the_password(client, reviewer):
    _sign_up(client, email="reviewer@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reviewer@example.org"]
    assert "tried to sign up" in message.subject
    assert "which already has one" in message.body
    assert f"{settings.SITE_URL}/accounts/password/reset/" in message.body
    assert AuditEntry.objects.filter(
        action="user.sign_up_again", target_id=str(reviewer.pk)
    ).exists()


def test_the_owner_is_told_at_most_three_times_an_hour(client, reviewer):
    for _ in range(5):
        _sign_up(client, email="reviewer@example.org")
    assert len(mail.outbox) == 3


def test_an_organization_must_be_chosen_or_named(client):
    response = _sign_up(client, new_organization_name="", new_organization_type="")
    assert "Choose your organization" in response.content.decode()
    assert not User.objects.exists()


def test_a_weak_password_is_refused_and_nothing_is_stored(client):
    response = _sign_up(client, password="password")
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()
    assert not Organization.objects.exists()
    assert mail.outbox == []


def test_a_password_shorter_than_twelve_characters_is_refused_and_the_page_says_so(client):
    page = client.get("/accounts/sign-up/").content.decode()
    assert "at least 12 characters" in page
    response = _sign_up(client, password="kq7-vxw-3zp")  # 11 characters, not a common one
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.exists()
    _sign_up(client, password="kq7-vxw-3zpm")
    assert User.objects.filter(email="nomvula@example.org").exists()


def test_an_account_made_by_the_secretariat_needs_a_password_of_twelve_characters(db):
    from django.core.exceptions import ValidationError

    from solidarity.accounts import services

    with pytest.raises(ValidationError, match="at least 12 characters"):
        services.user_create(
            actor=None,
            email="short@example.org",
            full_name="Short Password",
            role=Role.REVIEWER,
            password="kq7-vxw-3zp",
        )
    assert not User.objects.exists()


def test_a_forged_confirmation_link_is_refused(client):
    _sign_up(client)
    link = _link_in_last_mail()
    forged = link.rstrip("/").rsplit("/", 1)[0] + "/abc-123/"
    response = client.get(urlsplit(forged).path)
    assert response.status_code == 400
    assert not User.objects.get(email="nomvula@example.org").is_active


def test_naming_a_states_mission_does_not_make_anyone_its_member(client, db):
    from solidarity.accounts import services

    mission = services.organization_create(
        actor=None, name="Permanent Mission of Cuba", type="state", verified=True
    )
    response = _sign_up(client, new_organization_name="permanent mission of CUBA")
    assert "is in the list" in response.content.decode()
    assert not User.objects.exists()
    forced = _sign_up(client, organization=mission.pk, new_organization_name="")
    assert forced.status_code == 200 and not User.objects.exists()
    typed_state = _sign_up(client, new_organization_type="state")
    assert typed_state.status_code == 200 and not User.objects.exists()


def test_people_naming_the_same_new_organization_join_the_one_proposal(client):
    _sign_up(client)
    _sign_up(client, email="second@example.org", new_organization_name="UBUNTU  Solidarity network")
    assert Organization.objects.count() == 1
    assert User.objects.filter(organization__name="Ubuntu Solidarity Network").count() == 2


def test_a_confirmation_link_works_once_and_is_not_a_password_reset_link(client):
    _sign_up(client)
    link = urlsplit(_link_in_last_mail()).path
    client.get(link)
    user = User.objects.get(email="nomvula@example.org")
    assert user.is_active
    user.is_active = False  # the secretariat suspends the account
    user.save()
    assert client.get(link).status_code == 400
    user.refresh_from_db()
    assert not user.is_active
    uid, token = link.rstrip("/").split("/")[-2:]
    reset = client.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    assert "The link is invalid or has expired" in reset.content.decode()


def test_a_person_resets_a_forgotten_password_by_e_mail(client, contributor_x):
    with _on_commit(execute=True):
        client.post("/accounts/password/reset/", {"email": "contributor.x@example.org"})
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mail.outbox[-1].body).group(0)
    form = client.get(urlsplit(link).path, follow=True)
    new_password = "a-brand-new-passphrase-77"
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    contributor_x.refresh_from_db()
    assert contributor_x.check_password(new_password)


def _signed_up_and_verified(client):
    _sign_up(client)
    client.get(urlsplit(_link_in_last_mail()).path)
    return User.objects.get(email="nomvula@example.org")


def test_the_secretariat_confirms_that_a_new_contributor_acts_for_the_organization(
    client, personas
):
    from solidarity.accounts.permissions import acts_for_organization

    person = _signed_up_and_verified(client)
    assert not acts_for_organization(person)
    client.post("/accounts/login/", {"username": "nomvula@example.org", "password": STRONG})
    assert (
        "awaiting confirmation by the secretariat" in client.get("/accounts/me/").content.decode()
    )
    secretariat = personas["secretariat"]
    listing = secretariat.get("/accounts/pending/").content.decode()
    assert "nomvula@example.org" in listing and "new organization" in listing
    with _on_commit(execute=True):
        secretariat.post(f"/accounts/pending/{person.pk}/", {"decision": "confirm"})
    person.refresh_from_db()
    assert acts_for_organization(person)
    assert person.organization.verified
    assert "You can now send contributions" in mail.outbox[-1].body
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"user.confirm_organization", "organization.verify"} <= actions
    assert "nomvula@example.org" not in secretariat.get("/accounts/pending/").content.decode()


def test_refusing_a_membership_needs_a_reason_and_closes_the_account(client, personas):
    person = _signed_up_and_verified(client)
    secretariat = personas["secretariat"]
    no_reason = secretariat.post(
        f"/accounts/pending/{person.pk}/", {"decision": "refuse", "reason": " "}, follow=True
    )
    assert "Give the reason" in no_reason.content.decode()
    person.refresh_from_db()
    assert person.is_active
    with _on_commit(execute=True):
        secretariat.post(
            f"/accounts/pending/{person.pk}/",
            {"decision": "refuse", "reason": "No such organization could be found."},
        )
    person.refresh_from_db()
    assert not person.is_active
    assert "No such organization could be found." in mail.outbox[-1].body


def test_only_the_secretariat_decides_on_memberships(client, personas):
    person = _signed_up_and_verified(client)
    for role in ("public", "contributor", "focal_point", "reviewer"):
        response = personas[role].post(f"/accounts/pending/{person.pk}/", {"decision": "confirm"})
        assert response.status_code == 403, role
    path = f"/accounts/pending/{person.pk}/"
    response = personas["anonymous"].post(path, {"decision": "confirm"})
    assert response["Location"] == f"/accounts/login/?next={path}"
    person.refresh_from_db()
    assert person.organization_confirmed_at is None


def test_the_owner_is_told_in_their_language_whatever_language_the_attempt_was_made_in(
    client, reviewer
):
    reviewer.language = "fr"
    reviewer.save(update_fields=["language"])
    data = {
        "full_name": "Nomvula Dlamini",
        "email": "reviewer@example.org",
        "password": STRONG,
        "new_organization_name": "Ubuntu Solidarity Network",
        "new_organization_type": "ngo",
        "new_organization_country": "ZAF",
    }
    with _on_commit(execute=True):
        client.post("/ar/accounts/sign-up/", data)
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "fr"
    assert f"{settings.SITE_URL}/fr/accounts/password/reset/" in message.body

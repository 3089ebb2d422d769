"""All e-mail leaves through core.mail: in each recipient's language, once the
change is committed, through the job queue."""

import pytest
from django.core import mail as sent
from django.db import transaction
from huey import MemoryHuey

from solidarity.accounts import services as accounts
from solidarity.accounts.models import User
from solidarity.core import mail, tasks
from solidarity.core.roles import Role
from solidarity.practices import services as practices
from solidarity.practices.validation import clean_content
from tests.conftest import PASSWORD, practice_content

pytestmark = pytest.mark.django_db


def _reviewer(email, language):
    return accounts.user_create(
        actor=None,
        email=email,
        full_name=email.split("@")[0].title(),
        role=Role.REVIEWER,
        password=PASSWORD,
        language=language,
    )


def _fields():
    return clean_content(
        practice_content(),
        theme_codes=practices.theme_codes(),
        country_codes=practices.country_codes(),
    )


def test_a_french_and_an_arabic_reviewer_are_each_told_in_their_own_language(
    contributor_x, django_capture_on_commit_callbacks
):
    _reviewer("claire@example.org", "fr")
    _reviewer("amal@example.org", "ar")
    with django_capture_on_commit_callbacks(execute=True):
        practice, _ = practices.practice_create(actor=contributor_x, fields=_fields())
        practices.practice_submit(actor=contributor_x, practice=practice)

    by_address = {message.to[0]: message for message in sent.outbox}
    # One message each: nobody sees who else was told.
    assert sorted(by_address) == ["amal@example.org", "claire@example.org"]
    assert all(len(message.to) == 1 for message in sent.outbox)
    french, arabic = by_address["claire@example.org"], by_address["amal@example.org"]
    assert french.subject == f"Bonne pratique à examiner : « {practice.title} »"
    assert arabic.subject == f"ممارسة جيدة للمراجعة: “{practice.title}”"
    assert french.extra_headers["Content-Language"] == "fr"
    assert arabic.extra_headers["Content-Language"] == "ar"


def test_a_contributor_who_signed_up_in_arabic_is_answered_in_arabic(
    client, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/ar/accounts/sign-up/",
            {
                "full_name": "Amal Haddad",
                "email": "amal@example.org",
                "password": PASSWORD,
                "organization": "",
                "new_organization_name": "Shabaka",
                "new_organization_type": "ngo",
                "new_organization_country": "JOR",
            },
        )
    user = User.objects.get(email="amal@example.org")
    assert user.language == "ar"
    assert sent.outbox[-1].subject == "تأكيد عنوان بريدك الإلكتروني لدى Solidarity"

    # Later mail follows the person, not the language the secretariat works in.
    user.is_active = True
    user.email_verified_at = user.date_joined
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        accounts.contributor_confirm(actor=secretariat, user=user)
    assert sent.outbox[-1].subject == "حسابك في Solidarity"


def test_an_address_without_an_account_is_written_to_in_the_platforms_language(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            to="someone@example.org",
            template="accounts/email/membership",
            context={"confirmed": True, "user": None, "reason": ""},
        )
    assert sent.outbox[-1].subject == "Your Solidarity account"


def test_a_name_with_an_apostrophe_reaches_the_mail_as_typed(
    secretariat, django_capture_on_commit_callbacks
):
    user = accounts.contributor_sign_up(
        email="sean@example.org",
        full_name="Seán O'Brien & Partners",
        password=PASSWORD,
        new_organization_name="Cairde",
        new_organization_type="ngo",
    )
    user.is_active = True
    user.email_verified_at = user.date_joined
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        accounts.contributor_confirm(actor=secretariat, user=user)
    assert "Hello Seán O'Brien & Partners," in sent.outbox[-1].body


def test_a_change_rolled_back_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                accounts.contributor_sign_up(
                    email="gone@example.org",
                    full_name="Gone",
                    password=PASSWORD,
                    new_organization_name="Gone network",
                    new_organization_type="ngo",
                )
                raise RuntimeError("the request fails after the sign-up")
        except RuntimeError:
            pass
    assert sent.outbox == []


def test_mail_waits_in_the_queue_until_the_consumer_delivers_it(
    monkeypatch, django_capture_on_commit_callbacks
):
    queue = MemoryHuey("mail-test", immediate=False)
    monkeypatch.setattr(tasks, "deliver_mail", queue.task()(tasks.deliver_mail.func))
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            to="someone@example.org",
            template="accounts/email/membership",
            context={"confirmed": False, "user": None, "reason": "Unknown organization."},
        )
    assert sent.outbox == [] and queue.pending_count() == 1

    queue.execute(queue.dequeue())
    assert [m.to for m in sent.outbox] == [["someone@example.org"]]
    assert "Unknown organization." in sent.outbox[0].body


def test_a_password_reset_link_is_sent_in_the_language_of_the_account(
    client, django_capture_on_commit_callbacks
):
    _reviewer("claire@example.org", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "claire@example.org"})
    message = sent.outbox[-1]
    assert message.to == ["claire@example.org"]
    assert message.subject.startswith("Réinitialisation du mot de passe")
    assert "/accounts/password/reset/" in message.body


def test_the_person_signed_in_can_be_told_as_a_request_hands_them_over(
    django_capture_on_commit_callbacks,
):
    from django.utils.functional import SimpleLazyObject

    person = _reviewer("lea@example.org", "fr")
    as_a_request_has_it = SimpleLazyObject(lambda: person)  # request.user is lazy
    with django_capture_on_commit_callbacks(execute=True):
        told = mail.send(
            to=as_a_request_has_it,
            template="accounts/email/membership",
            context={"confirmed": True, "user": person, "reason": ""},
        )
    assert told == 1
    assert sent.outbox[-1].to == ["lea@example.org"]
    assert sent.outbox[-1].extra_headers["Content-Language"] == "fr"

"""The one way e-mail leaves the platform.

``send(to=..., template=..., context=...)`` writes to each recipient in their
own language (``User.language``; an address without an account gets the
platform's default), one message per recipient so that nobody sees who else
was told. Each message is rendered at once, from the records as the change
left them, and queued for delivery (``core.tasks.deliver_mail``) only when the
current transaction commits: a change rolled back sends nothing, and no
request waits for the mail server.

A message is two templates: ``TEMPLATE_subject.txt`` (one line) and
``TEMPLATE.txt`` (the body). They are plain text, rendered without HTML
escaping, with the caller's context plus ``recipient`` (the User, or None)
and ``site_url``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

Recipient = Any  # a User, or an e-mail address (str)


def send(
    *,
    to: Recipient | Iterable[Recipient],
    template: str,
    context: Mapping[str, Any] | None = None,
) -> int:
    """Queue one message per recipient, in the recipient's language; return how many."""
    messages = [
        _render(address, language, user, template, dict(context or {}))
        for address, language, user in _recipients(to)
    ]
    if messages:
        # robust: the change is committed whatever the queue answers; a failure is logged.
        transaction.on_commit(lambda: _queue(messages), robust=True)
    return len(messages)


def language_of(user) -> str:
    """The language the platform writes to this person in."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "language", "")
    return language if language in codes else settings.LANGUAGE_CODE


def active_language() -> str:
    """The language of the current request (or command), as one of the platform's."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = translation.get_language() or ""
    return language if language in codes else settings.LANGUAGE_CODE


def _recipients(to) -> list[tuple[str, str, Any]]:
    # One person (a User, or request.user, whose lazy wrapper is iterable too) or one address.
    if isinstance(to, str) or hasattr(to, "email") or not isinstance(to, Iterable):
        to = [to]
    people, addresses = [], []
    for item in to:
        if isinstance(item, str):
            if item.strip():
                addresses.append(item.strip())
        elif item is not None and getattr(item, "email", ""):
            people.append(item)
    if addresses:
        known = get_user_model().objects.filter(email__in=[a.lower() for a in addresses])
        by_address = {user.email.lower(): user for user in known}
        people += [by_address.get(a.lower()) or a for a in addresses]
    seen, result = set(), []
    for item in people:
        if isinstance(item, str):
            address, language, user = item, settings.LANGUAGE_CODE, None
        else:
            address, language, user = item.email, language_of(item), item
        if address.lower() not in seen:
            seen.add(address.lower())
            result.append((address, language, user))
    return result


def _render(address: str, language: str, user, template: str, context: dict) -> dict:
    context = {**context, "recipient": user, "site_url": settings.SITE_URL}
    with translation.override(language):
        subject = _plain(f"{template}_subject.txt", context)
        body = _plain(f"{template}.txt", context)
    # A subject is one header line, whatever the template or a title holds.
    subject = " ".join(subject.split())
    return {"to": address, "subject": subject, "body": body, "language": language}


def _plain(name: str, context: dict) -> str:
    """A text template rendered as text: a name like O'Brien stays as typed."""
    return get_template(name).template.render(Context(context, autoescape=False))


def _queue(messages: list[dict]) -> None:
    from solidarity.core.tasks import deliver_mail

    for message in messages:
        deliver_mail(**message)

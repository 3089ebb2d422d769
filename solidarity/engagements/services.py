"""Changes of state of engagements: one function per change, checked, audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from solidarity.core import audit
from solidarity.core.permissions import require
from solidarity.core.text import clean_text
from solidarity.engagements.models import Engagement, EngagementKind, ExpertRole
from solidarity.engagements.permissions import can_manage_engagements

FIELDS = (
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "place",
    "online",
    "organizer",
    "role",
    "outcome",
    "documents",
    "source",
    "example",
)
MAX_DOCUMENTS = 20


def _require(actor) -> None:
    """``actor=None`` is the operator at the command line, whose shell access is the authority."""
    if actor is not None:
        require(can_manage_engagements, actor)


def _documents(value) -> list[dict]:
    documents = []
    for item in value or []:
        title = clean_text(str(item.get("title", ""))).strip()
        url = clean_text(str(item.get("url", ""))).strip()
        if not url:
            continue
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(
                {"documents": _("“%(url)s” is not a web address.") % {"url": url}}
            ) from None
        documents.append({"title": title[:300] or url, "url": url[:500]})
    if len(documents) > MAX_DOCUMENTS:
        raise ValidationError({"documents": _("An engagement links at most 20 documents.")})
    return documents


def _checked(fields: dict) -> dict:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of an engagement.") for name in unknown})
    clean = {
        name: clean_text(value).strip() if isinstance(value, str) else value
        for name, value in fields.items()
    }
    if "documents" in clean:
        clean["documents"] = _documents(clean["documents"])
    if "kind" in clean and clean["kind"] not in EngagementKind.values:
        raise ValidationError({"kind": _("Choose a forum, a major event or a summit.")})
    if "role" in clean and clean["role"] not in ExpertRole.values:
        raise ValidationError({"role": _("Choose the Expert's role.")})
    return clean


def _validate(engagement: Engagement) -> None:
    if not isinstance(engagement.starts_on, dt.date):
        raise ValidationError({"starts_on": _("Give the first day.")})
    if engagement.ends_on and engagement.ends_on < engagement.starts_on:
        raise ValidationError({"ends_on": _("An engagement cannot end before it starts.")})
    if not engagement.place and not engagement.online:
        raise ValidationError({"place": _("Give the place, or say it is online.")})
    engagement.full_clean()


@transaction.atomic
def engagement_create(*, actor, **fields) -> Engagement:
    """Record one of the Expert's engagements."""
    _require(actor)
    engagement = Engagement(**_checked(fields))
    _validate(engagement)
    engagement.save()
    audit.record(
        actor=actor,
        action="engagement.create",
        target=engagement,
        after=audit.snapshot(engagement, FIELDS),
    )
    return engagement


@transaction.atomic
def engagement_update(*, actor, engagement: Engagement, **fields) -> Engagement:
    """Correct an engagement or add its outcome and documents after the event."""
    _require(actor)
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    before = audit.snapshot(engagement, FIELDS)
    for name, value in _checked(fields).items():
        setattr(engagement, name, value)
    _validate(engagement)
    engagement.save()
    audit.record(
        actor=actor,
        action="engagement.update",
        target=engagement,
        before=before,
        after=audit.snapshot(engagement, FIELDS),
    )
    return engagement

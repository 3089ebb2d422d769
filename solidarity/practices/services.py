"""Changes of state for good practices: one function per change, each in one transaction.

Each checks its policy, changes the records, the search index and the audit
trail together, and tells the people concerned by e-mail once the change is
committed.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.accounts.models import User
from solidarity.core import audit, mail, pagecache
from solidarity.core.permissions import require
from solidarity.core.roles import Role
from solidarity.core.text import clean_text, clean_tree
from solidarity.countries.models import Country
from solidarity.practices import indexing
from solidarity.practices.content import LIST_FIELDS, TEXT_FIELDS, content_of
from solidarity.practices.files import CheckedFile
from solidarity.practices.models import (
    Attachment,
    Practice,
    PracticeStatus,
    PracticeVersion,
    ReviewAction,
    ReviewEvent,
    Theme,
)
from solidarity.practices.permissions import (
    can_decide_on_practice,
    can_edit_practice,
    can_import_practices,
    can_manage_themes,
    can_retract_practice,
    can_see_workspace,
    can_submit_practices,
)
from solidarity.practices.validation import ContentError, clean_content, missing_for_review

EDITABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "challenge",
    "actions",
    "results",
    "enabling_factors",
    "sustainability",
    "resources",
    "started_on",
    "ended_on",
    "ongoing",
    "level",
    "actors",
    "countries",
    "themes",
    "modalities",
    "sdg_goals",
    "sdg_targets",
    "human_rights",
    "sources",
    "language",
    "contact_name",
    "contact_email",
)
THEME_LABEL_LIMIT = 200
_AUDITED = (*EDITABLE_FIELDS, "status", "published_version", "retracted_at", "retraction_reason")


def theme_codes() -> set[str]:
    return set(Theme.objects.values_list("code", flat=True))


def country_codes() -> set[str]:
    return set(Country.objects.values_list("iso3", flat=True))


def _event(practice: Practice, actor, action: str, message: str = "") -> None:
    ReviewEvent.objects.create(
        practice=practice,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor.get_username() if getattr(actor, "is_authenticated", False) else "system",
        action=action,
        message=clean_text(message),
    )


def _tell_submitter(practice: Practice, action: str, message: str = "", note: str = "") -> None:
    mail.send(
        to=practice.submitted_by,
        template="practices/email/decision",
        context={"practice": practice, "action": action, "message": message, "note": note},
    )


def _tell_reviewers(practice: Practice) -> None:
    reviewers = User.objects.filter(
        is_active=True, role__in=[Role.REVIEWER, Role.SECRETARIAT]
    ).exclude(pk=practice.submitted_by_id)
    mail.send(to=reviewers, template="practices/email/to_review", context={"practice": practice})


def _attach(practice: Practice, actor, files: list[CheckedFile]) -> None:
    for checked in files:
        digest = hashlib.sha256(checked.data).hexdigest()
        existing = Attachment.objects.filter(practice=practice, sha256=digest).first()
        if existing is not None:
            if existing.removed:
                existing.removed = False
                existing.save(update_fields=["removed"])
            continue
        Attachment.objects.create(
            practice=practice,
            name=clean_text(checked.name) or "document",
            media_type=checked.media_type,
            size=len(checked.data),
            sha256=digest,
            data=checked.data,
            uploaded_by=actor,
        )


def _set_checked(practice: Practice, fields: dict) -> None:
    """Set ``fields`` on ``practice`` as the rules allow them, or refuse them all.

    The service checks what it stores, whoever built the fields (the form, a
    script, the admin): the content rules of ``validation.clean_content``, run
    on the record as it would be stored, and the contact's. A ValidationError
    names each wrong field; nothing is stored.
    """
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError({name: _("A practice has no such field.") for name in unknown})
    for name, value in fields.items():
        setattr(practice, name, value)
    content = {
        name: getattr(practice, name)
        for name in (*TEXT_FIELDS, "description", "level", *LIST_FIELDS, "language")
    }
    content["period"] = {
        "start": practice.started_on,
        "end": practice.ended_on,
        "ongoing": practice.ongoing,
    }
    errors: dict[str, list[str]] = {}
    try:
        checked = clean_content(content, theme_codes=theme_codes(), country_codes=country_codes())
    except ContentError as error:
        checked, errors = {}, dict(error.errors)
    except (AttributeError, TypeError, ValueError):
        raise ValidationError(_("The practice is not in the expected shape.")) from None
    checked["contact_name"] = str(practice.contact_name or "").strip()
    checked["contact_email"] = str(practice.contact_email or "").strip()
    if len(checked["contact_name"]) > Practice._meta.get_field("contact_name").max_length:
        errors["contact_name"] = [_("The contact's name is too long.")]
    if checked["contact_email"]:
        try:
            validate_email(checked["contact_email"])
        except ValidationError:
            errors["contact_email"] = [_("Enter a valid e-mail address.")]
    if errors:
        raise ValidationError(errors)
    for name, value in checked.items():
        setattr(practice, name, value)


def _origin(actor) -> dict:
    """For whom a new practice is submitted: the actor's organization or State."""
    if actor.role == Role.FOCAL_POINT:
        return {"state_id": actor.country_id}
    if actor.role == Role.CONTRIBUTOR:
        return {"organization_id": actor.organization_id}
    return {}


@transaction.atomic
def practice_create(
    *,
    actor,
    fields: dict,
    files: list[CheckedFile] = (),
    submission_key: uuid.UUID | None = None,
) -> tuple[Practice, bool]:
    """A new draft. The same submission key twice (a double click) gives the first one back.

    Returns (practice, created).
    """
    require(can_submit_practices, actor)
    fields = clean_tree(fields)  # no control characters, whoever built the fields
    if submission_key is not None:
        existing = Practice.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.submitted_by_id != actor.pk:
                raise ValidationError(_("This form was already used by someone else."))
            return existing, False
    practice = Practice(
        submitted_by=actor, submission_key=submission_key or uuid.uuid4(), **_origin(actor)
    )
    _set_checked(practice, fields)
    try:
        with transaction.atomic():
            practice.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request stored it.
        existing = Practice.objects.filter(submission_key=practice.submission_key).first()
        if existing is None or existing.submitted_by_id != actor.pk:
            raise
        return existing, False
    _attach(practice, actor, list(files))
    audit.record(
        actor=actor,
        action="practice.create",
        target=practice,
        after=audit.snapshot(practice, _AUDITED),
    )
    return practice, True


@transaction.atomic
def practice_update(
    *, actor, practice: Practice, fields: dict, files: list[CheckedFile] = (), remove=()
) -> Practice:
    """Change the working copy; the public keeps seeing the last published version."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    require(can_edit_practice, actor, practice)
    fields = clean_tree(fields)
    before = audit.snapshot(practice, _AUDITED)
    _set_checked(practice, fields)
    if practice.status == PracticeStatus.PUBLISHED:
        practice.status = PracticeStatus.DRAFT  # a revision of a published practice
    practice.save()
    if remove:
        Attachment.objects.filter(practice=practice, pk__in=list(remove)).update(removed=True)
    _attach(practice, actor, list(files))
    audit.record(
        actor=actor,
        action="practice.update",
        target=practice,
        before=before,
        after=audit.snapshot(practice, _AUDITED),
    )
    return practice


def _working_fields(practice: Practice) -> dict:
    return {name: getattr(practice, name) for name in EDITABLE_FIELDS}


@transaction.atomic
def practice_submit(*, actor, practice: Practice) -> Practice:
    """Send a draft (or a changed practice) to the reviewers."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.status == PracticeStatus.SUBMITTED and practice.submitted_by_id == getattr(
        actor, "pk", None
    ):
        return practice  # sent twice by its submitter: once is enough
    require(can_edit_practice, actor, practice)
    attachments = list(practice.attachments.filter(removed=False))
    if practice.published and content_of(practice, attachments) == practice.published:
        # The working copy is the published version: there is nothing to review.
        raise ValidationError(
            _("This practice is published as it stands: change it before sending it for review.")
        )
    missing = missing_for_review(_working_fields(practice))
    if missing:
        labels = [str(Practice._meta.get_field(name).verbose_name) for name in missing]
        raise ValidationError(
            _("Before review, fill in: %(fields)s.") % {"fields": ", ".join(labels)}
        )
    before = audit.snapshot(practice, _AUDITED)
    practice.status = PracticeStatus.SUBMITTED
    practice.submitted_at = timezone.now()
    practice.save(update_fields=["status", "submitted_at", "updated_at"])
    _event(practice, actor, ReviewAction.SUBMITTED)
    audit.record(
        actor=actor,
        action="practice.submit",
        target=practice,
        before=before,
        after=audit.snapshot(practice, _AUDITED),
    )
    _tell_reviewers(practice)
    return practice


@transaction.atomic
def practice_comment(*, actor, practice: Practice, message: str) -> ReviewEvent:
    require(can_see_workspace, actor, practice)
    message = clean_text(message).strip()
    if not message:
        raise ValidationError(_("Write a comment first."))
    _event(practice, actor, ReviewAction.COMMENTED, message)
    audit.record(actor=actor, action="practice.comment", target=practice)
    if actor.pk != practice.submitted_by_id:
        _tell_submitter(practice, ReviewAction.COMMENTED, message)
    return practice.events.latest("id")


def _review_step(
    actor, practice: Practice, step: str, audited: str, before: dict, message="", note=""
):
    """What every reviewing step leaves: the thread, the audit trail, and an e-mail.

    ``message`` is private to the submitter and the reviewers; ``note`` is the
    public note of a published version, repeated in the e-mail so the
    submitter knows what readers see.
    """
    _event(practice, actor, step, message)
    audit.record(
        actor=actor,
        action=audited,
        target=practice,
        before=before,
        after=audit.snapshot(practice, _AUDITED),
    )
    _tell_submitter(practice, step, message, note)


def _decide(actor, practice: Practice, reason: str, *, needs_reason: bool = True) -> Practice:
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    require(can_decide_on_practice, actor, practice)
    if needs_reason and not clean_text(reason).strip():
        raise ValidationError(_("Say why, for the submitter."))
    return practice


@transaction.atomic
def practice_request_changes(*, actor, practice: Practice, message: str) -> Practice:
    practice = _decide(actor, practice, message)
    before = audit.snapshot(practice, _AUDITED)
    practice.status = PracticeStatus.CHANGES_REQUESTED
    practice.save(update_fields=["status", "updated_at"])
    _review_step(
        actor,
        practice,
        ReviewAction.CHANGES_REQUESTED,
        "practice.request_changes",
        before,
        message.strip(),
    )
    return practice


@transaction.atomic
def practice_reject(*, actor, practice: Practice, reason: str) -> Practice:
    """Refuse a submission. A published practice stays public at its last version."""
    practice = _decide(actor, practice, reason)
    before = audit.snapshot(practice, _AUDITED)
    practice.status = PracticeStatus.PUBLISHED if practice.is_public else PracticeStatus.REJECTED
    practice.save(update_fields=["status", "updated_at"])
    _review_step(actor, practice, ReviewAction.REJECTED, "practice.reject", before, reason.strip())
    return practice


def _public_pages_changed(*contents: dict | None) -> None:
    """The catalogue, every practice's page (each lists related ones) and the pages of the
    States a practice names, in the published contents before and after the change."""
    countries = {
        row["country"] for content in contents for row in (content or {}).get("countries", [])
    }
    pagecache.changed(pagecache.PRACTICES, *(pagecache.state(iso3) for iso3 in countries))


def _publish(practice: Practice, actor, note: str) -> PracticeVersion:
    """Freeze the working copy as the next version; ``note`` is public, shown with it."""
    attachments = list(practice.attachments.filter(removed=False))
    content = content_of(practice, attachments)
    now = timezone.now()
    number = (practice.published_version or 0) + 1
    _public_pages_changed(practice.published, content)
    version = PracticeVersion.objects.create(
        practice=practice,
        number=number,
        data=content,
        published_at=now,
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
        note=clean_text(note),
    )
    practice.status = PracticeStatus.PUBLISHED
    practice.published = content
    practice.published_version = number
    practice.first_published_at = practice.first_published_at or now
    practice.save(
        update_fields=[
            "status",
            "published",
            "published_version",
            "first_published_at",
            "updated_at",
        ]
    )
    indexing.index(practice)
    return version


@transaction.atomic
def practice_publish(
    *, actor, practice: Practice, message: str = "", note: str = ""
) -> PracticeVersion:
    """Publish the working copy as the next version; never by the one who submitted it.

    Two texts, never mixed: ``message`` is the reviewer's private word to the
    submitter (kept in the review thread, sent by e-mail, never public);
    ``note`` is the public note shown with the version, in its history, the
    API and the feeds.
    """
    practice = _decide(actor, practice, message, needs_reason=False)
    message, note = clean_text(message).strip(), clean_text(note).strip()
    before = audit.snapshot(practice, _AUDITED)
    version = _publish(practice, actor, note)
    _review_step(actor, practice, ReviewAction.PUBLISHED, "practice.publish", before, message, note)
    return version


@transaction.atomic
def practice_retract(*, actor, practice: Practice, reason: str) -> Practice:
    """Take a practice out of the catalogue, saying why; its page and history stay."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.retracted_at is not None:
        return practice
    require(can_retract_practice, actor, practice)
    reason = clean_text(reason)
    if not reason.strip():
        raise ValidationError(_("Say why, for the readers and the submitter."))
    before = audit.snapshot(practice, _AUDITED)
    practice.status = PracticeStatus.RETRACTED
    practice.retracted_at = timezone.now()
    practice.retraction_reason = reason.strip()
    practice.save(update_fields=["status", "retracted_at", "retraction_reason", "updated_at"])
    indexing.index(practice)
    _public_pages_changed(practice.published)
    _review_step(
        actor, practice, ReviewAction.RETRACTED, "practice.retract", before, reason.strip()
    )
    return practice


@transaction.atomic
def theme_create(*, actor, code: str, labels: dict[str, str]) -> Theme:
    require(can_manage_themes, actor)
    labels = clean_tree(labels)
    labels = _checked_labels(labels)
    code = str(code or "").strip()
    try:
        validate_slug(code)
    except ValidationError:
        raise ValidationError(
            {"code": _("A code is made of letters, digits, hyphens and underscores.")}
        ) from None
    if len(code) > Theme._meta.get_field("code").max_length:
        raise ValidationError({"code": _("The code is too long.")})
    if Theme.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A theme with this code already exists.")})
    theme = Theme.objects.create(code=code, labels=labels)
    pagecache.changed(pagecache.PRACTICES)  # the catalogue's facets
    audit.record(
        actor=actor, action="theme.create", target=theme, after={"code": code, "labels": labels}
    )
    return theme


@transaction.atomic
def theme_update(*, actor, theme: Theme, labels: dict[str, str]) -> Theme:
    """Label a theme anew; its code stays, since practices refer to it."""
    require(can_manage_themes, actor)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    labels = _checked_labels(labels)
    before = {"labels": theme.labels}
    theme.labels = labels
    theme.save(update_fields=["labels"])
    pagecache.changed(pagecache.PRACTICES)  # its label in the catalogue and on practices
    audit.record(
        actor=actor, action="theme.update", target=theme, before=before, after={"labels": labels}
    )
    return theme


def _checked_labels(labels) -> dict[str, str]:
    """A theme's labels: one line of text per language of the platform, English at least."""
    if not isinstance(labels, dict):
        raise ValidationError({"labels": _("Give the labels by language code.")})
    languages = {code for code, _name in settings.LANGUAGES}
    checked, errors = {}, []
    for language, label in clean_tree(labels).items():
        label = " ".join(str(label or "").split())
        if language not in languages:
            errors.append(_("%(code)s is not a language of the platform.") % {"code": language})
        elif len(label) > THEME_LABEL_LIMIT:
            errors.append(
                _("At most %(limit)d characters (it has %(count)d).")
                % {"limit": THEME_LABEL_LIMIT, "count": len(label)}
            )
        elif label:
            checked[language] = label
    if not checked.get("en"):
        errors.append(_("A theme needs at least its English label."))
    if errors:
        raise ValidationError({"labels": errors})
    return checked


@transaction.atomic
def practices_import(*, actor, records: list[dict], source: str = "") -> list[Practice]:
    """Publish already reviewed practices in bulk, all or none (the secretariat's entry).

    Each record is in the published JSON shape; a wrong one stops the import
    with its position and fields named, and nothing is stored.
    """
    require(can_import_practices, actor)
    themes, countries = theme_codes(), country_codes()
    practices = []
    for position, record in enumerate(records, start=1):
        try:
            fields = clean_content(record, theme_codes=themes, country_codes=countries)
        except Exception as error:
            raise ValidationError(
                _("Record %(n)d (%(title)s): %(error)s")
                % {"n": position, "title": str(record.get("title", ""))[:60], "error": error}
            ) from error
        missing = missing_for_review(fields)
        if missing:
            raise ValidationError(
                _("Record %(n)d (%(title)s): missing %(fields)s.")
                % {"n": position, "title": fields["title"][:60], "fields": ", ".join(missing)}
            )
        practice = Practice.objects.create(submitted_by=actor, **fields)
        _publish(practice, actor, note=source)
        audit.record(
            actor=actor,
            action="practice.import",
            target=practice,
            after=audit.snapshot(practice, _AUDITED),
        )
        practices.append(practice)
    return practices

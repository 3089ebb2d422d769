"""Changes of state for the draft declaration: one function per change, each in one
transaction, its policy checked and an audit entry written."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.core import audit
from solidarity.core.permissions import require
from solidarity.core.roles import Role
from solidarity.core.text import clean_text
from solidarity.declaration.models import (
    DeclarationComment,
    DeclarationElement,
    DeclarationVersion,
    StakeholderType,
)
from solidarity.declaration.permissions import (
    can_comment_on_version,
    can_manage_declaration,
    can_moderate_declaration_comments,
)
from solidarity.declaration.text import DeclarationFormatError, read_declaration

LABEL_LIMIT = 200
COMMENT_LIMIT = 10_000
SOURCE_LIMIT = 1_000_000
_VERSION_AUDITED = ("number", "label", "title", "published_at", "comments_open")
_COMMENT_AUDITED = ("version", "eid", "stakeholder_type", "body", "proposed_wording")


@transaction.atomic
def version_import(
    *, actor, source: str, label: str, source_name: str = "", publish: bool = False
) -> DeclarationVersion:
    """A new version of the declaration read from ``source`` (the plain-text layout of
    ``declaration.text``), numbered after the last one. Refused whole, naming the line,
    when the text cannot be read; nothing is stored then."""
    if actor is not None:  # None: the operator at the command line
        require(can_manage_declaration, actor)
    source, label = clean_text(source), " ".join(clean_text(label).split())
    if not label:
        raise ValidationError({"label": _("Give the version a label, e.g. “Revised draft, 2017”.")})
    if len(label) > LABEL_LIMIT:
        raise ValidationError({"label": _("A label has at most 200 characters.")})
    if len(source) > SOURCE_LIMIT:
        raise ValidationError({"source": _("The text is longer than a declaration can be.")})
    try:
        declaration = read_declaration(source)
    except DeclarationFormatError as error:
        raise ValidationError(
            {
                "source": _("Line %(line)s: %(message)s")
                % {"line": error.line, "message": error.message}
            }
        ) from None
    last = DeclarationVersion.objects.aggregate(last=Max("number"))["last"] or 0
    version = DeclarationVersion.objects.create(
        number=last + 1,
        label=label,
        title=declaration.title[:500],
        source_name=clean_text(source_name)[:255],
        source_text=source,
        imported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    DeclarationElement.objects.bulk_create(
        DeclarationElement(
            version=version,
            eid=element.eid,
            kind=element.kind,
            number=element.number,
            heading=element.heading[:500],
            text=element.text,
            position=position,
        )
        for position, element in enumerate(declaration.elements)
    )
    audit.record(
        actor=actor,
        action="declaration.import",
        target=version,
        after={**audit.snapshot(version, _VERSION_AUDITED), "elements": len(declaration.elements)},
    )
    if publish:
        version_publish(actor=actor, version=version)
    return version


@transaction.atomic
def version_publish(*, actor, version: DeclarationVersion) -> bool:
    """Make ``version`` public and open its consultation; the consultation on every other
    version closes. Comments made on earlier versions are shown on this one wherever the
    element they comment on is still there. Publishing twice changes nothing (False)."""
    if actor is not None:  # None: the operator at the command line
        require(can_manage_declaration, actor)
    locked = DeclarationVersion.objects.select_for_update().get(pk=version.pk)
    if locked.published_at is not None:
        return False
    before = audit.snapshot(locked, _VERSION_AUDITED)
    for other in DeclarationVersion.objects.filter(comments_open=True).exclude(pk=locked.pk):
        version_set_comments_open(actor=actor, version=other, open=False)
    locked.published_at = timezone.now()
    locked.published_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.comments_open = True
    locked.save(update_fields=["published_at", "published_by", "comments_open"])
    audit.record(
        actor=actor,
        action="declaration.publish",
        target=locked,
        before=before,
        after=audit.snapshot(locked, _VERSION_AUDITED),
    )
    version.refresh_from_db()
    return True


@transaction.atomic
def version_set_comments_open(*, actor, version: DeclarationVersion, open: bool) -> bool:
    """Open or close the consultation on a published version; False when nothing changed."""
    if actor is not None:  # None: the operator at the command line
        require(can_manage_declaration, actor)
    if open and version.published_at is None:
        raise ValidationError(_("Publish the version before opening it for comments."))
    if version.comments_open == open:
        return False
    before = audit.snapshot(version, _VERSION_AUDITED)
    version.comments_open = open
    version.save(update_fields=["comments_open"])
    audit.record(
        actor=actor,
        action="declaration.comments_open" if open else "declaration.comments_close",
        target=version,
        before=before,
        after=audit.snapshot(version, _VERSION_AUDITED),
    )
    return True


def _speaker(actor) -> dict:
    """For whom ``actor`` speaks, as the term stored with the comment."""
    if actor.role == Role.FOCAL_POINT:
        return {"stakeholder_type": StakeholderType.STATE, "country_id": actor.country_id}
    if actor.role == Role.CONTRIBUTOR:
        kind = actor.organization.type
        if kind not in StakeholderType.values:
            kind = StakeholderType.OTHER
        return {"stakeholder_type": kind, "organization_id": actor.organization_id}
    return {"stakeholder_type": StakeholderType.INDIVIDUAL}


@transaction.atomic
def comment_create(
    *,
    actor,
    version: DeclarationVersion,
    eid: str,
    body: str,
    proposed_wording: str = "",
    submission_key: uuid.UUID | None = None,
) -> tuple[DeclarationComment, bool]:
    """A comment on one element of ``version`` (an article, a paragraph, a preambular
    paragraph), with wording proposed in its place if any. The same submission key twice
    (a double click) gives the first comment back. Returns (comment, created)."""
    require(can_comment_on_version, actor, version)
    body, proposed_wording = clean_text(body).strip(), clean_text(proposed_wording).strip()
    errors = {}
    if not version.elements.filter(eid=eid).exists():
        errors["eid"] = _("This version has no such article or paragraph.")
    if not body:
        errors["body"] = _("Write your comment.")
    elif len(body) > COMMENT_LIMIT:
        errors["body"] = _("A comment has at most 10,000 characters.")
    if len(proposed_wording) > COMMENT_LIMIT:
        errors["proposed_wording"] = _("Proposed wording has at most 10,000 characters.")
    if errors:
        raise ValidationError(errors)
    if submission_key is not None:
        existing = DeclarationComment.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.author_id != actor.pk:
                raise ValidationError(_("This form was already used by someone else."))
            return existing, False
    comment = DeclarationComment(
        version=version,
        eid=eid,
        author=actor,
        body=body,
        proposed_wording=proposed_wording,
        submission_key=submission_key or uuid.uuid4(),
        **_speaker(actor),
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request stored it.
        existing = DeclarationComment.objects.filter(submission_key=comment.submission_key).first()
        if existing is None or existing.author_id != actor.pk:
            raise
        return existing, False
    audit.record(
        actor=actor,
        action="declaration.comment",
        target=comment,
        after=audit.snapshot(comment, _COMMENT_AUDITED),
    )
    return comment, True


@transaction.atomic
def comment_hide(*, actor, comment: DeclarationComment, reason: str) -> bool:
    """Hide a comment from the public, with a reason; the comment stays in the record.
    False when it was hidden already."""
    require(can_moderate_declaration_comments, actor)
    reason = " ".join(clean_text(reason).split())
    if not reason:
        raise ValidationError({"reason": _("Say why the comment is hidden.")})
    if len(reason) > 1000:
        raise ValidationError({"reason": _("A reason has at most 1,000 characters.")})
    comment = DeclarationComment.objects.select_for_update().get(pk=comment.pk)
    if comment.hidden_at is not None:
        return False
    before = audit.snapshot(comment, ("hidden_at", "hidden_reason"))
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor if getattr(actor, "is_authenticated", False) else None
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    audit.record(
        actor=actor,
        action="declaration.comment_hide",
        target=comment,
        before=before,
        after=audit.snapshot(comment, ("hidden_at", "hidden_reason")),
    )
    return True

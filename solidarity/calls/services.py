"""Changes of state for calls for input and submissions: one function per change.

Each runs in one transaction, checks its policy, checks what it stores itself
(whoever built the fields: a page, the API, a command, the admin), writes the
audit trail, and sends its e-mail and queues its jobs only once committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from solidarity.accounts.models import User
from solidarity.calls import copies, extraction, indexing
from solidarity.calls.models import (
    GENEVA,
    Call,
    Consent,
    DeadlineExtension,
    PublicationPolicy,
    Question,
    QuestionKind,
    StakeholderType,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)
from solidarity.calls.permissions import (
    can_answer_call,
    can_edit_submission,
    can_manage_calls,
    can_publish_submission,
    can_review_submissions,
    party_of,
    speaks_for,
)
from solidarity.core import audit, mail, pagecache
from solidarity.core.permissions import require
from solidarity.core.roles import Role
from solidarity.core.text import clean_text, clean_tree
from solidarity.countries.models import Country
from solidarity.mandate.models import Deliverable
from solidarity.practices.files import CheckedFile
from solidarity.resolutions.models import OperativeParagraph, Resolution

# Documents a submission accepts: the checks of practices.files, without images.
SUBMISSION_TYPES = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}
MAX_FILES = 10
# Addresses under /calls/ that are pages, not calls.
RESERVED_SLUGS = {"new", "mine", "search", "feed"}
MAX_QUESTIONS = 30
MAX_ANSWER_CHARACTERS = 100_000
CALL_FIELDS = (
    "slug",
    "title",
    "purpose",
    "report",
    "deliverable",
    "invited",
    "languages",
    "opens_at",
    "closes_at",
    "publication_policy",
    "confidentiality_note",
    "example",
)
_AUDITED_CALL = (*CALL_FIELDS, "resolution", "original_closes_at", "closed_recorded_at")
_AUDITED_SUBMISSION = (
    "status",
    "language",
    "answers",
    "consent",
    "reference",
    "submitted_at",
    "read_at",
    "tags",
    "published_at",
)


class CallClosed(ValidationError):
    """The call does not take submissions now; what was stored stays as it was."""


def geneva(moment: dt.datetime) -> str:
    return date_format(moment.astimezone(GENEVA), "DATETIME_FORMAT") + " " + _("(Geneva time)")


# -- Calls ----------------------------------------------------------------------------


def _aware(value, name: str, errors: dict) -> dt.datetime | None:
    if not isinstance(value, dt.datetime) or timezone.is_naive(value):
        errors[name] = [_("Give a date and time with its time zone.")]
        return None
    return value.astimezone(dt.UTC)


def _checked_call_fields(fields: dict, *, creating: bool) -> dict:
    unknown = sorted(set(fields) - set(CALL_FIELDS))
    if unknown:
        raise ValidationError({name: _("A call has no such field.") for name in unknown})
    fields = clean_tree(dict(fields))
    errors: dict[str, list[str]] = {}
    checked: dict = {}
    for name in ("title", "purpose", "report", "confidentiality_note"):
        if name in fields:
            checked[name] = str(fields[name] or "").strip()
    for name in ("title", "purpose"):
        if (creating or name in fields) and not checked.get(name):
            errors[name] = [_("This is needed.")]
    if len(checked.get("title", "")) > 300 or len(checked.get("report", "")) > 300:
        errors["title"] = [_("At most 300 characters.")]
    if "slug" in fields:
        slug = str(fields["slug"] or "").strip()
        try:
            validate_slug(slug)
        except ValidationError:
            errors["slug"] = [_("Letters, digits, hyphens and underscores only.")]
        if len(slug) > 80:
            errors["slug"] = [_("At most 80 characters.")]
        if slug.isdigit():
            errors["slug"] = [_("A short name cannot be a number alone.")]
        if slug in RESERVED_SLUGS:
            errors["slug"] = [_("This short name is the address of another page.")]
        checked["slug"] = slug
    elif creating:
        errors["slug"] = [_("This is needed.")]
    if "invited" in fields:
        invited = list(dict.fromkeys(fields["invited"] or []))
        if not invited or not set(invited) <= set(StakeholderType.values):
            errors["invited"] = [_("Choose who is invited among the stakeholder types.")]
        checked["invited"] = invited
    elif creating:
        errors["invited"] = [_("Choose who is invited.")]
    if "languages" in fields:
        codes = {code for code, _name in settings.LANGUAGES}
        languages = list(dict.fromkeys(fields["languages"] or []))
        if not languages or not set(languages) <= codes:
            errors["languages"] = [_("Choose the accepted languages among the platform's.")]
        checked["languages"] = languages
    elif creating:
        errors["languages"] = [_("Choose the accepted languages.")]
    for name in ("opens_at", "closes_at"):
        if name in fields:
            checked[name] = _aware(fields[name], name, errors)
        elif creating:
            errors[name] = [_("This is needed.")]
    if "publication_policy" in fields:
        if fields["publication_policy"] not in PublicationPolicy.values:
            errors["publication_policy"] = [_("Choose a publication policy.")]
        checked["publication_policy"] = fields["publication_policy"]
    if "example" in fields:
        checked["example"] = bool(fields["example"])
    if "deliverable" in fields:
        checked["deliverable"] = _deliverable(fields["deliverable"], errors)
    if errors:
        raise ValidationError(errors)
    return checked


def _deliverable(value, errors: dict) -> Deliverable | None:
    """The report a call feeds, given as the deliverable or its id; none is allowed."""
    if value in (None, ""):
        return None
    if isinstance(value, Deliverable):
        return value
    found = Deliverable.objects.filter(pk=value).first() if str(value).isdigit() else None
    if found is None:
        errors["deliverable"] = [_("No report deliverable has this number.")]
    return found


def _checked_questions(questions: Iterable[dict]) -> list[dict]:
    questions = [clean_tree(dict(q)) for q in questions]
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError({"questions": _("At most %(n)d questions.") % {"n": MAX_QUESTIONS}})
    checked = []
    for number, question in enumerate(questions, start=1):
        text = str(question.get("text") or "").strip()
        kind = question.get("kind") or QuestionKind.TEXT
        choices = [str(c).strip() for c in question.get("choices") or [] if str(c).strip()]
        limit = question.get("word_limit")
        where = _("Question %(n)d: ") % {"n": number}
        if not text:
            raise ValidationError({"questions": where + _("write the question.")})
        if kind not in QuestionKind.values:
            raise ValidationError({"questions": where + _("choose its kind.")})
        if kind == QuestionKind.TEXT:
            choices = []
        elif len(choices) < 2 or len(set(choices)) != len(choices):
            raise ValidationError({"questions": where + _("give at least two different choices.")})
        if limit in ("", None) or kind != QuestionKind.TEXT:
            limit = None
        else:
            try:
                limit = int(limit)
            except (TypeError, ValueError):
                limit = 0
            if not 1 <= limit <= 20_000:
                raise ValidationError(
                    {"questions": where + _("a word limit is a number from 1 to 20,000.")}
                )
        checked.append(
            {
                "number": number,
                "text": text,
                "kind": kind,
                "choices": choices,
                "word_limit": limit,
                "required": bool(question.get("required")),
            }
        )
    return checked


def _paragraphs(resolution: Resolution | None, numbers: Iterable[int]) -> list[OperativeParagraph]:
    numbers = sorted({int(n) for n in numbers})
    if not numbers:
        return []
    if resolution is None:
        raise ValidationError(
            {"paragraphs": _("Choose the resolution whose paragraphs it serves.")}
        )
    found = list(resolution.operative_paragraphs.filter(number__in=numbers))
    missing = sorted(set(numbers) - {p.number for p in found})
    if missing:
        raise ValidationError(
            {
                "paragraphs": _("%(symbol)s has no operative paragraph %(numbers)s.")
                % {"symbol": resolution.symbol, "numbers": ", ".join(map(str, missing))}
            }
        )
    return found


def _resolution(symbol) -> Resolution | None:
    if symbol in (None, ""):
        return None
    if isinstance(symbol, Resolution):
        return symbol
    resolution = Resolution.objects.filter(symbol=str(symbol).strip()).first()
    if resolution is None:
        raise ValidationError({"resolution": _("No resolution has this symbol.")})
    return resolution


@transaction.atomic
def call_create(
    *,
    actor,
    fields: dict,
    questions: Iterable[dict] = (),
    resolution=None,
    paragraphs: Iterable[int] = (),
) -> Call:
    """Open a call for input (it is upcoming until its opening date)."""
    require(can_manage_calls, actor)
    checked = _checked_call_fields(fields, creating=True)
    if checked["closes_at"] <= checked["opens_at"]:
        raise ValidationError({"closes_at": _("A call closes after it opens.")})
    if Call.objects.filter(slug=checked["slug"]).exists():
        raise ValidationError({"slug": _("Another call has this short name.")})
    resolution = _resolution(resolution)
    served = _paragraphs(resolution, paragraphs)
    questions = _checked_questions(questions)
    call = Call.objects.create(
        **checked,
        resolution=resolution,
        original_closes_at=checked["closes_at"],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    call.paragraphs.set(served)
    Question.objects.bulk_create(Question(call=call, **q) for q in questions)
    audit.record(
        actor=actor,
        action="call.create",
        target=call,
        after={
            **audit.snapshot(call, _AUDITED_CALL),
            "paragraphs": [p.number for p in served],
            "questions": questions,
        },
    )
    return call


@transaction.atomic
def call_update(
    *,
    actor,
    call: Call,
    fields: dict,
    questions: Iterable[dict] | None = None,
    resolution=...,
    paragraphs: Iterable[int] | None = None,
) -> Call:
    """Change a call. Its deadline moves only by :func:`call_extend_deadline` once it has
    opened, and its questions only before anyone has answered."""
    require(can_manage_calls, actor)
    call = Call.objects.select_for_update().get(pk=call.pk)
    checked = _checked_call_fields(fields, creating=False)
    before = audit.snapshot(call, _AUDITED_CALL)
    if "slug" in checked and Call.objects.filter(slug=checked["slug"]).exclude(pk=call.pk).exists():
        raise ValidationError({"slug": _("Another call has this short name.")})
    if "closes_at" in checked and checked["closes_at"] != call.closes_at:
        if call.status != "upcoming":
            raise ValidationError(
                {"closes_at": _("The call has opened: extend its deadline instead.")}
            )
        call.original_closes_at = checked["closes_at"]
    for name, value in checked.items():
        setattr(call, name, value)
    if call.closes_at <= call.opens_at:
        raise ValidationError({"closes_at": _("A call closes after it opens.")})
    if resolution is not ...:
        call.resolution = _resolution(resolution)
    call.save()
    # Its title, on the pages of the States whose submissions to it are published.
    states = call.submissions.filter(published_at__isnull=False, state__isnull=False)
    pagecache.changed(*(pagecache.state(iso3) for iso3 in states.values_list("state", flat=True)))
    if paragraphs is not None:
        call.paragraphs.set(_paragraphs(call.resolution, paragraphs))
    if questions is not None:
        checked_questions = _checked_questions(questions)
        current = list(
            call.questions.values("number", "text", "kind", "choices", "word_limit", "required")
        )
        if checked_questions != current:
            if call.submissions.exists():
                raise ValidationError(
                    {"questions": _("Submissions have answered these questions: they stay.")}
                )
            call.questions.all().delete()
            Question.objects.bulk_create(Question(call=call, **q) for q in checked_questions)
    audit.record(
        actor=actor,
        action="call.update",
        target=call,
        before=before,
        after=audit.snapshot(call, _AUDITED_CALL),
    )
    return call


@transaction.atomic
def call_extend_deadline(*, actor, call: Call, closes_at: dt.datetime, reason: str = "") -> Call:
    """Move the deadline later; the extension is kept and the call shows it."""
    require(can_manage_calls, actor)
    call = Call.objects.select_for_update().get(pk=call.pk)
    errors: dict = {}
    closes_at = _aware(closes_at, "closes_at", errors)
    if errors:
        raise ValidationError(errors)
    assert closes_at is not None
    if closes_at <= call.closes_at:
        raise ValidationError({"closes_at": _("A new deadline comes after the current one.")})
    before = audit.snapshot(call, _AUDITED_CALL)
    DeadlineExtension.objects.create(
        call=call,
        previous_closes_at=call.closes_at,
        closes_at=closes_at,
        reason=clean_text(reason or "").strip(),
        extended_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    call.closes_at = closes_at
    call.closed_recorded_at = None
    call.save(update_fields=["closes_at", "closed_recorded_at", "updated_at"])
    audit.record(
        actor=actor,
        action="call.extend_deadline",
        target=call,
        before=before,
        after=audit.snapshot(call, _AUDITED_CALL),
    )
    return call


def calls_close_due(*, actor=None, now: dt.datetime | None = None) -> list[Call]:
    """Record the closing of every call whose deadline has passed, once each, and tell the
    secretariat what came in. Safe to run again at any time (a periodic job does)."""
    now = now or timezone.now()
    closed = []
    for pk in Call.objects.filter(closes_at__lte=now, closed_recorded_at__isnull=True).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            call = Call.objects.select_for_update().get(pk=pk)
            if call.closed_recorded_at is not None or call.closes_at > now:
                continue
            call.closed_recorded_at = now
            call.save(update_fields=["closed_recorded_at"])
            submitted = call.submissions.filter(status=SubmissionStatus.SUBMITTED).count()
            drafts = call.submissions.filter(status=SubmissionStatus.DRAFT).count()
            audit.record(
                actor=actor,
                action="call.close",
                target=call,
                after={"submitted": submitted, "drafts": drafts},
            )
            secretariat = User.objects.filter(is_active=True, role=Role.SECRETARIAT)
            mail.send(
                to=secretariat,
                template="calls/email/closed",
                context={"call": call, "submitted": submitted, "drafts": drafts},
            )
            closed.append(call)
    return closed


# -- Submissions ----------------------------------------------------------------------


def _closed_refusal(call: Call) -> CallClosed:
    if call.status == "upcoming":
        return CallClosed(
            _("This call opens on %(when)s; nothing can be sent before.")
            % {"when": geneva(call.opens_at)}
        )
    return CallClosed(
        _(
            "This call closed on %(when)s: nothing can be sent or changed now. "
            "Your draft is kept as it was."
        )
        % {"when": geneva(call.closes_at)}
    )


def _words(text: str) -> int:
    return len(text.split())


def _checked_answers(call: Call, answers: dict) -> dict:
    """The answers as stored: one per question key, checked against the question."""
    if not isinstance(answers, dict):
        raise ValidationError(_("The answers are not in the expected shape."))
    questions = {q.key: q for q in call.questions.all()}
    unknown = sorted(set(answers) - set(questions))
    if unknown:
        raise ValidationError({key: _("The call asks no such question.") for key in unknown})
    checked, errors = {}, {}
    for key, question in questions.items():
        value = answers.get(key)
        if value in (None, "", []):
            continue
        if question.kind == QuestionKind.TEXT:
            text = clean_text(str(value)).strip()
            if len(text) > MAX_ANSWER_CHARACTERS:
                errors[key] = [_("This answer is too long.")]
            elif question.word_limit and _words(text) > question.word_limit:
                errors[key] = [
                    _("At most %(limit)d words (this answer has %(count)d).")
                    % {"limit": question.word_limit, "count": _words(text)}
                ]
            checked[key] = text
        elif question.kind == QuestionKind.SINGLE:
            if value not in question.choices:
                errors[key] = [_("Choose one of the answers offered.")]
            checked[key] = value
        else:
            values = list(value) if isinstance(value, list | tuple) else [value]
            if not set(values) <= set(question.choices):
                errors[key] = [_("Choose among the answers offered.")]
            checked[key] = [c for c in question.choices if c in values]
    if errors:
        raise ValidationError(errors)
    return checked


def _attach(submission: Submission, actor, files: Iterable[CheckedFile]) -> None:
    for checked in files:
        if checked.media_type not in SUBMISSION_TYPES:
            raise ValidationError(
                {
                    "files": _("%(name)s: a submission accepts PDF, DOCX and ODT documents.")
                    % {"name": checked.name}
                }
            )
        digest = hashlib.sha256(checked.data).hexdigest()
        if submission.files.filter(sha256=digest).exists():
            continue
        SubmissionFile.objects.create(
            submission=submission,
            name=clean_text(checked.name)[:255] or "document",
            media_type=checked.media_type,
            size=len(checked.data),
            sha256=digest,
            data=checked.data,
            text=extraction.text_of(checked.media_type, checked.data),
            uploaded_by=actor,
        )
    if submission.files.count() > MAX_FILES:
        raise ValidationError({"files": _("At most %(n)d files.") % {"n": MAX_FILES}})


def _origin(actor) -> dict:
    party, stakeholder_type = party_of(actor)  # type: ignore[misc]
    origin = {"party": party, "stakeholder_type": stakeholder_type}
    if party.startswith("state:"):
        origin["state"] = Country.objects.get(pk=actor.country_id)
    elif party.startswith("organization:"):
        origin["organization"] = actor.organization
    return origin


def submission_save(
    *,
    actor,
    call: Call,
    answers: dict,
    consent: str = "",
    language: str = "",
    files: Iterable[CheckedFile] = (),
    remove: Iterable[int] = (),
    submission_key: uuid.UUID | None = None,
) -> tuple[Submission, bool]:
    """Save the draft of the actor's party (a State, an organization, themselves).

    Everything is stored together or nothing is: answers, consent and files. A
    closed call refuses with :class:`CallClosed` and the stored draft stays as
    it was. The same form sent twice makes one draft. Returns (submission, created).
    """
    require(can_answer_call, actor, call)
    if consent and consent not in Consent.values:
        raise ValidationError({"consent": _("Choose one of the consents offered.")})
    language = language or (call.languages[0] if call.languages else settings.LANGUAGE_CODE)
    if language not in call.languages:
        raise ValidationError({"language": _("The call does not accept this language.")})
    files = list(files)
    party = party_of(actor)[0]  # type: ignore[index]
    with transaction.atomic():
        call = Call.objects.get(pk=call.pk)
        if not call.is_open:
            raise _closed_refusal(call)
        checked = _checked_answers(call, clean_tree(answers))
        submission = Submission.objects.select_for_update().filter(call=call, party=party).first()
        created = submission is None
        if created:
            submission = Submission(
                call=call,
                created_by=actor,
                submission_key=submission_key or uuid.uuid4(),
                language=language,
                **_origin(actor),
            )
            before = {}
        else:
            if not can_edit_submission(actor, submission):
                raise ValidationError(_("This submission was sent: it can no longer be changed."))
            before = audit.snapshot(submission, _AUDITED_SUBMISSION)
        submission.answers = checked
        submission.consent = consent
        submission.language = language
        try:
            with transaction.atomic():
                submission.save()
        except IntegrityError:
            # The same form sent twice at once: the other request made the draft.
            existing = Submission.objects.filter(call=call, party=party).first()
            if existing is None:
                raise ValidationError(_("This form was already used by someone else.")) from None
            return existing, False
        if remove:
            submission.files.filter(pk__in=list(remove)).delete()
        _attach(submission, actor, files)
        audit.record(
            actor=actor,
            action="submission.create" if created else "submission.update",
            target=submission,
            before=before,
            after=audit.snapshot(submission, _AUDITED_SUBMISSION),
        )
    return submission, created


def _reference(submission: Submission) -> str:
    return f"CFI-{submission.call.opens_at.year}-{submission.call_id:03d}-{submission.pk:05d}"


@transaction.atomic
def submission_submit(*, actor, submission: Submission) -> Submission:
    """Send the draft: it gets its reference number, the sender a receipt by e-mail, and
    the secretariat a notice with a link to it.

    Sent twice (a double click), it is sent once. After the deadline it is refused
    with :class:`CallClosed` and the draft stays.
    """
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    require(speaks_for, actor, submission)
    if submission.status == SubmissionStatus.SUBMITTED:
        return submission  # sent twice (a double click): once is enough
    if not submission.call.is_open:
        raise _closed_refusal(submission.call)
    require(can_edit_submission, actor, submission)
    missing = [
        q.number
        for q in submission.call.questions.all()
        if q.required and submission.answers.get(q.key) in (None, "", [])
    ]
    if missing:
        raise ValidationError(
            _("Answer the required questions first: %(numbers)s.")
            % {"numbers": ", ".join(map(str, missing))}
        )
    if not submission.consent:
        raise ValidationError({"consent": _("Say whether your submission may be published.")})
    before = audit.snapshot(submission, _AUDITED_SUBMISSION)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.submitted_by = actor
    submission.reference = _reference(submission)
    submission.save(
        update_fields=["status", "submitted_at", "submitted_by", "reference", "updated_at"]
    )
    audit.record(
        actor=actor,
        action="submission.submit",
        target=submission,
        before=before,
        after=audit.snapshot(submission, _AUDITED_SUBMISSION),
    )
    mail.send(
        to=actor,
        template="calls/email/receipt",
        context={
            "submission": submission,
            "call": submission.call,
            "files": list(submission.files.values_list("name", flat=True)),
            "submitted_at": geneva(submission.submitted_at),
        },
    )
    mail.send(
        to=User.objects.filter(is_active=True, role=Role.SECRETARIAT),
        template="calls/email/submitted",
        context={
            "submission": submission,
            "call": submission.call,
            "documents": submission.files.count(),
        },
    )
    return submission


@transaction.atomic
def submission_mark_read(*, actor, submission: Submission, read: bool = True) -> Submission:
    require(can_review_submissions, actor)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("A draft is not read before it is sent."))
    before = audit.snapshot(submission, _AUDITED_SUBMISSION)
    submission.read_at = (submission.read_at or timezone.now()) if read else None
    submission.save(update_fields=["read_at", "updated_at"])
    audit.record(
        actor=actor,
        action="submission.mark_read" if read else "submission.mark_unread",
        target=submission,
        before=before,
        after=audit.snapshot(submission, _AUDITED_SUBMISSION),
    )
    return submission


@transaction.atomic
def submission_tag(*, actor, submission: Submission, tags: Iterable[str]) -> Submission:
    require(can_review_submissions, actor)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    cleaned = []
    for tag in tags:
        tag = " ".join(clean_text(str(tag)).split())[:60]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    before = audit.snapshot(submission, _AUDITED_SUBMISSION)
    submission.tags = cleaned[:20]
    submission.save(update_fields=["tags", "updated_at"])
    audit.record(
        actor=actor,
        action="submission.tag",
        target=submission,
        before=before,
        after=audit.snapshot(submission, _AUDITED_SUBMISSION),
    )
    return submission


def _rebuild_archive_after_commit(call: Call) -> None:
    from solidarity.calls.tasks import build_published_archive

    call_id = call.pk
    transaction.on_commit(lambda: build_published_archive(call_id), robust=True)


def _state_page_changed(submission: Submission) -> None:
    """A State's page lists the submissions published under its name."""
    if submission.state_id:
        pagecache.changed(pagecache.state(submission.state_id))


@transaction.atomic
def submission_publish(*, actor, submission: Submission) -> Submission:
    """Publish a submission whose authors agreed, as they agreed (with or without a name)."""
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    if submission.is_published:
        return submission
    require(can_publish_submission, actor, submission)
    if submission.consent == Consent.PUBLISH_ANONYMOUSLY:
        # Its documents are published as copies without their authors' names
        # (calls/copies.py): one that cannot be copied so is not published at all.
        for document in submission.files.all():
            try:
                copies.without_authors(document.media_type, bytes(document.data))
            except copies.CannotClean:
                raise ValidationError(
                    _(
                        "%(name)s cannot be published without its authors' names: "
                        "its properties cannot be read. Ask the submitters for another copy."
                    )
                    % {"name": document.name}
                ) from None
    before = audit.snapshot(submission, _AUDITED_SUBMISSION)
    submission.published_at = timezone.now()
    if submission.read_at is None:
        submission.read_at = submission.published_at
    submission.save(update_fields=["published_at", "read_at", "updated_at"])
    indexing.index(submission)
    _state_page_changed(submission)
    audit.record(
        actor=actor,
        action="submission.publish",
        target=submission,
        before=before,
        after=audit.snapshot(submission, _AUDITED_SUBMISSION),
    )
    _rebuild_archive_after_commit(submission.call)
    return submission


@transaction.atomic
def submission_unpublish(*, actor, submission: Submission) -> Submission:
    """Take a published submission off the call's page (its authors changed their mind)."""
    require(can_review_submissions, actor)
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    if not submission.is_published:
        return submission
    before = audit.snapshot(submission, _AUDITED_SUBMISSION)
    submission.published_at = None
    submission.save(update_fields=["published_at", "updated_at"])
    indexing.index(submission)
    _state_page_changed(submission)
    audit.record(
        actor=actor,
        action="submission.unpublish",
        target=submission,
        before=before,
        after=audit.snapshot(submission, _AUDITED_SUBMISSION),
    )
    _rebuild_archive_after_commit(submission.call)
    return submission

"""Changes of state of the mandate: its record, documents, tasks and report deliverables.

Each is one keyword-only function, in one transaction, its permission checked
and an audit entry written; pages, the API, commands and the demo call them.
``actor=None`` is the operator at the command line (or storing a resolution
from it), whose shell access is the authority.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.core import audit, pagecache
from solidarity.core.permissions import require
from solidarity.core.text import clean_text
from solidarity.mandate import drafts, extraction
from solidarity.mandate.models import (
    CORRECTABLE,
    Body,
    Deliverable,
    DeliverableStatus,
    Document,
    DocumentFile,
    Frequency,
    Holder,
    Mandate,
    SeriesResolution,
    SeriesRole,
    Task,
    TaskStatus,
)
from solidarity.mandate.permissions import can_manage_mandate
from solidarity.practices.files import AttachmentRefused, check_attachment
from solidarity.resolutions.models import Resolution

_MANDATE_FIELDS = (
    "name",
    "asks",
    "series_title",
    "addressee",
    "term_years",
    "current_term_start",
    "current_term_end",
    "next_renewal",
    "contact_email",
    "contact_note",
    "source_url",
    "hrc_word_limit",
    "ga_word_limit",
)
_TASK_AUDITED = (*CORRECTABLE, "status", "evidence", "corrected", "confirmed_at", "withdrawn")


def _check(actor) -> None:
    if actor is not None:
        require(can_manage_mandate, actor)


@transaction.atomic
def mandate_save(*, actor, slug: str, **fields) -> Mandate:
    """Create or change the mandate's record."""
    _check(actor)
    unknown = set(fields) - set(_MANDATE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of the mandate.") for name in unknown})
    mandate = Mandate.objects.select_for_update().filter(slug=slug).first()
    before = audit.snapshot(mandate, _MANDATE_FIELDS) if mandate else {}
    mandate = mandate or Mandate(slug=slug)
    for name, value in fields.items():
        setattr(mandate, name, clean_text(value) if isinstance(value, str) else value)
    mandate.full_clean()
    mandate.save()
    audit.record(
        actor=actor,
        action="mandate.update" if before else "mandate.create",
        target=mandate,
        before=before,
        after=audit.snapshot(mandate, _MANDATE_FIELDS),
    )
    return mandate


@transaction.atomic
def holder_save(
    *,
    actor,
    mandate: Mandate,
    name: str,
    from_year: int,
    until_year: int | None,
    source_url: str = "",
) -> Holder:
    _check(actor)
    if until_year is not None and until_year < from_year:
        raise ValidationError({"until_year": _("A term ends after it starts.")})
    holder, _created = Holder.objects.update_or_create(
        mandate=mandate,
        name=clean_text(name),
        defaults={"from_year": from_year, "until_year": until_year, "source_url": source_url},
    )
    audit.record(actor=actor, action="mandate.holder", target=holder, after=audit.snapshot(holder))
    return holder


@transaction.atomic
def series_resolution_save(
    *,
    actor,
    mandate: Mandate,
    symbol: str,
    body: str,
    year: int,
    title: str,
    role: str,
    adopted_on: dt.date | None = None,
    source_url: str = "",
) -> SeriesResolution:
    """A resolution of the mandate's series; linked to the stored resolution when there is one."""
    _check(actor)
    if role not in SeriesRole.values:
        raise ValidationError({"role": _("Not a role in the series.")})
    if body not in Body.values:
        raise ValidationError({"body": _("Not a body.")})
    row, _created = SeriesResolution.objects.update_or_create(
        mandate=mandate,
        symbol=symbol,
        defaults={
            "body": body,
            "year": year,
            "adopted_on": adopted_on,
            "title": clean_text(title),
            "role": role,
            "source_url": source_url,
            "resolution": Resolution.objects.filter(symbol=symbol).first(),
        },
    )
    audit.record(actor=actor, action="mandate.series", target=row, after=audit.snapshot(row))
    _series_pages_changed([mandate])
    return row


def _series_pages_changed(mandates) -> None:
    """The pages of the stored resolutions of these mandates' series: each compares its
    resolution with the one before it, which a new or stored member may change."""
    symbols = SeriesResolution.objects.filter(
        mandate__in=mandates, resolution__isnull=False
    ).values_list("resolution__symbol", flat=True)
    pagecache.changed(*(pagecache.resolution(symbol) for symbol in symbols))


@transaction.atomic
def document_save(
    *,
    actor,
    mandate: Mandate,
    symbol: str,
    title: str,
    body: str,
    session: int,
    issued_on: dt.date | None = None,
    source_url: str = "",
    source_note: str = "",
    files: Iterable[tuple[str, bytes, str]] = (),
) -> Document:
    """A report or other document of the mandate, with its files (name, bytes, language),
    each checked by its content."""
    _check(actor)
    if body not in Body.values:
        raise ValidationError({"body": _("Not a body.")})
    checked = []
    for name, data, language in files:
        try:
            checked.append((check_attachment(name, data), language))
        except AttachmentRefused as error:
            raise ValidationError({"files": str(error)}) from None
    document = Document.objects.filter(symbol=symbol).first()
    before = audit.snapshot(document) if document else {}
    document = document or Document(symbol=symbol.strip())
    document.mandate = mandate
    document.title = clean_text(title)
    document.body = body
    document.session = session
    document.issued_on = issued_on
    document.source_url = source_url
    document.source_note = clean_text(source_note)
    document.full_clean()
    document.save()
    pagecache.changed(pagecache.CITED_DOCUMENTS)  # resolutions citing it link to its page
    for file, language in checked:
        digest = hashlib.sha256(file.data).hexdigest()
        if document.files.filter(sha256=digest).exists():
            continue
        DocumentFile.objects.create(
            document=document,
            language=language,
            name=file.name,
            media_type=file.media_type,
            size=len(file.data),
            sha256=digest,
            data=file.data,
        )
    audit.record(
        actor=actor,
        action="mandate.document.update" if before else "mandate.document.create",
        target=document,
        before=before,
        after=audit.snapshot(document),
    )
    return document


# ---------------------------------------------------------------------------
# Tasks from operative paragraphs
# ---------------------------------------------------------------------------


def mandates_addressed_by(resolution: Resolution) -> list[Mandate]:
    """The mandates a resolution is of: its title names their series, and it asks their holder.

    One query for a resolution of no series (most of a bulk import), two for one of a series.
    """
    title = resolution.title.lower()
    mandates = [m for m in Mandate.objects.all() if m.series_title.lower() in title]
    if not mandates:
        return []
    addressees = {
        who
        for row in resolution.operative_paragraphs.values_list("addressees", flat=True)
        for who in row
    }
    return [mandate for mandate in mandates if mandate.addressee in addressees]


def _initial_status(frequency: str) -> str:
    return TaskStatus.ONGOING if frequency == Frequency.REGULARLY else TaskStatus.OPEN


@transaction.atomic
def tasks_from_resolution(*, actor, resolution: Resolution) -> list[Task]:
    """Make or bring up to date the tasks of every mandate the resolution addresses.

    Storing a resolution again reads its paragraphs again: what the secretariat
    corrected stays as corrected, the rest follows the text; a task whose
    paragraph no longer asks anything is kept, marked withdrawn, if the
    secretariat confirmed or worked on it, and removed otherwise.
    """
    mandates = mandates_addressed_by(resolution)
    if not mandates:
        return []
    paragraphs = {p.number: p for p in resolution.operative_paragraphs.all()}
    found = extraction.extract_tasks(
        [
            {
                "number": p.number,
                "text": p.text,
                "subparagraphs": p.subparagraphs,
                "addressees": p.addressees,
            }
            for p in paragraphs.values()
        ]
    )
    made = []
    for mandate in mandates:
        SeriesResolution.objects.get_or_create(
            mandate=mandate,
            symbol=resolution.symbol,
            defaults={
                "body": resolution.body,
                "year": (resolution.adopted_on or timezone.localdate()).year,
                "adopted_on": resolution.adopted_on,
                "title": resolution.title[:300],
                "role": SeriesRole.SERIES,
                "resolution": resolution,
            },
        )
        SeriesResolution.objects.filter(mandate=mandate, symbol=resolution.symbol).update(
            resolution=resolution
        )
        existing = {
            t.paragraph_number: t
            for t in Task.objects.filter(mandate=mandate, resolution=resolution)
        }
        for item in found:
            read = {
                "addressees": item.addressees,
                "action": item.action,
                "target_session": item.target_session,
                "target_date": item.target_date,
                "frequency": item.frequency,
            }
            task = existing.pop(item.paragraph, None)
            before = audit.snapshot(task, _TASK_AUDITED) if task else {}
            if task is None:
                task = Task(
                    mandate=mandate,
                    resolution=resolution,
                    paragraph_number=item.paragraph,
                    status=_initial_status(item.frequency),
                )
            for name, value in read.items():
                if name not in task.corrected:
                    setattr(task, name, value)
            task.paragraph = paragraphs.get(item.paragraph)
            task.text = item.text
            task.extracted = item.to_dict()
            task.withdrawn = False
            task.save()
            after = audit.snapshot(task, _TASK_AUDITED)
            if after != before:
                audit.record(
                    actor=actor,
                    action="mandate.task.update" if before else "mandate.task.create",
                    target=task,
                    before=before,
                    after=after,
                )
            made.append(task)
        for task in existing.values():
            if (
                task.is_confirmed
                or task.corrected
                or task.status != _initial_status(task.frequency)
            ):
                if not task.withdrawn:
                    task.withdrawn = True
                    task.save(update_fields=["withdrawn", "updated_at"])
                    audit.record(actor=actor, action="mandate.task.withdrawn", target=task)
            else:
                audit.record(actor=actor, action="mandate.task.delete", target=task)
                task.delete()
    return made


def on_resolution_stored(*, actor, resolution: Resolution, created: bool) -> None:
    """Run by ``resolutions.services.resolution_ingest`` (registered in ``apps.py``)."""
    tasks_from_resolution(actor=actor, resolution=resolution)
    # Asked apart first: most resolutions are in no mandate's series, and the query
    # with the mandates' series as a subquery cost a millisecond to build and run.
    mandates = list(
        SeriesResolution.objects.filter(resolution=resolution).values_list("mandate_id", flat=True)
    )
    if mandates:
        _series_pages_changed(mandates)


def _clean_correction(name: str, value):
    if name == "addressees":
        items = value if isinstance(value, list | tuple) else str(value).split(",")
        cleaned = [clean_text(str(item)).strip() for item in items]
        cleaned = [item for item in cleaned if item]
        if not cleaned:
            raise ValidationError({name: _("Name at least one addressee.")})
        return cleaned
    if name == "action":
        value = clean_text(str(value)).strip()
        if not value:
            raise ValidationError({name: _("Say what is asked.")})
        return value
    if name == "target_session":
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError({name: _("A session is a number.")}) from None
        if not 1 <= number <= 999:
            raise ValidationError({name: _("A session is a number from 1 to 999.")})
        return number
    if name == "target_date":
        value = str(value or "").strip()
        if value and not (len(value) == 4 and value.isdigit()):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValidationError({name: _("A date as 2026-06-30, or a year.")}) from None
        return value
    if name == "frequency":
        if value not in Frequency.values:
            raise ValidationError({name: _("Not a frequency.")})
        return value
    raise ValidationError({name: _("This cannot be corrected.")})


def _task_page_changed(task: Task) -> None:
    """The page of the task's resolution lists its tasks."""
    symbol = Resolution.objects.filter(pk=task.resolution_id).values_list("symbol", flat=True)
    pagecache.changed(*(pagecache.resolution(found) for found in symbol))


@transaction.atomic
def task_confirm(*, actor, task: Task, corrections: dict | None = None) -> Task:
    """The secretariat confirms what was read, correcting what it read wrong.

    A corrected field is remembered, so storing the resolution again keeps it.
    """
    require(can_manage_mandate, actor)
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = audit.snapshot(task, _TASK_AUDITED)
    corrected = list(task.corrected)
    for name, value in (corrections or {}).items():
        value = _clean_correction(name, value)
        if value != getattr(task, name):
            setattr(task, name, value)
            if name not in corrected:
                corrected.append(name)
    task.corrected = corrected
    task.confirmed_at = timezone.now()
    task.confirmed_by = actor
    task.save()
    _task_page_changed(task)
    audit.record(
        actor=actor,
        action="mandate.task.confirm",
        target=task,
        before=before,
        after=audit.snapshot(task, _TASK_AUDITED),
    )
    return task


def _clean_evidence(evidence: Iterable[dict]) -> list[dict]:
    cleaned = []
    for item in evidence:
        label = clean_text(str(item.get("label", ""))).strip()[:200]
        url = str(item.get("url", "")).strip()[:500]
        if not url:
            continue
        if not (url.startswith("/") and not url.startswith("//")) and not url.startswith(
            "https://"
        ):
            raise ValidationError(
                {"evidence": _("A link is an address of this site or starts with https://.")}
            )
        cleaned.append({"label": label or url, "url": url})
    return cleaned


@transaction.atomic
def task_set_status(
    *, actor, task: Task, status: str, evidence: Iterable[dict] | None = None
) -> Task:
    require(can_manage_mandate, actor)
    if status not in TaskStatus.values:
        raise ValidationError({"status": _("Not a status of a task.")})
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = audit.snapshot(task, _TASK_AUDITED)
    task.status = status
    if evidence is not None:
        task.evidence = _clean_evidence(evidence)
    task.save()
    _task_page_changed(task)
    audit.record(
        actor=actor,
        action="mandate.task.status",
        target=task,
        before=before,
        after=audit.snapshot(task, _TASK_AUDITED),
    )
    return task


# ---------------------------------------------------------------------------
# Report deliverables (op. 19)
# ---------------------------------------------------------------------------

_DELIVERABLE_AUDITED = (
    "body",
    "session",
    "symbol",
    "title",
    "due_on",
    "status",
    "word_limit",
    "example",
    "draft_name",
    "draft_words",
)


@transaction.atomic
def deliverable_save(
    *,
    actor,
    mandate: Mandate,
    body: str,
    session: int,
    title: str,
    due_on: dt.date,
    symbol: str = "",
    status: str = DeliverableStatus.PLANNED,
    word_limit: int | None = None,
    task: Task | None = None,
    example: bool = False,
    deliverable: Deliverable | None = None,
) -> Deliverable:
    """A report due to a session; its word limit is the mandate's for that body unless given."""
    _check(actor)
    if body not in (Body.HRC, Body.GA):
        raise ValidationError({"body": _("Reports go to the Council or the General Assembly.")})
    if status not in DeliverableStatus.values:
        raise ValidationError({"status": _("Not a status of a report.")})
    if word_limit is not None and word_limit < 1:
        raise ValidationError({"word_limit": _("A word limit is a positive number.")})
    before = audit.snapshot(deliverable, _DELIVERABLE_AUDITED) if deliverable else {}
    deliverable = deliverable or Deliverable(mandate=mandate)
    deliverable.body = body
    deliverable.session = session
    deliverable.title = clean_text(title)
    deliverable.due_on = due_on
    deliverable.symbol = symbol.strip()
    deliverable.status = status
    deliverable.word_limit = word_limit or mandate.word_limit(body)
    deliverable.task = task
    deliverable.example = example
    deliverable.full_clean(exclude=["draft_data"])
    deliverable.save()
    audit.record(
        actor=actor,
        action="mandate.deliverable.update" if before else "mandate.deliverable.create",
        target=deliverable,
        before=before,
        after=audit.snapshot(deliverable, _DELIVERABLE_AUDITED),
    )
    return deliverable


@transaction.atomic
def deliverable_upload_draft(
    *, actor, deliverable: Deliverable, name: str, data: bytes
) -> Deliverable:
    """Keep a draft (DOCX, ODT or PDF, checked by content) and count its words."""
    require(can_manage_mandate, actor)
    try:
        media_type, words = drafts.draft_words(name, data)
    except AttachmentRefused as error:
        raise ValidationError({"draft": str(error)}) from None
    deliverable = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    before = audit.snapshot(deliverable, _DELIVERABLE_AUDITED)
    deliverable.draft_name = check_attachment(name, data).name
    deliverable.draft_media_type = media_type
    deliverable.draft_data = data
    deliverable.draft_words = words
    deliverable.draft_uploaded_at = timezone.now()
    if deliverable.status == DeliverableStatus.PLANNED:
        deliverable.status = DeliverableStatus.DRAFTING
    deliverable.save()
    audit.record(
        actor=actor,
        action="mandate.deliverable.draft",
        target=deliverable,
        before=before,
        after=audit.snapshot(deliverable, _DELIVERABLE_AUDITED),
    )
    return deliverable


@transaction.atomic
def deliverable_compile_annexes(*, actor, deliverable: Deliverable, language: str) -> None:
    """Ask for a report's annexes to be compiled (DOCX and PDF) by a job of the queue, in
    the language given, once this transaction commits."""
    require(can_manage_mandate, actor)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": _("Not a language of the platform.")})
    audit.record(
        actor=actor,
        action="mandate.deliverable.annexes",
        target=deliverable,
        after={"language": language},
    )
    from solidarity.mandate.tasks import build_report_annexes

    deliverable_id = deliverable.pk
    transaction.on_commit(lambda: build_report_annexes(deliverable_id, language), robust=True)

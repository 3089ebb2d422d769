"""Changes of state for resolutions: storing a parsed resolution."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone

from solidarity.core import audit, pagecache
from solidarity.core.bulk import insert_rows
from solidarity.core.permissions import require
from solidarity.core.text import clean_tree
from solidarity.countries import names
from solidarity.resolutions import extensions, indexing
from solidarity.resolutions.models import (
    OperativeParagraph,
    PreambularParagraph,
    RecordedVote,
    Resolution,
    ResolutionSource,
    VoteCast,
)
from solidarity.resolutions.parsing.symbols import Symbol
from solidarity.resolutions.permissions import can_ingest_resolutions

_AUDITED = (
    "symbol",
    "kind",
    "body",
    "session",
    "session_type",
    "part",
    "agenda_item",
    "title",
    "adopted_on",
    "distributed_on",
    "meeting",
    "adopted_without_vote",
    "source",
)
_POSITIONS = (("in_favour", "yes"), ("against", "no"), ("abstaining", "abstain"))


class UnknownVoter(ValueError):
    """A recorded vote names a State the platform does not know."""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


MEDIA_TYPES = {".pdf": "application/pdf", ".md": "text/markdown", ".txt": "text/plain"}


def _keep_source(source_name: str, data: bytes) -> str:
    """Store a source file once per content; returns its checksum (the key)."""
    digest = hashlib.sha256(data).hexdigest()
    name = PurePath(source_name or "source.txt").name[:255]
    media_type = (
        "application/pdf"
        if data.startswith(b"%PDF-")
        else MEDIA_TYPES.get(PurePath(name).suffix.lower(), "text/plain")
    )
    insert_rows(
        ResolutionSource,
        ["sha256", "name", "media_type", "size", "data", "created_at"],
        [(digest, name, media_type, len(data), data, timezone.now())],
        skip_existing=True,
    )
    return digest


@transaction.atomic
def resolution_ingest(
    *,
    actor,
    document: dict,
    source_name: str = "",
    source_data: bytes | None = None,
) -> tuple[Resolution, bool]:
    """Store a parsed resolution; the same symbol again updates it, never duplicates.

    ``document`` is the parser's output (``resolution.schema.json``). Returns
    the resolution and whether it was created.
    """
    if actor is not None:
        require(can_ingest_resolutions, actor)
    document = clean_tree(document)  # a file's text may carry control characters
    symbol = Symbol.parse(document["symbol"])
    if symbol is None or symbol.body != document["body"]:
        raise ValueError(f"{document['symbol']!r} is not the symbol of a resolution or decision")
    # One form per symbol: as printed, the part after a space ("A/RES/78/262 A").
    document["symbol"] = str(symbol)
    existing = Resolution.objects.filter(symbol=document["symbol"]).values_list("pk", flat=True)
    resolution = Resolution.objects.select_for_update().get(pk=existing[0]) if existing else None
    created = resolution is None
    before = {} if created else audit.snapshot(resolution, _AUDITED)
    if created:
        resolution = Resolution(symbol=document["symbol"])
    resolution.kind = symbol.kind
    resolution.body = symbol.body
    resolution.session = symbol.session
    resolution.session_type = symbol.session_type
    resolution.number = symbol.number
    resolution.part = symbol.part
    resolution.agenda_item = document.get("agenda_item") or ""
    resolution.title = document["title"]
    resolution.adopted_on = _date(document.get("adopted_on"))
    resolution.distributed_on = _date(document.get("distributed_on"))
    resolution.meeting = document.get("meeting") or ""
    resolution.adopted_without_vote = document.get("vote") is None
    resolution.document = document
    replaced_source = None
    if source_data is not None:
        replaced_source = resolution.source_id
        resolution.source_id = _keep_source(source_name, source_data)
    resolution.save()
    if replaced_source and replaced_source != resolution.source_id:
        # An older version's file goes once no resolution refers to it.
        ResolutionSource.objects.filter(sha256=replaced_source, resolutions=None).delete()

    if not created:
        RecordedVote.objects.filter(resolution=resolution).delete()
    _store_paragraphs(
        resolution,
        PreambularParagraph,
        "index",
        ["lead", "text"],
        document["preambular_paragraphs"],
        created=created,
    )
    _store_paragraphs(
        resolution,
        OperativeParagraph,
        "number",
        ["lead", "text", "subparagraphs", "addressees"],
        document["operative_paragraphs"],
        created=created,
    )
    _store_vote(resolution, document.get("vote"))
    indexing.index(resolution, document)
    extensions.stored(actor=actor, resolution=resolution, created=created)
    # Its page; and, through its recorded vote, the States' pages (their votes, agreement).
    pagecache.changed(pagecache.resolution(resolution.symbol), pagecache.ROLL_CALLS)

    audit.record(
        actor=actor,
        action="resolution.ingest" if created else "resolution.update",
        target=resolution,
        before=before,
        after=audit.snapshot(resolution, _AUDITED),
    )
    return resolution, created


def _store_paragraphs(
    resolution: Resolution,
    model: type[PreambularParagraph] | type[OperativeParagraph],
    key: str,
    fields: list[str],
    paragraphs: list[dict],
    *,
    created: bool,
) -> None:
    """The paragraph rows of a resolution as in ``paragraphs``.

    A new resolution's rows are inserted in one statement. Storing a resolution
    again keeps each row whose position or number is still there (updated in
    place, so what refers to "op. 15" of it, a call for input or a task, still
    does), adds the new ones and removes only those the document no longer has.
    """
    if created:
        insert_rows(
            model,
            ["resolution", key, *fields],
            ((resolution.pk, p[key], *(p[name] for name in fields)) for p in paragraphs),
        )
        return
    kept = {getattr(row, key): row for row in model.objects.filter(resolution=resolution)}
    changed, added = [], []
    for paragraph in paragraphs:
        row = kept.pop(paragraph[key], None)
        values = {name: paragraph[name] for name in fields}
        if row is None:
            added.append(model(resolution=resolution, **{key: paragraph[key]}, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    if kept:
        model.objects.filter(pk__in=[row.pk for row in kept.values()]).delete()
    model.objects.bulk_update(changed, fields)
    model.objects.bulk_create(added)


def _store_vote(resolution: Resolution, vote: dict | None) -> None:
    if vote is None:
        return
    recorded = RecordedVote.objects.create(
        resolution=resolution, yes=vote["yes"], no=vote["no"], abstain=vote["abstain"]
    )
    casts = [
        (recorded.pk, voter["iso3"], position, voter["name"])
        for key, position in _POSITIONS
        for voter in vote[key]
    ]
    # Every UN Member and observer State, as shipped; the foreign key, checked at
    # commit, stays the last word.
    states = names.state_by_iso3()
    unknown = [f"{name!r} ({code})" for _vote, code, _position, name in casts if code not in states]
    if unknown:
        raise UnknownVoter(f"{', '.join(unknown)}: not a known State")
    insert_rows(VoteCast, ["vote", "country", "position", "printed_name"], casts)

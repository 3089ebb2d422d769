"""Changes to roll calls: imports of Voeten's data and of CSV files, and votes of stored
resolutions. Each is one transaction that replaces the roll calls it brings (so running
it again changes nothing), bumps the revision the loaded arrays check, and writes an
audit entry. ``actor=None`` is the operator at the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from solidarity.core import audit, pagecache
from solidarity.core.bulk import insert_rows
from solidarity.core.permissions import require
from solidarity.resolutions.models import Body, VoteCast
from solidarity.resolutions.models import Position as ResolutionPosition
from solidarity.votes import positions, selectors, series, unvotes
from solidarity.votes.models import (
    CountryVote,
    ResolutionSeries,
    RollCall,
    SeriesMember,
    Source,
    VoteDataRevision,
)
from solidarity.votes.permissions import can_import_votes
from solidarity.votes.rollcall_csv import CsvRollCall

ROLL_CALL_FIELDS = [
    "source",
    "key",
    "body",
    "symbol",
    "date",
    "session",
    "topics",
    "title",
    "description",
    "amendment",
    "paragraph",
    "important",
]
_FROM_RESOLUTION = {
    ResolutionPosition.YES: positions.YES,
    ResolutionPosition.NO: positions.NO,
    ResolutionPosition.ABSTAIN: positions.ABSTAIN,
}
BATCH = 50_000


@dataclass
class ImportReport:
    roll_calls: int = 0
    votes: int = 0
    replaced_roll_calls: int = 0
    unmapped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _bump_revision() -> None:
    # A plain statement: storing each resolution bumps it, and the ORM's update
    # cost more to build than to run.
    table = connection.ops.quote_name(VoteDataRevision._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET revision = revision + 1 WHERE id = 1")
        updated = cursor.rowcount
    if not updated:
        VoteDataRevision.objects.create(pk=1, revision=1)
    # Every State's page: its agreement and partners are read from every roll call.
    pagecache.changed(pagecache.ROLL_CALLS)


def _series_pages_changed(*series_ids: int | None) -> None:
    """The pages of the resolutions of these series: each lists its series.

    One subject per series, which each member's page follows (``_follow_series``):
    renewing every member's own subject wrote as many rows as the series has members
    at each resolution stored, 50 million for 10,000 resolutions of one title.
    """
    pagecache.changed(*(selectors.series_subject(pk) for pk in series_ids if pk))


def _follow_series(resolution, series_id: int) -> None:
    """The resolution's page changes with its series from now on."""
    pagecache.follow(
        selectors.member_subject(resolution.symbol), selectors.series_subject(series_id)
    )


def _delete_roll_calls(source: str, keys: Iterable[str] | None = None) -> int:
    """Delete roll calls of ``source`` (those with ``keys``, or all) and their votes.

    Votes go first in one statement per batch, so the cascade has nothing to load.
    """
    roll_calls = RollCall.objects.filter(source=source)
    if keys is None:
        CountryVote.objects.filter(roll_call__source=source).delete()
        return roll_calls.delete()[1].get(RollCall._meta.label, 0)
    wanted = list(keys)
    deleted = 0
    for start in range(0, len(wanted), 500):
        chunk = roll_calls.filter(key__in=wanted[start : start + 500])
        CountryVote.objects.filter(roll_call__in=chunk).delete()
        deleted += chunk.delete()[1].get(RollCall._meta.label, 0)
    return deleted


def _ids_by_key(source: str) -> dict[str, int]:
    return dict(RollCall.objects.filter(source=source).values_list("key", "pk"))


def unvotes_import(
    *, actor, folder: Path = unvotes.SHIPPED, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Replace the roll calls of Voeten's data with those of the three files in ``folder``."""
    if actor is not None:
        require(can_import_votes, actor)
    started = dt.datetime.now()
    report = ImportReport()
    records = unvotes.read_roll_calls(folder)  # read before anything is deleted
    unmapped = unvotes.Unmapped()
    with transaction.atomic():
        report.replaced_roll_calls = _delete_roll_calls(Source.UNVOTES)
        insert_rows(
            RollCall,
            ROLL_CALL_FIELDS,
            (
                (
                    Source.UNVOTES,
                    str(r.rcid),
                    Body.GA,
                    r.symbol,
                    r.date,
                    r.session,
                    " ".join(r.topics),
                    r.title,
                    r.description,
                    r.amendment,
                    r.paragraph,
                    r.important,
                )
                for r in records
            ),
        )
        report.roll_calls = len(records)
        ids = {int(key): pk for key, pk in _ids_by_key(Source.UNVOTES).items()}
        batch: list[tuple[int, str, int]] = []
        for rcid, iso3, position in unvotes.read_votes(folder, unmapped):
            batch.append((ids[rcid], iso3, position))
            if len(batch) >= BATCH:
                report.votes += insert_rows(
                    CountryVote, ["roll_call", "country", "position"], batch, prepared=True
                )
                batch = []
                if progress:
                    progress(report.votes)
        report.votes += insert_rows(
            CountryVote, ["roll_call", "country", "position"], batch, prepared=True
        )
        if progress:
            progress(report.votes)
        report.unmapped = dict(unmapped.rows.most_common())
        _bump_revision()
        audit.record(
            actor=actor,
            action="votes.import_unvotes",
            target_type="votes.rollcall",
            target_label=f"{folder.name}: {report.roll_calls} roll calls",
            after={
                "roll_calls": report.roll_calls,
                "votes": report.votes,
                "unmapped_rows": unmapped.total,
            },
        )
    report.seconds = (dt.datetime.now() - started).total_seconds()
    return report


def csv_import(*, actor, roll_calls: list[CsvRollCall], source_name: str = "") -> ImportReport:
    """Store roll calls read from a CSV file (``rollcall_csv.read``), each replacing its
    earlier import (the same body, symbol and date)."""
    if actor is not None:
        require(can_import_votes, actor)
    report = ImportReport()
    with transaction.atomic():
        keys = [call.key for call in roll_calls]
        report.replaced_roll_calls = _delete_roll_calls(Source.CSV, keys)
        insert_rows(
            RollCall,
            ROLL_CALL_FIELDS,
            (
                (
                    Source.CSV,
                    call.key,
                    call.body,
                    call.symbol,
                    call.date,
                    call.session,
                    " ".join(call.topics),
                    call.title,
                    "",
                    False,
                    False,
                    False,
                )
                for call in roll_calls
            ),
        )
        ids = _ids_by_key(Source.CSV)
        rows = [
            (ids[call.key], iso3, position)
            for call in roll_calls
            for iso3, position in sorted(call.votes.items())
        ]
        report.votes = insert_rows(
            CountryVote, ["roll_call", "country", "position"], rows, prepared=True
        )
        report.roll_calls = len(roll_calls)
        _bump_revision()
        audit.record(
            actor=actor,
            action="votes.import_csv",
            target_type="votes.rollcall",
            target_label=f"{source_name}: {report.roll_calls} roll calls",
            after={"roll_calls": report.roll_calls, "votes": report.votes},
        )
    return report


def roll_call_sync_resolution(*, actor, resolution, created: bool = False) -> RollCall | None:
    """Make the roll call of a stored resolution's recorded vote (or remove it, if the
    resolution now says it was adopted without a vote). Runs inside the ingest's
    transaction, so a resolution and its roll call are stored together."""
    # No savepoint of its own: a failure here fails the resolution's storing as a whole.
    with transaction.atomic(savepoint=False):
        if not created:  # a new resolution has no roll call yet: the cascade removed any
            _delete_roll_calls(Source.RESOLUTION, [resolution.symbol])
        casts = _casts(resolution)
        roll_call = None
        if casts and resolution.adopted_on is not None and not _in_voeten(resolution):
            roll_call = RollCall.objects.create(
                source=Source.RESOLUTION,
                key=resolution.symbol,
                body=resolution.body,
                symbol=resolution.symbol,
                date=resolution.adopted_on,
                session=resolution.session,
                title=resolution.title[:2000],
                resolution=resolution,
            )
            insert_rows(
                CountryVote,
                ["roll_call", "country", "position"],
                [(roll_call.pk, iso3, _FROM_RESOLUTION[position]) for iso3, position in casts],
                prepared=True,
            )
        _bump_revision()
    return roll_call


# The lists of a parsed document's vote, and the position each records.
_LISTS = (
    ("in_favour", ResolutionPosition.YES),
    ("against", ResolutionPosition.NO),
    ("abstaining", ResolutionPosition.ABSTAIN),
)


def _casts(resolution) -> list[tuple[str, str]]:
    """(State, position) of each vote cast on the resolution.

    Read from the document the instance holds when it has just been stored with
    it (as ``resolutions.services`` wrote the rows from it: nothing read back),
    else from the stored rows.
    """
    document = resolution.__dict__.get("document")
    if isinstance(document, dict):
        vote = document.get("vote") or {}
        return [
            (voter["iso3"], position) for key, position in _LISTS for voter in vote.get(key, ())
        ]
    return list(
        VoteCast.objects.filter(vote__resolution=resolution).values_list("country_id", "position")
    )


def _in_voeten(resolution) -> bool:
    """Whether Voeten's data holds this General Assembly resolution's vote as a whole (its
    symbol written "R/45/150" or "A/RES/45/150", on the same day): then it is counted once."""
    if resolution.body != Body.GA:
        return False
    number = resolution.symbol.removeprefix("A/RES/").replace(" ", "")
    return RollCall.objects.filter(
        source=Source.UNVOTES,
        symbol__in=[f"R/{number}", f"A/RES/{number}"],
        date=resolution.adopted_on,
        amendment=False,
        paragraph=False,
    ).exists()


def resolutions_sync(*, actor) -> int:
    """The roll calls of every stored resolution with a recorded vote; returns their count."""
    if actor is not None:
        require(can_import_votes, actor)
    from solidarity.resolutions.models import Resolution

    count = 0
    with transaction.atomic():
        stored = set(
            Resolution.objects.filter(recorded_vote__isnull=False).values_list("symbol", flat=True)
        )
        gone = (
            set(RollCall.objects.filter(source=Source.RESOLUTION).values_list("key", flat=True))
            - stored
        )
        _delete_roll_calls(Source.RESOLUTION, gone)
        for resolution in Resolution.objects.filter(recorded_vote__isnull=False).only(
            "symbol", "body", "session", "adopted_on", "title"
        ):
            if roll_call_sync_resolution(actor=actor, resolution=resolution):
                count += 1
        for resolution in Resolution.objects.only("symbol", "body", "title"):
            series_place(actor=actor, resolution=resolution)
        audit.record(
            actor=actor,
            action="votes.sync_resolutions",
            target_type="votes.rollcall",
            target_label=f"{count} roll calls of stored resolutions",
            after={"roll_calls": count},
        )
    return count


def series_place(*, actor, resolution, created: bool = False) -> SeriesMember:
    """Put a stored resolution in the series of its body and title, unless it was placed
    by hand. Runs in the ingest's transaction (``resolutions.extensions``)."""
    member = (
        None  # a resolution just stored is in no series yet
        if created
        else SeriesMember.objects.filter(resolution=resolution).select_related("series").first()
    )
    if member is not None and member.by_hand:
        _follow_series(resolution, member.series_id)
        _series_pages_changed(member.series_id)
        return member
    key = series.title_key(resolution.title)
    found, _ = ResolutionSeries.objects.get_or_create(
        body=resolution.body, key=key, defaults={"title": resolution.title}
    )
    old = member.series_id if member is not None else None
    if member is None:
        member = SeriesMember.objects.create(resolution=resolution, series=found)
    elif member.series_id != found.pk:
        member.series = found
        member.save(update_fields=["series"])
        ResolutionSeries.objects.filter(pk=old, members=None).delete()
    _follow_series(resolution, found.pk)
    # The resolution's title and date as its series lists them, on every member's page.
    _series_pages_changed(old, found.pk)
    return member


def on_resolution_stored(*, actor, resolution, created: bool) -> None:
    roll_call_sync_resolution(actor=actor, resolution=resolution, created=created)
    series_place(actor=actor, resolution=resolution, created=created)


def series_move(*, actor, resolution, title: str) -> SeriesMember:
    """Correct the grouping: put ``resolution`` in the series titled ``title`` (made if
    none of its body has that title), for good: grouping by title leaves it there."""
    if actor is not None:
        require(can_import_votes, actor)
    title = " ".join(title.split())
    if not title:
        raise ValueError("a series needs a title")
    with transaction.atomic():
        member = SeriesMember.objects.filter(resolution=resolution).first()
        before = {"series": member.series.title if member else ""}
        found, _ = ResolutionSeries.objects.get_or_create(
            body=resolution.body, key=series.title_key(title), defaults={"title": title}
        )
        old = member.series_id if member else None
        member, _ = SeriesMember.objects.update_or_create(
            resolution=resolution, defaults={"series": found, "by_hand": True}
        )
        if old and old != found.pk:
            ResolutionSeries.objects.filter(pk=old, members=None).delete()
        _follow_series(resolution, found.pk)
        _series_pages_changed(old, found.pk)
        audit.record(
            actor=actor,
            action="votes.series_move",
            target=resolution,
            before=before,
            after={"series": found.title},
        )
    return member

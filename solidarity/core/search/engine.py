"""The catalogue engine: a tantivy index that mirrors the database's search documents.

The database stays the record: services write search documents and their
facets in their own transaction (FTS5 or PostgreSQL full text), and each write
adds a row to ``core_searchchange``. This engine replays those rows into an
embedded tantivy index on disk, so a catalogue page (ranked words, every
facet counted, at a million records) costs milliseconds instead of a scan.

Staying in step: before each query the engine compares the last change it
applied with the database's last change, and replays what it missed (another
process's writes included); a service also replays its own change once
committed. Processes sharing the index folder take turns through a lock file.
If the index is missing, damaged, ahead of the database (a restored backup) or
behind changes already pruned from the log, it is rebuilt from the database:
at start-up (``solidarity reindex --if-needed``, which ``solidarity serve``
runs), never by a visitor's request for a large kind; meanwhile, and whenever
the folder is unusable, the database answers (``faceting.run``). Deleting the
folder is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import itertools
import json
import logging
import re
import shutil
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from solidarity.core.search import (
    MARK_END,
    MARK_START,
    FacetedPage,
    Query,
    SearchHit,
    _backend,
    faceting,
    snippet,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
FACET_SEPARATOR = faceting.SEPARATOR
TITLE_BOOST = 2.0
MAX_FACET_VALUES = 10_000
# Two ways to count facets, both exact. Few matches: read each match's values
# (an aggregation, cost grows with the matches). Many: walk each facet value's
# list of documents against the set of matches (cost grows with the index, not
# the matches; at a million documents about 12 ms a field, where reading 600,000
# matches takes 60). The second is chosen when the matches may exceed this share.
MANY_MATCHES_FROM = 0.1
# A page sorted by date is looked for among this many newest documents first.
NEWEST_WINDOW = 20_000
# Words longer than this (in bytes) are not indexed, as in the database's tokenizer limits.
LONGEST_WORD = 80
# How many sets of facet counts a process keeps until the next change (about 20 KB each).
REMEMBERED_COUNTS = 512
# Memory the index writer may use while rebuilding (more means fewer, larger segments).
REBUILD_HEAP_BYTES = 120_000_000
# A request (or a writer's replay) rebuilds a missing index itself only for a kind
# this small (milliseconds); a larger one is rebuilt at start-up by
# `solidarity reindex --if-needed`, and the database answers until then.
REQUEST_REBUILD_LIMIT = 2_000
# A mirror writes its position in the log (core_searchmirror) at least this often.
HEARTBEAT_SECONDS = 600
# Mirrors not seen for this long no longer hold back pruning; if they come back,
# they find their position pruned and rebuild.
MIRROR_STALE_AFTER = dt.timedelta(days=1)


class IndexUnavailable(Exception):
    """The index cannot answer now (being rebuilt, or too large to rebuild in a request)."""


def _analyzer(*, long_words: bool = False):
    """Words as FTS5 reads them: split on non-letters, lower case, no accents, stemmed."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    if not long_words:
        builder = builder.filter(tantivy.Filter.remove_long(LONGEST_WORD))
    return (
        builder.filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


# The same words with the long ones kept in place, so word pairs never skip over one.
_WORDS = _analyzer(long_words=True)


def word_pairs(text: str) -> list[str]:
    """Each two neighbouring words of ``text`` as one term: ``"local_communiti"``.

    A two-word phrase is then one term to look up, however common its words are:
    matching "local communities" by positions means walking every document that
    has both words (a third of a million at a million records).
    """
    words = _WORDS.analyze(text)
    return [
        f"{first}_{second}"
        for first, second in itertools.pairwise(words)
        if len(first) < LONGEST_WORD and len(second) < LONGEST_WORD
    ]


# A word of a text as the engine's tokenizer splits it (letters and digits).
_TEXT_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=100_000)
def _stems(word: str) -> tuple[str, ...]:
    """What the engine indexes of one word (a corpus has a few thousand distinct words)."""
    return tuple(_WORDS.analyze(word))


def mark_matches(text: str, query: Query) -> str:
    """The text with the words and phrases the query found in it between MARK_START and MARK_END.

    Words are read as the engine reads them (case, accents, stems), so what is
    marked is what the engine matched; a phrase is marked whole, where its words
    stand side by side. Words left out (NOT) are never marked, nor the words of
    an alternative (OR) that one of its left-out words rules out here.
    """
    groups = [
        [(tuple(_WORDS.analyze(" ".join(term.words))), term.negated) for term in group]
        for group in query.groups
    ]
    starting: dict[str, set[tuple[str, ...]]] = {}
    for group in groups:
        for phrase, _negated in group:
            if phrase:
                starting.setdefault(phrase[0], set()).add(phrase)
    # Whole lists made in C: a body has a few hundred words and few of them match.
    matches = list(_TEXT_WORD.finditer(text))
    per_word = list(map(_stems, map(re.Match.group, matches)))
    stems = list(itertools.chain.from_iterable(per_word))
    owners: Sequence[int] = range(len(matches))  # the word each stem comes from
    if set(map(len, per_word)) - {1}:  # a word the engine splits in two, or drops
        owners = [i for i, word in enumerate(per_word) for _stem in word]
    found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for i in [i for i, stem in enumerate(stems) if stem in starting]:
        for phrase in starting[stems[i]]:
            if tuple(stems[i : i + len(phrase)]) == phrase:
                start = matches[owners[i]].start()
                end = matches[owners[i + len(phrase) - 1]].end()
                found.setdefault(phrase, []).append((start, end))
    shown = {
        phrase
        for group in groups
        if not any(negated and phrase in found for phrase, negated in group)
        for phrase, negated in group
        if not negated
    }
    parts: list[str] = []
    done = 0
    for start, end in sorted(
        (span for phrase in shown for span in found.get(phrase, ())),
        key=lambda span: (span[0], -span[1]),
    ):
        if start >= done:
            parts += [text[done:start], MARK_START, text[start:end], MARK_END]
            done = end
    return "".join(parts) + text[done:]


def _schema():
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="solidarity")
    builder.add_text_field("body", tokenizer_name="solidarity")
    for field in PAIR_FIELDS.values():
        builder.add_text_field(field, tokenizer_name="pairs", index_option="freq")
    builder.add_integer_field("sorted_at", fast=True, indexed=False)
    # Facet values are spread over two fields, so two threads can count them at once.
    for field in FACET_FIELDS:
        builder.add_text_field(field, tokenizer_name="raw", fast=True, index_option="basic")
    return builder.build()


FACET_FIELDS = ("facets_0", "facets_1")
PAIR_FIELDS = {"title": "title_pairs", "body": "body_pairs"}
# Counting runs beside the ranking: tantivy releases the GIL while it works.
_POOL = ThreadPoolExecutor(max_workers=len(FACET_FIELDS), thread_name_prefix="facets")


def facet_field(value: str) -> str:
    """The field holding a facet value: the same for a value wherever it is written."""
    return FACET_FIELDS[zlib.crc32(value.encode()) % len(FACET_FIELDS)]


def _filters_key(filters: dict[str, list[str]]) -> tuple:
    return tuple((name, tuple(sorted(values))) for name, values in sorted(filters.items()))


def _microseconds(moment) -> int:
    """A date to sort by, fine enough that records published in one second keep their order."""
    return int(moment.timestamp() * 1_000_000) if moment else 0


def _database_label() -> str:
    """Which database the index mirrors, so a folder is never reused for another."""
    config = connection.settings_dict
    return f"{connection.vendor}:{config.get('HOST') or ''}:{config.get('NAME')}"


class CatalogueIndex:
    """The mirror of one kind of search document (``"practice"``)."""

    def __init__(self, kind: str, folder: Path):
        self.kind = kind
        self.folder = folder
        self.schema = _schema()
        self.index = None
        self.seen = -1  # the last change this process's searcher includes
        # Facet counts made since the last change, by words and filters: a catalogue's
        # front page, its popular filters and the pages of one search share them.
        self.counted: OrderedDict[tuple, dict] = OrderedDict()
        self.lock = threading.Lock()
        self.counted_lock = threading.Lock()  # request threads share the remembered counts
        self.window: tuple[int, int | None] = (-2, None)  # (generation, date of the window)
        self.beaten = -HEARTBEAT_SECONDS  # when this process last wrote the mirror's position

    # -- Keeping in step -------------------------------------------------------

    @property
    def _state_file(self) -> Path:
        return self.folder / "state.json"

    def _read_state(self) -> dict:
        try:
            return json.loads(self._state_file.read_text())
        except (OSError, ValueError):
            return {}

    def _write_state(self, applied: int) -> None:
        state = {
            "schema": SCHEMA_VERSION,
            "database": _database_label(),
            "applied": applied,
            "mirror": self._read_state().get("mirror") or uuid.uuid4().hex,
        }
        temporary = self._state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(state))
        temporary.replace(self._state_file)

    def _open(self, *, fresh: bool = False) -> None:
        if fresh:
            shutil.rmtree(self.folder / "index", ignore_errors=True)
        (self.folder / "index").mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(self.folder / "index"), reuse=True)
        self.index.register_tokenizer("solidarity", _analyzer())
        self.index.register_tokenizer(
            "pairs", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )

    @property
    def _rebuilding(self) -> Path:
        """Present while a process rebuilds the index (left behind by one that died: harmless)."""
        return self.folder / "rebuilding"

    @contextlib.contextmanager
    def _exclusive(self, *, patient: bool = True):
        """Take the folder's lock. Not ``patient``: give up if a rebuild holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.lock, open(self.folder / "sync.lock", "a+") as handle:
            if patient:
                fcntl.flock(handle, fcntl.LOCK_EX)
            else:
                while True:  # a replay holds the lock for milliseconds, a rebuild for minutes
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if self._rebuilding.exists():
                            raise IndexUnavailable("being rebuilt by another process") from None
                        time.sleep(0.01)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _last_change(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT max(id) FROM core_searchchange WHERE kind = %s", [self.kind])
            return cursor.fetchone()[0] or 0

    def _pruned_through(self) -> int:
        """The last change of the kind deleted from the log (0 if none)."""
        from solidarity.core.models import SearchChangePruned

        pruned = SearchChangePruned.objects.filter(kind=self.kind).first()
        return pruned.through if pruned else 0

    def _more_documents_than(self, limit: int) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM core_searchdocument WHERE kind = %s "
                "LIMIT %s) d",
                [self.kind, limit + 1],
            )
            return cursor.fetchone()[0] > limit

    def ensure_current(self, *, whatever_size: bool = False) -> str:
        """Replay the changes this process has not seen yet (cheap when there are none).

        An index that must be rebuilt whole (missing, damaged, made for another
        database or ahead of it, or behind changes pruned from the log) is
        rebuilt here only if the kind holds at most REQUEST_REBUILD_LIMIT
        documents, or ``whatever_size`` (start-up, commands); otherwise, or
        while another process rebuilds it, IndexUnavailable is raised and the
        caller asks the database. Returns "current", "replayed" or "rebuilt".
        """
        last = self._last_change()
        if self.index is not None and last == self.seen:
            self._heartbeat()
            return "current"
        with self._exclusive(patient=whatever_size):
            state = self._read_state()
            applied = state.get("applied", -1)
            usable = (
                state.get("schema") == SCHEMA_VERSION
                and state.get("database") == _database_label()
                and applied <= last
            )
            if usable and self.index is None:
                try:
                    self._open()
                except (OSError, ValueError) as error:
                    log.warning("search index of %s unusable (%s)", self.kind, error)
                    usable = False
            changed = []
            if usable and applied < last:
                changed = self._changed(applied, last)
                # Read after the changes: a pruning committed before them shows here.
                usable = self._pruned_through() <= applied
            if not usable:
                if not whatever_size and self._more_documents_than(REQUEST_REBUILD_LIMIT):
                    raise IndexUnavailable(
                        "missing or out of date; `solidarity reindex --if-needed` rebuilds it"
                    )
                if self.index is None:
                    self._open(fresh=True)
                self._rebuild_locked(last)
                outcome = "rebuilt"
            elif applied < last:
                self._replay(changed, last)
                outcome = "replayed"
            else:
                outcome = "current"
            self.index.reload()
            self.seen = last
            self.counted.clear()
        self._heartbeat(force=True)
        return outcome

    def _heartbeat(self, *, force: bool = False) -> None:
        """Write how far this mirror has read the log, so pruning leaves it what it needs."""
        now = time.monotonic()
        if not force and now - self.beaten < HEARTBEAT_SECONDS:
            return
        from solidarity.core.models import SearchMirror

        name = self._read_state().get("mirror")
        if not name or self.seen < 0:
            return
        try:
            with transaction.atomic():
                SearchMirror.objects.bulk_create(
                    [
                        SearchMirror(
                            name=name, kind=self.kind, applied=self.seen, seen_at=timezone.now()
                        )
                    ],
                    update_conflicts=True,
                    unique_fields=["name", "kind"],
                    update_fields=["applied", "seen_at"],
                )
        except DatabaseError as error:  # the next change or heartbeat writes it
            log.warning("could not record the position of the %s index: %s", self.kind, error)
            return
        self.beaten = now

    def _documents_after(self, after: int, limit: int):
        """(id, object_id, title, body, sorted_at, facets) of the next documents by id."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, d.object_id, d.title, d.body, d.sorted_at, d.facets "
                "FROM core_searchdocument d WHERE d.kind = %s AND d.id > %s ORDER BY d.id LIMIT %s",
                [self.kind, after, limit],
            )
            return cursor.fetchall()

    @staticmethod
    def _document(row) -> tantivy.Document:
        _id, object_id, title, body, sorted_at, facets = row
        document = tantivy.Document()
        document.add_integer("id", int(object_id))
        document.add_text("title", title or "")
        document.add_text("body", body or "")
        document.add_text(PAIR_FIELDS["title"], " ".join(word_pairs(title or "")))
        document.add_text(PAIR_FIELDS["body"], " ".join(word_pairs(body or "")))
        document.add_integer("sorted_at", _microseconds(sorted_at))
        for value in faceting.facet_lines(facets):
            document.add_text(facet_field(value), value)
        return document

    def _changed(self, applied: int, last: int) -> list[str]:
        """The records changed after ``applied`` up to ``last``."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT object_id FROM core_searchchange "
                "WHERE kind = %s AND id > %s AND id <= %s",
                [self.kind, applied, last],
            )
            return [row[0] for row in cursor.fetchall()]

    def _replay(self, changed: list[str], last: int) -> None:
        writer = self.index.writer(50_000_000, 1)
        for start in range(0, len(changed), 500):
            chunk = changed[start : start + 500]
            for object_id in chunk:
                writer.delete_documents_by_term("id", int(object_id))
            for row in _backend().documents_of(self.kind, chunk):
                writer.add_document(self._document(row))
        writer.commit()
        writer.wait_merging_threads()
        self._write_state(last)

    def _rebuild_locked(self, last: int) -> int:
        # Until it is complete the folder holds no state: a rebuild cut short is done again.
        self._state_file.unlink(missing_ok=True)
        self._rebuilding.touch()
        try:
            return self._fill(last)
        finally:
            self._rebuilding.unlink(missing_ok=True)

    def _fill(self, last: int) -> int:
        writer = self.index.writer(REBUILD_HEAP_BYTES, 1)
        writer.delete_all_documents()
        count, after = 0, 0
        while True:
            batch = self._documents_after(after, 5000)
            if not batch:
                break
            for row in batch:
                writer.add_document(self._document(row))
            count += len(batch)
            after = batch[-1][0]
        writer.commit()
        writer.wait_merging_threads()
        self._write_state(last)
        return count

    def rebuild(self) -> int:
        """Index every document of the kind again, from the database."""
        with self._exclusive():
            self._open(fresh=True)
            count = self._rebuild_locked(self._last_change())
            self.index.reload()
            self.seen = -1
            self.counted.clear()
        return count

    # -- Reading ---------------------------------------------------------------

    def _parsed(self, text: str):
        return self.index.parse_query(text, ["title", "body"], field_boosts={"title": TITLE_BOOST})

    def _pairs_query(self, pairs: list[str]):
        """Documents with every pair in the title, or every pair in the body (title first)."""

        def every(field):
            terms = [
                (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, field, pair))
                for pair in pairs
            ]
            return terms[0][1] if len(terms) == 1 else tantivy.Query.boolean_query(terms)

        return tantivy.Query.boolean_query(
            [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.boost_query(every(PAIR_FIELDS["title"]), TITLE_BOOST),
                ),
                (tantivy.Occur.Should, every(PAIR_FIELDS["body"])),
            ]
        )

    def _term_query(self, term):
        """One word or phrase; a phrase is found through its word pairs."""
        words = " ".join(term.words)
        pairs = word_pairs(words)
        if not pairs or len(pairs) < len(_WORDS.analyze(words)) - 1:
            return self._parsed(f'"{words}"')
        if len(pairs) == 1:
            return self._pairs_query(pairs)  # exactly the phrase
        # Longer phrases: the pairs narrow the documents down, positions decide.
        narrowed = tantivy.Query.const_score_query(self._pairs_query(pairs), 0.0)
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, self._parsed(f'"{words}"')), (tantivy.Occur.Must, narrowed)]
        )

    def _text_query(self, query: Query):
        groups = []
        for group in query.groups:
            clauses = [
                (tantivy.Occur.MustNot if t.negated else tantivy.Occur.Must, self._term_query(t))
                for t in group
            ]
            groups.append((tantivy.Occur.Should, tantivy.Query.boolean_query(clauses)))
        return groups[0][1] if len(groups) == 1 else tantivy.Query.boolean_query(groups)

    def _any_of(self, name: str, values: list[str]):
        """Documents with any of a facet's values (which may sit in either field)."""
        by_field: dict[str, list[str]] = {}
        for value in values:
            term = f"{name}{FACET_SEPARATOR}{value}"
            by_field.setdefault(facet_field(term), []).append(term)
        queries = [
            # One value is a plain term: its list is walked as it is, where a set
            # of terms is first gathered into a set of documents (slower by a third).
            tantivy.Query.term_query(self.schema, field, terms[0])
            if len(terms) == 1
            else tantivy.Query.term_set_query(self.schema, field, terms)
            for field, terms in sorted(by_field.items())
        ]
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])

    def _filters_query(self, filters: dict[str, list[str]]):
        clauses = [
            (tantivy.Occur.Must, self._any_of(name, values))
            for name, values in sorted(filters.items())
        ]
        return tantivy.Query.boolean_query(clauses) if clauses else tantivy.Query.all_query()

    # -- Counting facets ---------------------------------------------------------

    def _estimate(self, searcher, query: Query, filters) -> int:
        """At most how many documents can match (from how many hold each word and value)."""

        def holding(term) -> int:
            words = " ".join(term.words)
            pairs = word_pairs(words)
            if pairs:
                return min(
                    sum(searcher.doc_freq(field, pair) for field in PAIR_FIELDS.values())
                    for pair in pairs
                )
            tokens = _WORDS.analyze(words) or [""]
            return sum(searcher.doc_freq(field, tokens[0]) for field in ("title", "body"))

        estimate = searcher.num_docs
        if not query.is_empty:
            estimate = min(
                estimate,
                sum(
                    min((holding(t) for t in group if not t.negated), default=estimate)
                    for group in query.groups
                ),
            )
        for name, values in filters.items():
            terms = [f"{name}{FACET_SEPARATOR}{value}" for value in values]
            estimate = min(estimate, sum(searcher.doc_freq(facet_field(t), t) for t in terms))
        return estimate

    @staticmethod
    def _by_facet(pairs, counts: dict[str, dict[str, int]]) -> None:
        for key, n in pairs:
            name, _sep, value = str(key).partition(FACET_SEPARATOR)
            counts.setdefault(name, {})[value] = n

    def _count_few(self, searcher, query):
        """Counts read from each match's values, for a few thousand matches (started now)."""

        def count(field):
            result = searcher.aggregate(
                query, {"f": {"terms": {"field": field, "size": MAX_FACET_VALUES}}}
            )
            return [(b["key"], b["doc_count"]) for b in result["f"]["buckets"]]

        return [_POOL.submit(count, field) for field in FACET_FIELDS]

    def _count_many(self, searcher, query):
        """Counts made by walking each value's documents against the matches (started now)."""
        return [
            _POOL.submit(searcher.terms_with_prefix, field, "", filter_query=query)
            for field in FACET_FIELDS
        ]

    def _collect(self, started) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for future in started:
            self._by_facet(future.result(), counts)
        return counts

    def _remembered(self, key) -> dict | None:
        with self.counted_lock:
            counts = self.counted.get(key)
            if counts is not None:
                self.counted.move_to_end(key)
            return counts

    def _remember(self, key, counts) -> None:
        """Keep counts until the next change (the least used go first)."""
        with self.counted_lock:
            self.counted[key] = counts
            while len(self.counted) > REMEMBERED_COUNTS:
                self.counted.popitem(last=False)

    def _newest_from(self, searcher, generation: int) -> int | None:
        """The date of the NEWEST_WINDOW-th newest document (None in a small index)."""
        if self.window[0] != generation:
            threshold = None
            if searcher.num_docs > NEWEST_WINDOW:
                hits = searcher.search(
                    tantivy.Query.all_query(),
                    1,
                    count=False,
                    order_by_field="sorted_at",
                    offset=NEWEST_WINDOW - 1,
                ).hits
                threshold = hits[0][0] if hits else None
            self.window = (generation, threshold)
        return self.window[1]

    def _newest(self, searcher, generation: int, query, limit: int, offset: int):
        """(the page newest first, the total or None if not counted).

        Sorting every match by date costs 20 ms at a million; the newest ones
        are looked for among the newest documents first. If enough of them
        match, they are the page; otherwise every match is sorted.
        """
        threshold = self._newest_from(searcher, generation)
        if threshold is not None and offset + limit <= NEWEST_WINDOW // 10:
            recent = tantivy.Query.range_query(
                self.schema, "sorted_at", tantivy.FieldType.Integer, threshold, 2**63 - 1
            )
            result = searcher.search(
                tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, query), (tantivy.Occur.Must, recent)]
                ),
                limit,
                count=False,
                order_by_field="sorted_at",
                offset=offset,
            )
            if len(result.hits) == limit:
                return result, None
        result = searcher.search(
            query, limit, count=True, order_by_field="sorted_at", offset=offset
        )
        return result, result.count

    def faceted(self, query: Query, *, filters, facets, sort: str, limit: int, offset: int):
        """(total, [(object_id, rank)], a function giving the facet counts).

        Counting many matches has begun in other threads; the caller reads its
        records and snippets meanwhile, then asks for the counts.
        """
        self.ensure_current()
        generation = self.seen  # counts made now belong to this state of the index
        searcher = self.index.searcher()
        filter_query = self._filters_query(filters)
        if query.is_empty:
            combined = filter_query
        else:
            combined = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, self._text_query(query)), (tantivy.Occur.Must, filter_query)]
            )
        key = (generation, repr(query), _filters_key(filters))
        known = self._remembered(key) if facets else {}
        started = None
        if known is None:  # counted in other threads while the page is ranked and read
            if self._estimate(searcher, query, filters) > MANY_MATCHES_FROM * searcher.num_docs:
                started = self._count_many(searcher, combined)
            else:
                started = self._count_few(searcher, combined)
        if sort == "relevance" and not query.is_empty:
            result = searcher.search(combined, limit, count=True, offset=offset)
            total = result.count
        else:
            result, total = self._newest(searcher, generation, combined, limit, offset)
            if total is None:
                total = (
                    searcher.num_docs
                    if query.is_empty and not filters
                    else searcher.search(combined, 1, count=True).count
                )
        addresses = [address for _score, address in result.hits]
        ids = searcher.fast_field_values("id", addresses) if addresses else []
        ranked = [
            (str(object_id), float(score) if sort == "relevance" else 0.0)
            for object_id, (score, _address) in zip(ids, result.hits, strict=True)
        ]

        def facet_counts() -> dict[str, list[tuple[str, int]]]:
            counts = known
            if counts is None:
                counts = self._collect(started)
                self._remember(key, counts)
            return {
                name: sorted(
                    ((value, n) for value, n in counts.get(name, {}).items() if n > 0),
                    key=lambda item: (-item[1], item[0]),
                )
                for name in facets
            }

        return total, ranked, facet_counts


_INDEXES: dict[tuple[str, str], CatalogueIndex] = {}
_INDEXES_LOCK = threading.Lock()
_CATALOGUES: set[str] = set()


def register_catalogue(kind: str) -> None:
    """Declare a kind served by the engine (at app start-up): its changes are replayed at once."""
    _CATALOGUES.add(kind)


def catalogues() -> set[str]:
    return set(_CATALOGUES)


def refresh_after_commit(kind: str) -> None:
    """Replay a catalogue's changes once the transaction that made them commits.

    The next reader would replay them anyway; doing it here makes the writer,
    not a visitor, wait for it. A failure is logged, never raised: the
    database already holds the change, and the next query retries.
    """
    if not enabled() or kind not in _CATALOGUES:
        return

    def replay():
        try:
            catalogue_index(kind).ensure_current()
        except IndexUnavailable:  # being rebuilt, or waiting for `reindex --if-needed`
            pass
        except Exception:  # the record is safe; the next query retries
            log.exception("could not bring the %s search index up to date", kind)

    transaction.on_commit(replay)


def prune_changes() -> dict[str, int]:
    """Delete the changes every mirror seen recently has applied; how many, by kind.

    Mirrors (one folder on one machine each) write how far they have read the
    log (``core_searchmirror``); those not seen for MIRROR_STALE_AFTER are
    forgotten. A kind's last change is always kept: mirrors compare their
    position with it. ``core_searchchangepruned`` records how far the log was
    pruned, so a mirror left behind rebuilds rather than miss a change.
    """
    from solidarity.core.models import SearchChange, SearchChangePruned, SearchMirror

    deleted = {}
    with transaction.atomic():
        SearchMirror.objects.filter(seen_at__lt=timezone.now() - MIRROR_STALE_AFTER).delete()
        kinds = SearchChange.objects.order_by().values_list("kind", flat=True).distinct()
        for kind in sorted(kinds):
            last = SearchChange.objects.filter(kind=kind).order_by("-id").values("id")[:1]
            last = last[0]["id"]
            positions = SearchMirror.objects.filter(kind=kind).values_list("applied", flat=True)
            keep_from = min([last, *positions])
            count, _ = SearchChange.objects.filter(kind=kind, id__lt=keep_from).delete()
            if count:
                SearchChangePruned.objects.bulk_create(
                    [SearchChangePruned(kind=kind, through=keep_from - 1)],
                    update_conflicts=True,
                    unique_fields=["kind"],
                    update_fields=["through"],
                )
            deleted[kind] = count
    return deleted


def catalogue_index(kind: str) -> CatalogueIndex:
    folder = Path(settings.SEARCH_INDEX_DIR) / kind
    key = (str(folder), kind)
    with _INDEXES_LOCK:
        if key not in _INDEXES:
            _INDEXES[key] = CatalogueIndex(kind, folder)
        return _INDEXES[key]


def enabled() -> bool:
    return settings.SEARCH_ENGINE == "tantivy"


def hits_with_snippets(backend, kind: str, query: Query, ranked, *, snippets: bool):
    """SearchHits for ranked (object_id, rank) pairs, their snippets marked as the engine reads.

    The bodies of the page's documents are read in one query and marked here:
    asking the database's own full-text index to highlight them cost a match
    per document (4-12 ms a page at a million records on SQLite).
    """
    marked = {}
    if snippets and ranked and not query.is_empty:
        bodies = backend.documents_of(kind, [object_id for object_id, _rank in ranked])
        marked = {row[1]: mark_matches(row[3] or "", query) for row in bodies}
    return [
        SearchHit(
            object_id,
            rank,
            snippet(marked[object_id]) if MARK_START in marked.get(object_id, "") else "",
        )
        for object_id, rank in ranked
    ]


def faceted(backend, kind: str, query: Query, **options) -> FacetedPage:
    """A catalogue page from the engine, its snippets marked as the engine reads words.

    If the engine cannot answer (its folder unusable, the index missing and
    too large to rebuild in a request, or being rebuilt), the database does,
    with the same results, only slower on a large catalogue.
    """
    try:
        total, ranked, facet_counts = catalogue_index(kind).faceted(
            query, **{name: value for name, value in options.items() if name != "snippets"}
        )
    except (IndexUnavailable, OSError, ValueError) as error:
        log.warning("catalogue index of %s unavailable, the database answers: %s", kind, error)
        return faceting.run(backend, kind, query, **options)
    snippets = options["snippets"]
    hits = hits_with_snippets(backend, kind, query, ranked, snippets=snippets)
    return FacetedPage(total, hits, facet_counts)

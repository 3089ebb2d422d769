"""One search interface for the whole platform, with a backend per database.

Records are indexed as *search documents*: a kind (``"resolution"``,
``"practice"``), the id of the record, a title, a body, a language, and for
catalogues a date to sort by and facet values to count and filter by. Services
call :func:`index_document` and :func:`remove_documents` inside their own
transaction, so the index always agrees with the records. Reads call
:func:`search`. ``solidarity reindex`` rebuilds everything from the records.

Backends: SQLite FTS5 with the Porter stemmer (the embedded default) and
PostgreSQL full text (``tsvector`` with a GIN index, the record language's
dictionary). The backend is chosen by the database in use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection, transaction

from solidarity.core.search.query import Query, QueryError, Term, parse_query

__all__ = [
    "Document",
    "FacetedPage",
    "Query",
    "QueryError",
    "SearchHit",
    "SearchPage",
    "faceted_search",
    "highlight",
    "index_document",
    "index_documents",
    "matching_parts",
    "parse_query",
    "register_reindexer",
    "reindexers",
    "remove_documents",
    "search",
    "snippet",
]

MARK_START, MARK_END = "\ue000", "\ue001"
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class SearchHit:
    object_id: str
    rank: float
    snippet: str  # plain text; matched words between MARK_START and MARK_END


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[SearchHit]


@dataclass(frozen=True)
class FacetedPage:
    total: int
    hits: list[SearchHit]
    # facet -> [(value, count)], most frequent first; or what gives them once
    # counted, so a caller reads its records while the counting goes on.
    counted: Mapping[str, list[tuple[str, int]]] | Callable[[], Mapping]

    @cached_property
    def facets(self) -> dict[str, list[tuple[str, int]]]:
        return dict(self.counted() if callable(self.counted) else self.counted)


@dataclass(frozen=True)
class Document:
    """What the index holds of one record."""

    object_id: str
    title: str
    body: str
    language: str = "en"
    sorted_at: dt.datetime | None = None
    facets: Mapping[str, Sequence[str]] = field(default_factory=dict)


_REINDEXERS: dict[str, Callable[[], int]] = {}


def register_reindexer(kind: str, rebuild: Callable[[], int]) -> None:
    """Declare how to rebuild the entries of a kind from the records (at app start-up)."""
    _REINDEXERS[kind] = rebuild


def reindexers() -> dict[str, Callable[[], int]]:
    return dict(_REINDEXERS)


def _backend():
    if connection.vendor == "postgresql":
        from solidarity.core.search import postgres as backend
    else:
        from solidarity.core.search import sqlite as backend
    return backend


def index_document(
    *,
    kind: str,
    object_id: str,
    title: str,
    body: str,
    language: str = "en",
    sorted_at: dt.datetime | None = None,
    facets: Mapping[str, Sequence[str]] | None = None,
):
    """Add or replace one document in the index."""
    document = Document(str(object_id), title, body, language, sorted_at, facets or {})
    index_documents(kind=kind, documents=[document])


def index_documents(*, kind: str, documents: Iterable[Document]) -> None:
    """Add or replace many documents."""
    from solidarity.core.search import engine, faceting

    batch = list(documents)
    if not batch:
        return
    with transaction.atomic(savepoint=False):
        faceting.take_turn(kind)
        _backend().upsert_many(kind, batch)
        faceting.log_changes(kind, [d.object_id for d in batch])
    engine.refresh_after_commit(kind)


def remove_documents(*, kind: str, object_ids=None) -> None:
    """Remove documents of a kind: the given ids, or all of them."""
    from solidarity.core.search import engine, faceting

    with transaction.atomic(savepoint=False):
        faceting.take_turn(kind)
        faceting.log_changes(kind, object_ids)
        _backend().delete(kind, object_ids=object_ids)
    engine.refresh_after_commit(kind)


def faceted_search(
    kind: str,
    text_or_query: str | Query | None = None,
    *,
    filters: Mapping[str, Sequence[str]] | None = None,
    facets: Sequence[str] = (),
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
    snippets: bool = True,
) -> FacetedPage:
    """A catalogue page: matches of the words (all documents if none) within the filters.

    ``filters`` maps a facet to the values allowed: any of a facet's values,
    and every facet given. ``facets`` names the facets to count over the whole
    result set. ``sort`` is ``"relevance"`` (words first, then newest) or
    ``"newest"``. Raises QueryError for an unsearchable query.
    """
    from solidarity.core.search import engine, faceting

    query = text_or_query if isinstance(text_or_query, Query) else parse_query(text_or_query or "")
    run = engine.faceted if engine.enabled() else faceting.run
    return run(
        _backend(),
        kind,
        query,
        filters={name: list(values) for name, values in (filters or {}).items() if values},
        facets=list(facets),
        sort=sort,
        limit=max(1, min(limit, 1000)),
        # An engine keeps offset + limit hits in memory: a deep page is bounded.
        offset=max(0, min(offset, MAX_OFFSET)),
        snippets=snippets,
    )


def search(
    kind: str,
    text_or_query: str | Query,
    *,
    limit: int = 20,
    offset: int = 0,
    within=None,
    snippets: bool = True,
) -> SearchPage:
    """The best matches of a kind, ranked; raises QueryError for an unsearchable query.

    ``within``, if given, is the ids the caller's own filters allow: the ranking
    and the total count only those, so filters and search agree at any size.
    ``snippets=False`` skips the snippets (empty strings) when only the ranking
    is wanted: making them is most of the cost of a long result list.
    """
    query = text_or_query if isinstance(text_or_query, Query) else parse_query(text_or_query)
    if query.is_empty:
        return SearchPage(total=0, hits=[])
    ids = None if within is None else [str(i) for i in within]
    if ids is not None and not ids:
        return SearchPage(total=0, hits=[])
    return _backend().search(
        kind,
        query,
        limit=max(1, min(limit, 1000)),
        offset=max(0, offset),
        within=ids,
        snippets=snippets,
    )


def highlight(kind: str, text_or_query: str | Query, object_ids) -> dict[str, str]:
    """The whole body of each given document with every match marked.

    For showing *where* a document matched: the caller splits the body at its
    own separators (paragraphs, sections) and keeps the parts with marks.
    """
    query = text_or_query if isinstance(text_or_query, Query) else parse_query(text_or_query)
    ids = [str(i) for i in object_ids]
    if query.is_empty or not ids:
        return {}
    return _backend().highlight(kind, query, ids)


def matching_parts(
    kind: str, text_or_query: str | Query, object_ids, *, separator: str
) -> dict[str, list[int]]:
    """Which parts of each document match the query on their own text.

    The body of a document is cut at ``separator`` (a resolution's paragraphs):
    a part matches when it holds every word or phrase of one of the query's
    groups and none of that group's words to leave out. The engine decides
    what "holds" means (stemming, phrases) by marking each word or phrase of
    the query alone; this only combines the marks. Gives, for each document
    with a matching part, the positions of its matching parts in order.
    """
    query = text_or_query if isinstance(text_or_query, Query) else parse_query(text_or_query)
    ids = [str(i) for i in object_ids]
    if query.is_empty or not ids:
        return {}
    backend = _backend()
    held: dict[tuple[str, ...], dict[str, set[int]]] = {}
    for words in dict.fromkeys(t.words for group in query.groups for t in group):
        alone = Query(((Term(words),),))
        held[words] = {
            object_id: {
                position
                for position, part in enumerate(body.split(separator))
                if _holds(part, len(words))
            }
            for object_id, body in backend.highlight(kind, alone, ids).items()
        }
    matching: dict[str, list[int]] = {}
    for object_id in ids:
        candidates = set().union(
            *(held[t.words].get(object_id, set()) for g in query.groups for t in g)
        )
        found = [
            position
            for position in sorted(candidates)
            if any(
                all((position in held[t.words].get(object_id, set())) != t.negated for t in group)
                for group in query.groups
            )
        ]
        if found:
            matching[object_id] = found
    return matching


_JOINED_MARKS = re.compile(f"{MARK_END}([^\\w{MARK_START}{MARK_END}]*){MARK_START}")
_MARKED_SPAN = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)
_WORD = re.compile(r"[^\W_]+")


def _holds(part: str, words: int) -> bool:
    """Whether a marked part holds the word, or a phrase of so many words side by side.

    Some engines mark each word of a phrase wherever it stands, others the
    phrase as one: marks with nothing but spaces or punctuation between them
    are read as one, and a phrase needs a run as long as itself.
    """
    if MARK_START not in part:
        return False
    if words == 1:
        return True
    joined = _JOINED_MARKS.sub(r"\1", part)
    return any(len(_WORD.findall(span)) >= words for span in _MARKED_SPAN.findall(joined))


def snippet(marked: str, *, words: int = 40) -> str:
    """About ``words`` words of a marked text around its first match."""
    tokens = marked.split()
    first = next((i for i, token in enumerate(tokens) if MARK_START in token), 0)
    start = max(0, first - words // 4)
    end = min(len(tokens), start + words)
    text = " ".join(tokens[start:end])
    if text.count(MARK_START) > text.count(MARK_END):
        text += MARK_END
    return ("… " if start else "") + text + (" …" if end < len(tokens) else "")

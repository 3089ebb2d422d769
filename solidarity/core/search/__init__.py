"""One search interface for the whole platform, with a backend per database.

Records are indexed as *search documents*: a kind (``"resolution.paragraph"``,
``"practice"``), the id of the record, a title, a body and a language. Services
call :func:`index_document` and :func:`remove_documents` inside their own
transaction, so the index always agrees with the records. Reads call
:func:`search`. ``solidarity reindex`` rebuilds everything from the records.

Backends: SQLite FTS5 with the Porter stemmer (the embedded default) and
PostgreSQL full text (``tsvector`` with a GIN index, the record language's
dictionary). The backend is chosen by the database in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection

from solidarity.core.search.query import Query, QueryError, parse_query

__all__ = [
    "Query",
    "QueryError",
    "SearchHit",
    "SearchPage",
    "highlight",
    "index_document",
    "index_documents",
    "parse_query",
    "register_reindexer",
    "reindexers",
    "remove_documents",
    "search",
    "snippet",
]

MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass(frozen=True)
class SearchHit:
    object_id: str
    rank: float
    snippet: str  # plain text; matched words between MARK_START and MARK_END


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[SearchHit]


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


def index_document(*, kind: str, object_id: str, title: str, body: str, language: str = "en"):
    """Add or replace one document in the index."""
    _backend().upsert_many(kind, [(str(object_id), title, body, language)])


def index_documents(*, kind: str, documents) -> None:
    """Add or replace many documents: an iterable of (object_id, title, body, language)."""
    _backend().upsert_many(kind, list(documents))


def remove_documents(*, kind: str, object_ids=None) -> None:
    """Remove documents of a kind: the given ids, or all of them."""
    _backend().delete(kind, object_ids=object_ids)


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

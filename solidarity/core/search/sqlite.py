"""SQLite FTS5 backend: an external-content FTS5 table over ``core_searchdocument``.

Triggers created by the migration keep ``core_search_fts`` in step with the
table, inside the same transaction.
"""

from __future__ import annotations

import json

from django.db import connection

from solidarity.core.search import MARK_END, MARK_START, SearchHit, SearchPage
from solidarity.core.search.faceting import facet_text
from solidarity.core.search.query import Query, to_fts5

_UPSERT = (
    "INSERT INTO core_searchdocument "
    "(kind, object_id, language, title, body, sorted_at, facets) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (kind, object_id) DO UPDATE SET language = excluded.language, "
    "title = excluded.title, body = excluded.body, sorted_at = excluded.sorted_at, "
    "facets = excluded.facets"
)


def upsert_many(kind, documents) -> None:
    """Store Documents in one round of statements."""
    with connection.cursor() as cursor:
        cursor.executemany(
            _UPSERT,
            [
                (kind, d.object_id, d.language, d.title, d.body, d.sorted_at, facet_text(d.facets))
                for d in documents
            ],
        )


def text_condition(query: Query) -> tuple[str, list]:
    """An SQL condition on ``d`` (core_searchdocument): the document matches the words."""
    return (
        "d.id IN (SELECT rowid FROM core_search_fts WHERE core_search_fts MATCH %s)",
        [to_fts5(query)],
    )


def ranked(query: Query, where: str, params: list, *, limit: int, offset: int):
    """(object_id, rank) of the best matches among the documents ``where`` allows."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.object_id, bm25(core_search_fts, 2.0, 1.0) AS r "
            "FROM core_search_fts f JOIN core_searchdocument d ON d.id = f.rowid "
            f"WHERE core_search_fts MATCH %s AND {where} "
            "ORDER BY r, d.sorted_at DESC LIMIT %s OFFSET %s",
            [to_fts5(query), *params, limit, offset],
        )
        return [(row[0], -float(row[1])) for row in cursor.fetchall()]


def documents_of(kind: str, object_ids) -> list[tuple]:
    """(id, object_id, title, body, sorted_at, facets) of the given records' documents."""
    ids = [str(i) for i in object_ids]
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.id, d.object_id, d.title, d.body, d.sorted_at, d.facets "
            f"FROM core_searchdocument d WHERE d.kind = %s AND d.object_id IN ({marks})",
            [kind, *ids],
        )
        return cursor.fetchall()


def delete(kind, *, object_ids=None) -> None:
    with connection.cursor() as cursor:
        if object_ids is not None:
            ids = [str(i) for i in object_ids]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"DELETE FROM core_searchdocument WHERE kind = %s AND object_id IN ({marks})",
                    [kind, *chunk],
                )
        else:
            cursor.execute("DELETE FROM core_searchdocument WHERE kind = %s", [kind])


def search(
    kind: str, query: Query, *, limit: int, offset: int, within=None, snippets: bool = True
) -> SearchPage:
    match = to_fts5(query)
    where = "core_search_fts MATCH %s AND d.kind = %s"
    params = [match, kind]
    if within is not None:
        where += " AND d.object_id IN (SELECT value FROM json_each(%s))"
        params.append(json.dumps(within))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM core_search_fts f JOIN core_searchdocument d "
            f"ON d.id = f.rowid WHERE {where}",
            params,
        )
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT d.object_id, bm25(core_search_fts, 2.0, 1.0), "
            + ("snippet(core_search_fts, 1, %s, %s, '…', 40) " if snippets else "'' ")
            + "FROM core_search_fts f JOIN core_searchdocument d ON d.id = f.rowid "
            f"WHERE {where} "
            "ORDER BY bm25(core_search_fts, 2.0, 1.0) LIMIT %s OFFSET %s",
            [*([MARK_START, MARK_END] if snippets else []), *params, limit, offset],
        )
        hits = [SearchHit(row[0], -float(row[1]), row[2]) for row in cursor.fetchall()]
    return SearchPage(total=total, hits=hits)


def highlight(kind: str, query: Query, object_ids: list[str]) -> dict[str, str]:
    # One branch per document, each found by its row id: FTS5 then reads only
    # that document's entries instead of every match of a common word.
    marked = {}
    match = to_fts5(query)
    branch = (
        "SELECT d.object_id, highlight(core_search_fts, 1, %s, %s) "
        "FROM core_searchdocument d JOIN core_search_fts f ON f.rowid = d.id "
        "WHERE d.kind = %s AND d.object_id = %s AND core_search_fts MATCH %s"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(object_ids), 200):
            chunk = object_ids[start : start + 200]
            cursor.execute(
                " UNION ALL ".join([branch] * len(chunk)),
                [v for i in chunk for v in (MARK_START, MARK_END, kind, i, match)],
            )
            marked.update(cursor.fetchall())
    return marked

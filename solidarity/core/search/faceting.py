"""Facets of the search index: storing them, filtering by them, counting them.

The SQL here is the same on both engines; only the words' condition and the
ranking come from the backend. A result set is described once, as a condition
on ``d`` (core_searchdocument), and used for the count, the facet counts and
the page, so the three always agree.
"""

from __future__ import annotations

from django.db import connection

from solidarity.core.search import (
    MARK_START,
    Document,
    FacetedPage,
    Query,
    SearchHit,
    snippet,
)

MAX_FILTER_VALUES = 50


def _ids_of(cursor, kind: str, object_ids: list[str]) -> dict[str, int]:
    found = {}
    for start in range(0, len(object_ids), 500):
        chunk = object_ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(
            "SELECT object_id, id FROM core_searchdocument "
            f"WHERE kind = %s AND object_id IN ({marks})",
            [kind, *chunk],
        )
        found.update(cursor.fetchall())
    return found


def _delete_for(cursor, document_ids: list[int]) -> None:
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"DELETE FROM core_searchfacet WHERE document_id IN ({marks})", chunk)


def log_changes(kind: str, object_ids) -> None:
    """Note changed documents for the catalogue engine (see engine.py)."""
    with connection.cursor() as cursor:
        if object_ids is None:
            cursor.execute(
                "INSERT INTO core_searchchange (kind, object_id) "
                "SELECT kind, object_id FROM core_searchdocument WHERE kind = %s",
                [kind],
            )
            return
        cursor.executemany(
            "INSERT INTO core_searchchange (kind, object_id) VALUES (%s, %s)",
            [(kind, str(i)) for i in object_ids],
        )


def store_facets(kind: str, documents: list[Document]) -> None:
    """Replace the facet values of freshly stored documents."""
    with connection.cursor() as cursor:
        ids = _ids_of(cursor, kind, [d.object_id for d in documents])
        _delete_for(cursor, list(ids.values()))
        rows = [
            (ids[d.object_id], name, str(value)[:80])
            for d in documents
            for name, values in d.facets.items()
            for value in dict.fromkeys(values)
        ]
        if rows:
            cursor.executemany(
                "INSERT INTO core_searchfacet (document_id, facet, value) VALUES (%s, %s, %s)",
                rows,
            )


def delete_facets(kind: str, *, object_ids=None) -> None:
    with connection.cursor() as cursor:
        if object_ids is None:
            cursor.execute(
                "DELETE FROM core_searchfacet WHERE document_id IN "
                "(SELECT id FROM core_searchdocument WHERE kind = %s)",
                [kind],
            )
        else:
            ids = _ids_of(cursor, kind, [str(i) for i in object_ids])
            _delete_for(cursor, list(ids.values()))


def _filters_condition(kind: str, filters: dict[str, list[str]]) -> tuple[str, list]:
    parts, params = ["d.kind = %s"], [kind]
    for name, values in sorted(filters.items()):
        values = [str(v) for v in values][:MAX_FILTER_VALUES]
        marks = ", ".join(["%s"] * len(values))
        parts.append(
            "d.id IN (SELECT document_id FROM core_searchfacet "
            f"WHERE facet = %s AND value IN ({marks}))"
        )
        params.extend([name, *values])
    return " AND ".join(parts), params


def count_facets(where: str, params: list, facets: list[str]) -> dict[str, list[tuple[str, int]]]:
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in facets}
    if not facets:
        return counts
    marks = ", ".join(["%s"] * len(facets))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f.facet, f.value, count(*) AS n FROM core_searchfacet f "
            f"WHERE f.facet IN ({marks}) AND f.document_id IN "
            f"(SELECT d.id FROM core_searchdocument d WHERE {where}) "
            "GROUP BY f.facet, f.value ORDER BY n DESC, f.value",
            [*facets, *params],
        )
        for name, value, n in cursor.fetchall():
            counts[name].append((value, n))
    return counts


def run(
    backend,
    kind: str,
    query: Query,
    *,
    filters: dict[str, list[str]],
    facets: list[str],
    sort: str,
    limit: int,
    offset: int,
    snippets: bool,
) -> FacetedPage:
    filtered, filter_params = _filters_condition(kind, filters)
    where, params = filtered, filter_params
    if not query.is_empty:
        text_sql, text_params = backend.text_condition(query)
        where, params = f"{filtered} AND {text_sql}", [*filter_params, *text_params]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM core_searchdocument d WHERE {where}", params)
        total = cursor.fetchone()[0]
    if total == 0:
        return FacetedPage(0, [], {name: [] for name in facets})
    if sort == "relevance" and not query.is_empty:
        ranked = backend.ranked(query, filtered, filter_params, limit=limit, offset=offset)
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.object_id FROM core_searchdocument d WHERE {where} "
                "ORDER BY d.sorted_at DESC, d.id DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            ranked = [(row[0], 0.0) for row in cursor.fetchall()]
    marked = {}
    if snippets and ranked and not query.is_empty:
        marked = backend.highlight(kind, query, [object_id for object_id, _rank in ranked])
    hits = [
        SearchHit(
            object_id,
            rank,
            snippet(marked[object_id]) if MARK_START in marked.get(object_id, "") else "",
        )
        for object_id, rank in ranked
    ]
    return FacetedPage(total, hits, count_facets(where, params, facets))

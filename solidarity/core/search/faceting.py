"""Facets of the search index, answered by the database alone.

A document's facet values are one text column of ``core_searchdocument``, one
``facet=value`` per line between newlines (:func:`facet_text`), written with the
document in the same statement. The catalogue engine (``engine.py``) reads them
from there; this module is the database's own answer to a faceted search
(``SOLIDARITY_SEARCH_ENGINE=database``), for small catalogues and as the
reference the engine is tested against. A result set is described once, as a
condition on ``d`` (core_searchdocument), and used for the count, the facet
counts and the page, so the three always agree.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection

from solidarity.core.search import (
    MARK_START,
    FacetedPage,
    Query,
    SearchHit,
    snippet,
)

MAX_FILTER_VALUES = 50
SEPARATOR = "="


def facet_text(facets) -> str:
    """``{"theme": ["food"], "country": ["KEN"]}`` as stored: "\ncountry=KEN\ntheme=food\n"."""
    lines = sorted(
        {
            f"{name}{SEPARATOR}{str(value)[:80]}"
            for name, values in facets.items()
            for value in values
        }
    )
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def facet_lines(text: str) -> list[str]:
    return [line for line in (text or "").split("\n") if line]


def hits_with_snippets(backend, kind: str, query: Query, ranked, *, snippets: bool):
    """SearchHits for ranked (object_id, rank) pairs, with snippets from the database."""
    marked = {}
    if snippets and ranked and not query.is_empty:
        marked = backend.highlight(kind, query, [object_id for object_id, _rank in ranked])
    return [
        SearchHit(
            object_id,
            rank,
            snippet(marked[object_id]) if MARK_START in marked.get(object_id, "") else "",
        )
        for object_id, rank in ranked
    ]


# PostgreSQL gives a change its id at insert but shows it to others at commit:
# a change could then commit after a later one that a mirror has already
# recorded as applied, and never be replayed. So writers of one kind take turns
# from before their first write to their commit (a transaction-level advisory
# lock, one per kind), and a kind's changes become visible in the order of their
# ids. Taken before the document's own row is written, so writers of a kind lock
# in one order. SQLite's writers already take turns (one writer at a time).
# Against the records' rows the order is one too, so no deadlock: every service
# that indexes (a practice's publish, retract and import, a resolution's ingest)
# locks or updates its record's row first and indexes last; once it holds the
# turn it only inserts rows (search rows, review event, audit entry, an import's
# next practice), whose foreign keys point at its own locked record or at users,
# whose rows are locked only by account services, which never index.
LOG_LOCK_CLASS = 5604


def take_turn(kind: str) -> None:
    """Wait for the other writers of a kind; the turn ends with the transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [LOG_LOCK_CLASS, kind])


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
        ids = [str(i) for i in object_ids]
        if connection.vendor == "postgresql":
            cursor.execute(
                "INSERT INTO core_searchchange (kind, object_id) SELECT %s, unnest(%s::text[])",
                [kind, ids],
            )
            return
        cursor.executemany(
            "INSERT INTO core_searchchange (kind, object_id) VALUES (%s, %s)",
            [(kind, i) for i in ids],
        )


def _filters_condition(kind: str, filters: dict[str, list[str]]) -> tuple[str, list]:
    """Any of a facet's values, for every facet: each value looked for as a whole line."""
    find = (
        "strpos(d.facets, %s) > 0"
        if connection.vendor == "postgresql"
        else "instr(d.facets, %s) > 0"
    )
    parts, params = ["d.kind = %s"], [kind]
    for name, values in sorted(filters.items()):
        values = [str(v) for v in values][:MAX_FILTER_VALUES]
        parts.append("(" + " OR ".join([find] * len(values)) + ")")
        params.extend(f"\n{name}{SEPARATOR}{value}\n" for value in values)
    return " AND ".join(parts), params


def count_facets(where: str, params: list, facets: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Each value's documents among those ``where`` allows, most frequent first."""
    wanted = set(facets)
    counter: Counter = Counter()
    if wanted:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.facets FROM core_searchdocument d WHERE {where}", params)
            for (text,) in cursor:
                counter.update(line for line in facet_lines(text))
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in facets}
    for line, n in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
        name, _sep, value = line.partition(SEPARATOR)
        if name in wanted:
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
    hits = hits_with_snippets(backend, kind, query, ranked, snippets=snippets)
    return FacetedPage(total, hits, count_facets(where, params, facets))

"""PostgreSQL full-text backend: a ``tsvector`` column with a GIN index.

The vector is computed with the dictionary of the record's language (weights:
title A, body B) in the same statement that stores the document.
"""

from __future__ import annotations

from django.db import connection

from solidarity.core.search import MARK_END, MARK_START, SearchHit, SearchPage
from solidarity.core.search.faceting import facet_text
from solidarity.core.search.query import Query

DICTIONARIES = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "simple",
    "zh-hans": "simple",
}


def dictionary(language: str) -> str:
    return DICTIONARIES.get(language, "simple")


# The same choice made in SQL, from the document's language column.
LANGUAGE_CONFIG = (
    "CASE language "
    + " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in DICTIONARIES.items())
    + " ELSE 'simple' END::regconfig"
)


_COLUMNS = "kind, object_id, language, title, body, sorted_at, facets"
_VECTOR = (
    "setweight(to_tsvector({config}, {title}), 'A') || "
    "setweight(to_tsvector({config}, {body}), 'B')"
)
_ON_CONFLICT = (
    "ON CONFLICT (kind, object_id) DO UPDATE SET language = excluded.language, "
    "title = excluded.title, body = excluded.body, sorted_at = excluded.sorted_at, "
    "facets = excluded.facets, vector = excluded.vector"
)
_UPSERT = (
    f"INSERT INTO core_searchdocument ({_COLUMNS}, vector) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, "
    + _VECTOR.format(config="%s::regconfig", title="%s", body="%s")
    + ") "
    + _ON_CONFLICT
)
# Batches from this size travel by COPY into a staging table, then one statement
# computes their vectors: sending each row as its own statement costs more
# (in the client and the server) than computing its vector.
COPY_FROM = 100


def upsert_many(kind, documents) -> None:
    """Store Documents, each with its vector."""
    latest = {d.object_id: d for d in documents}  # a batch may name a record twice
    rows = [
        (kind, d.object_id, d.language, d.title, d.body, d.sorted_at, facet_text(d.facets))
        for d in latest.values()
    ]
    with connection.cursor() as cursor:
        if len(rows) < COPY_FROM:
            cursor.executemany(
                _UPSERT,
                [(*row, dictionary(row[2]), row[3], dictionary(row[2]), row[4]) for row in rows],
            )
            return
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS search_incoming (kind text, object_id text, "
            "language text, title text, body text, sorted_at timestamptz, facets text) "
            "ON COMMIT DELETE ROWS"
        )
        with cursor.copy(f"COPY search_incoming ({_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        vector = _VECTOR.format(config=LANGUAGE_CONFIG, title="title", body="body")
        cursor.execute(
            f"INSERT INTO core_searchdocument ({_COLUMNS}, vector) "
            f"SELECT {_COLUMNS}, {vector} FROM search_incoming " + _ON_CONFLICT
        )
        cursor.execute("TRUNCATE search_incoming")


# The documents of a list of ids (%s: the ids, then the kind) as ``d``, each found
# through the (kind, object_id) key whatever the planner's statistics say: with
# none yet after a bulk load, it read a list of ids through another index and
# the whole table behind it, a second per 500 ids.
_BY_KEY = (
    "unnest(%s::text[]) AS wanted(object_id) CROSS JOIN LATERAL "
    "(SELECT * FROM core_searchdocument WHERE kind = %s AND object_id = wanted.object_id "
    "OFFSET 0) d"
)


def documents_of(kind: str, object_ids) -> list[tuple]:
    """(id, object_id, title, body, sorted_at, facets) of the given records' documents."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, d.object_id, d.title, d.body, d.sorted_at, d.facets FROM {_BY_KEY}",
            [[str(i) for i in object_ids], kind],
        )
        return cursor.fetchall()


def delete(kind, *, object_ids=None) -> None:
    with connection.cursor() as cursor:
        if object_ids is not None:
            cursor.execute(
                "DELETE FROM core_searchdocument WHERE kind = %s AND object_id = ANY(%s)",
                [kind, [str(i) for i in object_ids]],
            )
        else:
            cursor.execute("DELETE FROM core_searchdocument WHERE kind = %s", [kind])


# Each word or phrase is matched with the English stemmer or with the simple
# dictionary, so English records stem and others still match word for word. A
# word left out must be absent in both forms: the query is built term by term.
_TERM = "(phraseto_tsquery('english', %s) || phraseto_tsquery('simple', %s))"


def tsquery(query: Query) -> tuple[str, list]:
    """The query as a tsquery expression: any group, all of a group's terms."""
    groups, params = [], []
    for group in query.groups:
        parts = []
        for term in group:
            text = " ".join(term.words)
            parts.append(("!!" if term.negated else "") + _TERM)
            params.extend([text, text])
        groups.append("(" + " && ".join(parts) + ")")
    return "(" + " || ".join(groups) + ")", params


def text_condition(query: Query) -> tuple[str, list]:
    """An SQL condition on ``d`` (core_searchdocument): the document matches the words."""
    sql, params = tsquery(query)
    return f"d.vector @@ {sql}", params


def ranked(query: Query, where: str, params: list, *, limit: int, offset: int):
    """(object_id, rank) of the best matches among the documents ``where`` allows."""
    sql, query_params = tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.object_id, ts_rank_cd(d.vector, q.q) AS r "
            f"FROM core_searchdocument d, (SELECT {sql} AS q) q "
            f"WHERE d.vector @@ q.q AND {where} "
            f"ORDER BY r DESC, d.sorted_at DESC NULLS LAST LIMIT %s OFFSET %s",
            [*query_params, *params, limit, offset],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def highlight(kind: str, query: Query, object_ids: list[str]) -> dict[str, str]:
    sql, query_params = tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.object_id, ts_headline({LANGUAGE_CONFIG}, body, q.q, %s) "
            # Matching a common word through the GIN index first would read every match.
            f"FROM {_BY_KEY}, (SELECT {sql} AS q) q WHERE vector @@ q.q",
            [
                f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}",
                list(object_ids),
                kind,
                *query_params,
            ],
        )
        return dict(cursor.fetchall())


def search(
    kind: str, query: Query, *, limit: int, offset: int, within=None, snippets: bool = True
) -> SearchPage:
    sql, query_params = tsquery(query)
    restrict, restrict_params = "", []
    if within is not None:
        restrict, restrict_params = " AND object_id = ANY(%s)", [within]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM core_searchdocument WHERE kind = %s{restrict} "
            f"AND vector @@ {sql}",
            [kind, *restrict_params, *query_params],
        )
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT object_id, ts_rank_cd(vector, q), "
            + ("ts_headline(language_config, body, q, %s) " if snippets else "'' ")
            + f"FROM (SELECT object_id, vector, body, "
            f"{LANGUAGE_CONFIG} AS language_config, {sql} AS q "
            f"FROM core_searchdocument WHERE kind = %s{restrict}) d "
            f"WHERE vector @@ q ORDER BY ts_rank_cd(vector, q) DESC, object_id "
            f"LIMIT %s OFFSET %s",
            [
                *(
                    [f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15"]
                    if snippets
                    else []
                ),
                *query_params,
                kind,
                *restrict_params,
                limit,
                offset,
            ],
        )
        hits = [SearchHit(row[0], float(row[1]), row[2]) for row in cursor.fetchall()]
    return SearchPage(total=total, hits=hits)

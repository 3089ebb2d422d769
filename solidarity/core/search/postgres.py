"""PostgreSQL full-text backend: a ``tsvector`` column with a GIN index.

The vector is computed with the dictionary of the record's language (weights:
title A, body B) in the same statement that stores the document.
"""

from __future__ import annotations

from django.db import connection

from solidarity.core.search import MARK_END, MARK_START, SearchHit, SearchPage
from solidarity.core.search.faceting import facet_text
from solidarity.core.search.query import Query, to_websearch

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


_UPSERT = (
    "INSERT INTO core_searchdocument "
    "(kind, object_id, language, title, body, sorted_at, facets, vector) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, "
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'B')) "
    "ON CONFLICT (kind, object_id) DO UPDATE SET language = excluded.language, "
    "title = excluded.title, body = excluded.body, sorted_at = excluded.sorted_at, "
    "facets = excluded.facets, vector = excluded.vector"
)


def upsert_many(kind, documents) -> None:
    """Store Documents, each with its vector."""
    rows = []
    for d in documents:
        config = dictionary(d.language)
        rows.append(
            (
                kind,
                d.object_id,
                d.language,
                d.title,
                d.body,
                d.sorted_at,
                facet_text(d.facets),
                config,
                d.title,
                config,
                d.body,
            )
        )
    with connection.cursor() as cursor:
        cursor.executemany(_UPSERT, rows)


def delete(kind, *, object_ids=None) -> None:
    with connection.cursor() as cursor:
        if object_ids is not None:
            cursor.execute(
                "DELETE FROM core_searchdocument WHERE kind = %s AND object_id = ANY(%s)",
                [kind, [str(i) for i in object_ids]],
            )
        else:
            cursor.execute("DELETE FROM core_searchdocument WHERE kind = %s", [kind])


# The query is matched with the English stemmer and with the simple
# dictionary, so English records stem and others still match word for word.
TSQUERY = "(websearch_to_tsquery('english', %s) || websearch_to_tsquery('simple', %s))"
LANGUAGE_CONFIG = (
    "CASE language WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' "
    "WHEN 'ru' THEN 'russian' WHEN 'en' THEN 'english' ELSE 'simple' END::regconfig"
)


def text_condition(query: Query) -> tuple[str, list]:
    """An SQL condition on ``d`` (core_searchdocument): the document matches the words."""
    text = to_websearch(query)
    return f"d.vector @@ {TSQUERY}", [text, text]


def ranked(query: Query, where: str, params: list, *, limit: int, offset: int):
    """(object_id, rank) of the best matches among the documents ``where`` allows."""
    text = to_websearch(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.object_id, ts_rank_cd(d.vector, q.q) AS r "
            f"FROM core_searchdocument d, (SELECT {TSQUERY} AS q) q "
            f"WHERE d.vector @@ q.q AND {where} "
            f"ORDER BY r DESC, d.sorted_at DESC NULLS LAST LIMIT %s OFFSET %s",
            [text, text, *params, limit, offset],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def highlight(kind: str, query: Query, object_ids: list[str]) -> dict[str, str]:
    text = to_websearch(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, ts_headline({LANGUAGE_CONFIG}, body, {TSQUERY}, %s) "
            # OFFSET 0 keeps the planner on the (kind, object_id) index: matching
            # a common word through the GIN index first would read every match.
            f"FROM (SELECT * FROM core_searchdocument WHERE kind = %s AND object_id = ANY(%s) "
            f"OFFSET 0) d WHERE vector @@ {TSQUERY}",
            [
                text,
                text,
                f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}",
                kind,
                object_ids,
                text,
                text,
            ],
        )
        return dict(cursor.fetchall())


def search(
    kind: str, query: Query, *, limit: int, offset: int, within=None, snippets: bool = True
) -> SearchPage:
    text = to_websearch(query)
    tsquery = TSQUERY
    restrict, restrict_params = "", []
    if within is not None:
        restrict, restrict_params = " AND object_id = ANY(%s)", [within]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM core_searchdocument WHERE kind = %s{restrict} "
            f"AND vector @@ {tsquery}",
            [kind, *restrict_params, text, text],
        )
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT object_id, ts_rank_cd(vector, q), "
            + ("ts_headline(language_config, body, q, %s) " if snippets else "'' ")
            + f"FROM (SELECT object_id, vector, body, "
            f"{LANGUAGE_CONFIG} AS language_config, {tsquery} AS q "
            f"FROM core_searchdocument WHERE kind = %s{restrict}) d "
            f"WHERE vector @@ q ORDER BY ts_rank_cd(vector, q) DESC, object_id "
            f"LIMIT %s OFFSET %s",
            [
                *(
                    [f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15"]
                    if snippets
                    else []
                ),
                text,
                text,
                kind,
                *restrict_params,
                limit,
                offset,
            ],
        )
        hits = [SearchHit(row[0], float(row[1]), row[2]) for row in cursor.fetchall()]
    return SearchPage(total=total, hits=hits)

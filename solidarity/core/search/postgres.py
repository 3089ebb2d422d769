"""PostgreSQL full-text backend: a ``tsvector`` column with a GIN index.

The vector is computed with the dictionary of the record's language (weights:
title A, body B) in the same statement that stores the document.
"""

from __future__ import annotations

from django.db import connection

from solidarity.core.search import MARK_END, MARK_START, SearchHit, SearchPage
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
    "INSERT INTO core_searchdocument (kind, object_id, language, title, body, vector) "
    "VALUES (%s, %s, %s, %s, %s, "
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'B')) "
    "ON CONFLICT (kind, object_id) DO UPDATE SET language = excluded.language, "
    "title = excluded.title, body = excluded.body, vector = excluded.vector"
)


def upsert_many(kind, documents) -> None:
    """Store (object_id, title, body, language) tuples, each with its vector."""
    rows = []
    for object_id, title, body, language in documents:
        config = dictionary(language)
        rows.append((kind, str(object_id), language, title, body, config, title, config, body))
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


def highlight(kind: str, query: Query, object_ids: list[str]) -> dict[str, str]:
    text = to_websearch(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, ts_headline({LANGUAGE_CONFIG}, body, {TSQUERY}, %s) "
            f"FROM core_searchdocument WHERE kind = %s AND object_id = ANY(%s) "
            f"AND vector @@ {TSQUERY}",
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

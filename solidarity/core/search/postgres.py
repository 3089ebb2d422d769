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


LANGUAGE_CONFIG = (
    "CASE language WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' "
    "WHEN 'ru' THEN 'russian' WHEN 'en' THEN 'english' ELSE 'simple' END::regconfig"
)


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
            f"SELECT object_id, ts_headline({LANGUAGE_CONFIG}, body, q.q, %s) "
            # OFFSET 0 keeps the planner on the (kind, object_id) index: matching
            # a common word through the GIN index first would read every match.
            f"FROM (SELECT * FROM core_searchdocument WHERE kind = %s AND object_id = ANY(%s) "
            f"OFFSET 0) d, (SELECT {sql} AS q) q WHERE vector @@ q.q",
            [
                f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}",
                kind,
                object_ids,
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

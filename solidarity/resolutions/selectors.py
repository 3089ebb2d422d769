"""Reads of resolutions shared by the pages and the API."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from solidarity.core import search
from solidarity.countries.models import RegionalGroup
from solidarity.resolutions.anchors import paragraph_anchors
from solidarity.resolutions.indexing import PARAGRAPH_MARK, SEARCH_KIND
from solidarity.resolutions.models import (
    OperativeParagraph,
    Position,
    PreambularParagraph,
    Resolution,
    VoteCast,
)

MAX_SEARCH_HITS = 1000


@dataclass
class ResolutionFilters:
    body: str = ""
    kind: str = ""  # "resolution" or "decision"; "" for both
    session: int | None = None
    year: int | None = None
    voted: bool | None = None  # True: recorded vote; False: without a vote
    q: str = ""

    @property
    def narrowing(self) -> bool:
        """Whether anything but the words restricts the list."""
        return bool(self.body or self.kind or self.session or self.year or self.voted is not None)


def resolutions_list(filters: ResolutionFilters) -> QuerySet[Resolution]:
    resolutions = Resolution.objects.select_related("recorded_vote").defer("document")
    if filters.body:
        resolutions = resolutions.filter(body=filters.body)
    if filters.kind:
        resolutions = resolutions.filter(kind=filters.kind)
    if filters.session:
        resolutions = resolutions.filter(session=filters.session)
    if filters.year:
        resolutions = resolutions.filter(adopted_on__year=filters.year)
    if filters.voted is not None:
        resolutions = resolutions.filter(adopted_without_vote=not filters.voted)
    return resolutions


@dataclass
class ParagraphHit:
    anchor: str
    snippet: str
    rank: tuple = ()  # lower is better: more of the query's words, then a phrase


@dataclass(frozen=True)
class Matches:
    """The resolutions a search lists, and what it leaves out and why."""

    ids: list[int]  # listed, best first: at most MAX_SEARCH_HITS
    count: int  # resolutions with a paragraph that matches (as far as checked)
    apart: int  # resolutions holding the words, but in no one paragraph that matches
    more: bool  # more resolutions hold the words than the MAX_SEARCH_HITS checked


def _positive(query: search.Query) -> search.Query:
    """The query without its words to leave out: what a resolution must hold somewhere."""
    return search.Query(tuple(tuple(t for t in g if not t.negated) for g in query.groups))


def _checked_by_paragraph(query: search.Query) -> bool:
    """Whether a resolution may hold the words yet have no paragraph that matches.

    A single word per alternative matches a paragraph wherever it matches the
    resolution; several words, a word to leave out, or a phrase (which
    PostgreSQL reads across the separator between paragraphs, and whose words
    it marks wherever they stand) must be checked paragraph by paragraph.
    """
    return any(len(group) > 1 or group[0].negated or group[0].is_phrase for group in query.groups)


def resolutions_matching(
    query_text: str, resolutions: QuerySet[Resolution], *, filtered: bool
) -> Matches:
    """The resolutions with at least one paragraph matching the query on its own, best first.

    A paragraph matches when it holds all the words of one alternative and
    none of the words to leave out; a resolution holding the words only in
    different paragraphs, or only beside a word left out, is counted as
    ``apart``. When ``filtered``, the search is confined to the resolutions
    the filters allow, so a filter and a common word still find everything.
    Raises ``search.QueryError``.
    """
    query = search.parse_query(query_text)
    within = list(resolutions.values_list("pk", flat=True)) if filtered else None
    page = search.search(
        SEARCH_KIND, _positive(query), limit=MAX_SEARCH_HITS, within=within, snippets=False
    )
    ids = [int(hit.object_id) for hit in page.hits]
    more = page.total > len(ids)
    if not _checked_by_paragraph(query):
        return Matches(ids, page.total, 0, more)
    matching = search.matching_parts(SEARCH_KIND, query, ids, separator=PARAGRAPH_MARK)
    listed = [pk for pk in ids if str(pk) in matching]
    apart = len(ids) - len(listed)
    return Matches(listed, page.total - apart, apart, more)


def resolution_ids_matching(
    query_text: str, resolutions: QuerySet[Resolution], *, filtered: bool
) -> tuple[list[int], int]:
    """Ids of the matching resolutions, best first, and how many (see resolutions_matching)."""
    matches = resolutions_matching(query_text, resolutions, filtered=filtered)
    return matches.ids, matches.count


def resolutions_in_order(ids: list[int]) -> list[Resolution]:
    by_id = Resolution.objects.select_related("recorded_vote").defer("document").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def paragraph_hits(query_text: str, ids: list[int], *, per_resolution: int | None = 5):
    """For each resolution, its paragraphs that match the query on their own, in reading order.

    ``per_resolution`` keeps only the best (None: every one). Engines mark
    every matching word (PostgreSQL marks a phrase's words wherever they
    stand), so paragraphs are ranked by how many of the query's words they
    hold and by marks side by side (a phrase).
    """
    query = search.parse_query(query_text)
    wanted = len(set(query.positive_words()))
    positive = _positive(query)
    marked = search.highlight(SEARCH_KIND, positive, ids)
    matching = (
        search.matching_parts(SEARCH_KIND, query, ids, separator=PARAGRAPH_MARK)
        if _checked_by_paragraph(query)
        else None
    )
    documents = dict(Resolution.objects.filter(pk__in=ids).values_list("pk", "document"))
    hits: dict[int, list[ParagraphHit]] = {}
    for object_id, body in marked.items():
        pk = int(object_id)
        allowed = None if matching is None else set(matching.get(object_id, ()))
        found = []
        parts = body.split(PARAGRAPH_MARK)
        for position, (anchor, part) in enumerate(
            zip(paragraph_anchors(documents[pk]), parts, strict=False)
        ):
            if search.MARK_START not in part or (allowed is not None and position not in allowed):
                continue
            words = {w.casefold() for w in _MARKED.findall(part)}
            side_by_side = part.count(f"{search.MARK_END} {search.MARK_START}")
            rank = (-min(len(words), wanted), -side_by_side, position)
            found.append(ParagraphHit(anchor, search.snippet(part), rank))
        if found:
            hits[pk] = found if per_resolution is None else best_hits(found, per_resolution)
    return hits


def paragraphs_left_out(query_text: str, ids: list[int]) -> dict[int, list[str]]:
    """For each resolution, the anchors of the paragraphs that would match but
    for a word left out, in reading order: what the page says it does not show."""
    query = search.parse_query(query_text)
    if not any(t.negated for group in query.groups for t in group):
        return {}
    matching = search.matching_parts(SEARCH_KIND, query, ids, separator=PARAGRAPH_MARK)
    holding = search.matching_parts(SEARCH_KIND, _positive(query), ids, separator=PARAGRAPH_MARK)
    documents = dict(Resolution.objects.filter(pk__in=ids).values_list("pk", "document"))
    left_out = {}
    for object_id, positions in holding.items():
        pk = int(object_id)
        dropped = set(positions) - set(matching.get(object_id, ()))
        anchors = paragraph_anchors(documents[pk])
        left_out[pk] = [anchors[p] for p in sorted(dropped) if p < len(anchors)]
    return {pk: anchors for pk, anchors in left_out.items() if anchors}


def best_hits(hits: list[ParagraphHit], count: int) -> list[ParagraphHit]:
    """The ``count`` best of a resolution's hits, in reading order."""
    best = sorted(hits, key=lambda hit: hit.rank)[:count]
    return sorted(best, key=lambda hit: hit.rank[-1])


_MARKED = re.compile(f"{search.MARK_START}(.*?){search.MARK_END}", re.DOTALL)


def resolution_get(symbol: str) -> Resolution:
    return Resolution.objects.select_related("recorded_vote").get(symbol=symbol)


def resolution_with_vote(symbol: str) -> Resolution:
    casts = VoteCast.objects.select_related("country").order_by("country__un_name")
    return (
        Resolution.objects.select_related("recorded_vote")
        .prefetch_related(Prefetch("recorded_vote__casts", queryset=casts))
        .get(symbol=symbol)
    )


def resolution_for_page(symbol: str) -> Resolution:
    """A resolution with its vote and its paragraphs as rows, in reading order.

    The page reads the paragraphs from their rows (``.preambular_paragraphs``
    and ``.operative_paragraphs``, prefetched), the same rows the mandate's
    tasks and comparisons of resolutions point at.
    """
    casts = VoteCast.objects.select_related("country").order_by("country__un_name")
    return (
        Resolution.objects.select_related("recorded_vote")
        .prefetch_related(
            Prefetch("recorded_vote__casts", queryset=casts),
            Prefetch(
                "preambular_paragraphs", queryset=PreambularParagraph.objects.order_by("index")
            ),
            Prefetch(
                "operative_paragraphs", queryset=OperativeParagraph.objects.order_by("number")
            ),
        )
        .get(symbol=symbol)
    )


def vote_by_group(resolution: Resolution) -> list[dict]:
    """The recorded vote as rows per UN regional group, for the accessible table."""
    vote = getattr(resolution, "recorded_vote", None)
    if vote is None:
        return []
    rows = {
        value: {"group": value, "label": label, "yes": [], "no": [], "abstain": []}
        for value, label in RegionalGroup.choices
    }
    for cast in vote.casts.all():
        group = cast.country.regional_group
        if group in rows:
            rows[group][cast.position].append(cast.country)
    return [
        row | {"total": len(row["yes"]) + len(row["no"]) + len(row["abstain"])}
        for row in rows.values()
        if row["yes"] or row["no"] or row["abstain"]
    ]


def vote_positions(resolution: Resolution) -> dict[str, str]:
    vote = getattr(resolution, "recorded_vote", None)
    if vote is None:
        return {}
    return {cast.country_id: cast.position for cast in vote.casts.all()}


POSITION_ORDER = [Position.YES, Position.NO, Position.ABSTAIN]


def votes_of_country(country, *, limit: int = 100, offset: int = 0) -> dict:
    """A State's positions in recorded votes, newest first, with the totals of all."""
    casts = (
        VoteCast.objects.filter(country=country)
        .select_related("vote__resolution")
        .only(
            "position",
            "vote__resolution__symbol",
            "vote__resolution__title",
            "vote__resolution__session",
            "vote__resolution__number",
            "vote__resolution__adopted_on",
        )
        .order_by("-vote__resolution__adopted_on", "-vote__resolution__id")
    )
    totals = {position: 0 for position in POSITION_ORDER}
    for row in VoteCast.objects.filter(country=country).values("position").annotate(n=Count("id")):
        totals[row["position"]] = row["n"]
    count = sum(totals.values())
    shown = list(casts[offset : offset + limit])
    return {"casts": shown, "totals": totals, "count": count, "more": count > offset + len(shown)}

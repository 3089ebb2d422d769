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


def resolution_ids_matching(
    query_text: str, resolutions: QuerySet[Resolution], *, filtered: bool
) -> tuple[list[int], int]:
    """Ids of the matching resolutions among those given, best first, and how many match.

    The ids are at most MAX_SEARCH_HITS; the count is exact. When ``filtered``,
    the search is confined to the resolutions the filters allow, so a filter
    and a common word still find everything. Raises ``search.QueryError``.
    """
    within = list(resolutions.values_list("pk", flat=True)) if filtered else None
    page = search.search(
        SEARCH_KIND, query_text, limit=MAX_SEARCH_HITS, within=within, snippets=False
    )
    return [int(hit.object_id) for hit in page.hits], page.total


def resolutions_in_order(ids: list[int]) -> list[Resolution]:
    by_id = Resolution.objects.select_related("recorded_vote").defer("document").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def paragraph_hits(query_text: str, ids: list[int], *, per_resolution: int = 5):
    """For each resolution, the paragraphs that match best, in reading order.

    Engines mark every matching word (PostgreSQL marks a phrase's words
    wherever they stand), so paragraphs are ranked by how many of the query's
    words they hold and by marks side by side (a phrase), before the best are
    kept.
    """
    query = search.parse_query(query_text)
    wanted = len(set(query.positive_words()))
    marked = search.highlight(SEARCH_KIND, query, ids)
    documents = dict(Resolution.objects.filter(pk__in=ids).values_list("pk", "document"))
    hits: dict[int, list[ParagraphHit]] = {}
    for object_id, body in marked.items():
        pk = int(object_id)
        scored = []
        parts = body.split(PARAGRAPH_MARK)
        for position, (anchor, part) in enumerate(
            zip(paragraph_anchors(documents[pk]), parts, strict=False)
        ):
            if search.MARK_START not in part:
                continue
            words = {w.casefold() for w in _MARKED.findall(part)}
            side_by_side = part.count(f"{search.MARK_END} {search.MARK_START}")
            scored.append((-min(len(words), wanted), -side_by_side, position, anchor, part))
        best = sorted(scored)[:per_resolution]
        hits[pk] = [
            ParagraphHit(anchor, search.snippet(part))
            for *_, anchor, part in sorted(best, key=lambda item: item[2])
        ]
    return hits


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

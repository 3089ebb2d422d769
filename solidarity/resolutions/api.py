from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from solidarity.api.shaped import fields, shaped
from solidarity.core import search
from solidarity.core.api import error_responses, errors
from solidarity.countries.models import Country
from solidarity.resolutions import akomantoso, selectors
from solidarity.resolutions.models import Resolution
from solidarity.resolutions.parsing.symbols import canonical

router = Router(tags=["resolutions"])


class ResolutionSummary(Schema):
    symbol: str
    kind: str
    body: str
    session: int
    session_type: str
    part: str
    title: str
    adopted_on: dt.date | None
    adopted_without_vote: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    matching_paragraphs: list[str] = []


_VOTE = ("yes", "no", "abstain")


def _summaries(
    resolutions: QuerySet[Resolution],
    *,
    order: list[int] | None = None,
    matching: dict[int, list[str]] | None = None,
) -> list[dict]:
    """Resolutions in the shape of ResolutionSummary, from one query (the vote joined);
    in the order of the ids ``order`` when given, with their ``matching`` paragraphs."""
    rows = list(
        resolutions.values(
            "id",
            *fields(ResolutionSummary, without=(*_VOTE, "matching_paragraphs")),
            **{count: F(f"recorded_vote__{count}") for count in _VOTE},
        )
    )
    if order is not None:
        by_id = {row["id"]: row for row in rows}
        rows = [by_id[pk] for pk in order if pk in by_id]
    for row in rows:
        row["matching_paragraphs"] = (matching or {}).get(row.pop("id"), [])
    return rows


class ListFilters(Schema):
    body: str = ""
    kind: str = Field("", pattern="^(resolution|decision)?$")
    session: int | None = Field(None, ge=1, le=32767)
    year: int | None = Field(None, ge=1, le=9999)
    voted: bool | None = None
    q: str = Field("", max_length=300)
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get(
    "/resolutions",
    response={200: list[ResolutionSummary], **errors(400, 422)},
    summary="Resolutions, filtered; q searches the paragraphs (results best first)",
)
def list_resolutions(request, filters: Query[ListFilters]):
    chosen = selectors.ResolutionFilters(
        body=filters.body,
        kind=filters.kind,
        session=filters.session,
        year=filters.year,
        voted=filters.voted,
        q=filters.q.strip()[:300],
    )
    resolutions = selectors.resolutions_list(chosen)
    limit, offset = filters.limit, filters.offset
    if not chosen.q:
        return shaped(_summaries(resolutions[offset : offset + limit]))
    try:
        ranked, _ = selectors.resolution_ids_matching(
            chosen.q, resolutions, filtered=chosen.narrowing
        )
    except search.QueryError as error:
        raise HttpError(400, str(error)) from None
    page = ranked[offset : offset + limit]
    hits = selectors.paragraph_hits(chosen.q, page, per_resolution=1000)
    matching = {pk: [hit.anchor for hit in found] for pk, found in hits.items()}
    return shaped(_summaries(resolutions.filter(pk__in=page), order=page, matching=matching))


class CountryVote(Schema):
    symbol: str
    title: str
    adopted_on: dt.date | None
    position: str


@router.get(
    "/countries/{iso3}/votes",
    response={200: list[CountryVote], **errors(404, 422)},
    summary="A State's positions in recorded votes, newest first",
)
def country_votes(
    request,
    iso3: str,
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    country = get_object_or_404(Country, iso3=iso3.upper())
    record = selectors.votes_of_country(country, limit=limit, offset=offset)
    return shaped(
        [
            {
                "symbol": cast.vote.resolution.symbol,
                "title": cast.vote.resolution.title,
                "adopted_on": cast.vote.resolution.adopted_on,
                "position": cast.position,
            }
            for cast in record["casts"]
        ]
    )


class CountryVoteTotals(Schema):
    yes: int
    no: int
    abstain: int


class CountryVoteRecord(CountryVote):
    url: str


class CountryVotesOut(Schema):
    count: int = Field(description="Recorded votes of stored resolutions in which the State voted")
    totals: CountryVoteTotals
    resolutions: list[CountryVoteRecord] = Field(description="Each of them, newest first")


# Every stored resolution a State voted on: a few hundred a decade in the Council.
RECORD_VOTES = 5000


def votes_record_of_country(country, base_url: str = "") -> dict:
    """The State's positions in the recorded votes of stored resolutions, for its record."""
    found = selectors.votes_of_country(country, limit=RECORD_VOTES)
    return {
        "count": found["count"],
        "totals": {str(position): n for position, n in found["totals"].items()},
        "resolutions": [
            {
                "symbol": cast.vote.resolution.symbol,
                "title": cast.vote.resolution.title,
                "adopted_on": _iso(cast.vote.resolution.adopted_on),
                "position": cast.position,
                "url": base_url + cast.vote.resolution.get_absolute_url(),
            }
            for cast in found["casts"]
        ],
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _get(symbol: str) -> Resolution:
    try:
        # The printed form and the address's form ("A/RES/78/262A") both find it.
        return selectors.resolution_get(canonical(symbol))
    except Resolution.DoesNotExist:
        raise Http404(f"No resolution with the symbol {symbol}") from None


@router.get(
    "/resolutions/{path:symbol}/akn",
    summary="One resolution as Akoma Ntoso 3.0 XML",
    openapi_extra={
        "responses": {
            200: {
                "description": "Akoma Ntoso 3.0 XML (AKN4UN conventions)",
                "content": {"application/akn+xml": {"schema": {"type": "string"}}},
            },
            **error_responses(404),
        }
    },
)
def get_resolution_akn(request, symbol: str):
    return HttpResponse(
        akomantoso.to_akn(_get(symbol).document), content_type="application/akn+xml"
    )


@router.get(
    "/resolutions/{path:symbol}",
    summary="One resolution as structured data (resolution.schema.json)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The resolution",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Resolution"}}
                },
            },
            **error_responses(404),
        }
    },
)
def get_resolution(request, symbol: str):
    return _get(symbol).document

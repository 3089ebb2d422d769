"""The catalogue of good practices as open data: the same search, facets and records."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from solidarity.api.shaped import in_schema_order, shaped
from solidarity.core import search
from solidarity.core.api import errors
from solidarity.practices import selectors
from solidarity.practices.models import Practice, PracticeVersion
from solidarity.practices.records import public_record

router = Router(tags=["good practices"])


class CatalogueParams(Schema):
    q: str = Field("", max_length=300, description='Words, "phrases", AND, OR, NOT, -word')
    theme: list[str] = Field([], description="Theme codes (any of them)")
    modality: list[str] = []
    level: list[str] = []
    region: list[str] = Field([], description="UN regional groups")
    country: list[str] = Field([], description="ISO 3166-1 alpha-3 codes")
    sdg: list[str] = Field([], description="SDG goal numbers")
    actor_type: list[str] = []
    year: list[str] = Field([], description="Years the practices started")
    sort: str = Field("relevance", pattern="^(relevance|newest)$")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=1_000_000)


class Period(Schema):
    start: str | None = Field(description="ISO 8601 date")
    end: str | None = Field(description="ISO 8601 date; none while ongoing")
    ongoing: bool


class Actor(Schema):
    name: str
    type: str


class CountryRole(Schema):
    country: str = Field(description="ISO 3166-1 alpha-3 code")
    role: str = Field(description="provider, partner or beneficiary")


class Source(Schema):
    title: str
    url: str


class AttachmentOut(Schema):
    id: int
    name: str
    media_type: str
    size: int = Field(description="Bytes")


class PracticeContent(Schema):
    """A practice as one published version holds it (``content.content_of``)."""

    title: str
    summary: str
    description: str = Field(description="Rich text: sanitized HTML")
    challenge: str
    actions: str
    results: str
    enabling_factors: str
    sustainability: str
    resources: str
    period: Period
    level: str
    actors: list[Actor]
    countries: list[CountryRole]
    themes: list[str]
    modalities: list[str]
    sdg_goals: list[int]
    sdg_targets: list[str]
    human_rights: list[str]
    sources: list[Source]
    language: str
    attachments: list[AttachmentOut]


class _RecordHead(Schema):
    id: int
    url: str
    version: int | None = Field(description="The number of the version published")
    first_published_at: str | None = Field(description="ISO 8601 date and time")
    year: int | None = Field(description="The year the practice started")


# Bases are laid out last to first: the record's own fields come before the content.
class PracticeRecord(PracticeContent, _RecordHead):
    """The public record of a practice (``records.public_record``)."""


class CountryPractice(Schema):
    id: int
    title: str
    url: str
    roles: list[str] = Field(description="The State's roles in it: provider, partner, beneficiary")


class CountryPracticesOut(Schema):
    count: int = Field(description="Published practices involving the State")
    practices: list[CountryPractice] = Field(description="The newest of them, at most 100")


def practices_record_of_country(country, base_url: str = "") -> dict:
    """The published practices a State took part in, for its record."""
    found = selectors.practices_of_country(country, limit=100)
    return {
        "count": found["count"],
        "practices": [
            {
                "id": practice.pk,
                "title": practice.published["title"],
                "url": base_url + practice.get_absolute_url(),
                "roles": [
                    role["role"]
                    for role in practice.published["countries"]
                    if role["country"] == country.iso3
                ],
            }
            for practice in found["practices"]
        ],
    }


class FacetCount(Schema):
    value: str
    label: str
    count: int


class CataloguePage(Schema):
    total: int
    results: list[PracticeRecord]
    facets: dict[str, list[FacetCount]]


class _Params(dict):
    def getlist(self, name):
        value = self.get(name, [])
        return value if isinstance(value, list) else [value]


@router.get(
    "/practices",
    response={200: CataloguePage, **errors(400, 422)},
    summary="Published good practices: search, facet filters and counts (as /practices/)",
)
def list_practices(request, params: Query[CatalogueParams]):
    query = selectors.CatalogueQuery.from_params(_Params(params.dict()))
    try:
        page = selectors.catalogue(query, offset=params.offset, limit=params.limit, snippets=False)
    except search.QueryError as error:
        raise HttpError(400, str(error)) from None
    base = request.build_absolute_uri("/").rstrip("/")
    return shaped(
        {
            "total": page.total,
            "results": [
                in_schema_order(PracticeRecord, public_record(p, base_url=base))
                for p in page.practices
            ],
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in page.facets.items()
            },
        }
    )


def _public(pk: int) -> Practice:
    try:
        practice = selectors.public_practice(pk)
    except Practice.DoesNotExist:
        raise Http404("No published good practice has this number.") from None
    if practice.retracted_at is not None:
        raise HttpError(410, f"Retracted: {practice.retraction_reason}")
    return practice


@router.get(
    "/practices/{int:pk}",
    response={200: PracticeRecord, **errors(404, 410)},
    summary="One published good practice",
)
def get_practice(request, pk: int):
    record = public_record(_public(pk), base_url=request.build_absolute_uri("/").rstrip("/"))
    return shaped(in_schema_order(PracticeRecord, record))


class VersionSummary(Schema):
    number: int
    published_at: str
    note: str = Field(
        description="The public note the reviewer wrote for this version, or empty; "
        "the reviewer's private message to the submitter is never here"
    )


@router.get(
    "/practices/{int:pk}/versions",
    response={200: list[VersionSummary], **errors(404, 410)},
    summary="The published versions of a practice, newest first",
)
def list_versions(request, pk: int):
    return shaped(
        [
            {"number": v.number, "published_at": v.published_at.isoformat(), "note": v.note}
            for v in selectors.versions_of(_public(pk))
        ]
    )


@router.get(
    "/practices/{int:pk}/versions/{int:number}",
    response={200: PracticeContent, **errors(404, 410)},
    summary="The content of one published version",
)
def get_version(request, pk: int, number: int):
    try:
        return selectors.version_of(_public(pk), number).data
    except PracticeVersion.DoesNotExist:
        raise Http404("This practice has no such version.") from None

"""Calls for input and their published submissions as open data (as /calls/)."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Query, Router, Schema

from solidarity.api.shaped import shaped
from solidarity.calls import selectors
from solidarity.calls.models import Call, CallStatus
from solidarity.calls.records import call_record, submission_record
from solidarity.core.api import errors

router = Router(tags=["calls for input"])


class CallParams(Schema):
    status: str = Field("", pattern="^(|upcoming|open|closed)$")
    year: int | None = Field(None, ge=1901, le=2999)
    paragraph: int | None = Field(None, ge=1, le=999, description="An operative paragraph served")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class CallParagraph(Schema):
    number: int
    url: str = Field(description="The paragraph in the resolution's page, by its anchor")


class CallQuestion(Schema):
    number: int
    text: str
    kind: str = Field(description="text, single or multiple")
    choices: list[str]
    word_limit: int | None
    required: bool


class CallRecord(Schema):
    id: int
    slug: str
    title: str
    purpose: str
    report: str
    status: str = Field(description=", ".join(CallStatus.values) + ": from the dates, now")
    opens_at: str = Field(description="ISO 8601, UTC")
    closes_at: str = Field(description="ISO 8601, UTC: the deadline in force")
    original_closes_at: str = Field(description="ISO 8601, UTC: the first deadline")
    extended: bool
    resolution: str | None = Field(description="The symbol of the resolution it serves")
    paragraphs: list[CallParagraph]
    invited: list[str] = Field(description="Stakeholder types invited to answer")
    languages: list[str]
    publication_policy: str
    confidentiality_note: str
    example: bool = Field(description="Demonstration data, not a real call")
    url: str
    questions: list[CallQuestion]


class CallPage(Schema):
    total: int
    results: list[CallRecord]


class SubmissionAnswer(Schema):
    question: int
    answer: str | list[str]


class SubmissionFile(Schema):
    name: str
    media_type: str
    size: int = Field(description="Bytes")
    url: str


class PublishedSubmission(Schema):
    id: int
    reference: str
    call: str
    submitted_by: str = Field(description="Withheld when its authors asked so")
    stakeholder_type: str | None = Field(description="Withheld with the name")
    country: str | None = Field(description="ISO 3166-1 alpha-3, for a State's submission")
    language: str
    submitted_at: str | None
    published_at: str | None
    answers: list[SubmissionAnswer]
    files: list[SubmissionFile]
    url: str


def submissions_record_of_country(country, base_url: str = "") -> list[dict]:
    """The State's published submissions to calls for input, for its record."""
    return [
        submission_record(s, base_url=base_url)
        for s in selectors.published_submissions_of_state(country)
    ]


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get(
    "/calls",
    response={200: CallPage, **errors(422)},
    summary="Calls for input, newest deadline first, filtered by status, year and paragraph",
)
def list_calls(request, params: Query[CallParams]):
    found = selectors.calls(
        selectors.CallFilters(status=params.status, year=params.year, paragraph=params.paragraph)
    ).prefetch_related("questions")
    page = found[params.offset : params.offset + params.limit]
    return shaped(
        {
            "total": found.count(),
            "results": [call_record(call, base_url=_base(request)) for call in page],
        }
    )


def _call(slug: str) -> Call:
    try:
        return selectors.call_get(slug)
    except Call.DoesNotExist:
        raise Http404("No call for input has this name.") from None


@router.get(
    "/calls/{slug}",
    response={200: CallRecord, **errors(404)},
    summary="One call for input, by its short name or its number",
)
def get_call(request, slug: str):
    return shaped(call_record(_call(slug), base_url=_base(request)))


@router.get(
    "/calls/{slug}/submissions",
    response={200: list[PublishedSubmission], **errors(404)},
    summary="The published submissions of a call (unpublished ones are never here)",
)
def list_published_submissions(request, slug: str):
    call = _call(slug)
    return shaped(
        [
            submission_record(s, base_url=_base(request))
            for s in selectors.published_submissions(call).prefetch_related("call__questions")
        ]
    )

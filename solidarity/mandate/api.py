"""The mandate and its tasks from operative paragraphs as open data (as /mandate/)."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Query, Router, Schema

from solidarity.api.shaped import shaped
from solidarity.core.api import errors
from solidarity.mandate import selectors
from solidarity.mandate.models import DeliverableStatus, Frequency, SeriesRole, TaskStatus
from solidarity.mandate.records import mandate_record, task_record

router = Router(tags=["mandate"])


class Term(Schema):
    start: str | None = Field(description="ISO 8601 date")
    end: str | None = Field(description="ISO 8601 date")


class HolderOut(Schema):
    name: str
    from_year: int
    until_year: int | None
    source_url: str


class SeriesResolutionOut(Schema):
    symbol: str
    body: str
    year: int
    adopted_on: str | None = Field(description="ISO 8601 date, when a source gives the day")
    title: str
    role: str = Field(description=", ".join(SeriesRole.values))
    source_url: str
    url: str | None = Field(description="The resolution's page, when the platform holds it")


class FileOut(Schema):
    name: str
    language: str
    media_type: str
    size: int


class DocumentOut(Schema):
    symbol: str
    title: str
    body: str
    session: int
    date: str | None
    url: str
    files: list[FileOut]


class DeliverableOut(Schema):
    body: str
    session: int
    symbol: str
    title: str
    due_on: str = Field(description="ISO 8601 date")
    status: str = Field(description=", ".join(DeliverableStatus.values))
    word_limit: int
    draft_words: int | None = Field(description="Words counted in the latest draft")
    example: bool = Field(description="Demonstration data, not a real deliverable")


class MandateOut(Schema):
    name: str
    asks: str
    current_term: Term
    next_renewal: str
    contact_email: str
    contact_note: str
    source_url: str
    holders: list[HolderOut]
    resolutions: list[SeriesResolutionOut]
    documents: list[DocumentOut]
    deliverables: list[DeliverableOut]
    url: str


class Evidence(Schema):
    label: str
    url: str


class TaskOut(Schema):
    id: int
    resolution: str = Field(description="The symbol of the resolution")
    paragraph: int = Field(description="The operative paragraph's number")
    paragraph_url: str = Field(description="The paragraph in the resolution's page, by its anchor")
    addressees: list[str]
    action: str
    text: str
    target_session: int | None
    target_date: str = Field(description="ISO 8601 date, a year, or empty")
    frequency: str = Field(description=", ".join(Frequency.values))
    status: str = Field(description=", ".join(TaskStatus.values))
    evidence: list[Evidence]
    confirmed: bool = Field(description="Confirmed by the secretariat")
    corrected: list[str] = Field(description="Fields the secretariat corrected")
    withdrawn: bool = Field(description="The paragraph no longer asks this")
    url: str


class TaskPage(Schema):
    total: int
    results: list[TaskOut]


class TaskParams(Schema):
    status: str = Field("", pattern="^(|" + "|".join(TaskStatus.values) + ")$")
    addressee: str = Field("", max_length=100)
    resolution: str = Field("", max_length=60, description="A resolution's symbol")
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get(
    "/mandate",
    response={200: MandateOut, **errors(404)},
    summary="The mandate: holders, resolutions, reports and reports due",
)
def get_mandate(request):
    mandate = selectors.mandate_get()
    if mandate is None:
        raise Http404("No mandate is recorded yet.")
    return shaped(
        mandate_record(mandate, selectors.mandate_for_page(mandate), base_url=_base(request))
    )


@router.get(
    "/mandate/tasks",
    response={200: TaskPage, **errors(422)},
    summary="Tasks from operative paragraphs, filtered by status, addressee and resolution",
)
def list_tasks(request, params: Query[TaskParams]):
    found = selectors.tasks_list(
        selectors.TaskFilters(
            status=params.status, addressee=params.addressee, resolution=params.resolution
        )
    )
    page = found[params.offset : params.offset + params.limit]
    base = _base(request)
    return shaped(
        {"total": found.count(), "results": [task_record(t, base_url=base) for t in page]}
    )

"""The Expert's engagements as open data (as /engagements/)."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Query, Router, Schema

from solidarity.api.shaped import in_schema_order, shaped
from solidarity.core.api import errors
from solidarity.engagements import records, selectors
from solidarity.engagements.models import Engagement, EngagementKind, ExpertRole

router = Router(tags=["engagements"])


class EngagementParams(Schema):
    when: str = Field("", pattern="^(|upcoming|past)$")


class DocumentOut(Schema):
    title: str
    url: str


class EngagementOut(Schema):
    id: int
    title: str
    kind: str = Field(description=", ".join(EngagementKind.values))
    starts_on: str
    ends_on: str | None
    place: str
    online: bool
    organizer: str
    role: str = Field(description=", ".join(ExpertRole.values))
    outcome: str
    documents: list[DocumentOut]
    source: str
    example: bool = Field(description="Demonstration data, not a real event")
    url: str


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get(
    "/engagements",
    response={200: list[EngagementOut], **errors(422)},
    summary="The Independent Expert's forums, major events and summits, newest first",
)
def list_engagements(request, params: Query[EngagementParams]):
    return shaped(
        [
            in_schema_order(EngagementOut, records.engagement_record(e, base_url=_base(request)))
            for e in selectors.engagements(when=params.when)
        ]
    )


@router.get(
    "/engagements/{int:pk}",
    response={200: EngagementOut, **errors(404)},
    summary="One engagement",
)
def get_engagement(request, pk: int):
    engagement = Engagement.objects.filter(pk=pk).first()
    if engagement is None:
        raise Http404("No engagement has this number.")
    record = records.engagement_record(engagement, base_url=_base(request))
    return shaped(in_schema_order(EngagementOut, record))

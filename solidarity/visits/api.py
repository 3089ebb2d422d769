"""Country-visit requests as open data (as /visits/): every State's line, and one State's."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from solidarity.api.shaped import shaped
from solidarity.core.api import errors
from solidarity.countries.models import Country
from solidarity.visits import lifecycle, records, selectors

router = Router(tags=["country visits"])


class VisitParams(Schema):
    view: str = Field(
        "", pattern="^(|" + "|".join(selectors.VIEWS) + ")$", description="One of the table's views"
    )
    group: str = Field("", max_length=40, description="A UN regional group")


class EventOut(Schema):
    event: str = Field(description=", ".join(lifecycle.EVENTS))
    label: str
    on: str = Field(description="ISO 8601 date")
    starts_on: str | None
    ends_on: str | None
    note: str
    report_url: str
    by_state: bool = Field(description="Recorded by the State's focal point")


class VisitOut(Schema):
    iso3: str
    state: str
    regional_group: str
    view: str = Field(description="forthcoming, underway, pending, completed, closed, or empty")
    status: str = Field(description="The last step of the log, empty when there is no request")
    status_since: str | None
    requested_on: str | None
    first_reply_on: str | None
    days_to_first_reply: int | None
    reminders: int
    days_pending: int | None = Field(description="Days since the request, while it waits")
    visit_starts_on: str | None
    visit_ends_on: str | None
    completed_visits: int
    standing_invitation: bool
    standing_invitation_since: str | None
    example: bool = Field(description="Demonstration data, not a real request")
    source: str
    events: list[EventOut]
    url: str | None


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get(
    "/visits",
    response={200: list[VisitOut], **errors(422)},
    summary="Every State's country-visit record, as the /visits/ table, by view and regional group",
)
def list_visits(request, params: Query[VisitParams]):
    today = timezone.localdate()
    rows = selectors.table(view=params.view, group=params.group)
    return shaped([records.country_record(r, today=today, base_url=_base(request)) for r in rows])


@router.get(
    "/visits/{iso3}",
    response={200: VisitOut, **errors(404)},
    summary="One State's country-visit record, by its ISO 3166-1 alpha-3 code",
)
def get_visit(request, iso3: str):
    country = Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise Http404("No State has this code.")
    row = selectors.country_row(country)
    return shaped(records.country_record(row, today=timezone.localdate(), base_url=_base(request)))

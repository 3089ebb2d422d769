from typing import Literal

from django.http import Http404
from ninja import Query, Router, Schema

from solidarity.accounts import selectors
from solidarity.accounts.models import Organization
from solidarity.api.shaped import fields, shaped
from solidarity.core.api import csv_download, errors
from solidarity.core.export import csv_response

router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    slug: str
    name: str
    type: str
    website: str
    countries: list[str]


def _rows(organizations) -> list[dict]:
    """Organizations in the shape of OrganizationOut: two queries, whatever their number."""
    rows = list(
        organizations.prefetch_related(None).values(
            "id", *fields(OrganizationOut, without=("countries",))
        )
    )
    countries: dict[int, list[str]] = {row["id"]: [] for row in rows}
    # In the countries' own order (their names), as the relation lists them.
    for organization, iso3 in (
        Organization.countries.through.objects.filter(organization_id__in=countries)
        .order_by("country__un_name")
        .values_list("organization_id", "country_id")
    ):
        countries[organization].append(iso3)
    for row in rows:
        row["countries"] = countries[row.pop("id")]
    return rows


@router.get(
    "/organizations",
    response={200: list[OrganizationOut], **errors(422)},
    summary="Verified organizations",
    openapi_extra=csv_download(),
)
def list_organizations(
    request, format: Literal["json", "csv"] = Query("json", description="csv for a spreadsheet")
):
    organizations = selectors.organizations_public()
    if format == "csv":
        return csv_response(
            "organizations.csv",
            ["slug", "name", "type", "website", "countries"],
            (
                [o.slug, o.name, o.type, o.website, " ".join(c.iso3 for c in o.countries.all())]
                for o in organizations
            ),
        )
    return shaped(_rows(organizations))


@router.get(
    "/organizations/{slug}",
    response={200: OrganizationOut, **errors(404)},
    summary="One organization",
)
def get_organization(request, slug: str):
    found = _rows(selectors.organizations_public().filter(slug=slug))
    if not found:
        raise Http404("No Organization matches the given query.")
    return shaped(found[0])

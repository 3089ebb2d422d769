from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from solidarity.accounts import selectors
from solidarity.core.api import csv_download, errors
from solidarity.core.export import csv_response

router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    slug: str
    name: str
    type: str
    website: str
    countries: list[str]

    @staticmethod
    def resolve_countries(obj) -> list[str]:
        return [country.iso3 for country in obj.countries.all()]


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
    return organizations


@router.get(
    "/organizations/{slug}",
    response={200: OrganizationOut, **errors(404)},
    summary="One organization",
)
def get_organization(request, slug: str):
    return get_object_or_404(selectors.organizations_public(), slug=slug)

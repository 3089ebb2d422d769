from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from solidarity.accounts import selectors

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


@router.get("/organizations", response=list[OrganizationOut], summary="Verified organizations")
def list_organizations(request):
    return selectors.organizations_public()


@router.get("/organizations/{slug}", response=OrganizationOut, summary="One organization")
def get_organization(request, slug: str):
    return get_object_or_404(selectors.organizations_public(), slug=slug)

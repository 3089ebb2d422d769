from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from solidarity.core.export import csv_response
from solidarity.countries import names, selectors
from solidarity.countries.models import Country

router = Router(tags=["countries"])


class CountryOut(Schema):
    iso3: str
    iso2: str
    un_name: str
    status: str
    regional_group: str


class CountryDetailOut(CountryOut):
    council_years: list[int]


class ResolvedName(Schema):
    name: str
    iso3: str
    un_name: str


@router.get("/countries", response=list[CountryOut], summary="UN Member and observer States")
def list_countries(request, q: str = "", group: str = "", format: str = "json"):
    countries = selectors.countries_list(query=q[:100], group=group)
    if format == "csv":
        return csv_response(
            "countries.csv",
            ["iso3", "iso2", "un_name", "status", "regional_group"],
            countries.values_list("iso3", "iso2", "un_name", "status", "regional_group"),
        )
    return countries


@router.get(
    "/countries/resolve", response=ResolvedName, summary="Resolve a printed name to its code"
)
def resolve_name(request, name: str):
    try:
        iso3 = names.resolve(name)
    except names.UnknownCountryName as error:
        raise HttpError(404, str(error)) from None
    return {"name": name, "iso3": iso3, "un_name": names.state_by_iso3()[iso3].un_name}


@router.get("/countries/{iso3}", response=CountryDetailOut, summary="One State")
def get_country(request, iso3: str):
    country = get_object_or_404(Country, iso3=iso3.upper())
    country.council_years = selectors.council_years(country)
    return country

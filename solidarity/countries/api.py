from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import create_model

from solidarity.api.shaped import fields, shaped
from solidarity.core.api import csv_download, errors
from solidarity.core.export import csv_response
from solidarity.countries import names, record, selectors
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


@router.get(
    "/countries",
    response={200: list[CountryOut], **errors(422)},
    summary="UN Member and observer States",
    openapi_extra=csv_download(),
)
def list_countries(
    request,
    q: str = "",
    group: str = "",
    format: Literal["json", "csv"] = Query("json", description="csv for a spreadsheet"),
):
    # By code: the order the list has had on SQLite, which the grouping that counts
    # Council years gave it; without that grouping the model's order (names) would apply.
    countries = selectors.countries_list(
        query=q[:100], group=group, count_council_years=False
    ).order_by("iso3")
    if format == "csv":
        return csv_response(
            "countries.csv",
            ["iso3", "iso2", "un_name", "status", "regional_group"],
            countries.values_list("iso3", "iso2", "un_name", "status", "regional_group"),
        )
    return shaped(list(countries.values(*fields(CountryOut))))


@router.get(
    "/countries/resolve",
    response={200: ResolvedName, **errors(404, 422)},
    summary="Resolve a printed name to its code",
)
def resolve_name(request, name: str):
    try:
        iso3 = names.resolve(name)
    except names.UnknownCountryName as error:
        raise HttpError(404, str(error)) from None
    return shaped({"name": name, "iso3": iso3, "un_name": names.state_by_iso3()[iso3].un_name})


@router.get(
    "/countries/{iso3}", response={200: CountryDetailOut, **errors(404)}, summary="One State"
)
def get_country(request, iso3: str):
    row = get_object_or_404(Country.objects.values(*fields(CountryOut)), iso3=iso3.upper())
    return shaped({**row, "council_years": selectors.council_years(row["iso3"])})


class StateOut(CountryOut):
    names: dict[str, str] = Field(description="The State's name in each language of the site")
    council_years: list[int] = Field(description="The years it sat on the Human Rights Council")


def _record_schema() -> type[Schema]:
    """The record's shape: the State, then each section that gives its data, typed by the area
    that owns it (sections are registered when the apps start, before the API is built)."""
    fields: dict = {"state": (StateOut, ...)}
    for key, schema in record.schema_fields().items():
        fields[key] = (schema, ...)
    return create_model("CountryRecordOut", __base__=Schema, **fields)


CountryRecordOut = _record_schema()


@router.get(
    "/countries/{iso3}/record",
    response={200: CountryRecordOut, **errors(404)},
    summary="Everything the platform knows of a State, as its page shows it",
)
def get_country_record(request, iso3: str):
    country = get_object_or_404(Country, iso3=iso3.upper())
    return record.country_record(country, base_url=request.build_absolute_uri("/").rstrip("/"))

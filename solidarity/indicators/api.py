"""The indicators as open data: the same figures as /indicators/oda/ and its CSV."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Router, Schema

from solidarity.core.api import errors
from solidarity.indicators import records, selectors
from solidarity.indicators.pledge import TARGET_PERCENT
from solidarity.indicators.readers import FIRST_GRANT_EQUIVALENT_YEAR

router = Router(tags=["indicators"])


class OdaSourceLinkOut(Schema):
    label: str
    url: str = Field(description="Empty when the source is not a web address")


class OdaFigureOut(Schema):
    donor: str = Field(description="ISO 3166-1 alpha-3 code, or eu-institutions, dac-total")
    donor_name: str = Field(description="The OECD's name of the donor")
    iso3: str | None
    year: int
    oda_usd_millions: float = Field(description="ODA in millions of current US dollars")
    oda_gni_percent: float | None = Field(description="ODA as % of GNI, as printed in the source")
    meets_target: bool | None = Field(description="ODA/GNI at or above 0.7 %")
    distance_points: float | None = Field(description="ODA/GNI less 0.7, in percentage points")
    cost_to_meet_usd_millions: float | None = Field(
        description="What meeting 0.7 % would have cost that year, in current USD millions: "
        "ODA / ratio × 0.7 − ODA, zero at or above 0.7 %"
    )
    basis: str = Field(
        description="net_flows (the OECD's measure until 2017) or grant_equivalent (from 2018)"
    )
    preliminary: bool
    chosen: bool = Field(description="The figure that stands for its donor and year")
    source: str = Field(description="Where the figure was read, as the dataset writes it")
    sources: list[OdaSourceLinkOut]


class OdaYearOut(Schema):
    year: int
    basis: str
    target_percent: float
    change_of_measure_year: int = Field(
        description="From this year ODA is measured as grant equivalent, before as net flows"
    )
    meeting_target: list[str] = Field(description="Donors at or above 0.7 %, highest first")
    dac_total: OdaFigureOut | None
    eu_institutions: OdaFigureOut | None
    donors: list[OdaFigureOut] = Field(description="The chosen figure of each DAC member")


class OdaDonorOut(Schema):
    donor: str
    name: str
    iso3: str | None
    change_of_measure_year: int
    years: list[OdaFigureOut] = Field(description="The chosen figure of each year, oldest first")
    other_versions: list[OdaFigureOut]


@router.get(
    "/indicators/oda",
    response={200: OdaYearOut, **errors(404, 422)},
    summary="ODA of DAC members in a year against the 0.7 % pledge (the latest year by default)",
)
def oda_year(request, year: int | None = None):
    years = selectors.oda_years()
    if not years or (year is not None and year not in years):
        raise Http404("There are no ODA figures for this year.")
    table = selectors.oda_year(year if year is not None else years[-1])
    assert table is not None

    def out(record):
        return None if record is None else records.api_record(record)

    return {
        "year": table.year,
        "basis": table.basis,
        "target_percent": float(TARGET_PERCENT),
        "change_of_measure_year": FIRST_GRANT_EQUIVALENT_YEAR,
        "meeting_target": [record["donor"] for record in table.meeting_target],
        "dac_total": out(table.dac_total),
        "eu_institutions": out(table.eu_institutions),
        "donors": [records.api_record(record) for record in table.donors],
    }


@router.get(
    "/indicators/oda/donors/{donor}",
    response={200: OdaDonorOut, **errors(404)},
    summary="One donor's ODA series, with every other version on record",
)
def oda_donor(request, donor: str):
    key = donor if "-" in donor else donor.upper()
    series = selectors.oda_donor(key) if len(key) <= 20 else None
    if series is None:
        raise Http404("There are no ODA figures for this donor.")
    return series_out(series)


def series_out(series: selectors.DonorSeries) -> dict:
    return {
        "donor": series.donor,
        "name": series.name,
        "iso3": series.iso3,
        "change_of_measure_year": FIRST_GRANT_EQUIVALENT_YEAR,
        "years": [records.api_record(record) for record in series.years],
        "other_versions": [
            records.api_record(record) for record in series.versions if not record["chosen"]
        ],
    }


def oda_record_of_country(country, base_url: str = "") -> dict | None:
    """A donor's ODA series for the country record (None for a State that reports none)."""
    series = selectors.oda_of_country(country)
    return series_out(series) if series is not None else None


class ContributionOut(Schema):
    donor: str = Field(description="ISO 3166-1 alpha-3 code, or eu-institutions")
    donor_name: str
    fund: str = Field(description="The UN fund or programme, as the source names it")
    year: int
    amount_usd: float = Field(description="Current US dollars")
    source: str
    sources: list[OdaSourceLinkOut]


@router.get(
    "/indicators/contributions",
    response={200: list[ContributionOut], **errors(422)},
    summary="Voluntary contributions to UN funds and programmes, by donor, fund and year",
)
def contribution_list(request, donor: str = "", fund: str = ""):
    return [
        {
            **record,
            "amount_usd": float(record["amount_usd"]),
            "sources": [{"label": link.label, "url": link.url} for link in record["sources"]],
        }
        for record in (
            selectors.contribution_record(c)
            for c in selectors.contributions(donor=donor[:20], fund=fund[:200])
        )
    ]

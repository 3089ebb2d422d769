"""Reads of the indicators that pages, downloads and the API share."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from solidarity.indicators import donors, sources
from solidarity.indicators.models import Contribution, OdaFigure
from solidarity.indicators.readers import FIRST_GRANT_EQUIVALENT_YEAR, headline_basis
from solidarity.indicators.records import figure_record


@dataclass
class OdaYear:
    year: int
    basis: str
    donors: list[dict[str, Any]]  # the chosen figure of each donor, highest ratio first
    dac_total: dict[str, Any] | None
    eu_institutions: dict[str, Any] | None
    other_versions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def meeting_target(self) -> list[dict[str, Any]]:
        return [record for record in self.donors if record["meets_target"]]


@dataclass
class DonorSeries:
    donor: str
    name: str
    iso3: str | None
    years: list[dict[str, Any]]  # the chosen figure of each year, oldest first
    versions: list[dict[str, Any]]  # every figure on record, by year, the chosen first

    @property
    def change_of_measure_in_range(self) -> bool:
        years = [record["year"] for record in self.years]
        return bool(years) and min(years) < FIRST_GRANT_EQUIVALENT_YEAR <= max(years)


def _by_ratio(record: dict[str, Any]) -> tuple:
    ratio = record["oda_gni_percent"]
    return (ratio is None, -(ratio or 0), record["donor_name"])


def oda_years() -> list[int]:
    return list(
        OdaFigure.objects.filter(chosen=True)
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )


def oda_year(year: int) -> OdaYear | None:
    """Each donor's chosen figure in a year with its distance to 0.7 %, and the other versions."""
    figures = [figure_record(f) for f in OdaFigure.objects.filter(year=year)]
    if not figures:
        return None
    chosen = [record for record in figures if record["chosen"]]
    others: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in figures:
        if not record["chosen"]:
            others[record["donor"]].append(record)
    for record in chosen:
        record["others"] = others.get(record["donor"], [])
    members = sorted(
        (record for record in chosen if not donors.is_aggregate(record["donor"])), key=_by_ratio
    )
    aggregate = {
        record["donor"]: record for record in chosen if donors.is_aggregate(record["donor"])
    }
    return OdaYear(
        year=year,
        basis=headline_basis(year),
        donors=members,
        dac_total=aggregate.get(donors.DAC_TOTAL),
        eu_institutions=aggregate.get(donors.EU_INSTITUTIONS),
        other_versions=dict(others),
    )


def oda_overview() -> list[dict[str, Any]]:
    """Per year: the DAC total's ratio and the donors at or above 0.7 %."""
    years: dict[int, dict[str, Any]] = {}
    for figure in OdaFigure.objects.filter(chosen=True).order_by("year", "donor"):
        record = figure_record(figure)
        entry = years.setdefault(
            figure.year,
            {"year": figure.year, "basis": figure.basis, "dac_total": None, "meeting": []},
        )
        if figure.donor == donors.DAC_TOTAL:
            entry["dac_total"] = record
        elif not donors.is_aggregate(figure.donor) and record["meets_target"]:
            entry["meeting"].append(record)
    for entry in years.values():
        entry["meeting"].sort(key=_by_ratio)
    return [years[year] for year in sorted(years)]


def oda_donor(donor: str) -> DonorSeries | None:
    figures = [figure_record(f) for f in OdaFigure.objects.filter(donor=donor)]
    if not figures:
        return None
    figures.sort(key=lambda record: (record["year"], not record["chosen"]))
    return DonorSeries(
        donor=donor,
        name=donors.display_name(donor),
        iso3=None if donors.is_aggregate(donor) else donor,
        years=[record for record in figures if record["chosen"]],
        versions=figures,
    )


def oda_donors() -> list[tuple[str, str]]:
    """(key, name) of every donor with figures, the members by name, then the aggregates."""
    keys = OdaFigure.objects.order_by().values_list("donor", flat=True).distinct()
    return sorted(
        ((key, donors.display_name(key)) for key in keys),
        key=lambda item: (donors.is_aggregate(item[0]), item[1]),
    )


def oda_of_country(country) -> DonorSeries | None:
    """A State's ODA series, for the section of its page (None for a State that reports none)."""
    return oda_donor(country.iso3)


def contributions(*, donor: str = "", fund: str = ""):
    """Voluntary contributions, by donor, fund and year; optionally one donor's or one fund's."""
    found = Contribution.objects.order_by("donor", "fund", "year", "pk")
    if donor:
        found = found.filter(donor=donor)
    if fund:
        found = found.filter(fund=fund)
    return found


def contribution_record(contribution: Contribution) -> dict[str, Any]:
    return {
        "donor": contribution.donor,
        "donor_name": donors.display_name(contribution.donor),
        "fund": contribution.fund,
        "year": contribution.year,
        "amount_usd": contribution.amount_usd,
        "source": contribution.source,
        "sources": sources.links(contribution.source),
    }


def contribution_series(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records grouped as series: one per donor and fund, its years in order."""
    series: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        entry = series.setdefault(
            (record["donor"], record["fund"]),
            {
                "donor": record["donor"],
                "donor_name": record["donor_name"],
                "fund": record["fund"],
                "years": [],
            },
        )
        entry["years"].append(record)
    return list(series.values())


def contribution_funds() -> list[str]:
    return list(Contribution.objects.order_by("fund").values_list("fund", flat=True).distinct())


def contributions_of_country(country) -> list[dict[str, Any]]:
    return contribution_series([contribution_record(c) for c in contributions(donor=country.iso3)])

"""One figure as pages, CSV downloads and the API give it, so all carry the same numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from solidarity.indicators import donors, pledge, sources
from solidarity.indicators.models import OdaFigure

CSV_HEADER = [
    "donor",
    "donor_name",
    "iso3",
    "year",
    "oda_usd_millions",
    "oda_gni_percent",
    "meets_0_7",
    "distance_points",
    "cost_to_meet_usd_millions",
    "basis",
    "preliminary",
    "chosen",
    "source",
]


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def figure_record(figure: OdaFigure) -> dict[str, Any]:
    ratio = figure.oda_gni_percent
    aggregate = donors.is_aggregate(figure.donor)
    return {
        "donor": figure.donor,
        "donor_name": donors.display_name(figure.donor),
        "iso3": None if aggregate else figure.donor,
        "year": figure.year,
        "oda_usd_millions": figure.oda_usd_millions,
        "oda_gni_percent": ratio,
        "meets_target": pledge.meets(ratio),
        "distance_points": pledge.distance_points(ratio),
        "cost_to_meet_usd_millions": pledge.cost_to_meet(figure.oda_usd_millions, ratio),
        "basis": figure.basis,
        "preliminary": figure.preliminary,
        "chosen": figure.chosen,
        "source": figure.source,
        "sources": sources.links(figure.source),
    }


def api_record(record: dict[str, Any]) -> dict[str, Any]:
    """The same figure with numbers as JSON numbers and source links as objects."""
    return {
        **record,
        "oda_usd_millions": _number(record["oda_usd_millions"]),
        "oda_gni_percent": _number(record["oda_gni_percent"]),
        "distance_points": _number(record["distance_points"]),
        "cost_to_meet_usd_millions": _number(record["cost_to_meet_usd_millions"]),
        "sources": [{"label": link.label, "url": link.url} for link in record["sources"]],
    }


def csv_row(record: dict[str, Any]) -> list[Any]:
    def text(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    return [
        record["donor"],
        record["donor_name"],
        record["iso3"] or "",
        record["year"],
        text(record["oda_usd_millions"]),
        text(record["oda_gni_percent"]),
        text(record["meets_target"]),
        text(record["distance_points"]),
        text(record["cost_to_meet_usd_millions"]),
        record["basis"],
        text(record["preliminary"]),
        text(record["chosen"]),
        record["source"],
    ]

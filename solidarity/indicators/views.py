"""Pages of the indicators: ODA against the 0.7 % pledge, by year and by donor; contributions."""

from __future__ import annotations

import re

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from solidarity.core.export import csv_response
from solidarity.indicators import chart, records, selectors
from solidarity.indicators.models import OdaFigure
from solidarity.indicators.readers import FIRST_GRANT_EQUIVALENT_YEAR

_DONOR = re.compile(r"^[A-Za-z-]{3,20}$")


def _year(request, years: list[int]) -> int:
    value = request.GET.get("year", "")
    if not value:
        return years[-1]
    try:
        year = int(value)
    except ValueError:
        raise Http404(_("There are no ODA figures for this year.")) from None
    if year not in years:
        raise Http404(_("There are no ODA figures for this year."))
    return year


def _csv(filename: str, figures) -> HttpResponse:
    return csv_response(
        filename, records.CSV_HEADER, (records.csv_row(record) for record in figures)
    )


def oda_overview(request):
    years = selectors.oda_years()
    if not years:
        raise Http404(_("No ODA figures have been imported."))
    if request.GET.get("format") == "csv" and request.GET.get("versions") == "all":
        every = (
            records.figure_record(f) for f in OdaFigure.objects.order_by("year", "donor", "pk")
        )
        return _csv("oda-all-figures.csv", every)
    year = _year(request, years)
    table = selectors.oda_year(year)
    assert table is not None
    if request.GET.get("format") == "csv":
        aggregates = [r for r in (table.dac_total, table.eu_institutions) if r is not None]
        return _csv(f"oda-{year}.csv", [*table.donors, *aggregates])
    return render(
        request,
        "indicators/oda.html",
        {
            "table": table,
            "years": years,
            "overview": selectors.oda_overview(),
            "donors": selectors.oda_donors(),
            "first_grant_equivalent_year": FIRST_GRANT_EQUIVALENT_YEAR,
        },
    )


def chart_labels(series: selectors.DonorSeries) -> chart.Labels:
    years = [record["year"] for record in series.years]
    return chart.Labels(
        title=_("%(donor)s: ODA as a share of gross national income, %(first)s–%(last)s")
        % {"donor": series.name, "first": min(years), "last": max(years)},
        description=_(
            "Each year's ratio of official development assistance to gross national income, "
            "against the pledge of 0.7 per cent. A vertical line marks 2018, when the OECD "
            "changed its measure of ODA from net flows to grant equivalents. Hollow points "
            "are preliminary figures. The table under the chart gives every figure."
        ),
        pledge=_("0.7 % pledge"),
        change_of_measure=_("2018: grant equivalent measure"),
        preliminary=_("preliminary"),
        point=_("%(year)s: %(ratio)s %% of GNI"),
    )


def draw_chart(series: selectors.DonorSeries) -> str:
    points = [
        chart.Point(record["year"], record["oda_gni_percent"], record["preliminary"])
        for record in series.years
    ]
    return chart.draw(points, chart_labels(series))


def _series(donor: str) -> selectors.DonorSeries:
    series = selectors.oda_donor(donor) if _DONOR.match(donor) else None
    if series is None:
        raise Http404(_("There are no ODA figures for this donor."))
    return series


def oda_donor(request, donor: str):
    series = _series(donor if "-" in donor else donor.upper())
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        return _csv(f"oda-{series.donor}.csv", series.versions)
    svg = draw_chart(series)
    if fmt == "svg":
        return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    return render(
        request,
        "indicators/oda_donor.html",
        {
            "series": series,
            "chart": svg,
            "other_versions": [record for record in series.versions if not record["chosen"]],
            "first_grant_equivalent_year": FIRST_GRANT_EQUIVALENT_YEAR,
        },
    )


CONTRIBUTION_HEADER = ["donor", "donor_name", "fund", "year", "amount_usd", "source"]


def contribution_list(request):
    donor = request.GET.get("donor", "")[:20]
    fund = request.GET.get("fund", "")[:200]
    found = [
        selectors.contribution_record(c) for c in selectors.contributions(donor=donor, fund=fund)
    ]
    if request.GET.get("format") == "csv":
        return csv_response(
            "voluntary-contributions.csv",
            CONTRIBUTION_HEADER,
            ([r[name] for name in CONTRIBUTION_HEADER] for r in found),
        )
    return render(
        request,
        "indicators/contributions.html",
        {
            "series": selectors.contribution_series(found),
            "funds": selectors.contribution_funds(),
            "fund": fund,
            "donor": donor,
        },
    )

"""Pages of recorded votes: /votes/ and the chart and CSV of a State's yearly composition."""

from __future__ import annotations

import math

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from solidarity.core.export import csv_response
from solidarity.countries import world_map
from solidarity.countries.models import Country, RegionalGroup
from solidarity.resolutions.models import Body
from solidarity.votes import charts, selectors
from solidarity.votes.models import Topic


def _selection(request) -> tuple[selectors.Selection, dict, list[str]]:
    """The selection of roll calls a page's form asks for; what cannot be read is said."""
    problems = []
    values = {
        "from": request.GET.get("from", "").strip()[:10],
        "to": request.GET.get("to", "").strip()[:10],
        "body": request.GET.get("body", ""),
        "topic": request.GET.get("topic", ""),
    }
    start = end = None
    try:
        start = selectors.read_bound(values["from"], end=False) if values["from"] else None
        end = selectors.read_bound(values["to"], end=True) if values["to"] else None
    except ValueError:
        problems.append(_("“From” and “to” are a year (1990) or a day (1990-05-01)."))
        values["from"] = values["to"] = ""
    if values["body"] not in Body.values:
        values["body"] = ""
    if values["topic"] not in Topic.values:
        values["topic"] = ""
    selection = selectors.Selection(
        start=start, end=end, body=values["body"], topic=values["topic"]
    )
    return selection, values, problems


def overview(request):
    selection, values, problems = _selection(request)
    if request.GET.get("format") == "csv":
        a = request.GET.get("a", "").upper()[:3]
        if a and not Country.objects.filter(iso3=a).exists():
            raise Http404(_("No UN Member or observer State has this code."))
        return _table_csv(request.GET.get("table", ""), selection, a)
    cohesion = selectors.group_cohesion(selection)
    points = selectors.ideal_points(selection)
    countries = list(Country.objects.values_list("iso3", "un_name"))
    known = {iso3 for iso3, _name in countries}
    a = request.GET.get("a", "").upper()[:3]
    b = request.GET.get("b", "").upper()[:3]
    pair = None
    if a in known and b in known:
        pair = selectors.agreement_of(a, b, selection)
    names = dict(countries)
    with_a = (
        [(names.get(row.iso3, row.iso3), row) for row in selectors.partners_of(a, selection)]
        if a in known
        else []
    )
    return render(
        request,
        "votes/overview.html",
        {
            "overview": selectors.overview(),
            "countries": countries,
            "a": a,
            "b": b,
            "a_name": names.get(a, ""),
            "b_name": names.get(b, ""),
            "pair": pair,
            "with_a": with_a,
            "values": values,
            "problems": problems,
            "selected": selectors.selected_count(selection),
            "bodies": Body.choices,
            "topics": Topic.choices,
            "cohesion": cohesion,
            "adoption": selectors.adoption_per_year(),
            "latest": selectors.latest_roll_calls(),
            "series": selectors.series_table(),
            "outvoted": selectors.most_outvoted(selection)[:10],
            "ideal_points": points,
            "query_without_format": _without(request, "format", "table"),
        },
    )


def _without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _table_csv(table: str, selection: selectors.Selection, a: str = ""):
    if table == "agreement" and a:
        names = dict(Country.objects.values_list("iso3", "un_name"))
        return csv_response(
            f"agreement-with-{a}.csv",
            ["iso3", "state", "agreement", "agreed", "compared"],
            (
                [
                    r.iso3,
                    names.get(r.iso3, r.iso3),
                    r.agreement.share,
                    r.agreement.agreed,
                    r.agreement.compared,
                ]
                for r in selectors.partners_of(a, selection)
            ),
        )
    if table == "outvoted":
        return csv_response(
            "most-often-outvoted.csv",
            ["iso3", "state", "regional_group", "share_outvoted", "outvoted", "counted"],
            (
                [f.iso3, f.name, f.group, f.value, f.part, f.count]
                for f in selectors.most_outvoted(selection)
            ),
        )
    if table == "matrix":
        # Rows and columns in the order of the first dimension, so that blocs sit together.
        order = [f.iso3 for f in selectors.ideal_points(selection)]
        found = selectors.agreement_matrix(selection, order) if order else None
        shares = found.shares if found else []
        states = found.states if found else []
        return csv_response(
            "agreement-matrix.csv",
            ["iso3", *states],
            (
                [iso3, *[None if math.isnan(value) else float(value) for value in row]]
                for iso3, row in zip(states, shares, strict=True)
            ),
        )
    if table == "ideal-points":
        return csv_response(
            "ideal-points.csv",
            ["iso3", "state", "regional_group", "point", "votes"],
            (
                [f.iso3, f.name, f.group, f.value, f.count]
                for f in selectors.ideal_points(selection)
            ),
        )
    return csv_response(
        "regional-group-cohesion.csv",
        ["group", "members", "cohesion", "roll_calls"],
        (
            [row.group, row.members, row.cohesion.index, row.cohesion.roll_calls]
            for row in selectors.group_cohesion(selection)
        ),
    )


def ideal_points_svg(request):
    selection, _values, _problems = _selection(request)
    points = selectors.ideal_points(selection)
    svg = charts.strip_svg(
        [(f.name, f.group, f.value) for f in points],
        [(value, str(label)) for value, label in RegionalGroup.choices],
        title=_("States on the first dimension of their votes"),
        description=_(
            "Each State is a dot on one line per regional group; States that vote alike "
            "lie close together. The table beside the chart gives every value."
        ),
    )
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


AGREEMENT_BINS = ((0.8, "80"), (0.6, "60"), (0.4, "40"), (0.2, "20"), (0.0, "0"))


def agreement_map_svg(request):
    """The world coloured by agreement with the chosen State over the selected roll calls."""
    selection, _values, _problems = _selection(request)
    chosen = _country(request.GET.get("a", ""))
    try:
        ranked = selectors.partners_of(chosen.iso3, selection)
    except selectors.UnknownState:
        ranked = []
    drawn = world_map.countries_with_shapes()
    categories = {}
    for row in ranked:
        share = row.agreement.share or 0.0
        if row.iso3 in drawn:
            categories[row.iso3] = next(key for floor, key in AGREEMENT_BINS if share >= floor)
    legend = [
        # xgettext:no-python-format
        ("80", _("80 % or more alike"), "agreement-80"),
        ("60", _("60 to 80 %"), "agreement-60"),
        ("40", _("40 to 60 %"), "agreement-40"),
        ("20", _("20 to 40 %"), "agreement-20"),
        ("0", _("under 20 %"), "agreement-0"),
    ]
    svg = world_map.render_world_map(
        categories,
        legend,
        title=_("Agreement with %(state)s in recorded votes") % {"state": chosen.un_name},
        description=_(
            "Each State coloured by the share of the selected roll calls, among those where "
            "both voted, in which it voted as %(state)s did. The table on the page gives "
            "every figure."
        )
        % {"state": chosen.un_name},
        names=dict(Country.objects.values_list("iso3", "un_name")),
        link_template="/countries/{iso3}/",
        neutral_label=_("Fewer than 20 roll calls compared, or the State chosen"),
        note=world_map.BOUNDARIES_NOTE,
        id_prefix="agreement-map",
        lang=request.LANGUAGE_CODE,
    )
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def _country(iso3: str) -> Country:
    country = Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise Http404(_("No UN Member or observer State has this code."))
    return country


def composition_svg(request, iso3: str):
    country = _country(iso3)
    years = selectors.composition_of(country.iso3)
    svg = charts.composition_svg(
        years,
        title=_("Votes of %(state)s in recorded votes, by year") % {"state": country.un_name},
        description=_(
            "Share of yes, abstain and no among the State's votes in each year; "
            "the numbers are in the table beside the chart."
        ),
        labels={"yes": _("Yes"), "abstain": _("Abstain"), "no": _("No")},
    )
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def composition_csv(request, iso3: str):
    country = _country(iso3)
    years = selectors.composition_of(country.iso3)
    return csv_response(
        f"votes-{country.iso3}-by-year.csv",
        ["iso3", "year", "yes", "no", "abstain", "total"],
        ([country.iso3, y.year, y.yes, y.no, y.abstain, y.total] for y in years),
    )

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from solidarity.countries import record, selectors
from solidarity.countries.models import Country, CountryStatus, RegionalGroup


def country_list(request):
    query = request.GET.get("q", "").strip()[:100]
    group = request.GET.get("group", "")
    if group not in RegionalGroup.values:
        group = ""
    countries = selectors.countries_list(query=query, group=group)
    return render(
        request,
        "countries/country_list.html",
        {
            "countries": countries,
            "query": query,
            "group": group,
            "groups": RegionalGroup.choices,
        },
    )


def country_detail(request, iso3: str):
    try:
        country = selectors.country_get(iso3)
    except Country.DoesNotExist:
        raise Http404(_("No UN Member or observer State has this code.")) from None
    return render(
        request,
        "countries/country_detail.html",
        {
            "country": country,
            "council_years": selectors.council_years(country),
            "is_observer": country.status == CountryStatus.OBSERVER,
            "record_sections": record.sections_for(country),
        },
    )

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from solidarity.core import pagecache
from solidarity.countries import localized, record, selectors
from solidarity.countries.models import Country, CountryStatus, RegionalGroup


def country_list(request):
    query = request.GET.get("q", "").strip()[:100]
    group = request.GET.get("group", "")
    if group not in RegionalGroup.values:
        group = ""
    council_years = selectors.council_membership_years()
    council = request.GET.get("council", "")
    council_year = int(council) if council.isdigit() and int(council) in council_years else None
    # Named and sorted in the reader's language; the search finds a State by its name in
    # that language, its UN name in English or its code.
    language = get_language()
    countries = list(selectors.countries_list(group=group, council_year=council_year))
    for country in countries:
        country.local_name = localized.state_name(country.iso3, language)
    if query:
        countries = [
            c for c in countries if localized.matches(query, c.local_name, c.un_name, c.iso3)
        ]
    countries.sort(key=lambda country: localized.sort_key(country.local_name, language))
    return render(
        request,
        "countries/country_list.html",
        {
            "countries": countries,
            "query": query,
            "group": group,
            "groups": RegionalGroup.choices,
            "council_years": council_years,
            "council_year": council_year,
        },
    )


# Every section of the record: what each area changes bumps the State (or, for the
# agreement and partners read from every roll call, all States).
@pagecache.public_page(
    lambda iso3: [pagecache.state(iso3.upper()), pagecache.STATES, pagecache.ROLL_CALLS]
)
def country_detail(request, iso3: str):
    try:
        country = selectors.country_get(iso3)
    except Country.DoesNotExist:
        raise Http404(_("No UN Member or observer State has this code.")) from None
    if request.GET.get("format") == "json":
        base_url = request.build_absolute_uri("/").rstrip("/")
        return JsonResponse(
            record.country_record(country, base_url=base_url),
            encoder=DjangoJSONEncoder,
            json_dumps_params={"ensure_ascii": False},
        )
    country.local_name = localized.state_name(country.iso3, get_language())
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

from django.db.models import Count, Q

from solidarity.countries.models import CouncilMembership, Country


def countries_list(*, query: str = "", group: str = "", status: str = ""):
    countries = Country.objects.all()
    if query:
        countries = countries.filter(Q(un_name__icontains=query) | Q(iso3__iexact=query))
    if group:
        countries = countries.filter(regional_group=group)
    if status:
        countries = countries.filter(status=status)
    return countries.annotate(council_years=Count("council_memberships"))


def country_get(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3.upper())


def council_years(country: Country) -> list[int]:
    return list(CouncilMembership.objects.filter(country=country).values_list("year", flat=True))

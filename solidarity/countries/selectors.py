from django.db.models import Count, Q

from solidarity.countries.models import CouncilMembership, Country


def countries_list(
    *,
    query: str = "",
    group: str = "",
    status: str = "",
    council_year: int | None = None,
    count_council_years: bool = True,
):
    """States, filtered; each with its number of Council years unless
    ``count_council_years`` is false (a query without the grouping: half the time)."""
    countries = Country.objects.all()
    if council_year is not None:
        countries = countries.filter(council_memberships__year=council_year)
    if query:
        countries = countries.filter(Q(un_name__icontains=query) | Q(iso3__iexact=query))
    if group:
        countries = countries.filter(regional_group=group)
    if status:
        countries = countries.filter(status=status)
    if not count_council_years:
        return countries
    return countries.annotate(council_years=Count("council_memberships"))


def country_get(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3.upper())


def council_years(country: Country | str) -> list[int]:
    """The years a State (or the State of that ISO3 code) sat on the Council."""
    return list(CouncilMembership.objects.filter(country=country).values_list("year", flat=True))


def council_membership_years() -> list[int]:
    """The years of Council membership on record, the latest first."""
    return list(
        CouncilMembership.objects.order_by("-year").values_list("year", flat=True).distinct()
    )

from django.contrib import admin

from solidarity.core.admin import ReadOnlyAdmin
from solidarity.countries.models import CouncilMembership, Country


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    """The States come from the shipped reference list: `solidarity countries sync`."""

    list_display = ["iso3", "un_name", "status", "regional_group"]
    list_filter = ["status", "regional_group"]
    search_fields = ["iso3", "un_name"]


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(ReadOnlyAdmin):
    list_display = ["year", "country"]
    list_filter = ["year"]
    search_fields = ["country__un_name"]

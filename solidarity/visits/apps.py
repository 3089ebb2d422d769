from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "solidarity.visits"
    verbose_name = _("Country visits")

    def ready(self) -> None:
        from solidarity.countries import record
        from solidarity.visits import api, records, selectors

        record.register_section(
            order=15,
            template="visits/country_visits.html",
            data=selectors.visits_of_country,
            key="visits",
            json_data=records.record_of_country,
            schema=api.VisitOut,
        )

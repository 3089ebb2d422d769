from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "solidarity.indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from solidarity.countries import record
        from solidarity.indicators import api, selectors

        record.register_section(
            order=30,
            template="indicators/country_oda.html",
            data=selectors.oda_of_country,
            key="oda",
            json_data=api.oda_record_of_country,
            schema=api.OdaDonorOut | None,
        )
        record.register_section(
            order=31,
            template="indicators/country_contributions.html",
            data=selectors.contributions_of_country,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "solidarity.practices"
    verbose_name = _("Good practices")

    def ready(self) -> None:
        from solidarity.core.search import register_reindexer
        from solidarity.core.search.engine import register_catalogue
        from solidarity.practices.indexing import SEARCH_KIND, reindex_all

        register_reindexer(SEARCH_KIND, reindex_all)
        register_catalogue(SEARCH_KIND)

        from solidarity.countries import record
        from solidarity.practices import api, presentation, selectors

        presentation.register_audit_readers()

        record.register_section(
            order=20,
            template="practices/country_practices.html",
            data=selectors.practices_of_country,
            key="practices",
            json_data=api.practices_record_of_country,
            schema=api.CountryPracticesOut,
        )

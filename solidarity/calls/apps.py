from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "solidarity.calls"
    verbose_name = _("Calls for input")

    def ready(self) -> None:
        from solidarity.calls.indexing import SEARCH_KIND, reindex_all
        from solidarity.core.search import register_reindexer

        register_reindexer(SEARCH_KIND, reindex_all)

        from solidarity.calls import api, selectors
        from solidarity.countries import record

        record.register_section(
            order=25,
            template="calls/country_submissions.html",
            data=selectors.submissions_of_country,
            key="submissions",
            json_data=api.submissions_record_of_country,
            schema=list[api.PublishedSubmission],
        )

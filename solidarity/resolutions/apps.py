from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    name = "solidarity.resolutions"
    label = "resolutions"
    verbose_name = _("Resolutions")

    def ready(self):
        from solidarity.core import search
        from solidarity.countries import record
        from solidarity.resolutions import api, indexing, selectors

        search.register_reindexer(indexing.SEARCH_KIND, indexing.reindex_all)
        record.register_section(
            order=10,
            template="resolutions/country_votes.html",
            data=selectors.votes_of_country,
            key="votes",
            json_data=api.votes_record_of_country,
            schema=api.CountryVotesOut,
        )

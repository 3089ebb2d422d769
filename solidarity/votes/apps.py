from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    name = "solidarity.votes"
    verbose_name = _("Recorded votes")

    def ready(self) -> None:
        from solidarity.countries import record
        from solidarity.resolutions import extensions
        from solidarity.votes import api, selectors, services

        record.register_section(
            order=12,
            template="votes/country_votes.html",
            data=selectors.country_section,
            key="roll_calls",
            json_data=api.roll_calls_record_of_country,
            schema=api.VoteRollCallsOut,
        )
        # A stored resolution's recorded vote becomes a roll call and the resolution joins its
        # series, in the ingest's transaction.
        extensions.register_on_store("votes", services.on_resolution_stored)
        extensions.register_section(
            order=20,
            template="votes/resolution_section.html",
            data=selectors.resolution_section,
        )
        extensions.register_page_subjects("votes", selectors.page_subjects_of_resolution)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    name = "solidarity.votes"
    verbose_name = _("Recorded votes")

    def ready(self) -> None:
        from solidarity.countries import record
        from solidarity.resolutions import extensions
        from solidarity.votes import selectors, services

        record.register_section(
            order=12, template="votes/country_votes.html", data=selectors.country_section
        )
        # A resolution stored with a recorded vote becomes a roll call, in the same transaction.
        extensions.register_on_store("votes", services.roll_call_sync_resolution)
        extensions.register_section(
            order=20,
            template="votes/resolution_groups.html",
            data=selectors.resolution_vote_by_group,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "solidarity.visits"
    verbose_name = _("Country visits")

    def ready(self) -> None:
        from solidarity.core import audit
        from solidarity.countries import record
        from solidarity.visits import api, lifecycle, records, selectors

        audit.register_title(
            "visits.visitrequest", lambda visit: str(visit.country), needs=("country",)
        )
        audit.register_reader(
            "visits.visitrequest",
            "status",
            lambda code: str(lifecycle.STATUS_LABELS.get(code, lifecycle.STATUS_LABELS[""])),
        )

        def event_in_words(event: dict) -> str:
            from solidarity.core.audit_display import readable

            kind = lifecycle.EVENT_LABELS.get(event.get("kind"), "")
            return readable({"kind": str(kind), "on": event.get("on"), "note": event.get("note")})

        audit.register_reader("visits.visitrequest", "event", event_in_words)

        record.register_section(
            order=15,
            template="visits/country_visits.html",
            data=selectors.visits_of_country,
            key="visits",
            json_data=records.record_of_country,
            schema=api.VisitOut,
        )

from __future__ import annotations

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from solidarity.countries.models import Country
from solidarity.visits import lifecycle, records, selectors, services
from solidarity.visits.models import VisitRequest


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = (
        "Country-visit requests from the command line. `list` prints the table of /visits/ "
        "(a view, a regional group) as text or JSON; `record ISO3 EVENT DATE` adds a step to a "
        "State's log (a first request or invitation opens its record), refused with its reason "
        "when the history does not allow it; `due` lists the requests due a reminder."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        listing = commands.add_parser("list", help="the visits table")
        listing.add_argument("--view", choices=selectors.VIEWS)
        listing.add_argument("--group", help="a UN regional group, as in the countries list")
        listing.add_argument("--format", choices=("table", "json"), default="table")
        record = commands.add_parser("record", help="record a step of a State's request")
        record.add_argument("iso3", help="the State's ISO 3166-1 alpha-3 code")
        record.add_argument("event", choices=lifecycle.EVENTS)
        record.add_argument("date", type=_date, help="YYYY-MM-DD")
        record.add_argument("--from", dest="starts_on", type=_date, help="first day of the visit")
        record.add_argument("--to", dest="ends_on", type=_date, help="last day of the visit")
        record.add_argument("--note", default="")
        record.add_argument("--report", default="", help="the report's address (completed)")
        record.add_argument("--source", default="", help="where the request is published")
        commands.add_parser("due", help="requests due a reminder")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "list":
            return self._list(options)
        if action == "due":
            due = selectors.reminders_due()
            for row in due:
                self.stdout.write(
                    f"{row.country.iso3}  {row.visit.status_label:<22} last news "
                    f"{row.last_contact.isoformat()}  reminders {row.history.reminders}"
                )
            self.stdout.write(f"{len(due)} requests due a reminder.")
            return None
        return self._record(options)

    def _list(self, options):
        rows = selectors.table(view=options["view"] or "", group=options["group"] or "")
        today = timezone.localdate()
        if options["format"] == "json":
            data = [records.country_record(r, today=today) for r in rows]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{len(rows)} States")
        for row in rows:
            h = row.history
            self.stdout.write(
                f"{row.country.iso3}  {(row.visit.status_label if row.visit else '-'):<22} "
                f"requested {h.requested_on or '-'}  first reply after "
                f"{'-' if h.days_to_first_reply is None else h.days_to_first_reply} days  "
                f"reminders {h.reminders}"
            )

    def _record(self, options):
        country = Country.objects.filter(iso3=options["iso3"].upper()).first()
        if country is None:
            raise CommandError(f"no State has the code {options['iso3']!r}")
        visit = VisitRequest.objects.filter(country=country).first()
        kind = options["event"]
        try:
            if visit is None or (
                kind in (lifecycle.REQUESTED, lifecycle.INVITED) and not options["starts_on"]
            ):
                visit = services.visit_request_create(
                    actor=None,
                    country=country,
                    kind=kind,
                    on=options["date"],
                    note=options["note"],
                    source=options["source"],
                )
            else:
                services.visit_event_record(
                    actor=None,
                    visit=visit,
                    kind=kind,
                    on=options["date"],
                    starts_on=options["starts_on"],
                    ends_on=options["ends_on"],
                    note=options["note"],
                    report_url=options["report"],
                )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        visit.refresh_from_db()
        self.stdout.write(f"{country.iso3}: {visit.status_label}.")

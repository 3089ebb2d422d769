from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from solidarity.calls import archive, selectors, services
from solidarity.calls.models import Call, CallStatus, SubmissionStatus
from solidarity.calls.records import call_record
from solidarity.calls.services import geneva


class Command(BaseCommand):
    help = (
        "Calls for input from the command line. `list` prints the calls (the filters of "
        "/calls/) as a table or JSON; `close-due` records the closing of calls whose "
        "deadline has passed and tells the secretariat (the periodic job does the same); "
        "`build-archive SLUG` rebuilds the ZIP and CSV of a call's published submissions."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        listing = commands.add_parser("list", help="list calls for input")
        listing.add_argument("--status", choices=CallStatus.values)
        listing.add_argument("--year", type=int)
        listing.add_argument("--paragraph", type=int, help="an operative paragraph served")
        listing.add_argument("--format", choices=("table", "json"), default="table")
        commands.add_parser("close-due", help="record the closing of calls past their deadline")
        build = commands.add_parser("build-archive", help="rebuild a call's published download")
        build.add_argument("slug", help="the call's short name or number")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "list":
            return self._list(options)
        if action == "close-due":
            closed = services.calls_close_due()
            for call in closed:
                submitted = call.submissions.filter(status=SubmissionStatus.SUBMITTED).count()
                self.stdout.write(f"closed  {call.slug}  ({submitted} submissions)")
            self.stdout.write(f"{len(closed)} calls closed.")
            return None
        try:
            call = selectors.call_get(options["slug"])
        except Call.DoesNotExist:
            raise CommandError(f"no call for input is named {options['slug']!r}") from None
        built = archive.build(call.pk)
        count = built.submissions if built else 0
        self.stdout.write(f"{call.slug}: {count} published submissions in the archive.")
        return None

    def _list(self, options):
        found = selectors.calls(
            selectors.CallFilters(
                status=options["status"] or "",
                year=options["year"],
                paragraph=options["paragraph"],
            )
        )
        if options["format"] == "json":
            records = [call_record(c) for c in found.prefetch_related("questions")]
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{found.count()} calls")
        for call in found:
            extended = " (extended)" if call.extended else ""
            self.stdout.write(
                f"{call.status.value:<9} {call.slug:<30} closes {geneva(call.closes_at)}"
                f"{extended}  {call.title}"
            )

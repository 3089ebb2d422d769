"""solidarity mandate: the tasks from operative paragraphs, and a report's compiled annexes,
from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from solidarity.mandate import selectors
from solidarity.mandate.annexes import build
from solidarity.mandate.models import AnnexFormat, Deliverable, TaskStatus
from solidarity.mandate.records import task_record


class Command(BaseCommand):
    help = (
        "The mandate's tasks from operative paragraphs: `mandate tasks [--status S] [--json]`; "
        "a report's annexes: `mandate annexes REPORT_ID --format docx|pdf -o FILE`."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        tasks = sub.add_parser("tasks", help="List the tasks, one a line, or as JSON.")
        tasks.add_argument("--status", choices=TaskStatus.values, default="")
        tasks.add_argument("--addressee", default="", help='e.g. "Independent Expert"')
        tasks.add_argument("--resolution", default="", help="a resolution's symbol")
        tasks.add_argument("--json", action="store_true", help="JSON records, as the API gives")
        annexes = sub.add_parser(
            "annexes",
            help="Compile a report's annexes (its calls' submissions, visits, engagements).",
        )
        annexes.add_argument("report_id", type=int, help="the report's number (its page's)")
        annexes.add_argument("--format", choices=AnnexFormat.values, default=AnnexFormat.DOCX)
        annexes.add_argument("-o", "--output", required=True, help="the file to write")
        annexes.add_argument(
            "--language", default=settings.LANGUAGE_CODE, help="the language of its headings"
        )

    def handle(self, *args, action, **options):
        if action == "annexes":
            return self._annexes(**options)
        if action != "tasks":  # argparse allows only the actions above
            raise CommandError(f"unknown action {action!r}")
        found = selectors.tasks_list(
            selectors.TaskFilters(
                status=options["status"],
                addressee=options["addressee"],
                resolution=options["resolution"],
            )
        )
        if options["json"]:
            records = [task_record(task) for task in found.iterator(chunk_size=500)]
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        count = 0
        for task in found.iterator(chunk_size=500):
            count += 1
            confirmed = "confirmed" if task.is_confirmed else "unconfirmed"
            self.stdout.write(
                f"{task.resolution.symbol} op. {task.paragraph_number}\t{task.status}\t"
                f"{confirmed}\t{', '.join(task.addressees)}\t{task.action}"
            )
        self.stderr.write(f"{count} task{'s' if count != 1 else ''}")

    def _annexes(self, *, report_id, format, output, language, **options):
        if language not in {code for code, _name in settings.LANGUAGES}:
            raise CommandError(f"{language!r} is not a language of the platform")
        try:
            deliverable = selectors.deliverable_get(report_id)
        except Deliverable.DoesNotExist:
            raise CommandError(f"no report has the number {report_id}") from None
        data = build.render(deliverable, format, language=language)
        Path(output).write_bytes(data)
        self.stderr.write(f"{output}: the annexes of {deliverable} ({len(data)} bytes)")

"""solidarity mandate tasks: the tasks from operative paragraphs, from the command line."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from solidarity.mandate import selectors
from solidarity.mandate.models import TaskStatus
from solidarity.mandate.records import task_record


class Command(BaseCommand):
    help = "The mandate's tasks from operative paragraphs: `mandate tasks [--status S] [--json]`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        tasks = sub.add_parser("tasks", help="List the tasks, one a line, or as JSON.")
        tasks.add_argument("--status", choices=TaskStatus.values, default="")
        tasks.add_argument("--addressee", default="", help='e.g. "Independent Expert"')
        tasks.add_argument("--resolution", default="", help="a resolution's symbol")
        tasks.add_argument("--json", action="store_true", help="JSON records, as the API gives")

    def handle(self, *args, action, **options):
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

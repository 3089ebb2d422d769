import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from solidarity.core import search


class Command(BaseCommand):
    help = "Rebuild the full-text search index from the records (all kinds, or those named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", metavar="KIND")

    def handle(self, *args, kinds, **options):
        available = search.reindexers()
        unknown = sorted(set(kinds) - set(available))
        if unknown:
            raise CommandError(
                f"unknown kind {', '.join(unknown)}; known: {', '.join(sorted(available))}"
            )
        for kind in kinds or sorted(available):
            started = time.monotonic()
            with transaction.atomic():
                count = available[kind]()
            self.stdout.write(
                f"{kind}: {count} records indexed in {time.monotonic() - started:.1f} s"
            )

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from solidarity.core import search
from solidarity.core.search import engine


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
            if engine.enabled() and kind in engine.catalogues():
                # The mirror is rebuilt whole rather than replaying every change.
                started = time.monotonic()
                count = engine.catalogue_index(kind).rebuild()
                self.stdout.write(
                    f"{kind}: catalogue index rebuilt with {count} records "
                    f"in {time.monotonic() - started:.1f} s"
                )

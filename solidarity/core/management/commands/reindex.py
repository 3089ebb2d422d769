import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from solidarity.core import search
from solidarity.core.search import engine


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index from the records (all kinds, or those named). "
        "--if-needed only brings this machine's catalogue index up to date, rebuilding it if "
        "it is missing, damaged, made for another database or behind the pruned log (run it "
        "at each deploy; `solidarity serve` does). --prune deletes the logged changes every "
        "catalogue index has applied (run it daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", metavar="KIND")
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="rebuild only a catalogue index that cannot be brought up to date",
        )
        parser.add_argument(
            "--prune", action="store_true", help="delete the changes every index has applied"
        )

    def handle(self, *args, kinds, if_needed, prune, **options):
        available = search.reindexers()
        unknown = sorted(set(kinds) - set(available))
        if unknown:
            raise CommandError(
                f"unknown kind {', '.join(unknown)}; known: {', '.join(sorted(available))}"
            )
        if if_needed or prune:
            if if_needed:
                self._bring_up_to_date(kinds or sorted(engine.catalogues()))
            if prune:
                for kind, count in engine.prune_changes().items():
                    self.stdout.write(f"{kind}: {count} applied changes pruned from the log")
            return
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

    def _bring_up_to_date(self, kinds):
        if not engine.enabled():
            self.stdout.write("no catalogue index: SOLIDARITY_SEARCH_ENGINE is 'database'")
            return
        for kind in kinds:
            if kind not in engine.catalogues():
                continue
            started = time.monotonic()
            try:
                outcome = engine.catalogue_index(kind).ensure_current(whatever_size=True)
            except OSError as error:
                raise CommandError(
                    f"{kind}: the catalogue index cannot be written ({error}); "
                    "check SOLIDARITY_SEARCH_INDEX_DIR"
                ) from error
            self.stdout.write(
                f"{kind}: catalogue index {outcome} in {time.monotonic() - started:.1f} s"
            )

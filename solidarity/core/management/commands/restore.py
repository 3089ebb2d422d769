from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Records whose presence means the database is in use: a restore never merges into them.
IN_USE = ["accounts.User", "accounts.Organization", "resolutions.Resolution"]


class Command(BaseCommand):
    help = (
        "Load a backup made by 'solidarity backup' into a freshly migrated, empty database, "
        "in one transaction, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"{source}: no such backup file")
        present = [
            f"{label} ({count})"
            for label in IN_USE
            if (count := apps.get_model(label).objects.count())
        ]
        if present:
            raise CommandError(
                "the database already holds records: " + ", ".join(present) + ". Restore "
                "into a new database (set DATABASE_URL or SOLIDARITY_VAR_DIR, then "
                "'solidarity migrate')."
            )
        with transaction.atomic():
            call_command("loaddata", str(source), verbosity=0)
        call_command("reindex", stdout=self.stdout)
        self.stdout.write(f"Restored {source}.")

import datetime as dt
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Rebuilt or transient: not part of a backup. Search entries are rebuilt by
# ``solidarity restore`` (through ``reindex``), and the catalogue mirrors' positions
# belong to the database they read (its change log starts again); the rest is Django's own
# bookkeeping, recreated by ``migrate``, or sessions and login counters.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "core.searchdocument",
    "core.searchchange",
    "core.searchmirror",
    "core.searchchangepruned",
]


class Command(BaseCommand):
    help = (
        "Write every record of the platform to one compressed JSON file, readable by "
        "'solidarity restore' on SQLite or PostgreSQL. The file appears only once complete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="where to write (.json.gz); default var/backups/solidarity-<UTC time>.json.gz",
        )

    def handle(self, *args, path, **options):
        if path:
            target = Path(path)
        else:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
            target = Path(settings.VAR_DIR) / "backups" / f"solidarity-{stamp}.json.gz"
        if not target.name.endswith(".json.gz"):
            raise CommandError(f"{target}: the backup file name must end in .json.gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".partial.json.gz")
        os.close(handle)
        try:
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                natural_foreign=True,
                output=partial,
                verbosity=0,
            )
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        size = target.stat().st_size / 1024 / 1024
        self.stdout.write(f"Backup written to {target} ({size:.1f} MiB).")

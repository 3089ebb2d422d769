import gzip
import json
import zlib
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

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
        check_backup(source)
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
        try:
            with transaction.atomic():
                call_command("loaddata", str(source), verbosity=0)
        except (DeserializationError, DatabaseError, ValidationError, ValueError) as error:
            raise CommandError(
                f"{source}: the backup could not be loaded, so nothing was restored: "
                f"{str(error).strip()}"
            ) from None
        call_command("reindex", stdout=self.stdout)
        call_command("renew_pages", stdout=self.stdout)  # pages kept from another database
        self.stdout.write(f"Restored {source}.")


def check_backup(source: Path) -> None:
    """Read the whole backup and say what is wrong with it before anything is written.

    The file must be gzip-compressed (or plain) UTF-8 JSON: a list of records,
    each with a ``model`` this version of the platform has and only ``fields``
    it knows.
    """
    if not source.name.endswith((".json.gz", ".json")):
        raise CommandError(f"{source}: a backup is a .json.gz file written by 'solidarity backup'")
    with source.open("rb") as file:
        compressed = file.read(2) == b"\x1f\x8b"
    if source.name.endswith(".gz") and not compressed:
        raise CommandError(
            f"{source}: not a gzip file; a backup written by 'solidarity backup' is compressed"
        )
    try:
        with (gzip.open if compressed else open)(source, "rb") as file:
            data = file.read()
    except EOFError:
        raise CommandError(
            f"{source}: the file is truncated (it ends before its compressed data does)"
        ) from None
    except (gzip.BadGzipFile, zlib.error, OSError) as error:
        raise CommandError(f"{source}: the compressed data is damaged ({error})") from None
    try:
        records = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CommandError(f"{source}: not a backup: the content is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{source}: not a backup: the content is not valid JSON "
            f"({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(records, list):
        raise CommandError(
            f"{source}: not a backup: it holds a JSON {type(records).__name__}, "
            "not the list of records 'solidarity backup' writes"
        )
    for number, record in enumerate(records, 1):
        if not (
            isinstance(record, dict)
            and isinstance(record.get("model"), str)
            and isinstance(record.get("fields"), dict)
        ):
            raise CommandError(
                f"{source}: record {number} is not a record of the platform "
                "(an object with 'model' and 'fields')"
            )
        label = record["model"]
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            raise CommandError(
                f"{source}: record {number} is of a kind this version of the platform does "
                f"not have ({label!r}): the backup was made by another version, or is not "
                "one of its backups"
            ) from None
        for name in record["fields"]:
            try:
                model._meta.get_field(name)
            except FieldDoesNotExist:
                raise CommandError(
                    f"{source}: record {number} ({label}) has a field this version of the "
                    f"platform does not know ({name!r}): the backup was made by another "
                    "version; restore it with that version, then upgrade"
                ) from None

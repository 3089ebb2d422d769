from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from tqdm import tqdm

from solidarity.resolutions import services
from solidarity.resolutions.reading import ReadFile, read_files

SUFFIXES = {".md", ".txt", ".text", ".pdf"}
PARALLEL_FROM = 50  # files; below this, worker start-up costs more than it saves
# Files stored per transaction, each within a savepoint of its own: a commit per file
# cost 1-3 ms of the 5 it took to store one, and most of the rest is per statement.
BATCH = 100


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and the resolution files inside folders, in a stable order."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return found


def _store_one(read: ReadFile) -> bool | str:
    """Store one file: whether it was created, or the message of its failure."""
    try:
        _, created = services.resolution_ingest(
            actor=None,
            document=read.document,
            source_name=read.path.name,
            source_data=read.data,
        )
    except (ValueError, DatabaseError) as error:
        # Its transaction or savepoint was rolled back: nothing of this file is stored.
        return f"{read.path}: {error}"
    return created


def _store(batch: list[ReadFile]) -> list[tuple[ReadFile, bool | str]]:
    """Store files in one transaction, each whole or not at all within it.

    A check the database makes only at commit (a foreign key) fails the whole
    transaction: the files are then stored again, each in a transaction of its own.
    """
    if not batch:
        return []
    try:
        with transaction.atomic():
            return [(read, _store_one(read)) for read in batch]
    except DatabaseError:
        return [(read, _store_one(read)) for read in batch]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class Command(BaseCommand):
    help = (
        "Parse and store resolutions (Markdown, plain text or PDF files, or folders of them). "
        "Each file is stored whole or not at all; the same symbol again updates the "
        "stored resolution. A broken file changes nothing and the run goes on; failures "
        "are listed at the end (exit status 1), and so are the files stored with warnings, "
        "each with its warnings."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument(
            "--jobs",
            type=int,
            default=max(0, (os.cpu_count() or 1) - 1),
            help="processes that parse ahead while this one stores; 0 parses here "
            "(default: one less than the cores)",
        )

    def handle(self, *args, paths, quiet, jobs, **options):
        files = expand(paths)
        created = updated = 0
        failures: list[str] = []
        warned: dict[Path, list[str]] = {}
        jobs = jobs if len(files) >= PARALLEL_FROM else 0
        if connection.vendor == "sqlite":
            # Fewer, larger checkpoints of the write-ahead log during a long import.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_autocheckpoint=16000")
        progress = tqdm(
            read_files(files, jobs=jobs),
            total=len(files),
            unit="file",
            disable=quiet or not files,
            file=sys.stderr,
            desc="ingest",
        )
        batch: list[ReadFile] = []
        for position, read in enumerate(progress, start=1):
            if read.error:
                failures.append(read.error)
            else:
                batch.append(read)
            if len(batch) < BATCH and position < len(files):
                continue
            for stored, outcome in _store(batch):
                if isinstance(outcome, str):
                    failures.append(outcome)
                    continue
                if stored.warnings:
                    warned[stored.path] = stored.warnings
                created += outcome
                updated += not outcome
            batch = []
        summary = f"{created} resolutions added, {updated} updated, {len(failures)} failed"
        warnings = sum(len(found) for found in warned.values())
        if warnings:
            summary += f", {_count(warnings, 'warning')} in {_count(len(warned), 'file')}"
        self.stdout.write(summary + ".")
        if warned:
            self.stdout.write("Stored with warnings (check each against the printed document):")
            for path, found in warned.items():
                self.stdout.write(f"  {path}: {_count(len(found), 'warning')}")
                for warning in found:
                    self.stdout.write(f"    {warning}")
        if failures:
            self.stderr.write("Failed:")
            for failure in failures:
                self.stderr.write(f"  error: {failure}")
            raise SystemExit(1)

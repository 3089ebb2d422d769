"""Roll calls for the tests: small folders in Voeten's layout; the shipped data, once a module."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from solidarity.votes import unvotes

SHIPPED = unvotes.SHIPPED


def write_unvotes(folder: Path, roll_calls: list[dict], votes: list[tuple], issues: list[tuple]):
    """Three gzipped files as the unvotes package ships them."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = [
        "rcid",
        "session",
        "importantvote",
        "date",
        "unres",
        "amend",
        "para",
        "short",
        "descr",
    ]
    with gzip.open(folder / unvotes.ROLL_CALLS_FILE, "wt", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        for row in roll_calls:
            writer.writerow({column: row.get(column, "") for column in columns})
    with gzip.open(folder / unvotes.VOTES_FILE, "wt", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["rcid", "country", "country_code", "vote"])
        writer.writerows(votes)
    with gzip.open(folder / unvotes.ISSUES_FILE, "wt", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["rcid", "short_name", "issue"])
        writer.writerows(issues)
    return folder


def shipped_rows() -> list[dict]:
    """The shipped country votes, read straight from the file with the csv module."""
    with gzip.open(SHIPPED / unvotes.VOTES_FILE, "rt", newline="") as handle:
        return list(csv.DictReader(handle))


def shipped_roll_calls() -> dict[str, dict]:
    with gzip.open(SHIPPED / unvotes.ROLL_CALLS_FILE, "rt", newline="") as handle:
        return {row["rcid"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def shipped_import(django_db_setup, django_db_blocker):
    """Voeten's data imported once for a module's tests, removed after them."""
    from solidarity.core.models import AuditEntry
    from solidarity.votes import services
    from solidarity.votes.models import CountryVote, RollCall, VoteDataRevision

    with django_db_blocker.unblock():
        last_entry = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        report = services.unvotes_import(actor=None)
        yield report
        # Committed outside the tests' transactions: everything it wrote goes.
        CountryVote.objects.all().delete()
        RollCall.objects.all().delete()
        VoteDataRevision.objects.all().delete()
        AuditEntry.objects.filter(pk__gt=last_entry).delete()

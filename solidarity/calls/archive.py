"""The published submissions of a call as one download: a ZIP of their files with a
CSV of their metadata (also offered alone). Built by a background job."""

from __future__ import annotations

import csv
import io
import zipfile

from django.db import transaction
from django.utils import timezone

from solidarity.calls import copies
from solidarity.calls.models import Call, PublishedArchive
from solidarity.calls.records import public_country
from solidarity.calls.selectors import published_submissions
from solidarity.core.text import spreadsheet_safe

CSV_HEADER = [
    "reference",
    "submitted_by",
    "stakeholder_type",
    "country",
    "language",
    "submitted_at",
    "published_at",
    "files",
]


def _safe_name(name: str) -> str:
    """A member name that stays inside the folder it is put in, whatever the upload said."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip(". ") or "document"
    return "".join(c if c.isprintable() and c not in ':*?"<>|' else "_" for c in name)[:120]


def _member_names(submission) -> list[str]:
    """The names of its documents in the ZIP: as the public reads them, made safe, once each."""
    names, seen = [], set()
    for _document, name in submission.public_documents():
        name = _safe_name(name)
        while name in seen:
            name = "_" + name
        seen.add(name)
        names.append(name)
    return names


def metadata_rows(call: Call) -> list[list[str]]:
    rows = []
    for submission in published_submissions(call):
        rows.append(
            [
                submission.reference or "",
                submission.public_label,
                submission.get_stakeholder_type_display()
                if submission.public_stakeholder_type
                else "",
                public_country(submission) or "",
                submission.language,
                submission.submitted_at.isoformat() if submission.submitted_at else "",
                submission.published_at.isoformat() if submission.published_at else "",
                "; ".join(f"{submission.reference}/{name}" for name in _member_names(submission)),
            ]
        )
    return rows


def metadata_csv(call: Call) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in metadata_rows(call):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build(call_id: int) -> PublishedArchive | None:
    """Build (or rebuild) the archive of a call from what is published now."""
    call = Call.objects.filter(pk=call_id).first()
    if call is None:
        return None
    table = metadata_csv(call)
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(f"{call.slug}/submissions.csv", table)
        for submission in published_submissions(call):
            count += 1
            documents = [document for document, _name in submission.public_documents()]
            for document, name in zip(documents, _member_names(submission), strict=True):
                try:
                    data = copies.public_copy(submission, document)
                except copies.CannotClean:
                    continue  # refused at publication; never the original instead
                package.writestr(f"{call.slug}/{submission.reference}/{name}", data)
    with transaction.atomic():
        archive, _created = PublishedArchive.objects.update_or_create(
            call=call,
            defaults={
                "zip_data": buffer.getvalue(),
                "csv_data": table,
                "submissions": count,
                "built_at": timezone.now(),
            },
        )
    return archive

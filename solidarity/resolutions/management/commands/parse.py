"""``solidarity parse FILE``: read a resolution and print it as structured data.

Markdown, plain text and PDF are told apart by content. The document goes to
standard output (JSON by default, or a short summary with ``--format text``);
warnings go to standard error as ``FILE:LINE: warning: message``. Input that
cannot be read as a resolution prints ``error: FILE:LINE: message`` and exits
with status 2.

``solidarity parse --check DIR`` reads a folder of documents, each with the
facts a reader found in it (``<name>.facts.json``, see
``solidarity.resolutions.corpus``), and prints one line per document ("exact",
or what was read differently, the parser's warnings, or why it was refused)
and a total; it exits with status 1 when any document is not exact.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from solidarity.resolutions.corpus import check_folder
from solidarity.resolutions.parsing import ParseError, ResolutionDocument, parse_file

BODY_NAMES = {"HRC": "Human Rights Council", "GA": "General Assembly"}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(document: ResolutionDocument) -> str:
    """A few lines that say what the resolution is and what it asks of whom."""
    lines = [
        f"{document.symbol}: {document.title}",
        f"{BODY_NAMES[document.body]}, session {document.session}"
        + (f", agenda item {document.agenda_item}" if document.agenda_item else ""),
    ]
    adopted = document.adopted_on.isoformat() if document.adopted_on else "date not printed"
    line = f"Adopted {adopted}"
    if document.meeting:
        line += f" at the {document.meeting}"
    if document.distributed_on:
        line += f"; distributed {document.distributed_on.isoformat()}"
    lines.append(line)
    lines.append(
        f"{len(document.preambular_paragraphs)} preambular and "
        f"{_count(len(document.operative_paragraphs), 'operative paragraph')}, "
        f"{_count(len(document.footnotes), 'footnote')}, "
        f"{_count(len(document.references), 'reference')}"
    )
    for annex in document.annexes:
        numbered = sum(1 for paragraph in annex.paragraphs if paragraph.number is not None)
        title = f": {annex.title}" if annex.title else ""
        lines.append(f"{annex.heading}{title} ({_count(numbered, 'numbered paragraph')})")
    vote = document.vote
    if vote is None:
        lines.append("Vote: none recorded (adopted without a vote)")
    else:
        lines.append(f"Vote: {vote.yes} in favour, {vote.no} against, {vote.abstain} abstaining")
    asked: dict[str, list[int]] = {}
    for paragraph in document.operative_paragraphs:
        for addressee in paragraph.addressees:
            asked.setdefault(addressee, []).append(paragraph.number)
    if asked:
        lines.append("Asked to act:")
        for addressee, numbers in asked.items():
            where = ", ".join(str(number) for number in numbers)
            lines.append(f"  {addressee} (op. {where})")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Parse a resolution (Markdown, plain text or PDF) and print it as JSON, "
        "or as a short summary with --format text."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            metavar="FILE",
            help="the resolution to read (with --check: a folder of documents and their facts)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="read every document of the folder FILE and compare it with its facts file",
        )
        parser.add_argument(
            "--format",
            choices=("json", "text"),
            default="json",
            help="json (the default): the whole document; text: a short summary",
        )

    def handle(self, *args, file, format, check, **options):
        self.stderr.style_func = None  # messages as written, for editors and scripts to read
        if check:
            self._check(Path(file))
            return
        try:
            result = parse_file(file)
        except ParseError as error:
            self.stderr.write(f"error: {error}")
            raise SystemExit(2) from None
        for warning in result.warnings:
            self.stderr.write(str(warning))
        if format == "text":
            self.stdout.write(summary(result.document))
        else:
            self.stdout.write(json.dumps(result.document.to_dict(), indent=2, ensure_ascii=False))

    def _check(self, folder: Path) -> None:
        if not folder.is_dir():
            raise CommandError(f"{folder}: not a folder")
        try:
            checks = check_folder(folder)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from None
        if not checks:
            raise CommandError(f"{folder}: no facts file (<name>.facts.json) in this folder")
        for document in checks:
            self.stdout.write(document.line())
        exact = sum(document.exact for document in checks)
        self.stdout.write(f"{exact} of {len(checks)} documents exact")
        if exact != len(checks):
            raise SystemExit(1)

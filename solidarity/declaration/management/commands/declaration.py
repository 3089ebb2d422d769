from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from solidarity.declaration import selectors, services
from solidarity.declaration.models import DeclarationVersion


def _refusal(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{m}" for messages in error.message_dict.values() for m in messages)
    return "; ".join(error.messages)


class Command(BaseCommand):
    help = (
        "The draft declaration from the command line. `import FILE --version-label L` reads a "
        "plain-text declaration (a title, preamble paragraphs, “Article N” headings and "
        "numbered paragraphs) as a new version, every earlier one kept; `publish N` makes "
        "version N public and opens it for comments; `comments N open|close` opens or closes "
        "its consultation; `list` shows the versions; `akn N` "
        "prints version N as Akoma Ntoso."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        load = commands.add_parser("import", help="a new version from a text file")
        load.add_argument("file", help="a UTF-8 text file")
        load.add_argument("--version-label", required=True, help="e.g. 'Revised draft, 2017'")
        load.add_argument("--publish", action="store_true", help="publish it at once")
        publish = commands.add_parser("publish", help="publish a version")
        publish.add_argument("number", type=int)
        comments = commands.add_parser("comments", help="open or close a version for comments")
        comments.add_argument("number", type=int)
        comments.add_argument("state", choices=("open", "close"))
        commands.add_parser("list", help="the versions")
        akn = commands.add_parser("akn", help="a version as Akoma Ntoso XML")
        akn.add_argument("number", type=int)

    def handle(self, *args, **options):
        return getattr(self, f"_{options['action']}")(options)

    def _import(self, options):
        path = Path(options["file"])
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        try:
            version = services.version_import(
                actor=None,
                source=source,
                label=options["version_label"],
                source_name=path.name,
                publish=options["publish"],
            )
        except ValidationError as error:
            raise CommandError(f"{path}: {_refusal(error)}") from None
        state = "published" if version.is_published else "not published yet"
        self.stdout.write(
            f"Version {version.number} ({version.label}): {version.elements.count()} elements, "
            f"{state}."
        )

    def _version(self, number: int) -> DeclarationVersion:
        version = DeclarationVersion.objects.filter(number=number).first()
        if version is None:
            raise CommandError(f"There is no version {number}.")
        return version

    def _publish(self, options):
        version = self._version(options["number"])
        if services.version_publish(actor=None, version=version):
            self.stdout.write(f"Version {version.number} published and open for comments.")
        else:
            self.stdout.write(f"Version {version.number} was published already.")

    def _comments(self, options):
        version = self._version(options["number"])
        try:
            changed = services.version_set_comments_open(
                actor=None, version=version, open=options["state"] == "open"
            )
        except ValidationError as error:
            raise CommandError(_refusal(error)) from None
        state = "open for comments" if version.comments_open else "closed for comments"
        self.stdout.write(f"Version {version.number} is {state}{'' if changed else ' already'}.")

    def _list(self, options):
        for version in DeclarationVersion.objects.order_by("number"):
            published = version.published_at.date().isoformat() if version.published_at else "-"
            self.stdout.write(f"{version.number:>4}  {published:<10}  {version.label}")

    def _akn(self, options):
        from solidarity.declaration.akomantoso import to_akn

        version = self._version(options["number"])
        self.stdout.write(to_akn(version, selectors.plain_elements(version)).decode())

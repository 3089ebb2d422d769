from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from solidarity.accounts.models import User
from solidarity.core import search
from solidarity.core.export import csv_response
from solidarity.practices import selectors, services
from solidarity.practices.indexing import FACETS
from solidarity.practices.records import CSV_HEADER, csv_rows, public_record


class Command(BaseCommand):
    help = (
        "Good practices from the command line. `search` prints the catalogue's results "
        "(the same words and facets as /practices/) as a table, CSV or JSON; `import` "
        "publishes already reviewed practices from a JSON file (the API's record shape), "
        "all or none."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        find = commands.add_parser("search", help="search published practices")
        find.add_argument("q", nargs="?", default="", help='words, "phrases", AND, OR, NOT')
        for name in FACETS:
            find.add_argument(f"--{name.replace('_', '-')}", action="append", default=[])
        find.add_argument("--sort", choices=selectors.SORTS, default="relevance")
        find.add_argument("--format", choices=("table", "csv", "json"), default="table")
        find.add_argument("--limit", type=int, default=20)
        load = commands.add_parser("import", help="publish practices from a JSON file")
        load.add_argument("file", help="a JSON array of practices")
        load.add_argument("--as", dest="email", required=True, help="a secretariat account")

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self._import(options)
        return self._search(options)

    def _search(self, options):
        params = QueryDict(mutable=True)
        params["q"] = options["q"]
        params["sort"] = options["sort"]
        for name in FACETS:
            params.setlist(name, options[name])
        query = selectors.CatalogueQuery.from_params(params)
        try:
            if options["format"] == "table":
                page = selectors.catalogue(query, limit=max(1, options["limit"]), snippets=False)
                self.stdout.write(f"{page.total} practices")
                for practice in page.practices:
                    self.stdout.write(f"{practice.pk:>8}  {practice.published['title']}")
                for name, values in page.facets.items():
                    shown = ", ".join(f"{v.value} ({v.count})" for v in values[:10])
                    self.stdout.write(f"  {name}: {shown}")
                return
            practices = selectors.catalogue_for_export(query)
            if options["format"] == "json":
                records = [public_record(p) for p in practices]
                self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            else:
                response = csv_response("practices.csv", CSV_HEADER, csv_rows(practices))
                for chunk in response.streaming_content:
                    sys.stdout.buffer.write(chunk)
        except search.QueryError as error:
            raise CommandError(str(error)) from None

    def _import(self, options):
        path = Path(options["file"])
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
        if not isinstance(records, list):
            raise CommandError(f"{path}: expected a JSON array of practices")
        actor = User.objects.filter(email__iexact=options["email"]).first()
        if actor is None:
            raise CommandError(f"{options['email']}: no such account")
        try:
            practices = services.practices_import(actor=actor, records=records, source=path.name)
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(
                f"{path}: " + " ".join(error.messages) + " Nothing was stored."
            ) from None
        self.stdout.write(f"{len(practices)} practices published from {path}.")

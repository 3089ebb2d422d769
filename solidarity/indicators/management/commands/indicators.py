from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from solidarity.indicators import readers, services


class Command(BaseCommand):
    help = "Import ODA figures (the shipped dataset, an OECD DAC1 export, a simple CSV)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        oda = actions.add_parser(
            "import-oda",
            help="take a file of ODA figures whole, or refuse it naming each row it cannot take",
        )
        oda.add_argument("file", nargs="?", help="the CSV file (default: the shipped dataset)")
        oda.add_argument("--format", choices=readers.FORMATS, default="shipped")
        oda.add_argument("--source", default="", help="where the figures were read (DAC1 export)")
        oda.add_argument(
            "--preliminary",
            action="store_true",
            help="the figures are from a preliminary release (DAC1 export, simple CSV)",
        )

        contributions = actions.add_parser(
            "import-contributions",
            help="take a CSV of voluntary contributions (donor, fund, year, amount_usd, source)",
        )
        contributions.add_argument("file")

    def handle(self, *args, action, **options):
        if action == "import-contributions":
            self._contributions(Path(options["file"]))
            return
        path = Path(options["file"]) if options["file"] else services.SHIPPED_FILE
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        self.stdout.write(f"Reading {path.name} ({options['format']})…")
        try:
            report = services.oda_import(
                actor=None,
                data=data,
                name=path.name,
                format=options["format"],
                source=options["source"],
                preliminary=options["preliminary"],
            )
        except services.ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(f"{path.name}:{problem.line}: {problem.message}")
            raise CommandError(
                f"{len(refused.problems)} row(s) cannot be taken; nothing was imported",
                returncode=2,
            ) from None
        self.stdout.write(
            f"{report.read} figures read: {report.added} added, "
            f"{report.already_on_record} already on record"
            + (
                f", {report.passed_over} rows of other series passed over"
                if report.passed_over
                else ""
            )
            + "."
        )
        for donor, year in report.changed_choices:
            self.stdout.write(f"  {donor} {year}: another figure now stands for the year")

    def _contributions(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        try:
            report = services.contributions_import(actor=None, data=data, name=path.name)
        except services.ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(f"{path.name}:{problem.line}: {problem.message}")
            raise CommandError(
                f"{len(refused.problems)} row(s) cannot be taken; nothing was imported",
                returncode=2,
            ) from None
        self.stdout.write(
            f"{report.read} contributions read: {report.added} added, "
            f"{report.already_on_record} already on record."
        )

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from solidarity.votes import rollcall_csv, services, unvotes


class Command(BaseCommand):
    help = (
        "Roll calls from the command line. `import-unvotes [DIR]` replaces Voeten's General "
        "Assembly votes with the three files of DIR (the shipped copy by default); "
        "`import-csv FILE` adds roll calls in the documented CSV layout (docs/votes.md), "
        "refusing a file with any bad row unless --keep-good; `sync-resolutions` makes the "
        "roll calls of every stored resolution with a recorded vote and groups resolutions "
        "into series by title; `series-move SYMBOL TITLE` corrects a resolution's series "
        "for good. Each is safe to repeat."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        load = commands.add_parser("import-unvotes", help="Voeten's data, as unvotes ships it")
        load.add_argument("dir", nargs="?", default=str(unvotes.SHIPPED))
        load.add_argument("--quiet", action="store_true", help="no progress bar")
        csv_ = commands.add_parser("import-csv", help="roll calls in the documented CSV layout")
        csv_.add_argument("file")
        csv_.add_argument(
            "--keep-good", action="store_true", help="take the good rows of a file with bad ones"
        )
        commands.add_parser(
            "sync-resolutions", help="roll calls and series of the stored resolutions"
        )
        move = commands.add_parser(
            "series-move", help="correct the grouping: put a resolution in the series TITLE"
        )
        move.add_argument("symbol", help="the resolution's symbol, e.g. A/HRC/RES/56/4")
        move.add_argument("title", help="the series' title (a new series if none has it)")

    def handle(self, *args, **options):
        return getattr(self, "_" + options["action"].replace("-", "_"))(options)

    def _import_unvotes(self, options):
        folder = Path(options["dir"])
        bar = tqdm(total=870_109, unit=" votes", disable=options["quiet"], file=self.stderr._out)

        def progress(done: int) -> None:
            bar.update(done - bar.n)

        try:
            report = services.unvotes_import(actor=None, folder=folder, progress=progress)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{folder}: {error}") from None
        finally:
            bar.close()
        self.stdout.write(
            f"{report.roll_calls} roll calls and {report.votes} country votes imported "
            f"in {report.seconds:.1f} s (replacing {report.replaced_roll_calls} roll calls)."
        )
        if report.unmapped:
            listed = ", ".join(f"{name} ({rows})" for name, rows in report.unmapped.items())
            self.stdout.write(
                f"{sum(report.unmapped.values())} rows not stored: their State is none of "
                f"today's UN Member or observer States: {listed}."
            )

    def _import_csv(self, options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        reading = rollcall_csv.read(text)
        for error in reading.errors:
            self.stderr.write(f"{path}:{error.line}: {error.message}")
        if reading.errors and not options["keep_good"]:
            raise CommandError(
                f"{path}: {len(reading.errors)} error(s); nothing imported "
                "(--keep-good takes the good rows)."
            )
        report = services.csv_import(
            actor=None, roll_calls=reading.roll_calls, source_name=path.name
        )
        self.stdout.write(
            f"{report.roll_calls} roll calls and {report.votes} country votes imported from "
            f"{reading.good_rows} of {reading.rows} rows."
        )

    def _sync_resolutions(self, options):
        count = services.resolutions_sync(actor=None)
        self.stdout.write(f"{count} roll calls of stored resolutions.")

    def _series_move(self, options):
        from solidarity.resolutions.models import Resolution

        resolution = Resolution.objects.filter(symbol=options["symbol"]).first()
        if resolution is None:
            raise CommandError(f"No stored resolution has the symbol {options['symbol']!r}.")
        try:
            member = services.series_move(actor=None, resolution=resolution, title=options["title"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{resolution.symbol} is in the series “{member.series.title}”.")

from django.core.management.base import BaseCommand, CommandError

from solidarity.countries import names, services


class Command(BaseCommand):
    help = "Sync the reference list of States into the database, or resolve printed names."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("sync", help="create or update the 195 States and Council seats")
        resolve = actions.add_parser("resolve", help="print the ISO3 code of each name")
        resolve.add_argument("names", nargs="+", metavar="NAME")

    def handle(self, *args, action, **options):
        if action == "sync":
            report = services.countries_sync(actor=None)
            self.stdout.write(
                f"{report.states} States up to date ({len(report.added)} added, "
                f"{len(report.changed)} changed); {len(report.seats_added)} Council seats added."
            )
            for iso3, changed in sorted(report.changed.items()):
                for name, (old, new) in changed.items():
                    self.stdout.write(f"  {iso3} {name}: {old!r} -> {new!r}")
            return
        failed = False
        for name in options["names"]:
            try:
                code = names.resolve(name)
            except names.UnknownCountryName as error:
                self.stderr.write(f"error: {error}")
                failed = True
            else:
                self.stdout.write(f"{code}\t{names.state_by_iso3()[code].un_name}")
        if failed:
            raise CommandError("some names did not resolve", returncode=2)

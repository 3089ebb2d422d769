from django.core.management.base import BaseCommand, CommandError

from solidarity.countries import names, reference
from solidarity.countries.models import CouncilMembership, Country


class Command(BaseCommand):
    help = "Sync the reference list of States into the database, or resolve printed names."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("sync", help="create or update the 195 States and Council seats")
        resolve = actions.add_parser("resolve", help="print the ISO3 code of each name")
        resolve.add_argument("names", nargs="+", metavar="NAME")

    def handle(self, *args, action, **options):
        if action == "sync":
            states, seats = reference.sync(Country, CouncilMembership)
            self.stdout.write(f"{states} States up to date; {seats} Council seats added.")
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

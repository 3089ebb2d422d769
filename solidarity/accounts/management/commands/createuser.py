import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from solidarity.accounts import services
from solidarity.accounts.models import Organization
from solidarity.core.roles import Role
from solidarity.countries.models import Country


class Command(BaseCommand):
    help = "Create an account with a role. The password is asked for, or read from stdin."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="full name")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--country", help="ISO3 code (State focal points)")
        parser.add_argument("--organization", help="organization short name (contributors)")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from stdin"
        )

    def handle(self, *args, **options):
        country = organization = None
        if options["country"]:
            try:
                country = Country.objects.get(iso3=options["country"].upper())
            except Country.DoesNotExist:
                raise CommandError(f"unknown country code {options['country']!r}") from None
        if options["organization"]:
            try:
                organization = Organization.objects.get(slug=options["organization"])
            except Organization.DoesNotExist:
                raise CommandError(f"unknown organization {options['organization']!r}") from None
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
        try:
            user = services.user_create(
                actor=None,
                email=options["email"],
                full_name=options["name"],
                role=Role(options["role"]),
                password=password,
                country=country,
                organization=organization,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Created {user.email} ({user.get_role_display()}).")

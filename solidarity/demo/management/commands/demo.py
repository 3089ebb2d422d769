import json
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from solidarity.accounts import services as accounts
from solidarity.accounts.models import Organization, User
from solidarity.calls import demo as calls_demo
from solidarity.core.roles import Role
from solidarity.countries.models import Country
from solidarity.demo.declaration import load_declaration
from solidarity.demo.organizations import DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_THEMES
from solidarity.engagements import demo as engagements_demo
from solidarity.mandate import demo as mandate_demo
from solidarity.practices import services as practices
from solidarity.practices.models import Practice, Theme
from solidarity.resolutions import services as resolutions
from solidarity.resolutions.models import Resolution
from solidarity.resolutions.parsing import parse_file
from solidarity.visits import demo as visits_demo
from solidarity.votes import demo as votes_demo

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEMO_RESOLUTIONS = ["A-HRC-RES-56-4.md"]


class Command(BaseCommand):
    help = (
        "Load the demonstration data once: organizations and one account per role. "
        "A second run adds nothing. Refused with production settings."
    )

    def handle(self, *args, **options):
        if not settings.SOLIDARITY_DEMO_ALLOWED:
            raise CommandError("demo data is never loaded with production settings")
        credentials_file = Path(settings.VAR_DIR) / "demo-credentials.txt"
        with transaction.atomic():
            created_orgs = self._organizations()
            credentials = self._people()
            created_resolutions = self._resolutions()
            created_practices = self._practices()
            created_calls = calls_demo.load()
            created_versions = load_declaration()
            created_mandate = mandate_demo.load()
            created_visits = visits_demo.load()
            created_engagements = engagements_demo.load()
            votes_queued = votes_demo.load()
        self.stdout.write(
            f"Demo organizations added: {created_orgs}; resolutions added: {created_resolutions}; "
            f"good practices added: {created_practices}; calls for input added: {created_calls}; "
            f"versions of the draft declaration added: {created_versions}."
        )
        self.stdout.write(f"Mandate record added: {created_mandate}.")
        self.stdout.write(
            f"Example visit requests added: {created_visits}; "
            f"example engagements added: {created_engagements}."
        )
        if votes_queued:
            self.stdout.write(
                "Voeten's General Assembly votes (1946-2020) are being imported in the "
                "background; /votes/ shows them in a few seconds."
            )
        if credentials:
            lines = [
                f"{role:<12} {email}  password: {password}" for role, email, password in credentials
            ]
            credentials_file.parent.mkdir(parents=True, exist_ok=True)
            credentials_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
            credentials_file.chmod(0o600)
            self.stdout.write(f"Demo accounts (development only; also in {credentials_file}):")
            for line in lines:
                self.stdout.write("  " + line)
        elif credentials_file.exists():
            self.stdout.write(f"Demo data already loaded; demo accounts are in {credentials_file}.")
        else:
            self.stdout.write("Demo data already loaded.")

    def _organizations(self) -> int:
        created = 0
        for name, type_, isos, website in DEMO_ORGANIZATIONS:
            if Organization.objects.filter(name=name).exists():
                continue
            accounts.organization_create(
                actor=None,
                name=name,
                type=type_,
                countries=Country.objects.filter(iso3__in=isos),
                website=website,
            )
            created += 1
        return created

    def _resolutions(self) -> int:
        created = 0
        for name in DEMO_RESOLUTIONS:
            path = DATA_DIR / name
            result = parse_file(path)
            document = result.document.to_dict()
            if Resolution.objects.filter(symbol=document["symbol"]).exists():
                continue
            resolutions.resolution_ingest(
                actor=None, document=document, source_name=name, source_data=path.read_bytes()
            )
            created += 1
        return created

    def _practices(self) -> int:
        """Published practices, entered by the demo secretariat (once)."""
        if Practice.objects.exists():
            return 0
        secretariat = User.objects.filter(role=Role.SECRETARIAT, is_active=True).first()
        for code, labels in DEMO_THEMES.items():
            if not Theme.objects.filter(code=code).exists():
                practices.theme_create(actor=secretariat, code=code, labels=labels)
        records = json.loads((DATA_DIR / "practices.json").read_text(encoding="utf-8"))
        return len(
            practices.practices_import(actor=secretariat, records=records, source="demo data")
        )

    def _people(self) -> list[tuple[str, str, str]]:
        credentials = []
        for email, full_name, role, iso3, org_name in DEMO_PEOPLE:
            if User.objects.filter(email=email).exists():
                continue
            password = secrets.token_urlsafe(12)
            accounts.user_create(
                actor=None,
                email=email,
                full_name=full_name,
                role=Role(role),
                password=password,
                country=Country.objects.get(iso3=iso3) if iso3 else None,
                organization=Organization.objects.get(name=org_name) if org_name else None,
            )
            credentials.append((role, email, password))
        return credentials

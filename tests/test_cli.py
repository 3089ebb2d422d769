"""The operations interface: the ``solidarity`` command."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from solidarity.accounts.models import Organization, User
from solidarity.core.roles import Role

SOLIDARITY = os.path.join(os.path.dirname(sys.executable), "solidarity")


def test_help_lists_the_platform_commands():
    result = subprocess.run([SOLIDARITY, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in [
        "serve",
        "migrate",
        "demo",
        "createuser",
        "countries",
        "parse",
        "ingest",
        "reindex",
        "backup",
        "restore",
    ]:
        assert f"  {command}" in result.stdout


def test_resolving_names_from_the_command_line(capsys):
    call_command("countries", "resolve", "Viet Nam", "Netherlands (Kingdom of the)")
    assert capsys.readouterr().out.splitlines() == [
        "VNM\tViet Nam",
        "NLD\tNetherlands (Kingdom of the)",
    ]


def test_an_unknown_name_on_the_command_line_exits_2_naming_it(tmp_path):
    env = {**os.environ, "SOLIDARITY_ENV": "test", "SOLIDARITY_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [SOLIDARITY, "countries", "resolve", "Atlantis"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "unknown country name 'Atlantis'" in result.stderr


@pytest.mark.django_db
def test_the_demo_loads_once_and_prints_credentials_only_the_first_time(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = capsys.readouterr().out
    assert "secretariat@demo.solidarity.invalid  password: " in first
    counts = (User.objects.count(), Organization.objects.count())
    assert counts == (5, 10)
    assert {u.role for u in User.objects.all()} == set(Role.values)

    call_command("demo")
    second = capsys.readouterr().out
    assert "password" not in second and "already loaded" in second
    assert (User.objects.count(), Organization.objects.count()) == counts
    assert (tmp_path / "demo-credentials.txt").stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_createuser_makes_a_focal_point_for_a_country(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a-long-enough-passphrase-1\n"))
    call_command(
        "createuser",
        "--email",
        "fp@mission.example",
        "--name",
        "Ana Focal",
        "--role",
        "focal_point",
        "--country",
        "cub",
        "--password-stdin",
    )
    user = User.objects.get(email="fp@mission.example")
    assert user.role == Role.FOCAL_POINT and user.country_id == "CUB"
    assert user.check_password("a-long-enough-passphrase-1")


@pytest.mark.django_db
def test_the_models_and_their_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_a_backup_restored_into_an_empty_database_gives_back_every_record(
    tmp_path, capsys, resolution_56_4, secretariat, contributor_x, published_practice
):
    from solidarity.core import search
    from solidarity.core.models import AuditEntry
    from solidarity.practices.models import Attachment, Practice, PracticeVersion, ReviewEvent
    from solidarity.resolutions.models import Resolution, ResolutionSource, VoteCast

    def snapshot():
        return {
            "users": sorted(User.objects.values_list("email", "role", "password")),
            "organizations": sorted(Organization.objects.values_list("name", flat=True)),
            "resolutions": list(Resolution.objects.values_list("symbol", "document")),
            "votes": VoteCast.objects.count(),
            "sources": [bytes(d) for d in ResolutionSource.objects.values_list("data", flat=True)],
            "audit": AuditEntry.objects.count(),
            "practices": list(Practice.objects.values_list("title", "status", "published")),
            "versions": list(PracticeVersion.objects.values_list("number", "data")),
            "thread": list(ReviewEvent.objects.values_list("action", "message")),
            "documents": [bytes(d) for d in Attachment.objects.values_list("data", flat=True)],
        }

    before = snapshot()
    target = tmp_path / "backup.json.gz"
    call_command("backup", str(target))
    assert target.exists() and list(tmp_path.glob("*.partial*")) == []

    with pytest.raises(CommandError, match="already holds records"):
        call_command("restore", str(target))

    AuditEntry.objects.all().delete()
    ReviewEvent.objects.all().delete()
    PracticeVersion.objects.all().delete()
    Attachment.objects.all().delete()
    Practice.objects.all().delete()
    search.remove_documents(kind="practice")
    Resolution.objects.all().delete()
    ResolutionSource.objects.all().delete()
    User.objects.all().delete()
    Organization.objects.all().delete()
    search.remove_documents(kind="resolution")

    call_command("restore", str(target))
    assert "Restored" in capsys.readouterr().out
    assert snapshot() == before
    assert search.search("resolution", "triangular").total == 1
    assert search.faceted_search("practice", "drought", filters={"country": ["KEN"]}).total == 1


def test_a_backup_file_needs_a_json_gz_name(tmp_path):
    with pytest.raises(CommandError, match=r"must end in \.json\.gz"):
        call_command("backup", str(tmp_path / "backup.zip"))

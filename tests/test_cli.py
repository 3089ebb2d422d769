"""The operations interface: the ``solidarity`` command."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from solidarity.accounts.models import Organization, User
from solidarity.core.roles import Role

SOLIDARITY = os.path.join(os.path.dirname(sys.executable), "solidarity")


def test_help_lists_the_platform_commands():
    result = subprocess.run([SOLIDARITY, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ["serve", "migrate", "demo", "createuser", "countries"]:
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

"""A damaged backup given to restore is named for what is wrong, and restores nothing."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from solidarity.accounts.models import Organization

pytestmark = pytest.mark.django_db

GOOD_RECORD = {
    "model": "accounts.organization",
    "pk": 1,
    "fields": {"name": "Organization Z", "slug": "organization-z", "type": "ngo"},
}


def _gzip(tmp_path, content: bytes, name: str = "backup.json.gz"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    return path


def _records(tmp_path, records) -> os.PathLike:
    return _gzip(tmp_path, json.dumps(records).encode())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda t: _write(t, b"just some text"), "not a gzip file"),
        (
            lambda t: _write(t, gzip.compress(json.dumps([GOOD_RECORD] * 50).encode())[:60]),
            "the file is truncated",
        ),
        (lambda t: _gzip(t, b'[{"model": '), "not valid JSON (Expecting value at line 1"),
        (lambda t: _gzip(t, b"\xff\xfe\x00garbage"), "the content is not UTF-8 text"),
        (lambda t: _records(t, {"model": "accounts.organization"}), "it holds a JSON dict"),
        (lambda t: _records(t, ["accounts.organization"]), "record 1 is not a record"),
        (
            lambda t: _records(t, [GOOD_RECORD, {"model": "practices.widget", "fields": {}}]),
            "record 2 is of a kind this version of the platform does not have ('practices.widget')",
        ),
        (
            lambda t: _records(
                t,
                [{**GOOD_RECORD, "fields": {**GOOD_RECORD["fields"], "colour": "red"}}],
            ),
            "record 1 (accounts.organization) has a field this version of the platform "
            "does not know ('colour')",
        ),
        (lambda t: _write(t, b"{}", name="backup.zip"), "a backup is a .json.gz file"),
    ],
)
def test_a_damaged_backup_is_refused_saying_what_is_wrong(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path))
    assert message in str(refused.value)
    assert not Organization.objects.exists()


def _write(tmp_path, content: bytes, name: str = "backup.json.gz"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_backup_that_fails_half_way_restores_nothing(tmp_path, organization_x):
    dumped = serializers.serialize("json", [organization_x], use_natural_foreign_keys=True)
    good = json.loads(dumped)
    Organization.objects.all().delete()
    broken = {"model": "accounts.organization", "pk": 2, "fields": {"name": None}}
    path = _records(tmp_path, [*good, broken])
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path))
    assert "could not be loaded, so nothing was restored" in str(refused.value)
    assert "accounts.Organization(pk=2)" in str(refused.value)  # the first record went in
    assert not Organization.objects.exists()


def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path):
    path = _write(tmp_path, b"PK\x03\x04 a zip archive")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "DATABASE_"))}
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "solidarity"), "restore", str(path)],
        capture_output=True,
        text=True,
        env={**env, "SOLIDARITY_ENV": "test", "SOLIDARITY_VAR_DIR": str(tmp_path / "var")},
        timeout=120,
    )
    assert result.returncode == 1
    assert "not a gzip file" in result.stderr
    assert "Traceback" not in result.stderr

"""`solidarity calls ...`: the secretariat's view of calls from the command line."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from solidarity.calls import services
from solidarity.calls.models import Call
from solidarity.core.models import AuditEntry
from tests.calls.conftest import answers, time_passes_beyond_deadline

pytestmark = pytest.mark.django_db


def test_list_prints_the_calls_with_their_status(open_call, capsys):
    call_command("calls", "list", "--status", "open")
    out = capsys.readouterr().out
    assert "1 calls" in out and open_call.slug in out and "(Geneva time)" in out
    call_command("calls", "list", "--format", "json", "--paragraph", "18")
    assert json.loads(capsys.readouterr().out)[0]["slug"] == open_call.slug
    call_command("calls", "list", "--status", "closed")
    assert "0 calls" in capsys.readouterr().out


def test_close_due_records_each_closed_call_once_and_tells_the_secretariat(
    open_call, focal_point_a, secretariat, capsys, django_capture_on_commit_callbacks
):
    draft, _ = services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(), consent="publish"
    )
    services.submission_submit(actor=focal_point_a, submission=draft)
    call_command("calls", "close-due")
    assert "0 calls closed." in capsys.readouterr().out
    time_passes_beyond_deadline(open_call)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("calls", "close-due")
        call_command("calls", "close-due")
    out = capsys.readouterr().out
    assert f"closed  {open_call.slug}  (1 submissions)" in out and "0 calls closed." in out
    assert Call.objects.get().closed_recorded_at is not None
    assert AuditEntry.objects.filter(action="call.close").count() == 1
    (message,) = mail.outbox
    assert message.to == [secretariat.email] and "1 submission" in message.body


def test_build_archive_names_an_unknown_call(db):
    with pytest.raises(CommandError, match="no-such-call"):
        call_command("calls", "build-archive", "no-such-call")

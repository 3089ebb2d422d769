"""The secretariat's operator keeps the log from the command line, through the same services."""

import json

import pytest
from django.core.management import CommandError, call_command

from solidarity.core.models import AuditEntry
from solidarity.visits.models import VisitRequest
from tests.visits.conftest import days_ago

pytestmark = pytest.mark.django_db


def test_the_command_records_a_request_refuses_a_wrong_step_and_lists_the_table(capsys):
    call_command("visits", "record", "gha", "requested", days_ago(30).isoformat())
    assert "GHA: Visit requested." in capsys.readouterr().out
    with pytest.raises(CommandError, match="completed only after it was underway"):
        call_command("visits", "record", "GHA", "completed", days_ago(1).isoformat())
    call_command(
        "visits",
        "record",
        "GHA",
        "accepted",
        days_ago(10).isoformat(),
        "--from",
        days_ago(-20).isoformat(),
        "--to",
        days_ago(-25).isoformat(),
    )
    assert VisitRequest.objects.get().status == "accepted"
    assert AuditEntry.objects.filter(action="visit.accepted").exists()
    capsys.readouterr()
    call_command("visits", "list", "--view", "forthcoming", "--format", "json")
    (ghana,) = json.loads(capsys.readouterr().out)
    assert (ghana["iso3"], ghana["days_to_first_reply"]) == ("GHA", 20)


def test_the_command_lists_the_requests_due_a_reminder(capsys):
    call_command("visits", "record", "CUB", "requested", days_ago(200).isoformat())
    call_command("visits", "record", "KEN", "requested", days_ago(5).isoformat())
    capsys.readouterr()
    call_command("visits", "due")
    out = capsys.readouterr().out
    assert "CUB" in out and "KEN" not in out and "1 requests due a reminder." in out


def test_an_unknown_state_or_date_is_refused_by_name():
    with pytest.raises(CommandError, match="no State has the code 'XXX'"):
        call_command("visits", "record", "XXX", "requested", "2024-01-01")
    with pytest.raises(CommandError, match="is not a date"):
        call_command("visits", "record", "GHA", "requested", "yesterday")

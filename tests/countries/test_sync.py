"""`solidarity countries sync` changes the States through a service that
records what changed."""

import io

import pytest
from django.core.management import call_command

from solidarity.core.models import AuditEntry
from solidarity.countries.models import CouncilMembership, Country

pytestmark = pytest.mark.django_db


def _sync() -> str:
    out = io.StringIO()
    call_command("countries", "sync", stdout=out)
    return out.getvalue()


def test_a_sync_puts_back_the_reference_and_records_what_it_changed():
    Country.objects.filter(iso3="KEN").update(un_name="Kenya (edited by hand)")
    CouncilMembership.objects.filter(country_id="CUB", year=2024).delete()

    output = _sync()

    assert Country.objects.get(iso3="KEN").un_name == "Kenya"
    assert CouncilMembership.objects.filter(country_id="CUB", year=2024).exists()
    assert "KEN un_name: 'Kenya (edited by hand)' -> 'Kenya'" in output
    entry = AuditEntry.objects.get(action="countries.sync")
    assert entry.actor is None and entry.actor_label == "system"
    assert entry.changes["states_changed"][1] == {
        "KEN": {"un_name": ["Kenya (edited by hand)", "Kenya"]}
    }
    assert entry.changes["seats_added"][1] == ["2024 CUB"]


def test_a_sync_that_changes_nothing_leaves_no_entry():
    assert "0 added, 0 changed); 0 Council seats added" in _sync()
    assert not AuditEntry.objects.filter(action="countries.sync").exists()

"""A State's page is kept for anonymous visitors; what each area changes on it shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from solidarity.calls import services as call_services
from solidarity.countries import services
from solidarity.countries.models import Country
from solidarity.indicators import services as indicator_services
from solidarity.visits import services as visit_services
from tests.calls.conftest import answers, open_call  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def page(iso3: str, language: str = "") -> str:
    prefix = f"/{language}" if language else ""
    return Client().get(f"{prefix}/countries/{iso3}/").content.decode()


def test_the_secretariat_records_a_visit_request_and_the_states_page_shows_it_at_once(
    secretariat,
):
    assert "The mandate has no visit request on record for this State." in page("CUB")
    visit = visit_services.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="CUB"), on=dt.date(2026, 1, 5)
    )
    assert "status of the request: visit requested." in page("CUB").lower()
    visit_services.visit_event_record(
        actor=secretariat, visit=visit, kind="acknowledged", on=dt.date(2026, 1, 20)
    )
    assert "status of the request: request acknowledged." in page("CUB").lower()


def test_a_standing_invitation_recorded_shows_on_the_states_page(secretariat):
    before = page("FRA")
    visit_services.standing_invitation_record(
        actor=secretariat, country=Country.objects.get(iso3="FRA"), since=dt.date(2001, 3, 1)
    )
    assert page("FRA") != before


def test_a_submission_published_under_a_states_name_is_listed_on_its_page_at_once(
    open_call,  # noqa: F811 (the fixture imported above)
    focal_point_a,
    secretariat,
):
    assert open_call.title not in page("CUB")
    draft, _ = call_services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(), consent="publish"
    )
    submission = call_services.submission_submit(actor=focal_point_a, submission=draft)
    assert open_call.title not in page("CUB")  # sent, not yet published
    call_services.submission_publish(actor=secretariat, submission=submission)
    assert open_call.title in page("CUB")
    call_services.call_update(actor=secretariat, call=open_call, fields={"title": "Renamed call"})
    assert "Renamed call" in page("CUB")
    call_services.submission_unpublish(actor=secretariat, submission=submission)
    assert "Renamed call" not in page("CUB")


def test_the_secretariat_imports_oda_figures_and_the_donors_page_shows_them_at_once(secretariat):
    assert "2025" not in page("NOR")
    indicator_services.oda_import(
        actor=secretariat,
        data=b"donor,year,value,unit,source,preliminary\n"
        b"Norway,2025,5300.5,USD millions,https://www.oecd.org/x.html,true\n"
        b"Norway,2025,1.01,% of GNI,https://www.oecd.org/x.html,true\n",
        name="oda-2025.csv",
        format="simple",
    )
    assert "2025" in page("NOR")


def test_the_reference_list_restores_a_states_group_on_its_page_at_once():
    Country.objects.filter(iso3="CUB").update(regional_group="")  # a mistake in the database
    assert "none (observer State)" in page("CUB")
    services.countries_sync(actor=None)
    assert "none (observer State)" not in page("CUB")

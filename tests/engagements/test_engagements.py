"""The Expert's engagements: recorded by the secretariat, listed for everyone, and in the
calendar feed with the dates of country visits."""

import datetime as dt

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.countries.models import Country
from solidarity.engagements import services
from solidarity.engagements.models import Engagement
from solidarity.visits import services as visits
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def _forum(secretariat, **changes):
    fields = {
        "title": "Social Forum 2030",
        "kind": "forum",
        "starts_on": TODAY + dt.timedelta(days=40),
        "ends_on": TODAY + dt.timedelta(days=41),
        "place": "Geneva",
        "organizer": "Human Rights Council",
        "role": "speaker",
        "documents": [{"title": "Statement", "url": "https://example.org/statement.pdf"}],
        "example": True,
    }
    return services.engagement_create(actor=secretariat, **{**fields, **changes})


def test_the_secretariat_records_an_engagement_and_the_public_sees_it(client, secretariat):
    forum = _forum(secretariat)
    html = client.get("/engagements/").content.decode()
    assert "Social Forum 2030" in html and "Example" in html
    detail = client.get(forum.get_absolute_url()).content.decode()
    assert "Speaker" in detail and 'href="https://example.org/statement.pdf"' in detail
    (record,) = client.get("/api/v1/engagements").json()
    assert record["kind"] == "forum" and record["documents"][0]["title"] == "Statement"
    assert client.get("/engagements/?when=past").content.decode().count("Social Forum") == 0
    csv = b"".join(client.get("/engagements/?format=csv").streaming_content).decode()
    assert "Social Forum 2030" in csv


def test_an_engagement_needs_a_place_or_to_be_online_and_sane_dates(secretariat):
    with pytest.raises(ValidationError, match="Give the place"):
        _forum(secretariat, place="")
    assert _forum(secretariat, place="", online=True).online
    with pytest.raises(ValidationError, match="end before it starts"):
        _forum(secretariat, ends_on=TODAY)
    with pytest.raises(ValidationError, match="not a web address"):
        _forum(secretariat, documents=[{"title": "x", "url": "javascript:alert(1)"}])


def test_only_the_secretariat_records_engagements(focal_point_a, secretariat):
    with pytest.raises(PermissionDenied):
        _forum(focal_point_a)
    assert client_for(focal_point_a).get("/engagements/new/").status_code == 403
    response = client_for(focal_point_a).post(
        "/engagements/new/", {"title": "x", "kind": "forum", "starts_on": "2030-01-01"}
    )
    assert response.status_code == 403
    assert not Engagement.objects.exists()


def test_the_secretariat_records_one_through_the_form_and_adds_its_outcome(secretariat):
    client = client_for(secretariat)
    response = client.post(
        "/engagements/new/",
        {
            "title": "Summit of the Future follow-up",
            "kind": "summit",
            "starts_on": "2030-09-22",
            "place": "New York",
            "organizer": "United Nations",
            "role": "participant",
            "documents": "Outcome https://example.org/outcome",
        },
    )
    engagement = Engagement.objects.get()
    assert response["Location"] == engagement.get_absolute_url()
    assert engagement.documents == [{"title": "Outcome", "url": "https://example.org/outcome"}]
    client.post(
        f"/engagements/{engagement.pk}/edit/",
        {
            "title": engagement.title,
            "kind": "summit",
            "starts_on": "2030-09-22",
            "place": "New York",
            "organizer": "United Nations",
            "role": "participant",
            "outcome": "The Expert spoke on the right to international solidarity.",
        },
    )
    assert Engagement.objects.get().outcome.startswith("The Expert spoke")


def test_the_calendar_feed_carries_engagements_and_agreed_visit_dates(client, secretariat):
    forum = _forum(secretariat)
    request = visits.visit_request_create(
        actor=secretariat,
        country=Country.objects.get(iso3="KEN"),
        on=TODAY - dt.timedelta(days=30),
    )
    visits.visit_event_record(
        actor=secretariat,
        visit=request,
        kind="accepted",
        on=TODAY - dt.timedelta(days=2),
        starts_on=TODAY + dt.timedelta(days=60),
        ends_on=TODAY + dt.timedelta(days=69),
    )
    visits.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="BRA"), on=TODAY
    )  # no dates yet: not in the calendar
    response = client.get("/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Social Forum 2030 (example)", "Country visit: Kenya"}
    visit = events["Country visit: Kenya"]
    assert visit.decoded("dtstart") == TODAY + dt.timedelta(days=60)
    assert visit.decoded("dtend") == TODAY + dt.timedelta(days=70)  # the day after the last
    assert str(visit["url"]).endswith("/visits/KEN/")
    forum_event = events["Social Forum 2030 (example)"]
    assert str(forum_event["uid"]).startswith(f"engagement-{forum.pk}@")
    assert str(forum_event["location"]) == "Geneva"

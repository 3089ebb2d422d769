"""The public table, a State's request, the secretariat's desk, and who may do what on them."""

import csv
import io
import json

import pytest
from django.core import mail

from solidarity.countries.models import Country
from solidarity.visits import services
from solidarity.visits.models import VisitEvent, VisitRequest
from tests.conftest import client_for
from tests.visits.conftest import days_ago

pytestmark = pytest.mark.django_db


def _row(content: bytes, iso3: str) -> dict:
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return next(r for r in rows if r["iso3"] == iso3)


def _csv(client, query="") -> bytes:
    return b"".join(client.get("/visits/?format=csv" + query).streaming_content)


def test_the_public_table_lists_every_state_with_the_figures_of_its_request(
    client, secretariat, cuba_request
):
    services.visit_event_record(
        actor=secretariat, visit=cuba_request, kind="acknowledged", on=days_ago(150)
    )
    page = client.get("/visits/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-iso3="CUB"' in html and 'data-iso3="FRA"' in html
    cuba = _row(_csv(client), "CUB")
    assert cuba["status"] == "acknowledged"
    assert cuba["days_to_first_reply"] == "50"  # 200 days ago to 150 days ago
    assert cuba["days_pending"] == "200"
    assert cuba["reminders"] == "0"
    assert _row(_csv(client), "FRA")["status"] == ""
    assert (
        len(list(csv.DictReader(io.StringIO(_csv(client).decode("utf-8-sig")))))
        == Country.objects.count()
    )


def test_the_table_is_narrowed_to_a_view_and_a_regional_group(client, secretariat, cuba_request):
    pending = list(csv.DictReader(io.StringIO(_csv(client, "&view=pending").decode("utf-8-sig"))))
    assert [r["iso3"] for r in pending] == ["CUB"]
    assert (
        list(csv.DictReader(io.StringIO(_csv(client, "&view=forthcoming").decode("utf-8-sig"))))
        == []
    )
    western = list(
        csv.DictReader(
            io.StringIO(_csv(client, "&group=Western European and other").decode("utf-8-sig"))
        )
    )
    assert "FRA" in {r["iso3"] for r in western} and "CUB" not in {r["iso3"] for r in western}
    never = {
        r["iso3"]
        for r in csv.DictReader(io.StringIO(_csv(client, "&view=never").decode("utf-8-sig")))
    }
    assert "CUB" in never and len(never) == Country.objects.count()


def test_the_response_rate_of_a_regional_group_is_shown(client, secretariat, cuba_request):
    services.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="BRA"), on=days_ago(100)
    )
    services.visit_event_record(
        actor=secretariat,
        visit=VisitRequest.objects.get(country="BRA"),
        kind="declined",
        on=days_ago(90),
    )
    html = client.get("/visits/").content.decode()
    # Brazil answered, Cuba did not: one of two in the Latin American and Caribbean group.
    row = html.split('data-group="Latin American and Caribbean"')[1].split("</tr>")[0]
    assert "<td>2</td><td>1</td>" in row and "50.0 %" in row


def test_the_api_gives_the_same_record_as_the_table(client, cuba_request):
    found = client.get("/api/v1/visits?view=pending").json()
    assert [r["iso3"] for r in found] == ["CUB"]
    assert found[0]["events"][0]["event"] == "requested"
    assert found[0]["days_pending"] == 200
    one = client.get("/api/v1/visits/cub").json()
    assert one["status"] == "requested" and one["url"].endswith("/visits/CUB/")
    assert client.get("/api/v1/visits/XXX").status_code == 404
    assert client.get("/api/v1/visits?view=nonsense").status_code == 422


def test_a_states_page_shows_its_requests_and_answers(client, secretariat, cuba_request):
    services.visit_event_record(
        actor=secretariat,
        visit=cuba_request,
        kind="accepted",
        on=days_ago(20),
        starts_on=days_ago(-20),
        ends_on=days_ago(-30),
    )
    html = client.get("/countries/CUB/").content.decode()
    assert "Country visits of the Independent Expert" in html
    assert "Status of the request: Accepted." in html
    assert "Visit requested" in html
    assert (
        client.get("/countries/FRA/")
        .content.decode()
        .count("The mandate has no visit request on record for this State.")
        == 1
    )


def test_the_secretariat_records_a_request_and_steps_through_the_pages(secretariat):
    client = client_for(secretariat)
    response = client.post(
        "/visits/new/",
        {"country": "KEN", "kind": "requested", "on": days_ago(30).isoformat(), "note": ""},
    )
    assert response.status_code == 302 and response["Location"] == "/visits/KEN/"
    refused = client.post(
        "/visits/KEN/events/", {"kind": "completed", "on": days_ago(1).isoformat()}, follow=True
    )
    assert "A visit can be recorded as completed only after it was underway" in (
        refused.content.decode()
    )
    assert VisitRequest.objects.get(country="KEN").status == "requested"
    client.post("/visits/KEN/events/", {"kind": "acknowledged", "on": days_ago(1).isoformat()})
    assert VisitRequest.objects.get(country="KEN").status == "acknowledged"


def test_a_reminder_sent_from_the_page_reaches_the_focal_point_and_counts(
    secretariat, focal_point_a, cuba_request, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    desk = client.get("/visits/desk/").content.decode()
    assert "Send a reminder to Cuba" in desk  # 200 days without news
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/visits/CUB/remind/")
    assert [m.to for m in mail.outbox] == [[focal_point_a.email]]
    assert cuba_request.history().reminders == 1
    assert "Send a reminder to Cuba" not in client.get("/visits/desk/").content.decode()


def test_the_focal_point_answers_for_their_state_and_the_secretariat_sees_it_at_once(
    secretariat, focal_point_a, cuba_request
):
    focal = client_for(focal_point_a)
    assert 'href="/visits/CUB/answer/"' in focal.get("/visits/CUB/").content.decode()
    response = focal.post(
        "/visits/CUB/answer/",
        {
            "kind": "dates_proposed",
            "on": days_ago(2).isoformat(),
            "starts_on": days_ago(-80).isoformat(),
            "ends_on": days_ago(-90).isoformat(),
            "note": "The Government proposes these dates.",
        },
    )
    assert response.status_code == 302
    desk = client_for(secretariat).get("/visits/desk/").content.decode()
    assert "Cuba</a>: Dates proposed" in desk
    assert "The Government proposes these dates." in desk


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_focal_point_cannot_answer_for_another_state_on_the_pages(
    method, focal_point_b, cuba_request
):
    client = client_for(focal_point_b)
    data = {"kind": "declined", "on": days_ago(1).isoformat()}
    response = getattr(client, method)("/visits/CUB/answer/", data)
    assert response.status_code == 403
    assert VisitEvent.objects.count() == 1
    assert 'href="/visits/CUB/answer/"' not in client.get("/visits/CUB/").content.decode()


@pytest.mark.parametrize("path", ["/visits/CUB/events/", "/visits/CUB/remind/"])
def test_nobody_but_the_secretariat_records_the_mandates_steps(
    path, focal_point_a, reviewer, cuba_request
):
    for person in (focal_point_a, reviewer):
        response = client_for(person).post(path, {"kind": "cancelled", "on": days_ago(1)})
        assert response.status_code == 403
    assert client_for(None).post(path, {"kind": "cancelled"}).status_code == 302  # to sign in
    assert VisitEvent.objects.count() == 1
    assert client_for(focal_point_a).get("/visits/desk/").status_code == 403
    assert client_for(focal_point_a).get("/visits/new/").status_code == 403


@pytest.mark.parametrize("path", ["/api/v1/visits", "/api/v1/visits/CUB"])
def test_the_visits_api_takes_no_writes_from_anyone(path, secretariat, focal_point_a, cuba_request):
    for person in (focal_point_a, secretariat):
        response = client_for(person).post(
            path, json.dumps({"kind": "declined"}), content_type="application/json"
        )
        assert response.status_code == 405
    assert VisitEvent.objects.count() == 1


def test_standing_invitations_and_underway_visits_have_their_views(client, secretariat):
    kenya = Country.objects.get(iso3="KEN")
    services.standing_invitation_record(actor=secretariat, country=kenya, since=days_ago(900))
    visit = services.visit_request_create(
        actor=secretariat, country=kenya, kind="invited", on=days_ago(30)
    )
    services.visit_event_record(
        actor=secretariat,
        visit=visit,
        kind="dates_proposed",
        on=days_ago(20),
        starts_on=days_ago(1),
        ends_on=days_ago(-5),
    )
    assert [r["iso3"] for r in client.get("/api/v1/visits?view=standing").json()] == ["KEN"]
    assert [r["iso3"] for r in client.get("/api/v1/visits?view=forthcoming").json()] == ["KEN"]
    services.visit_event_record(actor=secretariat, visit=visit, kind="underway", on=days_ago(1))
    (kenya_row,) = client.get("/api/v1/visits?view=underway").json()
    assert kenya_row["days_to_first_reply"] == 0  # the State invited the Expert itself
    assert kenya_row["standing_invitation_since"] == days_ago(900).isoformat()


def test_the_table_reads_the_database_a_bounded_number_of_times(
    client, secretariat, cuba_request, django_assert_max_num_queries
):
    for iso3 in ("KEN", "BRA", "NOR", "URY", "FJI"):
        services.visit_request_create(
            actor=secretariat, country=Country.objects.get(iso3=iso3), on=days_ago(10)
        )
    with django_assert_max_num_queries(10):
        assert client.get("/visits/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/visits").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/events.ics").status_code == 200


def test_the_secretariat_sends_every_reminder_due_at_once(
    secretariat, focal_point_a, reviewer, cuba_request, django_capture_on_commit_callbacks
):
    kenya = services.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="KEN"), on=days_ago(95)
    )
    services.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="FJI"), on=days_ago(10)
    )
    assert client_for(reviewer).post("/visits/desk/remind/").status_code == 403
    assert VisitEvent.objects.filter(kind="reminder_sent").count() == 0
    client = client_for(secretariat)
    assert "Send the 2 reminders due" in client.get("/visits/desk/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/visits/desk/remind/", follow=True)
    assert "2 reminders are on their way." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[focal_point_a.email]]  # Kenya has no focal point
    assert cuba_request.history().reminders == 1 and kenya.history().reminders == 1
    assert VisitEvent.objects.filter(kind="reminder_sent").count() == 2


def test_the_secretariat_is_told_on_the_request_when_a_reminder_is_due(secretariat, cuba_request):
    client = client_for(secretariat)
    assert "A reminder is due." in client.get("/visits/CUB/").content.decode()
    services.visit_event_record(
        actor=secretariat, visit=cuba_request, kind="acknowledged", on=days_ago(0)
    )
    assert "A reminder is due." not in client.get("/visits/CUB/").content.decode()

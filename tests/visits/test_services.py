"""The secretariat and the States' focal points change requests only through the services."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.core.models import AuditEntry
from solidarity.countries.models import Country
from solidarity.visits import services
from solidarity.visits.models import VisitEvent, VisitRequest
from tests.visits.conftest import days_ago

pytestmark = pytest.mark.django_db


def test_the_secretariat_records_a_request_and_its_status_is_read_from_the_log(
    secretariat, cuba_request
):
    assert cuba_request.status == "requested"
    assert cuba_request.status_since == days_ago(200)
    assert cuba_request.mandate == "ie-international-solidarity"
    assert AuditEntry.objects.filter(action="visit.requested").count() == 1


def test_a_completed_visit_before_acceptance_is_refused_with_its_reason_and_nothing_stored(
    secretariat, cuba_request
):
    with pytest.raises(ValidationError) as refusal:
        services.visit_event_record(
            actor=secretariat, visit=cuba_request, kind="completed", on=days_ago(10)
        )
    assert "completed only after it was underway" in refusal.value.message_dict["kind"][0]
    assert VisitEvent.objects.count() == 1
    assert VisitRequest.objects.get().status == "requested"


def test_an_event_in_the_future_is_refused(secretariat, cuba_request):
    with pytest.raises(ValidationError, match="before it happens"):
        services.visit_event_record(
            actor=secretariat, visit=cuba_request, kind="acknowledged", on=days_ago(-1)
        )


def test_a_second_request_to_the_same_state_is_refused_while_the_first_is_open(
    secretariat, cuba_request
):
    with pytest.raises(ValidationError, match="already open"):
        services.visit_request_create(
            actor=secretariat, country=Country.objects.get(iso3="CUB"), on=days_ago(5)
        )
    assert VisitRequest.objects.count() == 1


def test_the_reminder_is_written_to_the_states_focal_points_only_and_logged(
    secretariat, focal_point_a, focal_point_b, cuba_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.visit_reminder_send(actor=secretariat, visit=cuba_request)
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == [focal_point_a.email]
    assert "Reminder" in message.subject and "Cuba" in message.subject
    assert "/visits/CUB/answer/" in message.body
    assert "This is reminder 1." in message.body
    assert cuba_request.history().reminders == 1


def test_a_focal_point_records_their_states_answer_and_the_secretariat_is_told(
    secretariat, focal_point_a, cuba_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = services.visit_answer_record(
            actor=focal_point_a,
            visit=cuba_request,
            kind="accepted",
            on=days_ago(3),
            starts_on=days_ago(-50),
            ends_on=days_ago(-60),
            note="The Government welcomes the visit.",
        )
    assert event.by_state
    assert VisitRequest.objects.get().status == "accepted"
    (message,) = mail.outbox
    assert message.to == [secretariat.email]
    assert "Cuba answered a visit request: Accepted" in message.subject


def test_a_focal_point_cannot_answer_for_another_state(focal_point_b, cuba_request):
    with pytest.raises(PermissionDenied):
        services.visit_answer_record(
            actor=focal_point_b, visit=cuba_request, kind="declined", on=days_ago(1)
        )
    assert VisitEvent.objects.count() == 1


def test_a_focal_point_records_answers_not_the_mandates_own_steps(focal_point_a, cuba_request):
    with pytest.raises(ValidationError, match="not one of a State's answers"):
        services.visit_answer_record(
            actor=focal_point_a, visit=cuba_request, kind="completed", on=days_ago(1)
        )
    with pytest.raises(PermissionDenied):
        services.visit_event_record(
            actor=focal_point_a, visit=cuba_request, kind="acknowledged", on=days_ago(1)
        )


def test_notes_are_stored_without_control_characters(secretariat, cuba_request):
    event = services.visit_event_record(
        actor=secretariat,
        visit=cuba_request,
        kind="acknowledged",
        on=days_ago(1),
        note="Note\x00 verbale\x0b received",
    )
    assert event.note == "Note verbale\n received"


def test_a_report_link_belongs_to_a_completed_visit(secretariat, cuba_request):
    with pytest.raises(ValidationError, match="completed visit"):
        services.visit_event_record(
            actor=secretariat,
            visit=cuba_request,
            kind="acknowledged",
            on=days_ago(1),
            report_url="https://example.org/report",
        )


def test_a_standing_invitation_is_recorded_by_the_secretariat(secretariat, focal_point_a):
    country = Country.objects.get(iso3="CUB")
    with pytest.raises(PermissionDenied):
        services.standing_invitation_record(actor=focal_point_a, country=country, since=None)
    invitation = services.standing_invitation_record(
        actor=secretariat, country=country, since=days_ago(400), example=True
    )
    assert invitation.country_id == "CUB"


def test_the_demonstration_requests_are_all_marked_as_examples_and_load_once(secretariat):
    from solidarity.engagements import demo as engagements_demo
    from solidarity.engagements.models import Engagement
    from solidarity.visits import demo

    assert demo.load() == 4
    assert demo.load() == 0
    assert engagements_demo.load() == 2
    assert not VisitRequest.objects.filter(example=False).exists()
    assert not Engagement.objects.filter(example=False).exists()
    statuses = dict(VisitRequest.objects.values_list("country", "status"))
    assert statuses == {
        "CUB": "requested",
        "KEN": "acknowledged",
        "NOR": "accepted",
        "URY": "completed",
    }


def test_the_weekly_job_tells_the_secretariat_which_requests_are_due_a_reminder(
    secretariat, cuba_request, django_capture_on_commit_callbacks
):
    from solidarity.visits.tasks import tell_secretariat_of_reminders_due

    services.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="KEN"), on=days_ago(3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tell_secretariat_of_reminders_due.call_local() == 1
    (message,) = mail.outbox
    assert message.to == [secretariat.email]
    assert message.subject == "1 visit request is due a reminder"
    assert "- Cuba (last news on" in message.body and "Kenya" not in message.body
    assert "/visits/desk/" in message.body

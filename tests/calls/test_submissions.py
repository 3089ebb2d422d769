"""A State focal point, a contributor and an individual answer a call: drafts, files, consent,
the receipt, and the deadline."""

from __future__ import annotations

import io
import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import encode_multipart

from solidarity.calls import services
from solidarity.calls.models import Submission, SubmissionFile
from solidarity.practices.files import check_attachment
from tests.calls.conftest import answers, docx_with, pdf_with, time_passes_beyond_deadline
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def answer_form(**changes) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "q1": "Through South-South cooperation on social protection.",
        "q2": ["Regional", "International"],
        "q3": "No",
        "language": "en",
        "consent": "anonymous",
        "action": "save",
    }
    data.update(changes)
    return data


def test_a_focal_point_answers_for_their_state_with_a_file_and_gets_a_receipt(
    open_call, focal_point_a, django_capture_on_commit_callbacks
):
    client = client_for(focal_point_a)
    assert client.get(f"/calls/{open_call.slug}/answer/").status_code == 200
    upload = SimpleUploadedFile("../../etc/Cuba's answer.pdf", pdf_with("Our answer."))
    saved = client.post(f"/calls/{open_call.slug}/answer/", answer_form(files=[upload]))
    assert saved.status_code == 302
    draft = Submission.objects.get()
    assert draft.state.iso3 == "CUB" and draft.stakeholder_type == "state"
    assert draft.status == "draft" and draft.reference is None
    assert draft.files.get().name == "Cuba's answer.pdf"  # the path is not kept
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/calls/{open_call.slug}/answer/", answer_form(action="submit"))
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.reference.startswith("CFI-")
    assert sent["Location"] == draft.get_absolute_url()
    page = client.get(sent["Location"]).content.decode()
    assert draft.reference in page and "Received" in page
    (receipt,) = [m for m in mail.outbox if m.to == [focal_point_a.email]]
    assert draft.reference in receipt.subject and draft.reference in receipt.body
    assert "Cuba's answer.pdf" in receipt.body


def test_the_draft_is_kept_and_changed_until_it_is_sent(open_call, focal_point_a):
    client = client_for(focal_point_a)
    client.post(f"/calls/{open_call.slug}/answer/", answer_form(q1="First thoughts."))
    client.post(f"/calls/{open_call.slug}/answer/", answer_form(q1="Second thoughts."))
    assert Submission.objects.get().answers["q1"] == "Second thoughts."
    page = client.get(f"/calls/{open_call.slug}/answer/").content.decode()
    assert "Second thoughts." in page


def test_focal_points_of_one_state_share_its_one_submission(open_call, focal_point_a):
    from solidarity.accounts import services as accounts
    from solidarity.core.roles import Role
    from solidarity.countries.models import Country

    colleague = accounts.user_create(
        actor=None,
        email="focal.a2@example.org",
        full_name="Second Cuban Focal Point",
        role=Role.FOCAL_POINT,
        password="a-long-enough-passphrase-42",
        country=Country.objects.get(iso3="CUB"),
    )
    services.submission_save(actor=focal_point_a, call=open_call, answers=answers())
    services.submission_save(actor=colleague, call=open_call, answers=answers(q3="Yes"))
    assert Submission.objects.get().answers["q3"] == "Yes"


def test_a_contributor_answers_for_their_confirmed_organization_and_an_individual_for_themselves(
    open_call, contributor_x, member_of_public
):
    ours, _ = services.submission_save(actor=contributor_x, call=open_call, answers=answers())
    mine, _ = services.submission_save(actor=member_of_public, call=open_call, answers=answers())
    assert ours.organization == contributor_x.organization and ours.stakeholder_type == "ngo"
    assert mine.stakeholder_type == "individual" and mine.state is None


def test_an_unconfirmed_contributor_or_an_uninvited_type_cannot_answer(
    open_call, contributor_x, contributor_y, reviewer
):
    contributor_x.organization_confirmed_at = None
    contributor_x.save()
    # Organization Y is academic, invited; X unconfirmed; reviewers answer nothing.
    for person in (contributor_x, reviewer):
        with pytest.raises(PermissionDenied):
            services.submission_save(actor=person, call=open_call, answers=answers())
        assert client_for(person).get(f"/calls/{open_call.slug}/answer/").status_code == 403
    open_call.invited = ["state"]
    open_call.save()
    with pytest.raises(PermissionDenied):
        services.submission_save(actor=contributor_y, call=open_call, answers=answers())


def test_answers_keep_to_the_word_limit_and_the_choices(open_call, focal_point_a):
    with pytest.raises(ValidationError) as long:
        services.submission_save(
            actor=focal_point_a, call=open_call, answers=answers(q1="word " * 51)
        )
    assert "At most 50 words" in str(long.value)
    with pytest.raises(ValidationError):
        services.submission_save(actor=focal_point_a, call=open_call, answers=answers(q3="Maybe"))
    with pytest.raises(ValidationError):
        services.submission_save(
            actor=focal_point_a, call=open_call, answers=answers(q2=["Galactic"])
        )
    with pytest.raises(ValidationError):
        services.submission_save(
            actor=focal_point_a, call=open_call, answers=answers(), language="de"
        )
    assert not Submission.objects.exists()


def test_sending_needs_the_required_answers_and_a_consent(open_call, focal_point_a):
    draft, _ = services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(q1=""), consent=""
    )
    with pytest.raises(ValidationError, match="required"):
        services.submission_submit(actor=focal_point_a, submission=draft)
    draft, _ = services.submission_save(actor=focal_point_a, call=open_call, answers=answers())
    with pytest.raises(ValidationError):
        services.submission_submit(actor=focal_point_a, submission=draft)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_double_click_on_send_makes_one_submission_and_one_receipt(
    open_call, focal_point_a, django_capture_on_commit_callbacks
):
    client = client_for(focal_point_a)
    form = answer_form(action="submit")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/calls/{open_call.slug}/answer/", form)
        second = client.post(f"/calls/{open_call.slug}/answer/", form)
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert first["Location"] == second["Location"] == submission.get_absolute_url()
    # One receipt for the State, one notice for the secretariat.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "focal.a@example.org",
        "secretariat@example.org",
    ]


def test_the_secretariat_is_told_of_each_submission_with_a_link_to_it(
    open_call, focal_point_a, secretariat, django_capture_on_commit_callbacks
):
    from solidarity.accounts import services as accounts
    from solidarity.core.roles import Role
    from tests.conftest import PASSWORD

    colleague = accounts.user_create(
        actor=None,
        email="colleague@example.org",
        full_name="A Colleague",
        role=Role.SECRETARIAT,
        password=PASSWORD,
    )
    document = check_attachment("answer.pdf", pdf_with("Our answer."))
    with django_capture_on_commit_callbacks(execute=True):
        draft, _ = services.submission_save(
            actor=focal_point_a,
            call=open_call,
            answers=answers(),
            consent="publish",
            files=[document],
        )
    assert mail.outbox == []  # a draft is nobody's business yet
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.submission_submit(actor=focal_point_a, submission=draft)
    notices = [m for m in mail.outbox if m.to != [focal_point_a.email]]
    assert sorted(m.to[0] for m in notices) == [colleague.email, secretariat.email]
    for notice in notices:
        assert sent.reference in notice.subject
        assert "Cuba" in notice.body and "1 document." in notice.body
        assert f"{sent.get_absolute_url()}" in notice.body
    assert client_for(colleague).get(sent.get_absolute_url()).status_code == 200


def test_after_the_deadline_nothing_is_accepted_and_the_draft_is_kept(
    open_call, contributor_x, django_capture_on_commit_callbacks
):
    services.submission_save(
        actor=contributor_x, call=open_call, answers=answers(q1="Our draft."), consent="publish"
    )
    time_passes_beyond_deadline(open_call)
    client = client_for(contributor_x)
    for action in ("save", "submit"):
        with django_capture_on_commit_callbacks(execute=True):
            refused = client.post(
                f"/calls/{open_call.slug}/answer/",
                answer_form(q1="Changed after the deadline.", action=action),
            )
        assert refused.status_code == 409
        text = refused.content.decode()
        assert "This call closed on" in text and "Your draft is kept" in text
    draft = Submission.objects.get()
    assert draft.status == "draft" and draft.answers["q1"] == "Our draft."
    page = client.get(f"/calls/{open_call.slug}/answer/").content.decode()
    assert "Our draft." in page and "This call closed on" in page
    with pytest.raises(services.CallClosed):
        services.submission_submit(actor=contributor_x, submission=draft)
    assert not mail.outbox


def test_files_are_typed_by_content_and_limited_to_documents(open_call, focal_point_a):
    client = client_for(focal_point_a)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf at all")
    image = SimpleUploadedFile("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))
    for upload in (fake, image, big):
        response = client.post(f"/calls/{open_call.slug}/answer/", answer_form(files=[upload]))
        assert response.status_code == 200
        assert upload.name in response.content.decode()
    assert not Submission.objects.exists()
    ok = SimpleUploadedFile("answer.docx", docx_with("Our contribution"))
    client.post(f"/calls/{open_call.slug}/answer/", answer_form(files=[ok]))
    stored = SubmissionFile.objects.get()
    assert stored.media_type.endswith("wordprocessingml.document")
    assert "Our contribution" in stored.text


def test_a_refused_file_among_several_leaves_nothing_half_written(open_call, focal_point_a):
    good = check_attachment("good.pdf", pdf_with("Good."))
    with pytest.raises(ValidationError):
        services.submission_save(
            actor=focal_point_a,
            call=open_call,
            answers=answers(),
            files=[good, check_attachment("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)],
        )
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()


class _CutOff(io.BytesIO):
    """What reaches the server of a body whose connection dropped midway."""


def test_an_upload_cut_off_midway_leaves_no_record(open_call, focal_point_a):
    body = encode_multipart(
        "B",
        answer_form(
            action="submit",
            files=[SimpleUploadedFile("a.pdf", pdf_with("Cut off." * 2000), "application/pdf")],
        ),
    )
    response = client_for(focal_point_a).request(
        REQUEST_METHOD="POST",
        PATH_INFO=f"/calls/{open_call.slug}/answer/",
        CONTENT_TYPE="multipart/form-data; boundary=B",
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": _CutOff(body[: len(body) - 200])},
    )
    assert response.status_code == 400
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()


def test_sending_twice_through_the_service_sends_once(
    open_call, focal_point_a, django_capture_on_commit_callbacks
):
    draft, _ = services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(), consent="publish"
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = services.submission_submit(actor=focal_point_a, submission=draft)
        again = services.submission_submit(actor=focal_point_a, submission=draft)
    assert first.reference == again.reference
    # One receipt for the State, one notice for the secretariat.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "focal.a@example.org",
        "secretariat@example.org",
    ]

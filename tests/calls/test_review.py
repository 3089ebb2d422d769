"""The secretariat reads, tags and publishes submissions; the public finds what is published."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied

from solidarity.calls import services
from solidarity.calls.models import PublishedArchive
from solidarity.core.models import AuditEntry
from solidarity.practices.files import check_attachment
from tests.calls.conftest import answers, docx_with, pdf_with
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def sent(person, call, *, consent="publish", files=(), **changes):
    draft, _ = services.submission_save(
        actor=person, call=call, answers=answers(**changes), consent=consent, files=files
    )
    return services.submission_submit(actor=person, submission=draft)


def test_the_secretariat_filters_submissions_by_stakeholder_type_region_country_and_language(
    open_call, focal_point_a, focal_point_b, contributor_x, secretariat
):
    cuba = sent(focal_point_a, open_call)
    france = sent(focal_point_b, open_call)
    ngo, _ = services.submission_save(
        actor=contributor_x, call=open_call, answers=answers(), consent="publish", language="fr"
    )
    services.submission_submit(actor=contributor_x, submission=ngo)
    client = client_for(secretariat)

    def listed(query: str) -> set[str]:
        page = client.get(f"/calls/{open_call.slug}/review/?{query}").content.decode()
        return {
            s.reference for s in (cuba, france, ngo) if f'data-reference="{s.reference}"' in page
        }

    ngo.refresh_from_db()
    assert listed("") == {cuba.reference, france.reference, ngo.reference}
    assert listed("stakeholder_type=state") == {cuba.reference, france.reference}
    assert listed("region=Western+European+and+other") == {france.reference}
    assert listed("region=Latin+American+and+Caribbean") == {cuba.reference}
    assert listed("country=KEN") == {ngo.reference}  # the organization works in Kenya
    assert listed("language=fr") == {ngo.reference}


def test_drafts_are_not_in_the_review_list(open_call, focal_point_a, secretariat):
    services.submission_save(actor=focal_point_a, call=open_call, answers=answers())
    page = client_for(secretariat).get(f"/calls/{open_call.slug}/review/").content.decode()
    assert "No submission matches." in page and "1 draft not sent yet." in page


def test_marking_read_and_tagging_are_audited(open_call, focal_point_a, secretariat):
    submission = sent(focal_point_a, open_call)
    client = client_for(secretariat)
    url = f"/calls/{open_call.slug}/submissions/{submission.pk}/review/"
    client.post(url, {"action": "read"})
    client.post(url, {"action": "tag", "tags": "poverty, south-south"})
    submission.refresh_from_db()
    assert submission.read_at is not None and submission.tags == ["poverty", "south-south"]
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {
        "submission.mark_read",
        "submission.tag",
    }
    page = client.get(f"/calls/{open_call.slug}/review/?unread=1").content.decode()
    assert submission.reference not in page


def test_only_submissions_with_consent_are_published(
    open_call, focal_point_a, focal_point_b, secretariat
):
    withheld = sent(focal_point_a, open_call, consent="do_not_publish")
    with pytest.raises(PermissionDenied):
        services.submission_publish(actor=secretariat, submission=withheld)
    response = client_for(secretariat).post(
        f"/calls/{open_call.slug}/submissions/{withheld.pk}/review/", {"action": "publish"}
    )
    assert response.status_code == 403
    withheld.refresh_from_db()
    assert not withheld.is_published
    other = sent(focal_point_b, open_call)
    with pytest.raises(PermissionDenied):
        services.submission_publish(actor=focal_point_b, submission=other)


def test_published_submissions_are_listed_zipped_and_found_by_a_word_inside_their_pdf(
    open_call, focal_point_a, contributor_x, secretariat, django_capture_on_commit_callbacks
):
    pdf = check_attachment("cuba.pdf", pdf_with("Our brigades of doctors: zymurgical solidarity."))
    word = check_attachment("x.docx", docx_with("Seed banks and quillwort cooperatives."))
    cuba = sent(focal_point_a, open_call, consent="anonymous", files=[pdf])
    ngo = sent(contributor_x, open_call, consent="publish", files=[word])
    visitor = client_for(None)
    assert visitor.get(f"/calls/{open_call.slug}/submissions/{cuba.pk}/").status_code == 404
    assert "0 submissions found" in visitor.get("/calls/search/?q=zymurgical").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        for submission in (cuba, ngo):
            client_for(secretariat).post(
                f"/calls/{open_call.slug}/submissions/{submission.pk}/review/",
                {"action": "publish"},
            )
    page = visitor.get(f"/calls/{open_call.slug}/").content.decode()
    assert "Name withheld at the submitter" in page and "Organization X" in page
    assert "Cuba" not in page
    detail = visitor.get(f"/calls/{open_call.slug}/submissions/{cuba.pk}/").content.decode()
    assert "Cuba" not in detail and "cuba.pdf" not in detail
    assert f"{cuba.reference}-1.pdf" in detail  # a name that names nobody
    # The ZIP and CSV, built by the job once the publication is committed.
    archive = visitor.get(f"/calls/{open_call.slug}/published.zip")
    assert archive.status_code == 200 and archive["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as package:
        names = set(package.namelist())
        assert f"{open_call.slug}/{cuba.reference}/{cuba.reference}-1.pdf" in names
        assert f"{open_call.slug}/{ngo.reference}/x.docx" in names
        rows = list(
            csv.DictReader(
                io.StringIO(package.read(f"{open_call.slug}/submissions.csv").decode("utf-8-sig"))
            )
        )
    assert {row["submitted_by"] for row in rows} == {
        "Name withheld at the submitter's request",
        "Organization X",
    }
    table = visitor.get(f"/calls/{open_call.slug}/published.csv").content.decode("utf-8-sig")
    assert "Cuba" not in table and "CUB" not in table and cuba.reference in table
    # Found by words that are only inside the files.
    found = visitor.get("/calls/search/?q=zymurgical").content.decode()
    assert cuba.get_absolute_url() in found and ngo.get_absolute_url() not in found
    found = visitor.get("/calls/search/?q=quillwort").content.decode()
    assert ngo.get_absolute_url() in found and "Cuba" not in found
    # Unpublished again: gone from the page, the search and the archive.
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_unpublish(actor=secretariat, submission=ngo)
    assert ngo.get_absolute_url() not in visitor.get("/calls/search/?q=quillwort").content.decode()
    assert PublishedArchive.objects.get(call=open_call).submissions == 1


def test_a_file_of_an_unpublished_submission_is_served_only_to_its_state_and_the_reviewers(
    open_call, focal_point_a, personas
):
    document = check_attachment("cuba.pdf", pdf_with("Confidential draft of Cuba."))
    submission = sent(focal_point_a, open_call, files=[document])
    url = f"/calls/{open_call.slug}/submissions/{submission.pk}/files/{submission.files.get().pk}/"
    for persona, status in {
        "anonymous": 404,
        "public": 404,
        "contributor": 404,
        "focal_point_b": 404,
        "focal_point": 200,
        "reviewer": 200,
        "secretariat": 200,
    }.items():
        response = personas[persona].get(url)
        assert response.status_code == status, persona
    response = personas["focal_point"].get(url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"

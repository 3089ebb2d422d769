"""The browser's way through: forms, uploads, the review page, retraction, downloads."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test.client import BOUNDARY, encode_multipart

from solidarity.practices.models import Attachment, Practice, PracticeStatus
from tests.conftest import PDF_BYTES, client_for, form_data, practice_content

pytestmark = pytest.mark.django_db


def test_a_contributor_saves_a_draft_with_a_document_then_sends_it(contributor_x):
    client = client_for(contributor_x)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/octet-stream")
    response = client.post("/practices/new/", form_data(files=upload))
    practice = Practice.objects.get()
    assert response.status_code == 302 and response["Location"] == practice.get_workspace_url()
    assert practice.status == PracticeStatus.DRAFT
    assert practice.description == (
        "<p>Clinics visit each village monthly.</p><p>Nurses from both sides work together.</p>"
    )
    assert practice.countries == [
        {"country": "KEN", "role": "beneficiary"},
        {"country": "UGA", "role": "partner"},
    ]
    assert practice.attachments.get().media_type == "application/pdf"
    page = client.get(practice.get_workspace_url()).content.decode()
    assert "plan.pdf" in page and "Draft" in page
    response = client.post(practice.get_workspace_url(), {"decision": "submit"})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED


def test_a_wrong_file_is_refused_by_name_and_nothing_is_stored(contributor_x):
    client = client_for(contributor_x)
    fake = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00 a program", content_type="application/pdf")
    response = client.post("/practices/new/", form_data(files=fake, title="Kept title"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "budget.pdf: its content is not a document of an accepted type" in page
    assert 'value="Kept title"' in page  # what was typed is kept
    assert not Practice.objects.exists() and not Attachment.objects.exists()


def test_a_double_click_on_send_makes_one_practice(contributor_x):
    client = client_for(contributor_x)
    data = form_data()
    client.post("/practices/new/", data)
    client.post("/practices/new/", data)
    assert Practice.objects.count() == 1


def test_wrong_fields_are_named_on_the_form(contributor_x):
    client = client_for(contributor_x)
    response = client.post(
        "/practices/new/",
        form_data(sdg_targets="4.1", started_on="2021-01-01", ended_on="2020-01-01", ongoing=""),
    )
    page = response.content.decode()
    assert "Target 4.1 belongs to goal 4, which is not chosen." in page
    assert "The end comes before the start." in page
    assert not Practice.objects.exists()


class _Interrupted(io.RawIOBase):
    """A request body that stops after some bytes, as a server reads it from a dropped client:
    either the bytes simply end (``error=None``) or reading past them fails."""

    def __init__(self, data: bytes, *, error: Exception | None):
        self._data = io.BytesIO(data)
        self._error = error

    def _more(self, chunk: bytes) -> bytes:
        if not chunk and self._error is not None:
            raise self._error
        return chunk

    def read(self, size=-1):
        return self._more(self._data.read(size))

    def readline(self, size=-1):
        return self._more(self._data.readline(size))


def _post_body(client, path: str, body: bytes, *, arrived: int, error: Exception | None):
    """Post a multipart body of which only the first ``arrived`` bytes reach the server."""
    return client.request(
        REQUEST_METHOD="POST",
        PATH_INFO=path,
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": _Interrupted(body[:arrived], error=error)},
    )


@pytest.mark.parametrize(
    "error", [None, ConnectionResetError("the visitor's connection dropped")], ids=["ends", "drops"]
)
@pytest.mark.parametrize("where", ["in the fields", "in the document"])
def test_an_interrupted_upload_leaves_no_record(contributor_x, settings, tmp_path, error, where):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir()
    # Large enough to be written to a temporary file as it arrives.
    document = PDF_BYTES + b"%" + b"0" * (3 * 1024 * 1024) + b"\n%%EOF\n"
    body = encode_multipart(
        BOUNDARY,
        form_data(files=SimpleUploadedFile("plan.pdf", document, "application/pdf")),
    )
    client = client_for(contributor_x)
    client.raise_request_exception = False
    with transaction.atomic():  # the whole body, as it would have arrived, is stored
        response = _post_body(client, "/practices/new/", body, arrived=len(body), error=None)
        assert response.status_code == 302
        assert Attachment.objects.get().size == len(document)
        transaction.set_rollback(True)
    assert not Practice.objects.exists()
    arrived = body.index(b"Mobile clinics") if where == "in the fields" else len(body) // 2
    response = _post_body(client, "/practices/new/", body, arrived=arrived, error=error)
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert not Practice.objects.exists()
    assert not Attachment.objects.exists()
    assert list((tmp_path / "uploads").iterdir()) == []  # no part of the document is kept


def test_the_reviewer_requests_changes_then_publishes_from_the_review_page(
    contributor_x, reviewer, draft_practice
):
    client_for(contributor_x).post(
        f"/practices/{draft_practice.pk}/edit/", form_data(action="submit", title="Border clinics")
    )
    draft_practice.refresh_from_db()
    assert draft_practice.status == PracticeStatus.SUBMITTED
    reviewing = client_for(reviewer)
    assert "Border clinics" in reviewing.get("/practices/review/").content.decode()
    url = draft_practice.get_workspace_url()
    page = reviewing.post(url, {"decision": "changes", "message": ""}).content.decode()
    assert "Say why, for the submitter." in page
    reviewing.post(url, {"decision": "changes", "message": "Add a source."})
    draft_practice.refresh_from_db()
    assert draft_practice.status == PracticeStatus.CHANGES_REQUESTED
    assert "Add a source." in client_for(contributor_x).get(url).content.decode()
    client_for(contributor_x).post(
        f"/practices/{draft_practice.pk}/edit/",
        form_data(
            action="submit",
            title="Border clinics",
            source_title_1="Ministry page",
            source_url_1="https://example.org/clinics",
        ),
    )
    reviewing.post(url, {"decision": "publish", "message": ""})
    draft_practice.refresh_from_db()
    assert draft_practice.is_public
    assert "Border clinics" in client_for(None).get("/practices/").content.decode()


def test_a_reviewer_is_not_offered_to_publish_their_own_practice(reviewer):
    client = client_for(reviewer)
    client.post("/practices/new/", form_data(action="submit"))
    practice = Practice.objects.get()
    page = client.get(practice.get_workspace_url()).content.decode()
    assert 'value="publish"' not in page and "another reviewer decides" in page
    assert client.post(practice.get_workspace_url(), {"decision": "publish"}).status_code == 403


def test_a_retracted_practice_says_why_and_leaves_the_api(published_practice, reviewer, client):
    response = client_for(reviewer).post(
        f"/practices/{published_practice.pk}/retract/", {"message": "Found to be inaccurate."}
    )
    assert response.status_code == 302
    page = client.get(published_practice.get_absolute_url())
    assert page.status_code == 410 and "Found to be inaccurate." in page.content.decode()
    assert client.get(f"/api/v1/practices/{published_practice.pk}").status_code == 410
    assert client.get(f"/practices/{published_practice.pk}/history/").status_code == 404


def test_history_shows_what_changed_between_versions(
    published_practice, contributor_x, reviewer, client
):
    from solidarity.practices import services
    from tests.practices.test_workflow import fields

    services.practice_update(
        actor=contributor_x,
        practice=published_practice,
        fields=fields(results="Seed for 4,000 farms."),
    )
    services.practice_submit(actor=contributor_x, practice=published_practice)
    services.practice_publish(actor=reviewer, practice=published_practice, note="New results.")
    history = client.get(f"/practices/{published_practice.pk}/history/").content.decode()
    assert "New results." in history
    page = client.get(f"/practices/{published_practice.pk}/history/2/").content.decode()
    assert "Seed<del> was available</del> for <del>replanting</del><ins>4,000</ins>" in page
    assert "<del>after the 2022 drought.</del><ins>farms.</ins>" in page


def test_published_documents_are_public_and_drafts_are_not(
    published_practice, draft_practice, client
):
    document = published_practice.attachments.get()
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200 and bytes(response.content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert client.get(draft_practice.attachments.get().get_absolute_url()).status_code == 404


def test_the_command_line_searches_and_imports(secretariat, tmp_path, capsys):
    path = tmp_path / "practices.json"
    path.write_text(__import__("json").dumps([practice_content()]), encoding="utf-8")
    call_command("practices", "import", str(path), "--as", secretariat.email)
    out = io.StringIO()
    call_command("practices", "search", "drought", "--country", "KEN", stdout=out)
    assert "1 practices" in out.getvalue() and "Community seed banks" in out.getvalue()
    assert "theme: climate_change (1), food_insecurity (1)" in out.getvalue()
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("practices", "import", str(path), "--as", secretariat.email)
    path.write_text('[{"title": "No more"}]', encoding="utf-8")
    with pytest.raises(CommandError, match=r"Record 1 .* Nothing was stored"):
        call_command("practices", "import", str(path), "--as", secretariat.email)
    assert Practice.objects.count() == 1


def test_the_form_offers_rows_for_actors_countries_and_sources_and_keeps_saved_ones(
    contributor_x, published_practice
):
    client = client_for(contributor_x)
    blank = client.get("/practices/new/").content.decode()
    for name in ("actor_name_1", "actor_type_2", "country_1", "role_3", "source_url_2"):
        assert f'name="{name}"' in blank
    page = client.get(f"/practices/{published_practice.pk}/edit/").content.decode()
    assert 'value="Organization X"' in page
    assert '<option value="ETH" selected>' in page
    assert 'name="country_6"' in page  # three saved, three more to fill
    assert 'value="https://example.org/seeds"' in page

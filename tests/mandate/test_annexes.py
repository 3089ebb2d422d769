"""The compiled annexes of a report (op. 19): what its calls for input received, by
stakeholder type and as their authors agreed, and the visits and engagements of its
period, as DOCX and PDF files the secretariat downloads from the report's page."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pypdfium2
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from solidarity.calls import services as calls
from solidarity.countries.models import Country
from solidarity.engagements import services as engagements
from solidarity.mandate import services
from solidarity.mandate.annexes.content import period_of
from solidarity.mandate.models import Body, DeliverableAnnex
from solidarity.visits import services as visits
from tests.conftest import client_for

DAY = dt.timedelta(days=1)
QUESTION = "How does your State or organization practise international solidarity?"
CUBA_ANSWER = "Cuban medical brigades served in 56 countries during the pandemic."
WITHHELD_ANSWER = "Our neighbourhood runs community kitchens with migrants who arrived this year."
PRIVATE_ANSWER = "Confidential: the names of our partners in the field, not for publication."
OTHER_CALL_ANSWER = "An answer to a call that feeds another report."


def _call(secretariat, *, slug: str, deliverable=None):
    now = timezone.now()
    return calls.call_create(
        actor=secretariat,
        fields={
            "slug": slug,
            "title": f"Call for input {slug}",
            "purpose": "For the Independent Expert's report to the Human Rights Council.",
            "deliverable": deliverable,
            "invited": ["state", "ngo", "academic", "individual"],
            "languages": ["en"],
            "opens_at": now - DAY,
            "closes_at": now + 10 * DAY,
            "publication_policy": "with_consent",
        },
        questions=[{"text": QUESTION, "kind": "text", "required": True}],
    )


def _answer(call, person, text: str, consent: str):
    submission, _created = calls.submission_save(
        actor=person, call=call, answers={"q1": text}, consent=consent, language="en"
    )
    return calls.submission_submit(actor=person, submission=submission)


@pytest.fixture
def report(mandate, secretariat):
    """A Council report due in a month; the previous one was due 200 days ago."""
    today = timezone.localdate()
    services.deliverable_save(
        actor=secretariat,
        mandate=mandate,
        body=Body.HRC,
        session=60,
        title="Report to the sixtieth session",
        due_on=today - 200 * DAY,
    )
    return services.deliverable_save(
        actor=secretariat,
        mandate=mandate,
        body=Body.HRC,
        session=61,
        symbol="A/HRC/61/99",
        title="International solidarity and the fight against poverty",
        due_on=today + 30 * DAY,
    )


@pytest.fixture
def report_inputs(
    report, secretariat, focal_point_a, contributor_x, contributor_y, member_of_public
):
    today = timezone.localdate()
    call = _call(secretariat, slug="poverty-2026", deliverable=report)
    _answer(call, focal_point_a, CUBA_ANSWER, "publish")
    _answer(call, member_of_public, WITHHELD_ANSWER, "anonymous")
    _answer(call, contributor_x, PRIVATE_ANSWER, "do_not_publish")
    other = _call(secretariat, slug="another-report")
    _answer(other, contributor_y, OTHER_CALL_ANSWER, "publish")

    visits.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="BOL"), on=today - 100 * DAY
    )
    visits.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="NOR"), on=today - 300 * DAY
    )
    engagements.engagement_create(
        actor=secretariat,
        title="Social Forum on solidarity against poverty",
        kind="forum",
        starts_on=today - 50 * DAY,
        ends_on=today - 49 * DAY,
        place="Geneva",
        organizer="Human Rights Council",
        role="speaker",
    )
    engagements.engagement_create(
        actor=secretariat,
        title="Summit held before the period",
        kind="summit",
        starts_on=today - 260 * DAY,
        place="New York",
        organizer="General Assembly",
        role="participant",
    )
    return report


def _docx_blocks(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of the document's paragraphs and table cells, in reading order."""
    document = docx.Document(io.BytesIO(data))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            for row in item.rows:
                blocks.append(("table", " | ".join(cell.text for cell in row.cells)))
        else:
            blocks.append((item.style.name, item.text))
    return blocks


def _section(blocks: list[tuple[str, str]], heading: str) -> list[str]:
    """The texts under a Heading 2 up to the next heading of that level or above."""
    start = blocks.index(("Heading 2", heading))
    texts = []
    for style, text in blocks[start + 1 :]:
        if style in ("Heading 1", "Heading 2", "Title"):
            break
        texts.append(text)
    return texts


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _compile_from_the_page(client, report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mandate:deliverable_annexes", args=[report.pk]))
    assert response.status_code == 302
    page = client.get(report.get_absolute_url())
    assert "A-HRC-61-99-annexes.docx" in page.content.decode()
    files = {}
    for file_format in ("docx", "pdf"):
        download = client.get(
            reverse("mandate:deliverable_annex_file", args=[report.pk, file_format])
        )
        assert download.status_code == 200
        files[file_format] = download.content
    return files


def test_the_secretariat_downloads_a_reports_annexes_as_docx_with_what_may_be_published(
    report_inputs, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    files = _compile_from_the_page(client, report_inputs, django_capture_on_commit_callbacks)
    blocks = _docx_blocks(files["docx"])
    everything = "\n".join(text for _style, text in blocks)

    states = _section(blocks, "States")
    assert "Cuba" in states
    assert CUBA_ANSWER in states
    assert f"1. {QUESTION}" in states
    # Without the name, the stakeholder type is withheld too: its own group, last.
    withheld = _section(blocks, "Withheld with the name")
    assert "Name withheld at the submitter's request" in withheld
    assert WITHHELD_ANSWER in withheld
    assert ("Heading 2", "Individuals") not in blocks
    assert "Reader" not in everything  # the member of the public asked for no name
    # Not to be published, or sent to a call for another report: left out.
    assert PRIVATE_ANSWER not in everything
    assert "Organization X" not in everything
    assert ("Heading 2", "Non-governmental organizations") not in blocks
    assert OTHER_CALL_ANSWER not in everything

    # The period: from the day after the previous report was due to this one's due date.
    assert any("Bolivia" in text and "Visit requested" in text for _style, text in blocks)
    assert not any("Norway" in text for _style, text in blocks)
    assert ("Heading 2", "Social Forum on solidarity against poverty") in blocks
    assert "Summit held before the period" not in everything


def test_the_same_annexes_print_as_pdf(
    report_inputs, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    text = _pdf_text(
        _compile_from_the_page(client, report_inputs, django_capture_on_commit_callbacks)["pdf"]
    )
    flat = " ".join(text.split())

    states = flat.index("States Cuba")
    withheld = flat.index("Withheld with the name Name withheld at the submitter's request")
    assert states < flat.index(" ".join(CUBA_ANSWER.split())) < withheld
    assert withheld < flat.index(" ".join(WITHHELD_ANSWER.split()))
    assert "Individuals" not in flat
    assert "Reader" not in flat
    assert "Confidential" not in flat and "Organization X" not in flat
    assert OTHER_CALL_ANSWER not in flat
    assert "Bolivia" in flat and "Norway" not in flat
    assert "Social Forum on solidarity against poverty" in flat
    assert "Summit held before the period" not in flat


def test_compiling_again_replaces_the_files_with_what_is_there_now(
    report_inputs, secretariat, focal_point_b, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    _compile_from_the_page(client, report_inputs, django_capture_on_commit_callbacks)
    call = report_inputs.calls.get()
    _answer(call, focal_point_b, "France answers after the first compilation.", "publish")
    files = _compile_from_the_page(client, report_inputs, django_capture_on_commit_callbacks)
    assert "France answers after the first compilation." in _pdf_text(files["pdf"])
    assert DeliverableAnnex.objects.filter(deliverable=report_inputs).count() == 2
    assert DeliverableAnnex.objects.get(deliverable=report_inputs, format="pdf").counts == {
        "submissions": 3,
        "visits": 1,
        "engagements": 1,
    }


def test_only_the_secretariat_compiles_and_downloads_annexes(
    report_inputs, secretariat, focal_point_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(secretariat).post(
            reverse("mandate:deliverable_annexes", args=[report_inputs.pk])
        )
    state = client_for(focal_point_a)
    refused = state.post(reverse("mandate:deliverable_annexes", args=[report_inputs.pk]))
    assert refused.status_code == 403
    download = reverse("mandate:deliverable_annex_file", args=[report_inputs.pk, "pdf"])
    assert state.get(download).status_code == 404
    assert Client().get(download).status_code == 404
    page = state.get(report_inputs.get_absolute_url()).content.decode()
    assert "annexes.pdf" not in page


def test_the_command_line_writes_the_annexes_to_a_file(report_inputs, tmp_path):
    for file_format in ("docx", "pdf"):
        out = tmp_path / f"annexes.{file_format}"
        call_command(
            "mandate", "annexes", str(report_inputs.pk), "--format", file_format, "-o", str(out)
        )
        data = out.read_bytes()
        text = (
            "\n".join(text for _s, text in _docx_blocks(data))
            if file_format == "docx"
            else _pdf_text(data)
        )
        assert "Cuba" in text
        assert "Confidential" not in text


def test_a_report_covers_the_time_since_the_previous_report_or_else_a_year():
    due = dt.date(2026, 9, 1)
    assert period_of(due, dt.date(2026, 3, 1)).start == dt.date(2026, 3, 2)
    assert period_of(due, dt.date(2026, 3, 1)).end == due
    assert period_of(due, None).start == dt.date(2025, 9, 2)
    assert period_of(dt.date(2028, 2, 29), None).start == dt.date(2027, 3, 1)

"""Reports due per session (op. 19): a draft uploaded is counted against the word limit."""

import datetime as dt
import io
import zipfile

import pytest
from fpdf import FPDF

from solidarity.mandate import drafts, services
from solidarity.mandate.models import Body, Deliverable
from tests.conftest import client_for

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(paragraphs: list[list[str]], footnotes: list[str] = ()) -> bytes:
    """A DOCX whose paragraphs are made of the given runs (split as Word splits them)."""
    body = "".join(
        "<w:p>"
        + "".join(f"<w:r><w:t xml:space='preserve'>{run}</w:t></w:r>" for run in runs)
        + "</w:p>"
        for runs in paragraphs
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        if footnotes:
            notes = "".join(
                f"<w:footnote><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:footnote>" for n in footnotes
            )
            package.writestr(
                "word/footnotes.xml", f'<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>'
            )
    return buffer.getvalue()


def odt(paragraphs: list[str]) -> bytes:
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr(
            "content.xml",
            f'<office:document-content xmlns:office="{office}" xmlns:text="{text}">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


def pdf(lines: list[str]) -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=11)
    for line in lines:
        document.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def test_words_are_counted_as_a_word_processor_counts_them():
    # "A/HRC/56/57" is one word; a dash standing alone is none; runs split a word in two parts.
    data = docx(
        [["The report ", "A/HRC/56/57 ", "– its ", "sum", "mary"], ["Second paragraph here."]],
        footnotes=["One note."],
    )
    assert drafts.draft_words("draft.docx", data) == (drafts.DOCX, 5 + 3 + 2)
    assert drafts.draft_words("draft.odt", odt(["Three words here.", "And two."]))[1] == 5
    assert drafts.draft_words("draft.pdf", pdf(["Four words on one.", "Two more."]))[1] == 6


def test_a_file_that_is_not_a_document_is_refused_whatever_its_name():
    from solidarity.practices.files import AttachmentRefused

    with pytest.raises(AttachmentRefused):
        drafts.draft_words("draft.docx", b"<html><script>alert(1)</script></html>")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(AttachmentRefused, match="DOCX, ODT or PDF"):
        drafts.draft_words("draft.png", png)


@pytest.fixture
def council_report(mandate):
    return services.deliverable_save(
        actor=None,
        mandate=mandate,
        body=Body.HRC,
        session=63,
        title="Annual report to the Council",
        due_on=dt.date(2026, 6, 1),
    )


@pytest.mark.django_db
def test_a_council_report_takes_the_mandates_word_limit(council_report, mandate):
    assert council_report.word_limit == 10700
    mandate.hrc_word_limit = 8500
    mandate.save()
    later = services.deliverable_save(
        actor=None,
        mandate=mandate,
        body=Body.HRC,
        session=64,
        title="Next report",
        due_on=dt.date(2027, 1, 1),
    )
    assert later.word_limit == 8500


@pytest.mark.django_db
def test_the_secretariat_uploads_a_draft_and_sees_its_count_against_the_limit(
    council_report, secretariat
):
    council_report.word_limit = 7
    council_report.save()
    client = client_for(secretariat)
    data = docx([["One two three four five six seven eight."]])
    upload = io.BytesIO(data)
    upload.name = "draft.docx"
    response = client.post(f"/mandate/reports/{council_report.pk}/draft/", {"draft": upload})
    assert response.status_code == 302
    page = client.get(f"/mandate/reports/{council_report.pk}/").content.decode()
    assert "8 words of 7" in page and "over the limit" in page
    stored = Deliverable.objects.get(pk=council_report.pk)
    assert (stored.draft_words, stored.status) == (8, "drafting")
    assert client.get(f"/mandate/reports/{council_report.pk}/draft/file/").status_code == 200


@pytest.mark.django_db
def test_a_refused_draft_is_named_and_nothing_is_kept(council_report, secretariat):
    upload = io.BytesIO(b"MZ\x90\x00 an executable")
    upload.name = "draft.pdf"
    response = client_for(secretariat).post(
        f"/mandate/reports/{council_report.pk}/draft/", {"draft": upload}
    )
    assert response.status_code == 400
    assert "draft.pdf" in response.content.decode()
    assert Deliverable.objects.get(pk=council_report.pk).draft_words is None


@pytest.mark.django_db
def test_only_the_secretariat_uploads_and_reads_drafts(council_report, reviewer, secretariat):
    services.deliverable_upload_draft(
        actor=secretariat, deliverable=council_report, name="d.odt", data=odt(["Some words."])
    )
    upload = io.BytesIO(odt(["Other words entirely here."]))
    upload.name = "d.odt"
    for person in (None, reviewer):
        client = client_for(person)
        refused = client.post(f"/mandate/reports/{council_report.pk}/draft/", {"draft": upload})
        assert refused.status_code == 403
        assert client.get(f"/mandate/reports/{council_report.pk}/draft/file/").status_code == 404
        # The count is public, the draft is not.
        page = client.get(f"/mandate/reports/{council_report.pk}/").content.decode()
        assert "2 words of 10700" in page and "d.odt" not in page
    assert Deliverable.objects.get(pk=council_report.pk).draft_words == 2


@pytest.mark.django_db
def test_the_secretariat_adds_a_report_due(mandate, secretariat):
    response = client_for(secretariat).post(
        "/mandate/reports/new/",
        {
            "body": "GA",
            "session": "81",
            "title": "Report to the General Assembly",
            "symbol": "",
            "due_on": "2026-08-01",
            "status": "planned",
            "word_limit": "",
        },
    )
    assert response.status_code == 302
    report = Deliverable.objects.get()
    assert (report.body, report.session, report.word_limit) == ("GA", 81, 10700)
    listing = client_for(None).get("/mandate/reports/").content.decode()
    assert "Report to the General Assembly" in listing


@pytest.mark.django_db
def test_no_one_but_the_secretariat_adds_a_report_due(mandate, reviewer, focal_point_a):
    for person in (reviewer, focal_point_a):
        response = client_for(person).post(
            "/mandate/reports/new/",
            {"body": "HRC", "session": "63", "title": "x", "due_on": "2026-08-01"},
        )
        assert response.status_code == 403
    assert not Deliverable.objects.exists()

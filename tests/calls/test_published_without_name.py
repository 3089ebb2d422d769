"""A submission published without its authors' name names them nowhere: not in its
documents' names, not in the properties their word processors wrote, not by its type."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from solidarity.calls import services
from solidarity.practices.files import check_attachment
from tests.calls.conftest import answers
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

AUTHOR = "Ana Ledesma Quintero"
EDITOR = "Rolando Vidal Arencibia"
OFFICE = "Dirección de Asuntos Multilaterales"


def pdf_by_author() -> bytes:
    pdf = FPDF()
    pdf.set_author(AUTHOR)
    pdf.set_creator(f"{OFFICE}, Word for Windows")
    pdf.set_title(f"Answer of {AUTHOR}")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Medical brigades abroad are our solidarity.")
    pdf.text_annotation(10, 30, "Add the figures for 2025.", title=EDITOR)  # a reviewer's note
    return bytes(pdf.output())


def docx_by_author() -> bytes:
    document = docx.Document()
    document.add_paragraph("Seed banks shared between neighbouring States.")
    document.core_properties.author = AUTHOR
    document.core_properties.last_modified_by = EDITOR
    document.core_properties.title = f"Answer of {AUTHOR}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_by_author() -> bytes:
    """An OpenDocument text, as LibreOffice lays it out: "mimetype" first and stored."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            f'xmlns:office="{office}" xmlns:text="{text}"><office:body><office:text>'
            "<text:p>Debt relief is solidarity between peoples.</text:p>"
            "</office:text></office:body></office:document-content>",
        )
        package.writestr(
            "meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            f'xmlns:office="{office}" xmlns:meta="{meta}" xmlns:dc="{dc}"><office:meta>'
            f"<meta:initial-creator>{AUTHOR}</meta:initial-creator>"
            f"<dc:creator>{EDITOR}</dc:creator>"
            "<meta:generator>LibreOffice/24.2</meta:generator>"
            "<dc:language>es-CU</dc:language>"
            "</office:meta></office:document-meta>",
        )
    return out.getvalue()


def names_someone(data: bytes) -> bool:
    """Whether the bytes, or the parts of the package they are, spell a name, in the
    encodings PDF and XML write text in."""
    parts = [data]
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts += [package.read(name) for name in package.namelist()]
    return any(
        name.encode(encoding) in part
        for part in parts
        for name in ("Ledesma", "Vidal Arencibia")
        for encoding in ("utf-8", "utf-16-be", "utf-16-le")
    )


def sent(person, call, *, consent, files):
    draft, _ = services.submission_save(
        actor=person, call=call, answers=answers(), consent=consent, files=files
    )
    return services.submission_submit(actor=person, submission=draft)


@pytest.fixture
def uploaded():
    return {
        "pdf": pdf_by_author(),
        "docx": docx_by_author(),
    }


@pytest.fixture
def published_without_name(
    open_call, focal_point_a, secretariat, uploaded, django_capture_on_commit_callbacks
):
    files = [
        check_attachment("Respuesta de Ana Ledesma.pdf", uploaded["pdf"]),
        check_attachment("Cuba - Ledesma.docx", uploaded["docx"]),
    ]
    submission = sent(focal_point_a, open_call, consent="anonymous", files=files)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_publish(actor=secretariat, submission=submission)
    return submission


def test_the_documents_as_uploaded_name_their_authors(uploaded):
    # The story below means something only if the uploads do carry the names.
    assert names_someone(uploaded["pdf"]) and names_someone(uploaded["docx"])
    assert pdfium.PdfDocument(uploaded["pdf"]).get_metadata_dict()["Author"] == AUTHOR
    assert docx.Document(io.BytesIO(uploaded["docx"])).core_properties.author == AUTHOR


def test_the_public_downloads_each_document_under_a_neutral_name_without_its_authors(
    open_call, published_without_name
):
    submission = published_without_name
    visitor = client_for(None)
    page = visitor.get(f"/calls/{open_call.slug}/submissions/{submission.pk}/").content.decode()
    listing = visitor.get(f"/calls/{open_call.slug}/").content.decode()
    for html in (page, listing):
        assert "Ledesma" not in html and "Cuba" not in html
        assert f"{submission.reference}-1.pdf" in html
        assert f"{submission.reference}-2.docx" in html
    assert "Withheld with the name" in page
    pdf_file, docx_file = submission.files.all()

    pdf = visitor.get(f"/calls/{open_call.slug}/submissions/{submission.pk}/files/{pdf_file.pk}/")
    assert pdf.status_code == 200
    assert f'filename="{submission.reference}-1.pdf"' in pdf["Content-Disposition"]
    assert not names_someone(pdf.content)
    copy = pdfium.PdfDocument(pdf.content)
    properties = copy.get_metadata_dict()
    assert properties["Author"] == "" and properties["Title"] == ""
    assert "Word for Windows" not in properties["Creator"] + properties["Producer"]
    assert "Medical brigades abroad" in copy[0].get_textpage().get_text_range()
    assert b"Add the figures for 2025." in pdf.content  # the note stays, unsigned

    word = visitor.get(f"/calls/{open_call.slug}/submissions/{submission.pk}/files/{docx_file.pk}/")
    assert f'filename="{submission.reference}-2.docx"' in word["Content-Disposition"]
    assert not names_someone(word.content)
    document = docx.Document(io.BytesIO(word.content))
    assert document.core_properties.author == ""
    assert document.core_properties.last_modified_by == ""
    assert document.paragraphs[0].text == "Seed banks shared between neighbouring States."


def test_the_zip_the_csv_and_the_api_carry_neither_the_names_nor_the_type(
    open_call, published_without_name
):
    submission = published_without_name
    visitor = client_for(None)
    archive = visitor.get(f"/calls/{open_call.slug}/published.zip")
    folder = f"{open_call.slug}/{submission.reference}"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as package:
        assert sorted(n for n in package.namelist() if n.startswith(folder)) == [
            f"{folder}/{submission.reference}-1.pdf",
            f"{folder}/{submission.reference}-2.docx",
        ]
        for name in package.namelist():
            assert not names_someone(package.read(name)), name
        table = package.read(f"{open_call.slug}/submissions.csv").decode("utf-8-sig")
    assert "Ledesma" not in table and "States" not in table
    [record] = json.loads(visitor.get(f"/api/v1/calls/{open_call.slug}/submissions").content)
    assert record["stakeholder_type"] is None and record["country"] is None
    assert [f["name"] for f in record["files"]] == [
        f"{submission.reference}-1.pdf",
        f"{submission.reference}-2.docx",
    ]
    found = visitor.get("/calls/search/?q=Ledesma").content.decode()
    assert submission.get_absolute_url() not in found


def test_the_secretariat_and_the_state_keep_the_originals(
    open_call, published_without_name, focal_point_a, secretariat, uploaded
):
    submission = published_without_name
    pdf_file, docx_file = submission.files.all()
    for person in (secretariat, focal_point_a):
        client = client_for(person)
        base = f"/calls/{open_call.slug}/submissions/{submission.pk}/files"
        pdf = client.get(f"{base}/{pdf_file.pk}/")
        assert pdf.content == uploaded["pdf"]
        assert "Respuesta de Ana Ledesma.pdf" in pdf["Content-Disposition"]
        assert client.get(f"{base}/{docx_file.pk}/").content == uploaded["docx"]
        page = client.get(f"/calls/{open_call.slug}/submissions/{submission.pk}/").content
        assert "Cuba - Ledesma.docx" in page.decode()


def test_published_with_the_name_the_documents_are_as_uploaded(
    open_call, contributor_x, secretariat, uploaded, django_capture_on_commit_callbacks
):
    upload = check_attachment("Organization X, answer by Ana Ledesma.pdf", uploaded["pdf"])
    submission = sent(contributor_x, open_call, consent="publish", files=[upload])
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_publish(actor=secretariat, submission=submission)
    [document] = submission.files.all()
    response = client_for(None).get(
        f"/calls/{open_call.slug}/submissions/{submission.pk}/files/{document.pk}/"
    )
    assert response.content == uploaded["pdf"]
    assert "answer by Ana Ledesma.pdf" in response["Content-Disposition"]
    [record] = json.loads(
        client_for(None).get(f"/api/v1/calls/{open_call.slug}/submissions").content
    )
    assert record["stakeholder_type"] == "ngo"


def test_a_document_whose_properties_cannot_be_read_is_not_published_without_the_name(
    open_call, focal_point_a, secretariat
):
    broken = b"%PDF-1.4\n" + b"not a PDF past its first line " * 40
    submission = sent(
        focal_point_a, open_call, consent="anonymous", files=[check_attachment("a.pdf", broken)]
    )
    with pytest.raises(services.ValidationError, match="cannot be published without"):
        services.submission_publish(actor=secretariat, submission=submission)
    submission.refresh_from_db()
    assert not submission.is_published


def test_an_opendocument_text_is_published_without_its_creators(
    open_call, focal_point_a, secretariat, django_capture_on_commit_callbacks
):
    uploaded = odt_by_author()
    assert names_someone(uploaded)
    upload = check_attachment("Ledesma.odt", uploaded)
    submission = sent(focal_point_a, open_call, consent="anonymous", files=[upload])
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_publish(actor=secretariat, submission=submission)
    [document] = submission.files.all()
    response = client_for(None).get(
        f"/calls/{open_call.slug}/submissions/{submission.pk}/files/{document.pk}/"
    )
    assert f'filename="{submission.reference}-1.odt"' in response["Content-Disposition"]
    assert not names_someone(response.content)
    # Still an OpenDocument text, with its words and its other properties.
    assert check_attachment("copy.odt", response.content).media_type == upload.media_type
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert b"Debt relief is solidarity" in package.read("content.xml")
        properties = package.read("meta.xml").decode()
    assert "LibreOffice/24.2" in properties and "es-CU" in properties

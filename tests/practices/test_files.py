"""Attachments are judged by what they contain, not by what they are called."""

import io
import zipfile

import pytest

from solidarity.practices.files import MAX_ATTACHMENT_BYTES, AttachmentRefused, check_attachment
from tests.conftest import PDF_BYTES


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("report.pdf", PDF_BYTES, "application/pdf"),
        ("scan-without-extension", PDF_BYTES, "application/pdf"),
        (
            "report.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("report.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image/png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg"),
    ],
)
def test_accepted_documents_are_typed_by_their_content(name, data, media_type):
    assert check_attachment(name, data).media_type == media_type


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("report.docx", _zip({"payload.exe": b"MZ"})),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_a_file_whose_content_is_not_an_accepted_document_is_refused_by_name(name, data):
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment(name, data)
    assert str(refused.value).startswith(f"{name}:")
    assert "accepted type" in str(refused.value)


def test_an_oversized_file_is_refused_by_its_size_naming_it():
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("scan.pdf", b"", size=60 * 1024 * 1024)
    assert "scan.pdf" in str(refused.value) and "60.0 MB" in str(refused.value)
    assert "20 MB" in str(refused.value)
    check_attachment("limit.pdf", PDF_BYTES + b"\0" * (MAX_ATTACHMENT_BYTES - len(PDF_BYTES)))


def test_an_empty_file_and_a_path_in_the_name_are_handled():
    with pytest.raises(AttachmentRefused, match="empty"):
        check_attachment("empty.pdf", b"")
    assert check_attachment("C:\\Users\\me\\report.pdf", PDF_BYTES).name == "report.pdf"

"""Hostile documents: ZIP bombs and PDFs with active content are refused, naming
the file and the reason, and every upload is served so a browser runs nothing."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
import uuid
import zipfile
import zlib
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from fpdf.actions import LaunchAction

from solidarity.practices import files
from solidarity.practices.files import AttachmentRefused, check_attachment
from solidarity.practices.models import Attachment, Practice
from tests.conftest import PDF_BYTES, client_for

MiB = 1024 * 1024
ODT_TYPE = b"application/vnd.oasis.opendocument.text"
DOWNLOAD_CSP = "default-src 'none'; sandbox"


# --- ZIP packages ---------------------------------------------------------


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of `size` zero bytes (a multiple of 1 MiB), made from one
    flushed block repeated, and their CRC-32: a gibibyte in a second."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc, zeros = 0, bytes(MiB)
    for _ in range(size // MiB):
        crc = zlib.crc32(zeros, crc)
    return block * (size // MiB) + b"\x03\x00", crc


def _raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP written by hand, so sizes can be declared as a hostile file does:
    members are (name, deflated bytes, crc, real size, declared size)."""
    out, directory = bytearray(), bytearray()
    for name, deflated, crc, _real, declared in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc, len(deflated), declared,
            len(encoded), 0,
        )  # fmt: skip
        out += encoded + deflated
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 33, crc, len(deflated), declared,
            len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        directory += encoded
    start = len(out)
    out += directory
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                       len(directory), start, 0)  # fmt: skip
    return bytes(out)


def _small(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    return name, deflated, zlib.crc32(data), len(data), len(data)


def _docx_parts() -> list:
    return [_small("[Content_Types].xml", b"<Types/>"), _small("word/document.xml", b"<w/>")]


@pytest.fixture
def low_limits(settings):
    """Limits a thousand times lower than the real ones, so bombs stay small."""
    settings.ATTACHMENT_MAX_ARCHIVE_MEMBERS = 10
    settings.ATTACHMENT_MAX_MEMBER_BYTES = 1 * MiB
    settings.ATTACHMENT_MAX_EXPANDED_BYTES = 2 * MiB


def test_an_odt_whose_mimetype_expands_past_the_limit_is_refused_naming_the_part(low_limits):
    bomb = _zip({"mimetype": ODT_TYPE + bytes(4 * MiB), "content.xml": b"<x/>"})
    assert len(bomb) < 10_000
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("report.odt", bomb)
    assert str(refused.value) == "report.odt: its part mimetype expands to more than 1 MB."


def test_a_docx_with_a_part_past_the_limit_is_refused(low_limits):
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w/>",
            "word/a.bin": bytes(3 * MiB),
        }
    )
    with pytest.raises(AttachmentRefused, match=r"^report.docx: its part word/a.bin expands"):
        check_attachment("report.docx", bomb)


def test_parts_that_expand_past_the_limit_together_are_refused(low_limits):
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}
    parts |= {f"word/media/{n}.bin": bytes(MiB - 1) for n in range(3)}
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("report.docx", _zip(parts))
    assert str(refused.value) == "report.docx: its parts expand to more than 2 MB in all."


def test_a_package_of_too_many_parts_is_refused_even_if_its_end_record_says_otherwise(low_limits):
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}
    parts |= {f"word/{n}.xml": b"" for n in range(20)}
    package = _zip(parts)
    with pytest.raises(AttachmentRefused, match=r"^many.docx: the package holds more than 10"):
        check_attachment("many.docx", package)
    # The end record claims one part; the directory still holds twenty-two.
    end = package.rfind(b"PK\x05\x06")
    lying = package[: end + 8] + struct.pack("<2H", 1, 1) + package[end + 12 :]
    with pytest.raises(AttachmentRefused, match=r"holds more than 10 parts"):
        check_attachment("many.docx", lying)


def test_a_part_larger_than_it_declares_is_refused_as_damaged():
    # Real limits: the part declares 1 KiB and really holds 4 MiB.
    deflated, crc = _zeros(4 * MiB)
    package = _raw_zip([*_docx_parts(), ("word/a.bin", deflated, crc, 4 * MiB, 1024)])
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("report.docx", package)
    assert str(refused.value) == (
        "report.docx: the package is damaged (a part does not match its checksum)."
    )


def test_parts_compressed_otherwise_than_documents_are_or_encrypted_are_refused():
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}
    with pytest.raises(AttachmentRefused, match=r"^r.docx: its part .* is compressed in a way"):
        check_attachment("r.docx", _zip(parts, method=zipfile.ZIP_BZIP2))
    package = bytearray(_zip(parts))
    package[6] |= 1  # the encryption flag, in the local header and the directory
    directory = package.find(b"PK\x01\x02")
    package[directory + 8] |= 1
    with pytest.raises(AttachmentRefused, match=r"^r.docx: its part .* is encrypted"):
        check_attachment("r.docx", bytes(package))


def test_ordinary_documents_pass_the_real_limits():
    docx = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:p>text</w:p>" * 100_000,
            **{f"word/media/image{n}.png": b"\x89PNG" + bytes(1000) for n in range(300)},
        }
    )
    assert check_attachment("report.docx", docx).media_type.endswith("wordprocessingml.document")
    odt = _zip({"mimetype": ODT_TYPE, "content.xml": b"<text:p/>" * 100_000})
    assert check_attachment("report.odt", odt).media_type == ODT_TYPE.decode()


_MEASURE = textwrap.dedent(
    """
    import json, resource, sys, tracemalloc
    import django
    from django.conf import settings
    settings.configure()
    django.setup()
    from solidarity.practices.files import AttachmentRefused, check_attachment

    results = []
    for path in sys.argv[1:]:
        data = open(path, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        try:
            check_attachment(path.rsplit("/", 1)[-1], data)
            outcome = "accepted"
        except AttachmentRefused as refused:
            outcome = str(refused)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        results.append({"outcome": outcome, "peak": peak, "growth": (after - before) * 1024})
    print(json.dumps(results))
    """
)


def test_the_real_limits_refuse_a_gibibyte_part_without_ever_holding_it(tmp_path):
    """The archives of the report, with the limits as shipped, in a process of their own."""
    gib, crc = _zeros(1024 * MiB)
    odt = tmp_path / "bomb.odt"
    odt.write_bytes(_raw_zip([("mimetype", gib, crc, 1024 * MiB, 1024 * MiB)]))
    docx = tmp_path / "bomb.docx"
    docx.write_bytes(_raw_zip([*_docx_parts(), ("word/big.bin", gib, crc, 1024 * MiB, 1024 * MiB)]))
    # Declares 99 MiB, under the limit of a part, and holds a gibibyte: expanded
    # to the declared size, chunk by chunk, then refused by its checksum.
    lying = tmp_path / "lying.docx"
    lying.write_bytes(_raw_zip([*_docx_parts(), ("word/big.bin", gib, crc, 1024 * MiB, 99 * MiB)]))
    assert odt.stat().st_size < 1.1 * MiB
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(odt), str(docx), str(lying)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    bomb_odt, bomb_docx, lying_docx = json.loads(run.stdout)
    for result in (bomb_odt, bomb_docx, lying_docx):
        # Python's allocations while checking, then the process's peak resident size.
        assert result["peak"] < 4 * MiB, result
        assert result["growth"] < 32 * MiB, result
    assert bomb_odt["outcome"] == "bomb.odt: its part mimetype expands to more than 100 MB."
    assert bomb_docx["outcome"] == "bomb.docx: its part word/big.bin expands to more than 100 MB."
    assert lying_docx["outcome"] == (
        "lying.docx: the package is damaged (a part does not match its checksum)."
    )


# --- PDF ------------------------------------------------------------------

PAGES = {
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
}
ALERT = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"


def _pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF with a classic cross-reference table; object 1 is the catalogue."""
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _pdf_with_object_stream(
    hidden: dict[int, bytes],
    plain: dict[int, bytes],
    *,
    filters=b"/FlateDecode",
    encode=zlib.compress,
) -> bytes:
    """A PDF 1.5 whose `hidden` objects are packed in one encoded object stream,
    found through a cross-reference stream, as modern producers write them."""
    stream_number = max([*hidden, *plain]) + 1
    xref_number = stream_number + 1
    header, body = b"", b""
    for number, obj in hidden.items():
        header += b"%d %d " % (number, len(body))
        body += obj + b"\n"
    packed = encode(header + body)
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for number, obj in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    offsets[stream_number] = len(out)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter %s /Length %d >>\nstream\n" % (
        stream_number, len(hidden), len(header), filters, len(packed),
    )  # fmt: skip
    out += packed + b"\nendstream\nendobj\n"
    offsets[xref_number] = len(out)
    rows, order = b"", list(hidden)
    for number in range(xref_number + 1):
        if number in offsets:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\0\0"
        elif number in hidden:
            rows += (
                b"\x02" + stream_number.to_bytes(4, "big") + order.index(number).to_bytes(2, "big")
            )
        else:
            rows += b"\x00\0\0\0\0\xff\xff"
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (
        xref_number, xref_number + 1, len(rows),
    )  # fmt: skip
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def _fpdf(build=None, *, compress=True) -> bytes:
    pdf = FPDF()
    pdf.set_compression(compress)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="About JavaScript, launch plans and embedded files in cooperatives.")
    if build:
        build(pdf)
    return bytes(pdf.output())


def _javascript_in_an_object_stream() -> bytes:
    return _pdf_with_object_stream(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>",
            4: b"<< /Names [(x) 5 0 R] >>",
            5: ALERT,
        },
        PAGES,
    )


def test_a_plain_pdf_is_accepted_even_when_its_text_speaks_of_javascript():
    for data in (
        _fpdf(),
        _fpdf(compress=False),
        _pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", **PAGES}),
    ):
        assert check_attachment("plain.pdf", data).media_type == "application/pdf"
    # Object streams, as modern producers write them, are fine when they hold no action.
    plain = _pdf_with_object_stream({1: b"<< /Type /Catalog /Pages 2 0 R >>"}, PAGES)
    assert len(pypdfium2.PdfDocument(plain)) == 1
    assert check_attachment("plain.pdf", plain).media_type == "application/pdf"


@pytest.mark.parametrize(
    ("build", "what"),
    [
        pytest.param(
            lambda: _pdf({1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction %s >>" % ALERT, **PAGES}),
            "JavaScript",
            id="open-action",
        ),
        pytest.param(
            # /J#61vaScript and /#4A#53 are /JavaScript and /JS to a reader.
            lambda: _pdf(
                {
                    1: b"<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>",
                    **PAGES,
                    4: b"<< /Names [(x) 5 0 R] >>",
                    5: b"<< /S /J#61vaScript /#4A#53 (app.alert\\(1\\)) >>",
                }
            ),
            "JavaScript",
            id="hex-escaped-names",
        ),
        pytest.param(_javascript_in_an_object_stream, "JavaScript", id="object-stream"),
        pytest.param(
            lambda: _pdf_with_object_stream(
                {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", 4: ALERT},
                PAGES,
                filters=b"[/ASCIIHexDecode /FlateDecode]",
                encode=lambda data: zlib.compress(data).hex().encode() + b">",
            ),
            "JavaScript",
            id="object-stream-in-hex",
        ),
        pytest.param(
            lambda: _pdf(
                {
                    1: b"<< /Type /Catalog /Pages 2 0 R >>",
                    2: PAGES[2],
                    3: b"<< /Type /Page /Parent 2 0 R "
                    b"/AA << /O << /S /URI /URI (https://x.example/) >> >> >>",
                }
            ),
            "actions run when it is opened or viewed",
            id="page-additional-actions",
        ),
        pytest.param(
            lambda: _fpdf(lambda pdf: pdf.add_action(LaunchAction("calc.exe"), 10, 10, 50, 10)),
            "commands that start programs",
            id="launch",
        ),
        pytest.param(
            lambda: _fpdf(lambda pdf: pdf.embed_file(bytes=b"MZ payload", basename="tool.exe")),
            "embedded files",
            id="embedded-file",
        ),
        pytest.param(
            lambda: _fpdf(lambda pdf: pdf.file_attachment_annotation("notes.txt", 10, 10, 10, 10)),
            "embedded files",
            id="file-attachment",
        ),
    ],
)
def test_a_pdf_with_active_content_is_refused_saying_what_it_carries(
    build, what, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("notes")
    data = build()
    assert len(pypdfium2.PdfDocument(data)) >= 1  # a real PDF, as a reader opens it
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("report.pdf", data)
    message = str(refused.value)
    assert message.startswith("report.pdf: this PDF carries ") and what in message
    assert "Print or export it again as a plain PDF." in message


def test_javascript_hidden_in_an_object_stream_is_what_a_reader_finds_and_is_refused():
    data = _javascript_in_an_object_stream()
    assert b"JavaScript" not in data  # not in the file's bytes: only once expanded
    document = pypdfium2.PdfDocument(data)
    assert pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw) == 1
    with pytest.raises(AttachmentRefused, match="carries JavaScript"):
        check_attachment("report.pdf", data)


def test_an_object_stream_that_cannot_be_checked_is_refused(monkeypatch):
    catalog = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    unknown = _pdf_with_object_stream(catalog, PAGES, filters=b"/LZWDecode", encode=lambda d: d)
    with pytest.raises(
        AttachmentRefused, match=r"^r.pdf: part of this PDF is encrypted or encoded"
    ):
        check_attachment("r.pdf", unknown)
    monkeypatch.setattr(files, "MAX_PDF_OBJECT_STREAM_BYTES", 1000)
    big = _pdf_with_object_stream({**catalog, 4: b"(" + b"0" * 5000 + b")"}, PAGES)
    with pytest.raises(AttachmentRefused, match="cannot be checked"):
        check_attachment("r.pdf", big)


def test_a_stream_keyword_planted_in_a_comment_does_not_hide_javascript():
    # Readers skip the comment and find object 4 by the cross-reference table;
    # a walk from stream to endstream would skip the object.
    data = _pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>\n% <</Length 9>> stream",
            **PAGES,
            4: ALERT + b"\n% endstream",
        }
    )
    assert len(pypdfium2.PdfDocument(data)) == 1
    with pytest.raises(AttachmentRefused, match="carries JavaScript"):
        check_attachment("report.pdf", data)


def test_a_pdf_of_more_streams_than_can_be_checked_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_PDF_STREAMS", 2)
    streams = {n: b"<< /Length 1 >>\nstream\nx\nendstream" for n in range(4, 8)}
    data = _pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", **PAGES, **streams})
    with pytest.raises(AttachmentRefused, match="cannot be checked"):
        check_attachment("report.pdf", data)
    monkeypatch.setattr(files, "MAX_PDF_STREAMS", 4)
    assert check_attachment("report.pdf", data).media_type == "application/pdf"


# --- Through the form -------------------------------------------------------


def test_a_zip_bomb_sent_through_the_form_is_refused_and_nothing_is_stored(
    contributor_x, low_limits
):
    bomb = _zip({"mimetype": ODT_TYPE + bytes(4 * MiB)})
    upload = SimpleUploadedFile(
        "report.odt", bomb, content_type="application/vnd.oasis.opendocument.text"
    )
    data = {
        "title": "A draft",
        "submission_key": str(uuid.uuid4()),
        "action": "save",
        "files": upload,
    }
    response = client_for(contributor_x).post("/practices/new/", data)
    assert response.status_code == 200
    assert "report.odt: its part mimetype expands to more than 1 MB." in response.content.decode()
    assert not Practice.objects.exists() and not Attachment.objects.exists()


# --- Serving ----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def _stored(practice, name: str, media_type: str, data: bytes) -> Attachment:
    """A document as an earlier version of the platform may have stored it, unchecked."""
    import hashlib

    return Attachment.objects.create(
        practice=practice, name=name, media_type=media_type, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), data=data,
    )  # fmt: skip


def _assert_sandboxed(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_CSP


@pytest.mark.django_db
def test_a_published_pdf_is_downloaded_not_shown_and_sandboxed(client, published_practice):
    response = client.get(published_practice.attachments.get().get_absolute_url())
    assert response.status_code == 200 and bytes(response.content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evaluation.pdf"'
    _assert_sandboxed(response)


@pytest.mark.django_db
def test_only_images_whose_bytes_are_images_are_shown_inline(draft_practice, contributor_x):
    client = client_for(contributor_x)
    image = _stored(draft_practice, "photo.png", "image/png", PNG)
    response = client.get(image.get_absolute_url())
    assert response["Content-Disposition"] == 'inline; filename="photo.png"'
    _assert_sandboxed(response)
    # Stored before documents were checked: called an image, holding a page.
    page = _stored(draft_practice, "photo2.png", "image/png", b"<html><script>alert(1)</script>")
    response = client.get(page.get_absolute_url())
    assert response["Content-Disposition"] == 'attachment; filename="photo2.png"'
    _assert_sandboxed(response)


@pytest.mark.django_db
def test_a_pdf_with_javascript_stored_before_it_was_refused_is_served_sandboxed(
    draft_practice, contributor_x
):
    old = _stored(draft_practice, "old.pdf", "application/pdf", _javascript_in_an_object_stream())
    response = client_for(contributor_x).get(old.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="old.pdf"'
    _assert_sandboxed(response)


@pytest.mark.django_db
def test_the_source_of_a_resolution_is_downloaded_not_shown_and_sandboxed(client, resolution_56_4):
    response = client.get("/resolutions/A/HRC/RES/56/4/source")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="A-HRC-RES-56-4.md"'
    _assert_sandboxed(response)

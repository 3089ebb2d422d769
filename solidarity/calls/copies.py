"""The copy of a submission's document that the public gets.

A submission published with its authors' name is published as it was uploaded.
One published without their name must not name them in any other way: each of
its documents is served, and zipped, under a neutral name (the reference number,
the document's place in the submission and its extension), and stripped of the
properties where word processors write who wrote it:

- PDF: the document information (Author, Creator, Producer, Title, Subject,
  Keywords) and the XMP metadata stream. PDFium has no call that edits them, so
  the pages are imported into a new document, which carries neither; what lives
  only at the document's level (bookmarks, attachments, form definitions) is not
  published either. Comments keep their text but not their author's name (/T).
- DOCX: ``docProps/core.xml`` without its creator, last editor, title, subject,
  keywords and description, and ``docProps/app.xml`` without company and manager.
- ODT: ``meta.xml`` without its creator, initial creator, printer and title.

The stored original is never changed: the secretariat and the submitters keep
reading what was sent.
"""

from __future__ import annotations

import ctypes
import io
import zipfile
from xml.etree import ElementTree as ET

import defusedxml.ElementTree as SafeET
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from defusedxml import DefusedXmlException

from solidarity.core.pdf import LOCK

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

# The parts rewritten, and the elements removed from each (anywhere in the part).
PERSONAL = {
    "docProps/core.xml": {
        f"{{{_DC}}}creator",
        f"{{{_CP}}}lastModifiedBy",
        f"{{{_DC}}}title",
        f"{{{_DC}}}subject",
        f"{{{_DC}}}description",
        f"{{{_CP}}}keywords",
    },
    "docProps/app.xml": {f"{{{_APP}}}Company", f"{{{_APP}}}Manager"},
    "meta.xml": {
        f"{{{_DC}}}creator",
        f"{{{_META}}}initial-creator",
        f"{{{_META}}}printed-by",
        f"{{{_DC}}}title",
    },
}
# The prefixes these parts use, so that the rewritten part reads as the original did.
for _prefix, _uri in {
    "cp": _CP,
    "dc": _DC,
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": _META,
    "xlink": "http://www.w3.org/1999/xlink",
    "ooo": "http://openoffice.org/2004/office",
    "grddl": "http://www.w3.org/2003/g/data-view#",
    "": _APP,  # app.xml's own elements are unprefixed, and its attributes unqualified
}.items():
    ET.register_namespace(_prefix, _uri)

# A metadata part is a few kilobytes; a bigger one is dropped rather than read.
MAX_META_PART = 1_000_000
# What a package may expand to while it is copied (an upload is at most 20 MB).
MAX_UNPACKED = 200_000_000


class CannotClean(ValueError):
    """The document could not be read well enough to publish it without its authors."""


def neutral_name(reference: str, index: int, media_type: str) -> str:
    """``CFI-2026-001-00004-2.pdf``: the second document of that submission."""
    return f"{reference}-{index}{EXTENSIONS.get(media_type, '')}"


def without_authors(media_type: str, data: bytes) -> bytes:
    """A copy of the document without the properties that name who wrote it."""
    if media_type == PDF:
        return _pdf(data)
    if media_type in (DOCX, ODT):
        return _package(data)
    raise CannotClean(media_type)


def _pdf(data: bytes) -> bytes:
    with LOCK:
        return _pdf_copy(data)


def _pdf_copy(data: bytes) -> bytes:
    try:
        source = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise CannotClean(str(error)) from error
    try:
        copy = pdfium.PdfDocument.new()
        try:
            copy.import_pages(source)
            for index in range(len(copy)):
                _annotations_unsigned(copy[index])
            out = io.BytesIO()
            copy.save(out)
        finally:
            copy.close()
    except pdfium.PdfiumError as error:
        raise CannotClean(str(error)) from error
    finally:
        source.close()
    return out.getvalue()


_EMPTY_WIDE_STRING = ctypes.create_string_buffer(b"\x00\x00")


def _annotations_unsigned(page: pdfium.PdfPage) -> None:
    """Comments and highlights keep their text, not the name of who made them (/T)."""
    try:
        for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
            if not annotation:
                continue
            try:
                if pdfium_c.FPDFAnnot_HasKey(annotation, b"T") and not (
                    pdfium_c.FPDFAnnot_SetStringValue(
                        annotation,
                        b"T",
                        ctypes.cast(_EMPTY_WIDE_STRING, pdfium_c.FPDF_WIDESTRING),
                    )
                ):
                    raise CannotClean("an annotation keeps its author")
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annotation)
    finally:
        page.close()


def _part_without(xml: bytes, removed: set[str]) -> bytes:
    try:
        root = SafeET.fromstring(xml, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException) as error:
        raise CannotClean(str(error)) from error
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in removed:
                parent.remove(child)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _package(data: bytes) -> bytes:
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w") as copy,
        ):
            # The sizes a package declares may lie: what is read is counted instead.
            unpacked = 0
            # Each member keeps its place and its compression: an ODT's "mimetype"
            # stays first and stored, as the format asks.
            for member in source.infolist():
                if member.filename in PERSONAL:
                    with source.open(member) as reader:
                        xml = reader.read(MAX_META_PART + 1)
                    if len(xml) <= MAX_META_PART:
                        copy.writestr(member, _part_without(xml, PERSONAL[member.filename]))
                    continue
                with source.open(member) as reader, copy.open(member, "w") as writer:
                    while chunk := reader.read(1 << 16):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED:
                            raise CannotClean("the package unpacks to more than it may")
                        writer.write(chunk)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a compression zipfile does not read
    ) as error:
        raise CannotClean(str(error)) from error
    return out.getvalue()


def public_copy(submission, document) -> bytes:
    """The bytes the public gets of a document of a published submission."""
    data = bytes(document.data)
    if submission.consent != "anonymous":
        return data
    return without_authors(document.media_type, data)

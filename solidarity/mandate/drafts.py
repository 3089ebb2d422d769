"""Counting the words of a report's draft (DOCX, ODT or PDF), as a word processor counts them.

The file is first checked by its content with the checks every uploaded
document goes through (``practices.files.check_attachment``: type by bytes,
ZIP bombs and active PDFs refused), so the parts read here are known to be
bounded. A word is a run of characters between spaces that holds at least one
letter or digit ("A/HRC/56/57" is one word, a lone dash none), as Word and
LibreOffice count them; footnotes and endnotes count, as they do against the
UN's limits.
"""

from __future__ import annotations

import io
import re
import zipfile

import pypdfium2
from django.utils.translation import gettext as _
from lxml import etree

from solidarity.core.pdf import page_texts
from solidarity.practices.files import AttachmentRefused, check_attachment

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
ACCEPTED = {DOCX, ODT, PDF}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_WORD = re.compile(r"\S*[^\W_]\S*")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _docx_text(package: zipfile.ZipFile) -> str:
    parts = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]
    texts = []
    names = set(package.namelist())
    for part in parts:
        if part not in names:
            continue
        root = etree.fromstring(package.read(part), _PARSER)
        for paragraph in root.iter(f"{_W}p"):
            pieces = []
            for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
                pieces.append(node.text or "" if node.tag == f"{_W}t" else " ")
            texts.append("".join(pieces))
    return "\n".join(texts)


def _odt_text(package: zipfile.ZipFile) -> str:
    root = etree.fromstring(package.read("content.xml"), _PARSER)
    texts = []
    for paragraph in root.iter(f"{_TEXT_NS}p", f"{_TEXT_NS}h"):
        pieces = []
        for node in paragraph.iter():
            if node.tag in (f"{_TEXT_NS}s", f"{_TEXT_NS}tab", f"{_TEXT_NS}line-break"):
                pieces.append(" ")
            elif node is paragraph or node.tag not in (f"{_TEXT_NS}p", f"{_TEXT_NS}h"):
                pieces.append(node.text or "")
            if node is not paragraph:
                pieces.append(node.tail or "")
        texts.append("".join(pieces))
    return "\n".join(texts)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def draft_text(name: str, data: bytes) -> tuple[str, str]:
    """(media type, text) of a draft; AttachmentRefused if it is not a DOCX, ODT or PDF."""
    checked = check_attachment(name, data)
    if checked.media_type not in ACCEPTED:
        raise AttachmentRefused(
            _("%(name)s: a draft is a DOCX, ODT or PDF document.") % {"name": checked.name}
        )
    try:
        if checked.media_type == PDF:
            return PDF, _pdf_text(data)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if checked.media_type == DOCX:
                return DOCX, _docx_text(package)
            return ODT, _odt_text(package)
    except (
        etree.XMLSyntaxError,
        KeyError,
        zipfile.BadZipFile,
        ValueError,
        pypdfium2.PdfiumError,
    ) as error:
        raise AttachmentRefused(
            _("%(name)s: its text cannot be read (%(error)s).")
            % {"name": checked.name, "error": error}
        ) from None


def draft_words(name: str, data: bytes) -> tuple[str, int]:
    """(media type, number of words) of a draft."""
    media_type, text = draft_text(name, data)
    return media_type, count_words(text)

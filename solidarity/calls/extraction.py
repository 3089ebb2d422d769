"""The words of a submitted document, for search. Plain Python.

Called at upload on a file that ``practices.files.check_attachment`` has
already typed and checked (a ZIP package within its limits, a PDF without
active content). A document whose text cannot be read gives no text: it is
still accepted, only not found by its words.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from solidarity.core.pdf import page_texts

MAX_TEXT = 2_000_000  # characters kept of one document
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_PARSER = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, or "" when it cannot be read (the file was checked already)."""
    import pypdfium2

    try:
        return "\n".join(page_texts(data, limit=MAX_TEXT))
    except pypdfium2.PdfiumError:
        return ""


def _xml_paragraphs(xml: bytes, paragraph_tag: str, text_tags: set[str]) -> str:
    root = etree.fromstring(xml, etree.XMLParser(**_PARSER))
    paragraphs = []
    for paragraph in root.iter(paragraph_tag):
        words = "".join(node.text or "" for node in paragraph.iter() if node.tag in text_tags)
        if words.strip():
            paragraphs.append(words)
    return "\n".join(paragraphs)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    return _xml_paragraphs(xml, f"{_W}p", {f"{_W}t"})


def odt_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("content.xml")
    root = etree.fromstring(xml, etree.XMLParser(**_PARSER))
    paragraphs = [
        "".join(node.itertext()) for node in root.iter(f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h")
    ]
    return "\n".join(p for p in paragraphs if p.strip())


READERS = {
    "application/pdf": pdf_text,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": docx_text,
    "application/vnd.oasis.opendocument.text": odt_text,
}


def text_of(media_type: str, data: bytes) -> str:
    """The document's text, or "" when it has none that can be read."""
    reader = READERS.get(media_type)
    if reader is None:
        return ""
    try:
        text = reader(data)
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return ""
    return "".join(c for c in text if c.isprintable() or c in "\n\t")[:MAX_TEXT]

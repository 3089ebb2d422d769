"""Turn the text of a UN resolution into structured data.

Pure Python: nothing here imports Django, so the parser runs anywhere (tests,
command line, background jobs). The output has the shape of
``solidarity/resolutions/resolution.schema.json``.

    >>> result = parse_file("A-HRC-RES-56-4.md")
    >>> result.document.symbol
    'A/HRC/RES/56/4'
    >>> [str(warning) for warning in result.warnings]
    []

Input that is not a resolution, or that contradicts itself (a vote whose
lists do not add up, operative numbering that skips), raises
:class:`ParseError` naming the file and line; what can be recovered from is a
:class:`ParseWarning` in ``result.warnings``.

Errors, because no trustworthy document can come out: empty, binary or
undecodable input; a PDF that cannot be read or has no text layer; no
resolution title nor opening formula (another kind of document); a missing
title or adopting body; a text that ends before its operative part is
complete (truncated); operative numbering that skips, repeats or goes back;
a vote whose totals differ from its lists, that lists a State twice or names
an unknown one.

Warnings, because the document stands: no opening formula; a lead missing
from the lexicon, or italics that disagree with it; a sub-paragraph out of
order; an unnumbered heading among the operative paragraphs (left out); an
annex paragraph numbered out of order (read as text); a complete text without meeting
line or adoption formula; a vote without its closing bracket or with totals
only; a header whose symbol, session, body or date disagrees with the rest; a
footnote whose marker is not found, or footnotes not numbered 1 to N each once;
page furniture (a job number, a running header) left inside a line of text; a
preambular paragraph that does not end with a comma before a lead opening the
next one after a paragraph break (read as two paragraphs, never merged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from solidarity.resolutions.parsing.document import (
    Footnote,
    OperativeParagraph,
    PreambularParagraph,
    RecordedVote,
    Reference,
    ResolutionDocument,
    Subparagraph,
    Voter,
)
from solidarity.resolutions.parsing.errors import Diagnostics, ParseError, ParseWarning
from solidarity.resolutions.parsing.pages import read_pages
from solidarity.resolutions.parsing.structure import read_document
from solidarity.resolutions.parsing.text import looks_binary

__all__ = [
    "Footnote",
    "OperativeParagraph",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "PreambularParagraph",
    "RecordedVote",
    "Reference",
    "ResolutionDocument",
    "Subparagraph",
    "Voter",
    "parse_bytes",
    "parse_file",
    "parse_pdf",
    "parse_text",
]

PDF_MAGIC = b"%PDF-"


@dataclass(slots=True)
class ParseResult:
    """The document read, and what the parser recovered from on the way."""

    document: ResolutionDocument
    warnings: list[ParseWarning] = field(default_factory=list)


def parse_text(text: str, *, source: str = "<text>") -> ParseResult:
    """Parse Markdown or plain text; line numbers in messages are lines of ``text``."""
    diagnostics = Diagnostics(source)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise diagnostics.error(None, "empty input")
    if looks_binary(text):
        raise diagnostics.error(None, "binary data, not the text of a resolution")
    document = read_document(read_pages(text), diagnostics)
    return ParseResult(document, diagnostics.warnings)


def parse_pdf(data: bytes, *, source: str = "<pdf>") -> ParseResult:
    """Parse a PDF with a text layer; line numbers are lines of the extracted text layer."""
    from solidarity.resolutions.parsing.pdf import pdf_text

    return parse_text(pdf_text(data, source=source), source=source)


def parse_file(path: str | PathLike[str]) -> ParseResult:
    """Parse a file, PDF or text, told apart by its content rather than its name."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ParseError(source, None, f"cannot read the file: {error.strerror}") from None
    return parse_bytes(data, source=source)


def parse_bytes(data: bytes, *, source: str) -> ParseResult:
    """Parse the bytes of a file: PDF by its magic number, otherwise UTF-8 text."""
    if data.lstrip()[:5] == PDF_MAGIC:
        return parse_pdf(data, source=source)
    if not data.strip():
        raise ParseError(source, None, "empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise ParseError(source, None, "binary data, not the text of a resolution")
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ParseError(
            source, None, f"not UTF-8 text (undecodable byte at offset {error.start})"
        ) from None
    return parse_text(text, source=source)

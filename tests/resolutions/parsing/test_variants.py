"""Markdown, plain text, Windows line endings and PDF of one resolution give one document."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import parse_bytes, parse_pdf, parse_text
from tests.resolutions.parsing.pdfs import typeset
from tests.resolutions.parsing.variants import plain_text, read_input, windows

CASES = [
    ("A-HRC-RES-56-4.md", "A/HRC/RES/56/4", None),
    (
        "synthetic-ga-78-999.md",
        "A/RES/78/999",
        "International solidarity in the face of global crises",
    ),
]
LATIN = str.maketrans({"\u2013": "-", "\u2019": "'"})


def _markdown(name):
    return parse_text(read_input(name), source=name)


@pytest.mark.parametrize(("name", "symbol", "title"), CASES)
@pytest.mark.parametrize("page_numbers", ["of", "plain"])
def test_plain_text_with_running_headers_gives_the_same_document(name, symbol, title, page_numbers):
    text = plain_text(read_input(name), symbol=symbol, page_numbers=page_numbers)
    assert "*" not in text and "#" not in text and "\n---" not in text
    assert f"\n{symbol}\n" in text
    result = parse_text(text, source="plain.txt")
    assert result.warnings == []
    assert result.document == _markdown(name).document


@pytest.mark.parametrize(("name", "symbol", "title"), CASES)
def test_windows_line_endings_and_a_byte_order_mark_change_nothing(name, symbol, title):
    text = windows(plain_text(read_input(name), symbol=symbol))
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    result = parse_bytes(data, source="windows.txt")
    assert result.warnings == []
    assert result.document == _markdown(name).document


@pytest.mark.parametrize(("name", "symbol", "title"), CASES)
def test_leads_read_from_plain_words_equal_the_leads_printed_in_italics(name, symbol, title):
    plain = parse_text(plain_text(read_input(name), symbol=symbol)).document
    italic = _markdown(name).document
    assert [p.lead for p in plain.preambular_paragraphs] == [
        p.lead for p in italic.preambular_paragraphs
    ]
    assert [p.lead for p in plain.operative_paragraphs] == [
        p.lead for p in italic.operative_paragraphs
    ]


@pytest.mark.parametrize(("name", "symbol", "title"), CASES)
def test_a_pdf_typeset_from_the_resolution_gives_the_same_document(name, symbol, title):
    data = typeset(read_input(name), symbol=symbol, job="GE.24-12345(E)", running_title=title)
    result = parse_pdf(data, source="typeset.pdf")
    assert result.warnings == []
    expected = _markdown(name).document.to_dict()
    for footnote in expected["footnotes"]:
        footnote["text"] = footnote["text"].translate(LATIN)
    assert result.document.to_dict() == expected

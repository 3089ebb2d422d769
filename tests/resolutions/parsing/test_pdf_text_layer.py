"""PDF input: the text layer is read with pypdfium2 and cleaned of what the pages add."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from solidarity.resolutions.parsing import ParseError, parse_bytes, parse_file, parse_pdf
from tests.resolutions.parsing.pdfs import typeset
from tests.resolutions.parsing.variants import read_input, seed_markdown


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return typeset(seed_markdown(), symbol="A/HRC/RES/56/4", job="GE.24-12345(E)")


def test_the_typeset_pdf_carries_the_furniture_the_parser_must_remove(seed_pdf):
    from solidarity.resolutions.parsing.pdf import pdf_text

    text = pdf_text(seed_pdf, source="seed.pdf")
    assert "\f" in text
    assert "GE.24-12345(E)" in text
    assert "\fA/HRC/RES/56/4\n" in text
    assert "networks;1" in text
    assert "\n1 A/HRC/56/57.\n" in text


def test_the_seed_as_pdf_gives_its_15_preambular_and_20_operative_paragraphs(seed_pdf):
    result = parse_pdf(seed_pdf, source="seed.pdf")
    document = result.document
    assert result.warnings == []
    assert len(document.preambular_paragraphs) == 15
    assert len(document.operative_paragraphs) == 20
    assert document.footnotes[0].paragraph == "op-12"
    assert "GE.24" not in " ".join(p.text for p in document.operative_paragraphs)


def test_a_footnote_block_under_a_rule_of_underscores_is_lifted_out_of_the_text(seed_pdf):
    from solidarity.resolutions.parsing.pdf import pdf_text

    data = typeset(
        seed_markdown(), symbol="A/HRC/RES/56/4", job="GE.24-12345(E)", rule="underscores"
    )
    assert "\n____________________\n1 A/HRC/56/57.\n" in pdf_text(data, source="seed.pdf")
    result = parse_pdf(data, source="seed.pdf")
    assert result.warnings == []
    assert result.document == parse_pdf(seed_pdf, source="seed.pdf").document


def test_a_pdf_file_is_recognised_by_its_content_not_its_name(seed_pdf, tmp_path):
    path = tmp_path / "resolution.txt"
    path.write_bytes(seed_pdf)
    assert parse_file(path).document.symbol == "A/HRC/RES/56/4"


def test_a_running_title_header_on_every_other_page_is_removed():
    title = "International solidarity in the face of global crises"
    data = typeset(
        read_input("synthetic-ga-78-999.md"),
        symbol="A/RES/78/999",
        job="23-26311 (E)",
        running_title=title,
    )
    document = parse_pdf(data, source="ga.pdf").document
    texts = [p.text for p in document.preambular_paragraphs + document.operative_paragraphs]
    assert not any(title in text for text in texts)
    assert document.title == title


def test_a_pdf_without_a_text_layer_is_refused_with_advice():
    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 150, style="F")
    with pytest.raises(ParseError, match="no text layer"):
        parse_pdf(bytes(scan.output()), source="scan.pdf")


def test_a_broken_pdf_is_refused():
    with pytest.raises(ParseError, match="not a readable PDF") as caught:
        parse_bytes(b"%PDF-1.7\nthis is not really a PDF\n", source="broken.pdf")
    assert str(caught.value).startswith("broken.pdf: ")

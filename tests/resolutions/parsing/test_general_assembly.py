"""General Assembly resolutions: symbol, plenary meeting, sub-paragraphs (a), (b), (i), (ii)."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import parse_file, parse_text
from tests.resolutions.parsing.variants import INPUTS


@pytest.fixture(scope="module")
def resolution():
    return parse_file(INPUTS / "synthetic-ga-78-999.md").document


def test_an_assembly_resolution_is_numbered_a_res_session_number(resolution):
    assert resolution.symbol == "A/RES/78/999"
    assert resolution.body == "GA"
    assert resolution.session == 78
    assert resolution.agenda_item == "71 (b)"
    assert resolution.meeting == "50th plenary meeting"
    assert resolution.adopted_on.isoformat() == "2023-12-19"
    assert resolution.distributed_on.isoformat() == "2023-12-28"
    assert resolution.vote is None


def test_sub_paragraphs_nest_roman_numerals_under_letters(resolution):
    paragraph = resolution.paragraph("op-2")
    assert paragraph.text == "Calls upon all States:"
    assert [sub.label for sub in paragraph.subparagraphs] == ["a", "b", "c"]
    support = paragraph.subparagraphs[1]
    assert [sub.label for sub in support.subparagraphs] == ["i", "ii"]
    assert support.subparagraphs[0].text == "Responding favourably to requests for country visits;"
    assert paragraph.subparagraphs[2].text.startswith("To integrate international solidarity")


def test_i_after_h_is_the_ninth_letter_not_a_roman_one(resolution):
    paragraph = resolution.paragraph("op-3")
    assert [sub.label for sub in paragraph.subparagraphs] == list("abcdefghij")
    assert all(sub.subparagraphs == [] for sub in paragraph.subparagraphs)


def test_the_addressees_of_a_paragraph_with_sub_paragraphs(resolution):
    assert resolution.paragraph("op-2").addressees == ["States"]
    assert resolution.paragraph("op-3").addressees == ["Member States", "United Nations agencies"]
    assert resolution.paragraph("op-9").addressees == ["Secretary-General"]


def test_its_resolution_in_an_assembly_text_is_an_assembly_resolution(resolution):
    cited = {reference.cited: reference.paragraphs for reference in resolution.references}
    assert cited["GA 76/156"] == ["pp-1", "pp-6"]
    assert cited["HRC 53/5"] == ["pp-1"]
    assert cited["70/1"] == ["pp-7"]


def _assembly(operative: str) -> str:
    return (
        "Resolution adopted by the General Assembly on 19 December 2023\n\n"
        "78/123. A resolution with sub-paragraphs\n\nThe General Assembly,\n\n"
        "Recalling its previous resolutions,\n\n"
        f"{operative}\n\n50th plenary meeting\n19 December 2023\n"
    )


def test_78_123_is_a_res_78_123():
    document = parse_text(_assembly("1. Decides to remain seized of the matter.")).document
    assert document.symbol == "A/RES/78/123"
    assert document.title == "A resolution with sub-paragraphs"


def test_i_opening_a_list_under_h_that_ends_with_a_colon_is_roman():
    letters = "\n".join(f"({c}) Item {c};" for c in "abcdefg")
    operative = (
        f"1. Requests the Secretary-General:\n{letters}\n(h) To report on:\n"
        "(i) Progress made;\n(ii) Obstacles met;\n(i) To do something else.\n"
    )
    paragraph = parse_text(_assembly(operative)).document.operative_paragraphs[0]
    assert [sub.label for sub in paragraph.subparagraphs] == list("abcdefghi")
    assert [sub.label for sub in paragraph.subparagraphs[7].subparagraphs] == ["i", "ii"]
    assert paragraph.subparagraphs[8].text == "To do something else."


def test_a_roman_list_directly_under_a_paragraph():
    operative = "1. Decides:\n(i) To act;\n(ii) To report;\n(iii) To review.\n"
    paragraph = parse_text(_assembly(operative)).document.operative_paragraphs[0]
    assert [sub.label for sub in paragraph.subparagraphs] == ["i", "ii", "iii"]


def test_a_sub_paragraph_out_of_order_is_kept_with_a_warning():
    operative = "1. Decides:\n(a) To act;\n(c) To report.\n"
    result = parse_text(_assembly(operative), source="ga.txt")
    paragraph = result.document.operative_paragraphs[0]
    assert [sub.label for sub in paragraph.subparagraphs] == ["a", "c"]
    assert [w.message for w in result.warnings] == [
        "sub-paragraph (c) of operative paragraph 1 is out of order"
    ]


def test_a_bracketed_letter_inside_a_sentence_is_not_a_sub_paragraph():
    operative = "1. Recalls paragraph 3\n(b) of its resolution 77/1 and decides to act."
    paragraph = parse_text(_assembly(operative)).document.operative_paragraphs[0]
    assert paragraph.subparagraphs == []
    assert paragraph.text == "Recalls paragraph 3 (b) of its resolution 77/1 and decides to act."

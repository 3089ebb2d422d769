"""Page breaks in PDF text layers: footnote blocks, running headers, job numbers.

The input is laid out as pdftotext gives a General Assembly resolution: each
page ends with its footnote block under a rule of underscores, and the next
page opens with its running header (job number, page number "n/m", symbol and
title). The expected structure is written from reading the input.
"""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import parse_text
from tests.resolutions.parsing.variants import line_of, replace_once

GENERAL_ASSEMBLY_TEXT_LAYER = """\
United Nations                                   A/RES/79/999
General Assembly                                 Distr.: General
                                                 20 December 2024

Seventy-ninth session
Agenda item 71 (b)

Resolution adopted by the General Assembly on 17 December 2024

79/999. Promotion of a democratic and equitable international order

The General Assembly,

Recalling the International Covenant on Civil and Political Rights,1

Reaffirming the Universal Declaration of Human Rights,

_______________
1 See resolution 2200 A (XXI), annex.

24-12345                                                                1/3
\fA/RES/79/999                 Promotion of a democratic and equitable international order

Reaffirming also the Convention on the Rights of the Child,2

Deeply concerned by the persistent inequalities,

1. Affirms that everyone is entitled to a democratic and equitable order;

2. Calls upon all States to fulfil their commitments;

3. Stresses the importance of solidarity;

4.
_______________
2 United Nations, Treaty Series, vol. 1577, No. 27531.

2/3                                                                24-12345
\fPromotion of a democratic and equitable international order    A/RES/79/999

Reiterates its call to all States;

5. Decides to continue its consideration of the question.

50th plenary meeting
17 December 2024
"""


@pytest.fixture(scope="module")
def parsed():
    return parse_text(GENERAL_ASSEMBLY_TEXT_LAYER, source="A-RES-79-999.txt")


def test_the_first_paragraph_after_a_page_s_footnotes_and_job_number_is_its_own(parsed):
    preamble = parsed.document.preambular_paragraphs
    assert [paragraph.lead for paragraph in preamble] == [
        "Recalling",
        "Reaffirming",
        "Reaffirming also",
        "Deeply concerned",
    ]
    assert preamble[1].text == "Reaffirming the Universal Declaration of Human Rights,"
    assert preamble[2].text == "Reaffirming also the Convention on the Rights of the Child,[^2]"


def test_a_paragraph_number_alone_at_the_foot_of_a_page_joins_its_text_on_the_next(parsed):
    operative = parsed.document.operative_paragraphs
    assert [paragraph.number for paragraph in operative] == [1, 2, 3, 4, 5]
    assert operative[3].text == "Reiterates its call to all States;"
    assert operative[3].lead == "Reiterates"


def test_footnotes_under_the_rule_are_attached_and_hold_no_page_furniture(parsed):
    footnotes = [(note.marker, note.paragraph, note.text) for note in parsed.document.footnotes]
    assert footnotes == [
        ("1", "pp-1", "See resolution 2200 A (XXI), annex."),
        ("2", "pp-3", "United Nations, Treaty Series, vol. 1577, No. 27531."),
    ]
    assert parsed.warnings == []


@pytest.mark.parametrize("job_number", ["24-12345", "24-12345 (E)", "GE.24-12345(E)"])
def test_a_job_number_line_between_pages_is_dropped_wherever_the_page_number_stands(job_number):
    text = GENERAL_ASSEMBLY_TEXT_LAYER.replace("24-12345", job_number)
    document = parse_text(text).document
    assert len(document.preambular_paragraphs) == 4
    assert all(job_number not in p.text for p in document.preambular_paragraphs)
    assert [paragraph.number for paragraph in document.operative_paragraphs] == [1, 2, 3, 4, 5]


def _warnings(text: str) -> list[str]:
    return [str(warning) for warning in parse_text(text, source="doc.txt").warnings]


def test_a_lead_after_a_paragraph_break_opens_a_paragraph_even_after_a_missing_comma():
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER,
        "Deeply concerned by the persistent inequalities,",
        "Deeply concerned by the persistent inequalities",
    )
    text = replace_once(
        text, "\n1. Affirms", "\nNoting with concern the widening gaps,\n\n1. Affirms"
    )
    document = parse_text(text).document
    assert [paragraph.lead for paragraph in document.preambular_paragraphs][-2:] == [
        "Deeply concerned",
        "Noting with concern",
    ]
    assert _warnings(text) == [
        f"doc.txt:{line_of(text, 'Noting with concern')}: warning: preambular paragraph 4 "
        "does not end with a comma or semicolon before 'Noting with concern the widening gaps,', "
        "read as the start of paragraph 5"
    ]


def test_a_job_number_glued_to_a_footnote_is_reported_at_its_line():
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER,
        "1 See resolution 2200 A (XXI), annex.\n\n24-12345",
        "1 See resolution 2200 A (XXI), annex. 24-12345",
    )
    assert _warnings(text) == [
        f"doc.txt:{line_of(text, '1 See resolution')}: warning: page furniture '24-12345' is "
        "left inside the text (a running header or job number glued to a line)"
    ]


def test_a_running_header_glued_to_a_paragraph_is_reported_at_its_line():
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER,
        "order\n\nReaffirming also",
        "order Reaffirming also",
    )
    line = line_of(text, "order Reaffirming also")
    assert (
        f"doc.txt:{line}: warning: page furniture 'A/RES/79/999 Promotion of a democratic and "
        "equitable international order' is left inside the text (a running header or job "
        "number glued to a line)"
    ) in _warnings(text)


def test_a_footnote_missing_from_the_numbering_is_reported_at_the_next_one():
    text = replace_once(GENERAL_ASSEMBLY_TEXT_LAYER, "Child,2", "Child,3")
    text = replace_once(text, "2 United Nations, Treaty", "3 United Nations, Treaty")
    assert _warnings(text) == [
        f"doc.txt:{line_of(text, '3 United Nations')}: warning: "
        "footnote 2 is missing before footnote 3"
    ]


def test_footnote_markers_set_apart_by_a_space_are_attached_between_their_neighbours():
    text = replace_once(GENERAL_ASSEMBLY_TEXT_LAYER, "Political Rights,1", "Political Rights, 1")
    text = replace_once(text, "the Child,2", "the Child 2 and its Optional Protocols,")
    result = parse_text(text, source="doc.txt")
    preamble = result.document.preambular_paragraphs
    assert len(preamble) == 4
    assert preamble[0].text.endswith("Civil and Political Rights,[^1]")
    assert preamble[2].text.endswith("the Child[^2] and its Optional Protocols,")
    footnotes = [(note.marker, note.paragraph) for note in result.document.footnotes]
    assert footnotes == [("1", "pp-1"), ("2", "pp-3")]
    assert result.warnings == []


def test_a_number_that_belongs_to_the_word_before_it_is_not_taken_for_a_marker():
    text = replace_once(GENERAL_ASSEMBLY_TEXT_LAYER, "the Child,2", "the Child, article 2,")
    result = parse_text(text, source="doc.txt")
    assert result.document.preambular_paragraphs[2].text.endswith("the Child, article 2,")
    assert result.document.footnotes[1].paragraph is None
    assert [str(warning) for warning in result.warnings] == [
        f"doc.txt:{line_of(text, '2 United Nations')}: warning: no marker of footnote 2 in the text"
    ]


def test_a_running_title_wrapped_over_two_lines_is_page_furniture():
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER,
        "\fA/RES/79/999                 Promotion of a democratic and equitable "
        "international order",
        "\fA/RES/79/999\n\nPromotion of a democratic and equitable\ninternational order",
    )
    result = parse_text(text)
    preamble = result.document.preambular_paragraphs
    assert preamble[1].text == "Reaffirming the Universal Declaration of Human Rights,"
    assert len(preamble) == 4
    assert result.warnings == []


def test_a_paragraph_run_on_after_the_last_footnote_of_a_page_is_not_glued_to_it():
    # A text layer that gives neither a blank line nor the next page's furniture:
    # the footnote ends with its full stop, the next page opens with a lead.
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER,
        "annex.\n\n24-12345                                                                1/3\n"
        "\fA/RES/79/999                 Promotion of a democratic and equitable international "
        "order\n\nReaffirming also",
        "annex.\nReaffirming also",
    )
    assert "1 See resolution 2200 A (XXI), annex.\nReaffirming also the Convention" in text
    result = parse_text(text, source="doc.txt")
    preamble = result.document.preambular_paragraphs
    assert [paragraph.lead for paragraph in preamble] == [
        "Recalling",
        "Reaffirming",
        "Reaffirming also",
        "Deeply concerned",
    ]
    assert preamble[2].text == "Reaffirming also the Convention on the Rights of the Child,[^2]"
    footnotes = [(note.marker, note.paragraph, note.text) for note in result.document.footnotes]
    assert footnotes == [
        ("1", "pp-1", "See resolution 2200 A (XXI), annex."),
        ("2", "pp-3", "United Nations, Treaty Series, vol. 1577, No. 27531."),
    ]
    assert result.warnings == []


@pytest.mark.parametrize(
    "note",
    [
        "See Official Records of the General Assembly, Thirty-fourth\nSession, Supplement No. 45.",
        "See the report entitled\nReaffirming Human Rights Today (A/79/1).",
    ],
)
def test_a_footnote_continued_on_its_next_line_keeps_its_words(note):
    # Only after the note's full stop does a lead open the next paragraph.
    text = replace_once(
        GENERAL_ASSEMBLY_TEXT_LAYER, "1 See resolution 2200 A (XXI), annex.", f"1 {note}"
    )
    result = parse_text(text)
    assert result.document.footnotes[0].text == note.replace("\n", " ")
    assert len(result.document.preambular_paragraphs) == 4
    assert result.warnings == []


def test_without_blank_lines_or_page_breaks_a_number_alone_still_joins_its_text():
    # As PyMuPDF gives the same pages: one line after another, no form feed, no blank line.
    text = "\n".join(
        line.strip()
        for line in GENERAL_ASSEMBLY_TEXT_LAYER.replace("\f", "\n").split("\n")
        if line.strip()
    )
    assert "\n4.\n_______________\n2 United Nations" in text
    result = parse_text(text, source="doc.txt")
    operative = result.document.operative_paragraphs
    assert [paragraph.number for paragraph in operative] == [1, 2, 3, 4, 5]
    assert operative[3].text == "Reiterates its call to all States;"
    assert len(result.document.preambular_paragraphs) == 4
    assert result.warnings == []


def test_re_flowed_a_number_alone_before_the_page_s_footnotes_still_joins_its_text():
    # Re-flowed: the rule, the form feeds and the running headers gone, the footnotes
    # left where the page ended, between "4." and "Reiterates".
    lines = GENERAL_ASSEMBLY_TEXT_LAYER.replace("\f", "").split("\n")
    text = "\n".join(
        line.strip()
        for line in lines
        if not line.startswith(("_____", "24-12345", "2/3", "A/RES/79/999", "Promotion"))
    )
    assert "\n3. Stresses the importance of solidarity;\n\n4.\n2 United Nations" in text
    assert "No. 27531.\n\n\nReiterates its call" in text
    result = parse_text(text, source="doc.txt")
    operative = result.document.operative_paragraphs
    assert [paragraph.number for paragraph in operative] == [1, 2, 3, 4, 5]
    assert operative[3].text == "Reiterates its call to all States;"
    assert [note.text for note in result.document.footnotes] == [
        "See resolution 2200 A (XXI), annex.",
        "United Nations, Treaty Series, vol. 1577, No. 27531.",
    ]
    assert result.warnings == []


def test_an_operative_paragraph_run_on_after_the_last_footnote_of_a_page_is_its_own():
    start = GENERAL_ASSEMBLY_TEXT_LAYER.index("4.\n_______________")
    end = GENERAL_ASSEMBLY_TEXT_LAYER.index("5. Decides")
    text = (
        GENERAL_ASSEMBLY_TEXT_LAYER[:start]
        + "4. Reiterates its call to all States;\n_______________\n"
        + "2 United Nations, Treaty Series, vol. 1577, No. 27531.\n"
        + GENERAL_ASSEMBLY_TEXT_LAYER[end:]
    )
    assert "No. 27531.\n5. Decides to continue" in text
    result = parse_text(text, source="doc.txt")
    operative = result.document.operative_paragraphs
    assert [paragraph.number for paragraph in operative] == [1, 2, 3, 4, 5]
    assert operative[4].text == "Decides to continue its consideration of the question."
    assert result.document.footnotes[1].text == (
        "United Nations, Treaty Series, vol. 1577, No. 27531."
    )
    assert result.warnings == []

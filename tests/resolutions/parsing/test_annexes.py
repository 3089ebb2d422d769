"""Annexes are part of the resolution: a researcher cites "paragraph 13 of the annex".

The General Assembly adopts declarations by annexing them: A/RES/80/3 endorses the
Awaza Political Declaration printed in its annex, A/RES/80/9 adopts a political
declaration of 31 paragraphs in one unnumbered paragraph. What is asserted here
was read in the documents (tests/resolutions/corpus/).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from solidarity.resolutions.corpus import compare
from solidarity.resolutions.parsing import ResolutionDocument, parse_file, parse_text
from solidarity.resolutions.parsing.document import AnnexHeading, AnnexParagraph

CORPUS = Path(__file__).parents[1] / "corpus"
SCHEMA = json.loads(
    (Path(__file__).parents[3] / "solidarity" / "resolutions" / "resolution.schema.json").read_text(
        "utf-8"
    )
)


@pytest.fixture(scope="module")
def awaza():
    return parse_file(CORPUS / "A_RES_80_3.txt").document


@pytest.fixture(scope="module")
def trafficking():
    return parse_file(CORPUS / "A_RES_80_9.txt").document


def test_the_awaza_declaration_is_kept_as_the_annex_of_80_3(awaza):
    assert len(awaza.operative_paragraphs) == 2
    [annex] = awaza.annexes
    assert annex.heading == "Annex"
    assert annex.title == "Awaza Political Declaration"
    assert [p.number for p in annex.paragraphs] == list(range(1, 26))
    assert annex.paragraphs[0].text.startswith("We, the Heads of State and Government")
    assert annex.paragraphs[-1].text.endswith("in the spirit of global cooperation and solidarity.")


def test_the_headings_of_the_declaration_stand_between_its_paragraphs(awaza):
    [annex] = awaza.annexes
    headings = [
        (item.number, item.text, annex.content[at + 1].number)
        for at, item in enumerate(annex.content)
        if isinstance(item, AnnexHeading)
    ]
    assert headings == [
        ("I", "Global context and shared commitments", 3),
        (
            "II",
            "Implementation of the Awaza Programme of Action for Landlocked Developing "
            "Countries for the Decade 2024–2034",
            13,
        ),
        ("", "Partnerships and support mechanisms", 17),
        ("", "Governance, accountability and monitoring", 20),
        ("III", "Conclusion and call to action", 23),
    ]


def test_paragraph_13_of_the_declaration_lists_five_priority_areas(awaza):
    paragraph = awaza.paragraph("annex-1-para-13")
    assert isinstance(paragraph, AnnexParagraph)
    assert paragraph.text.endswith("five mutually reinforcing priority areas:")
    assert [sub.label for sub in paragraph.subparagraphs] == ["a", "b", "c", "d", "e"]
    assert paragraph.subparagraphs[4].text == "Means of implementation."


def test_footnotes_of_the_annex_belong_to_the_annex_paragraph_carrying_them(awaza):
    by_marker = {note.marker: note for note in awaza.footnotes}
    assert by_marker["1"].paragraph == "annex-1-para-2"
    assert by_marker["1"].text == "Resolution 79/233, annex; see also resolution 79/279."
    assert by_marker["4"].paragraph == "annex-1-para-5"
    assert "2024,[^1] which builds" in awaza.paragraph("annex-1-para-2").text


def test_80_9_adopts_its_declaration_in_one_unnumbered_operative_paragraph(trafficking):
    assert trafficking.preambular_paragraphs == []
    [adopts] = trafficking.operative_paragraphs
    assert (adopts.number, adopts.anchor, adopts.lead) == (1, "op-1", "Adopts")
    assert adopts.text.endswith("annexed to the present resolution.")
    assert trafficking.meeting == "48th plenary meeting"


def test_the_31_paragraphs_of_80_9_are_the_annexs_not_the_resolutions(trafficking):
    [annex] = trafficking.annexes
    assert annex.title == (
        "2025 Political Declaration on the Implementation of the United Nations Global "
        "Plan of Action to Combat Trafficking in Persons"
    )
    assert [p.number for p in annex.paragraphs] == list(range(1, 32))
    assert [sub.label for sub in annex.paragraphs[17].subparagraphs] == list("abcdef")
    assert trafficking.footnotes[0].paragraph == "annex-1-para-1"


@pytest.mark.parametrize("name", ["A_RES_80_3", "A_RES_80_9"])
def test_annexes_in_the_json_follow_the_schema_and_read_back_without_loss(name):
    document = parse_file(CORPUS / f"{name}.txt").document
    data = json.loads(json.dumps(document.to_dict()))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert ResolutionDocument.from_dict(data) == document
    assert ResolutionDocument.from_dict(data).to_dict() == data


def test_a_resolution_without_annexes_keeps_the_json_it_had():
    data = parse_file(CORPUS / "A_RES_80_1.txt").document.to_dict()
    assert "annexes" not in data


TWO_ANNEXES = """\
Resolution adopted by the Human Rights Council on 10 July 2024

57/998. Good practices

The Human Rights Council,

Recalling its resolution 56/4,

1. Adopts the guidelines contained in annex I and the form in annex II to the present resolution.

34th meeting
10 July 2024
[Adopted without a vote.]

Annex I
Guidelines

Practices are submitted by States.

Each practice describes its level,[^1] theme and modality.

A. Who submits
1. States submit practices.
2. Organizations submit them through a State.

Annex II
Form
1. Name of the practice.

[^1]: Local, national or regional.
"""


def test_annexes_numbered_in_roman_keep_their_unnumbered_paragraphs_apart():
    result = parse_text(TWO_ANNEXES)
    assert [str(w) for w in result.warnings] == []
    first, second = result.document.annexes
    assert (first.heading, first.title, second.heading, second.title) == (
        "Annex I",
        "Guidelines",
        "Annex II",
        "Form",
    )
    assert [item.to_dict() for item in first.content] == [
        {
            "kind": "paragraph",
            "number": None,
            "text": "Practices are submitted by States.",
            "subparagraphs": [],
        },
        {
            "kind": "paragraph",
            "number": None,
            "text": "Each practice describes its level,[^1] theme and modality.",
            "subparagraphs": [],
        },
        {"kind": "heading", "number": "A", "text": "Who submits"},
        {"kind": "paragraph", "number": 1, "text": "States submit practices.", "subparagraphs": []},
        {
            "kind": "paragraph",
            "number": 2,
            "text": "Organizations submit them through a State.",
            "subparagraphs": [],
        },
    ]
    assert first.content_anchors(1) == [
        "annex-1-text-1",
        "annex-1-text-2",
        "annex-1-heading-1",
        "annex-1-para-1",
        "annex-1-para-2",
    ]
    assert [p.text for p in second.paragraphs] == ["Name of the practice."]
    assert result.document.footnotes[0].paragraph == "annex-1-text-2"


def test_the_corpus_check_counts_annexes_and_their_paragraphs(awaza):
    facts = json.loads((CORPUS / "A_RES_80_3.facts.json").read_text("utf-8"))
    assert compare(awaza, facts) == []
    assert compare(awaza, {**facts, "annexes": 0}) == ["annexes: 1 read, 0 printed"]
    assert compare(awaza, {**facts, "annex_paragraph_counts": [24]}) == [
        "numbered paragraphs of the annexes: [25] read, [24] printed"
    ]

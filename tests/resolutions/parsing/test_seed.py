"""Resolution 56/4, as converted from the UN PDF to Markdown, reads as the Council adopted it."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import parse_file
from tests.resolutions.parsing.variants import SEED


@pytest.fixture(scope="module")
def resolution():
    result = parse_file(SEED)
    assert result.warnings == []
    return result.document


def test_the_header_gives_symbol_body_session_agenda_item_title_and_dates(resolution):
    assert resolution.symbol == "A/HRC/RES/56/4"
    assert resolution.body == "HRC"
    assert resolution.session == 56
    assert resolution.agenda_item == "3"
    assert resolution.title == "Human rights and international solidarity"
    assert resolution.adopted_on.isoformat() == "2024-07-10"
    assert resolution.distributed_on.isoformat() == "2024-07-11"
    assert resolution.meeting == "34th meeting"


def test_the_general_assembly_masthead_is_not_taken_for_the_adopting_body(resolution):
    assert resolution.body == "HRC"
    assert not resolution.symbol.startswith("A/RES/")


def test_56_4_has_15_preambular_and_20_operative_paragraphs(resolution):
    assert [p.index for p in resolution.preambular_paragraphs] == list(range(1, 16))
    assert [p.number for p in resolution.operative_paragraphs] == list(range(1, 21))


def test_the_preambular_paragraph_split_by_a_page_break_is_whole(resolution):
    mindful = resolution.paragraph("pp-7")
    assert mindful.lead == "Mindful"
    assert "environmental risks, that demand increased coordination and collective" in mindful.text
    assert mindful.text.endswith("decision-making at the global level,")


def test_operative_paragraph_18_runs_on_across_the_footnote_printed_inside_it(resolution):
    paragraph = resolution.paragraph("op-18")
    assert "ministerial meetings in the economic, social and climate fields" in paragraph.text
    assert "A/HRC/56/57" not in paragraph.text
    assert paragraph.text.endswith("in the discharge of her mandate;")
    assert resolution.paragraph("op-19").text.startswith("Requests the Independent Expert")


def test_footnote_1_keeps_its_marker_and_is_attached_to_operative_paragraph_12(resolution):
    [footnote] = resolution.footnotes
    assert (footnote.marker, footnote.text, footnote.paragraph) == ("1", "A/HRC/56/57.", "op-12")
    assert resolution.paragraph("op-12").text.endswith("regional networks;[^1]")


def test_the_report_in_the_footnote_is_the_one_reference(resolution):
    assert [r.to_dict() for r in resolution.references] == [
        {"kind": "document", "cited": "A/HRC/56/57", "paragraphs": ["fn-1"]}
    ]


def test_the_preambular_leads_are_the_words_printed_in_italics(resolution):
    assert [p.lead for p in resolution.preambular_paragraphs] == [
        "Reaffirming",
        "Underlining",
        "Recalling",
        "Reaffirming",
        "Recognizing",
        "Reaffirming",
        "Mindful",
        "Reaffirming",
        "Emphasizing",
        "Affirming",
        "Determined",
        "Recognizing",
        "Emphasizing",
        "Asserting",
        "Resolved",
    ]


def test_the_operative_leads_keep_their_adverbs(resolution):
    leads = {p.number: p.lead for p in resolution.operative_paragraphs}
    assert leads[2] == "Also reaffirms"
    assert leads[12] == "Takes note"
    assert leads[16] == "Further requests"
    assert leads[18] == "Reiterates"
    assert leads[20] == "Decides"


@pytest.mark.parametrize(
    ("anchor", "asked"),
    [
        ("op-1", []),
        ("op-7", []),
        ("op-11", ["States"]),
        ("op-12", []),
        (
            "op-13",
            [
                "States",
                "United Nations agencies",
                "international organizations",
                "non-governmental organizations",
            ],
        ),
        (
            "op-14",
            [
                "Independent Expert",
                "Member States",
                "international organizations",
                "United Nations agencies",
            ],
        ),
        ("op-15", ["Independent Expert"]),
        ("op-16", ["Independent Expert"]),
        ("op-17", ["Secretary-General", "High Commissioner"]),
        ("op-18", ["Independent Expert"]),
        ("op-19", ["Independent Expert"]),
        ("op-20", []),
    ],
)
def test_each_operative_paragraph_names_whom_it_asks_to_act(resolution, anchor, asked):
    assert resolution.paragraph(anchor).addressees == asked


def test_the_vote_of_56_4_resolves_all_47_countries(resolution):
    vote = resolution.vote
    assert (vote.yes, vote.no, vote.abstain) == (29, 14, 4)
    voters = vote.in_favour + vote.against + vote.abstaining
    assert len(voters) == 47
    assert len({voter.iso3 for voter in voters}) == 47
    codes = {voter.name: voter.iso3 for voter in voters}
    assert codes["Netherlands (Kingdom of the)"] == "NLD"
    assert codes["Côte d'Ivoire"] == "CIV"
    assert codes["Viet Nam"] == "VNM"
    assert [voter.name for voter in vote.abstaining] == [
        "Argentina",
        "Chile",
        "Costa Rica",
        "Morocco",
    ]
    assert vote.against[-1].iso3 == "USA"


def test_no_markdown_or_page_furniture_is_left_in_any_text(resolution):
    texts = [p.text for p in resolution.preambular_paragraphs]
    texts += [p.text for p in resolution.operative_paragraphs]
    for text in texts:
        assert "*" not in text
        assert "<sup>" not in text
        assert "---" not in text
        assert "  " not in text
        assert text == text.strip()

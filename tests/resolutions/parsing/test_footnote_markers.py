"""Footnote markers as the text layers of real resolutions print them.

A PDF's text layer loses the superscript: the marker is glued to the word
before it ("Court,5"), set apart by spaces ("Political Rights, 1 the next"), or
left after a year ("2013, 9 in which"). The footnotes of a page are known and in
order, so a marker set apart is attached where it is the only number of its
kind between the markers placed before and after it; a count ("of 15 fellows")
or a number a word takes ("paragraphs 3, 4 and") is never one. Each text below
is a line of a resolution in tests/resolutions/corpus, and where its footnote
belongs was read in the document.
"""

from __future__ import annotations

from pathlib import Path

from solidarity.resolutions.parsing import parse_file, parse_text
from solidarity.resolutions.parsing.footnotes import marker_in, place_markers


def test_a_marker_after_a_closing_quote_and_a_comma_is_attached():
    # A/RES/80/8, preambular paragraph 18: footnotes 4 and 5 in one paragraph.
    text = (
        "Recalling article 31 of the Convention on the Rights of the Child, 4 which outlines "
        "the right of the child to engage in play and recreational activities, and the outcome "
        "document of the twenty-seventh special session of the General Assembly on children, "
        "entitled “A world fit for children”, 5 which stresses the promotion of physical, "
        "mental and emotional health through play and sports,"
    )
    texts, found = place_markers([text], ["4", "5"])
    assert found == [0, 0]
    assert "Rights of the Child,[^4] which" in texts[0]
    assert "“A world fit for children”,[^5] which" in texts[0]


def test_a_marker_after_a_year_or_a_period_of_years_is_attached():
    # A/RES/80/6, operative paragraphs 1 to 3 (footnotes 4 and 5) and 22 (footnote 9).
    paragraphs = [
        "Welcomes the report of the International Criminal Court for 2024/25; 4",
        "Also welcomes the States that have become Parties to the Rome Statute of the "
        "International Criminal Court, and calls upon all States in all regions of the world "
        "that are not yet Parties to the Rome Statute to consider ratifying, accepting, "
        "approving or acceding to it without delay;",
        "Further welcomes the States Parties as well as States not Parties to the Rome Statute "
        "that are Parties to the Agreement on the Privileges and Immunities of the "
        "International Criminal Court,5 and calls upon all States that have not yet done so "
        "to consider becoming Parties to that Agreement;",
        "Continues to welcome the statement by the President of the Security Council of "
        "12 February 2013, 9 in which the Council reiterated its previous call regarding the "
        "importance of State cooperation with the International Criminal Court,",
    ]
    texts, found = place_markers(paragraphs, ["4", "5", "9"])
    assert found == [0, 2, 3]
    assert texts[0].endswith("for 2024/25;[^4]")
    assert "12 February 2013,[^9] in which" in texts[3]


def test_a_marker_before_a_year_in_a_list_of_years_is_attached():
    # A/RES/80/28, preambular paragraph 3: "for 2021, 1 2022,2 20233 and 2024,4".
    text = (
        "Welcoming the consolidated reports of the Secretary-General on the Register, which "
        "include the returns of Member States for 2021, 1 2022,2 20233 and 2024,4"
    )
    texts, found = place_markers([text], ["1", "2", "3", "4"])
    assert found == [0, 0, 0, 0]
    assert texts[0].endswith("for 2021,[^1] 2022,[^2] 2023[^3] and 2024,[^4]")


def test_a_count_is_not_taken_for_the_marker_set_apart_later_in_the_text():
    # A/RES/80/43, operative paragraphs 9 and 13: "of 15 fellows" is a count;
    # footnote 15 is marked after "institutions,".
    paragraphs = [
        "Recalls its decision to establish a new standing dedicated fellowship training "
        "programme on through-life conventional ammunition management in order to strengthen "
        "the technical and practical knowledge, with the participation of 15 fellows from "
        "States in each course, with a view to promoting",
        "Encourages States, as appropriate, to consider through-life conventional ammunition "
        "management as an intrinsic part of their actions for achieving relevant targets of "
        "the Sustainable Development Goals related to the reduction of illicit arms flows and "
        "the prevention of violence through strengthened national institutions, 15 and to "
        "consider, where relevant, developing national, regional and subregional indicators",
    ]
    texts, found = place_markers(paragraphs, ["15"])
    assert found == [1]
    assert "participation of 15 fellows" in texts[0]
    assert "national institutions,[^15] and to consider" in texts[1]


def test_a_name_that_ends_with_a_word_a_number_may_follow_still_takes_its_marker():
    # A/RES/80/3, annex, paragraph 8: "the Addis Ababa Action Agenda, 13" (footnote 13),
    # and paragraph 2, "Developing Countries 2 and" (footnote 2); the marker search works
    # on the text of an annex as on the resolution's own paragraphs.
    annex = [
        "We welcome the Awaza Programme of Action for Landlocked Developing Countries for the "
        "Decade 2024–2034 adopted by the General Assembly on 24 December 2024,1 which builds on "
        "the progress achieved under the Almaty Programme of Action: Addressing the Special "
        "Needs of Landlocked Developing Countries within a New Global Framework for Transit "
        "Transport Cooperation for Landlocked and Transit Developing Countries 2 and the Vienna "
        "Programme of Action for Landlocked Developing Countries for the Decade 2014–20243 and "
        "provides a renewed and action-oriented framework",
        "financing for development framework, building on the Addis Ababa Action Agenda, 13 "
        "the Sevilla Commitment",
    ]
    texts, found = place_markers(annex, ["1", "2", "3", "13"])
    assert found == [0, 0, 0, 1]
    assert "Developing Countries[^2] and the Vienna" in texts[0]
    assert "Decade 2014–2024[^3] and" in texts[0]
    assert "Action Agenda,[^13] the Sevilla" in texts[1]


def test_a_marker_glued_to_the_word_after_it_or_between_two_sentences_is_attached():
    # A/RES/80/46, operative paragraph 2 ("States Parties, 8and welcomes": footnote 8),
    # and A/RES/80/9, annex, paragraph 19 ("the Paris Principles. 13 We will": footnote 13).
    paragraphs = [
        "Recalls the political declaration for the next decade of the Treaty, introduced by "
        "the United Kingdom of Great Britain and Northern Ireland and endorsed by the relevant "
        "States Parties, 8and welcomes the adoption",
        "as well as national human rights institutions where they exist, in compliance with "
        "the Paris Principles. 13 We will promote multi-stakeholder partnerships",
    ]
    texts, found = place_markers(paragraphs, ["8", "13"])
    assert found == [0, 1]
    assert texts[0].endswith("the relevant States Parties,[^8] and welcomes the adoption")
    assert "the Paris Principles.[^13] We will promote" in texts[1]


def test_numbers_a_word_takes_are_never_markers():
    paragraphs = [
        "Recalling paragraphs 3, 4 and 5 of its resolution 79/1, and the outcome of the "
        "United Nations Conference on Environment and Development, in particular Agenda 21 and "
        "the Rio Declaration,",
        "Taking note of the report (A/80/534, para. 7) and of the 8th session of the Conference. "
        "Treaty Series, vol. 9 and",
    ]
    texts, found = place_markers(paragraphs, ["4", "7", "8", "9", "21"])
    assert found == [None, None, None, None, None]
    assert texts == paragraphs


def test_a_marker_set_apart_twice_between_its_neighbours_is_left_unattached():
    # Two numbers that could both be footnote 2 between footnotes 1 and 3: neither is taken.
    paragraphs = [
        "Recalling the International Covenant on Civil and Political Rights,1",
        "Recalling also the Convention on the Rights of the Child 2 and the Convention on the "
        "Rights of Persons with Disabilities 2 and its Optional Protocol,",
        "Welcoming the Sustainable Development Goals,3",
    ]
    texts, found = place_markers(paragraphs, ["1", "2", "3"])
    assert found == [0, None, 2]
    assert texts[1] == paragraphs[1]


def test_a_markdown_conversion_that_marks_some_footnotes_still_finds_the_bare_others():
    # A/RES/80/21: "report[^6]" converted, "States 4" and "20288" left as printed.
    paragraphs = [
        "Recognizing the importance of the agreements between States 4 and the report of 2028",
        "Taking note of the report[^6] of the Conference,",
        "Noting the reports submitted in 20288 by the Secretary-General,",
    ]
    texts, found = place_markers(paragraphs, ["4", "6", "8"])
    assert found == [0, 1, 2]
    assert "between States[^4] and" in texts[0]
    assert "submitted in 2028[^8] by" in texts[2]


def test_a_marker_set_apart_tells_that_a_line_of_digits_below_is_its_footnote():
    # A/RES/80/27, line 23, then "1 Resolution S-10/2." two lines below: a footnote,
    # because its marker was seen; "4" in "paragraphs 3, 4 and" is no marker.
    line = (
        "Noting that essential guidelines for progress towards general and complete "
        "disarmament were adopted at the tenth special session of the General Assembly, 1"
    )
    assert marker_in(line, "1") is not None
    assert marker_in("Recalling paragraphs 3, 4 and 5 of its resolution 79/1,", "4") is None


CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_a_footnote_whose_marker_is_set_apart_is_read_as_a_footnote_not_as_text():
    # A/RES/80/27: the note "1 Resolution S-10/2." stands between preambular paragraphs
    # 4 and 5, its marker set apart ("of the General Assembly, 1"); note 2 follows the
    # meeting line, its marker glued ("substantive session,2").
    result = parse_file(CORPUS / "A_RES_80_27.txt")
    document = result.document
    assert result.warnings == []
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "pp-4", "Resolution S-10/2."),
        (
            "2",
            "pp-5",
            "Official Records of the General Assembly, Forty-eighth Session, Supplement No. 42 "
            "(A/48/42), annex II.",
        ),
    ]
    assert len(document.preambular_paragraphs) == 9
    assert document.preambular_paragraphs[3].text.endswith("of the General Assembly,[^1]")
    assert document.meeting == "52nd plenary meeting"
    assert document.operative_paragraphs[4].lead == "Supports and encourages"


AMBIGUOUS = "\n".join(
    [
        "Resolution adopted by the General Assembly on 4 December 2025",
        "",
        "80/999. Footnote markers",
        "",
        "The General Assembly,",
        "",
        "Recalling the International Covenant on Civil and Political Rights,1",
        "",
        "Recalling also the Convention on the Rights of the Child 2 and the Convention",
        "on the Rights of Persons with Disabilities 2 and its Optional Protocol,",
        "",
        "1. Decides to remain seized of the matter.",
        "",
        "52nd plenary meeting",
        "4 December 2025",
        "",
        "_______________",
        "1 Resolution 2200 A (XXI), annex.",
        "2 United Nations, Treaty Series, vol. 1577, No. 27531.",
        "",
    ]
)


def test_a_marker_that_cannot_be_told_apart_is_warned_about_at_its_footnote_naming_the_places():
    result = parse_text(AMBIGUOUS, source="markers.txt")
    assert [(note.marker, note.paragraph) for note in result.document.footnotes] == [
        ("1", "pp-1"),
        ("2", None),
    ]
    assert [str(warning) for warning in result.warnings] == [
        "markers.txt:19: warning: the marker of footnote 2 is not told apart: its number "
        "stands set apart more than once between the footnotes before and after it (in pp-2); "
        "attached to none"
    ]


def test_a_number_in_a_paragraph_begun_after_the_note_is_not_its_marker():
    # A/RES/80/8: preambular paragraph 18 (line 155) sets footnote 4's marker apart,
    # "the Child, 4 which", and note 4 is printed under it at the foot of the page (line
    # 194). Had the note been printed on an earlier page, with its marker lost there, the
    # same words in a paragraph begun after the note could not hold its marker.
    earlier = (
        "Recalling the Universal Declaration of Human Rights, the International Covenant on "
        "Economic, Social and Cultural Rights and the International Covenant on Civil and "
        "Political Rights,"
    )
    later = (
        "Recalling article 31 of the Convention on the Rights of the Child, 4 which outlines "
        "the right of the child to engage in play and recreational activities,"
    )
    texts, found = place_markers([earlier, later], ["4"], begun=[2])
    assert found == [1]
    assert "the Child,[^4] which" in texts[1]
    texts, found = place_markers([earlier, later], ["4"], begun=[1])
    assert found == [None]
    assert texts == [earlier, later]
    # Glued to its word, as most markers are: "the Child4 which".
    glued = later.replace("Child, 4 which", "Child,4 which")
    assert place_markers([earlier, glued], ["4"], begun=[2])[1] == [1]
    assert place_markers([earlier, glued], ["4"], begun=[1])[1] == [None]

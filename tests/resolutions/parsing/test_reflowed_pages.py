"""Re-flowed text layers: one paragraph a line, each page's footnotes left where it ended.

The documents are General Assembly resolutions of the corpus
(tests/resolutions/corpus/), as another extractor gave them: the page breaks
are gone, but the footnotes and running headers of each page stand between
the paragraphs, sometimes in the middle of one, and the meeting line and its
date share a line ("52nd plenary meeting 1 December 2025"). The expected
texts are written from reading the documents.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from solidarity.resolutions.parsing import parse_file, parse_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _parse(name: str):
    return parse_file(CORPUS / name)


def _paragraph_texts(document) -> list[str]:
    texts = [paragraph.text for paragraph in document.preambular_paragraphs]
    for paragraph in document.operative_paragraphs:
        texts.append(paragraph.text)
        texts.extend(sub.text for sub in paragraph.subparagraphs)
    return texts


def test_a_meeting_line_with_its_date_on_one_line_closes_the_resolution():
    # A/RES/80/14 ends: "8. Decides ... Treaty”." / "52nd plenary meeting 1 December 2025"
    # / "4 See A/50/426, annex." / "5 United Nations, Treaty Series, vol. 729, No. 10485."
    result = _parse("A_RES_80_14.txt")
    document = result.document
    assert document.meeting == "52nd plenary meeting"
    assert document.adopted_on == datetime.date(2025, 12, 1)
    assert [paragraph.number for paragraph in document.operative_paragraphs] == list(range(1, 9))
    assert document.operative_paragraphs[-1].text == (
        "Decides to include in the provisional agenda of its eighty-first session the item "
        "entitled “African Nuclear-Weapon-Free Zone Treaty”."
    )
    assert [note.text for note in document.footnotes][3:] == [
        "See A/50/426, annex.",
        "United Nations, Treaty Series, vol. 729, No. 10485.",
    ]
    assert result.warnings == []


def test_the_paragraph_after_a_page_s_footnotes_and_running_header_is_its_own():
    # A/RES/80/13: "Noting the initiatives ... Indian Ocean area," / "1 Official Records
    # ..." / "2 A/57/759-S/2003/332, annex I." / "Implementation of the Declaration of the
    # Indian Ocean as a Zone of Peace" (the running header) / "Convinced that the ...";
    # footnote 3 comes after the meeting line.
    result = _parse("A_RES_80_13.txt")
    document = result.document
    assert [paragraph.lead for paragraph in document.preambular_paragraphs] == [
        "Recalling",
        "Recalling also",
        "Recalling further",
        "Emphasizing",
        "Noting",
        "Convinced",
        "Considering",
        "Having considered",
    ]
    noting, convinced = document.preambular_paragraphs[4:6]
    assert noting.text.endswith(
        "and the possible contribution of such initiatives to overall objectives of a zone of "
        "peace,"
    )
    assert convinced.text.startswith(
        "Convinced that the participation of all permanent members of the Security Council"
    )
    assert [note.text for note in document.footnotes] == [
        "Official Records of the General Assembly, Thirty-fourth Session, Supplement No. 45 "
        "and corrigendum (A/34/45 and A/34/45/Corr.1).",
        "A/57/759-S/2003/332, annex I.",
        "Official Records of the General Assembly, Eightieth Session, Supplement No. 29 (A/80/29).",
    ]
    assert document.meeting == "52nd plenary meeting"
    assert document.adopted_on == datetime.date(2025, 12, 1)
    assert result.warnings == []


def test_a_block_of_footnotes_whose_markers_are_set_apart_is_lifted_out_of_the_paragraph():
    # A/RES/80/28: "...the “Seven-Plus-One”" / "1 A/77/165." ... "5 See A/80/121." /
    # "formula and the description provided by the 2022 Group 6 to provide ..."; the
    # marker of footnote 1 stands apart before a year ("for 2021, 1 2022,2").
    document = _parse("A_RES_80_28.txt").document
    assert [note.marker for note in document.footnotes] == [str(n) for n in range(1, 10)]
    assert [note.text for note in document.footnotes][:5] == [
        "A/77/165.",
        "A/78/165.",
        "A/79/216.",
        "A/80/226.",
        "See A/80/121.",
    ]
    welcoming_also = document.preambular_paragraphs[3]
    assert welcoming_also.text.startswith("Welcoming also the 2025 report of the Secretary-General")
    assert "continue to use the “Seven-Plus-One” formula and the description" in (
        welcoming_also.text
    )
    assert len(document.preambular_paragraphs) == 10
    for text in _paragraph_texts(document):
        assert "A/77/165" not in text and "A/80/121." not in text
        assert "Treaty Series" not in text


def test_the_page_resumed_after_a_footnote_block_in_the_operative_part_joins_its_paragraph():
    # A/RES/80/28, operative paragraph 5, cut after "military holdings to the" by
    # footnotes 6 to 9, resumes "Register in addition to information on imports ...".
    result = _parse("A_RES_80_28.txt")
    document = result.document
    fifth = document.operative_paragraphs[4]
    assert fifth.text == (
        "Calls upon Member States in a position to do so to voluntarily provide information "
        "on procurement through national production and military holdings to the Register in "
        "addition to information on imports and exports of conventional arms, using the online "
        "reporting tool or standardized reporting forms for reporting on procurement through "
        "national production and military holdings;"
    )
    assert [paragraph.number for paragraph in document.operative_paragraphs] == list(range(1, 13))
    assert not any("heading" in str(warning) for warning in result.warnings)


def test_a_footnote_block_after_a_rule_in_the_preamble_is_not_glued_to_the_paragraph():
    # A/RES/80/18: "...acceptable to all," / "---" / "1 Resolution S-10/2." ... "7 See
    # A/57/759-S/2003/332, annex I." / "Taking note of Security Council resolution 984 ..."
    document = _parse("A_RES_80_18.txt").document
    preamble = document.preambular_paragraphs
    assert len(preamble) == 18
    assert preamble[15].text.endswith(
        "as well as the difficulties pointed out in evolving a common approach acceptable to all,"
    )
    assert preamble[16].text == (
        "Taking note of Security Council resolution 984 (1995) of 11 April 1995 and the views "
        "expressed on it,"
    )
    assert document.footnotes[0].text == "Resolution S-10/2."
    assert document.footnotes[-1].text == "See A/57/759-S/2003/332, annex I."
    assert len(document.footnotes) == 7


def test_a_note_whose_text_opens_with_a_number_stays_a_note():
    # A/RES/80/31: "4 2010 Review Conference of the Parties to the Treaty ..." between
    # preambular paragraphs, and notes 10 to 12 between operative paragraphs 9 and 10.
    document = _parse("A_RES_80_31.txt").document
    assert [note.marker for note in document.footnotes] == [str(n) for n in range(1, 13)]
    assert document.footnotes[3].text == (
        "2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of "
        "Nuclear Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), "
        "NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))."
    )
    assert document.footnotes[9].text == "Ibid., vol. 1833, No. 31363."
    assert document.preambular_paragraphs[4].text.endswith(
        "in particular in the field of nuclear weapons and other weapons of mass destruction, "
        "with a view to strengthening international peace and security, in accordance with the "
        "purposes and principles of the Charter of the United Nations,"
    )
    assert [paragraph.number for paragraph in document.operative_paragraphs] == list(range(1, 11))
    for text in _paragraph_texts(document):
        assert (
            "Review Conference of the Parties to the Treaty on the Non-Proliferation of "
            "Nuclear Weapons, Final Document, vols." not in text
        )
        assert "Ibid." not in text


MINIMAL = """\
General Assembly Distr.: General 3 December 2025

Resolution adopted by the General Assembly on 1 December 2025

80/99. A re-flowed resolution

The General Assembly,

Recalling its resolution 79/99 of 2 December 2024, adopted on

{resumed}

Noting the report of the Secretary-General,

1. Decides to remain seized of the matter.

52nd plenary meeting 1 December 2025
"""


def test_a_paragraph_resumed_with_a_number_after_a_blank_line_is_not_taken_for_a_footnote():
    text = MINIMAL.format(resumed="1 January 2025 by consensus,")
    result = parse_text(text, source="doc.txt")
    preamble = result.document.preambular_paragraphs
    assert preamble[0].text == (
        "Recalling its resolution 79/99 of 2 December 2024, adopted on 1 January 2025 by consensus,"
    )
    assert result.document.footnotes == []
    assert len(preamble) == 2


def test_notes_whose_markers_were_lost_are_still_lifted_out_and_each_reported():
    # A/RES/80/28 as an extractor that dropped the superscript digits would give it.
    text = (CORPUS / "A_RES_80_28.txt").read_text(encoding="utf-8")
    text = text.replace("for 2021, 1 2022,2 20233 and 2024,4", "for 2021, 2022, 2023 and 2024,")
    text = text.replace("governmental experts,5 including", "governmental experts, including")
    assert "\n\n1 A/77/165.\n\n2 A/78/165.\n" in text
    result = parse_text(text, source="doc.txt")
    document = result.document
    assert [note.text for note in document.footnotes][:5] == [
        "A/77/165.",
        "A/78/165.",
        "A/79/216.",
        "A/80/226.",
        "See A/80/121.",
    ]
    assert [note.paragraph for note in document.footnotes][:5] == [None] * 5
    assert len(document.preambular_paragraphs) == 10
    assert "the “Seven-Plus-One” formula and the description" in (
        document.preambular_paragraphs[3].text
    )
    warnings = [str(warning) for warning in result.warnings]
    for number in range(1, 6):
        assert any(f"no marker of footnote {number} in the text" in w for w in warnings)


def test_the_text_run_on_inside_the_last_footnote_definition_is_the_text_resumed():
    # A/RES/80/42 (Markdown): "[^1]: Official Records ... (A/48/42), annex II, sect. III.A.
    # 9. Decides to include ... context”. 52nd plenary meeting 1 December 2025"
    result = _parse("A_RES_80_42.md")
    document = result.document
    assert [paragraph.number for paragraph in document.operative_paragraphs] == list(range(1, 10))
    assert document.operative_paragraphs[-1].text == (
        "Decides to include in the provisional agenda of its eighty-first session, under the "
        "item entitled “General and complete disarmament”, the sub-item entitled "
        "“Confidence-building measures in the regional and subregional context”."
    )
    assert [note.text for note in document.footnotes] == [
        "Official Records of the General Assembly, Forty-eighth Session, Supplement No. 42 "
        "(A/48/42), annex II, sect. III.A."
    ]
    assert document.meeting == "52nd plenary meeting"
    assert document.adopted_on == datetime.date(2025, 12, 1)
    assert result.warnings == []


def test_a_lone_note_after_a_finished_paragraph_is_a_note_whatever_its_marker():
    # A/RES/80/46: "6. Calls upon ... its universalization;" / "8 Albania, Andorra, ..."
    # (eight lines, the States endorsing a declaration) / "7. Calls upon all States
    # Parties ..."; later "15. Welcomes ... of the Treaty;" / "9 A/CONF.192/2024/RC/3.".
    document = _parse("A_RES_80_46.txt").document
    assert [note.marker for note in document.footnotes] == [str(n) for n in range(1, 10)]
    assert document.footnotes[7].text.startswith("Albania, Andorra, Argentina, Australia")
    assert document.footnotes[7].text.endswith(
        "United Kingdom of Great Britain and Northern Ireland, Uruguay and Zambia."
    )
    assert document.footnotes[8].text == "A/CONF.192/2024/RC/3."
    operative = document.operative_paragraphs
    assert [paragraph.number for paragraph in operative] == list(range(1, 21))
    assert operative[5].text.endswith("in order to achieve its universalization;")
    assert operative[14].text.endswith("implementation and universalization of the Treaty;")
    for text in _paragraph_texts(document):
        assert "Albania" not in text and "A/CONF.192/2024/RC/3" not in text


def test_a_list_of_resolutions_resumed_with_a_date_after_a_page_break_is_not_a_note():
    # The page broke after a comma, in the middle of "Recalling its resolutions ...";
    # the next page opens with the date of the next resolution cited.
    text = MINIMAL.format(resumed="Noting the report of the Secretary-General,").replace(
        "Recalling its resolution 79/99 of 2 December 2024, adopted on\n\n",
        "Recalling its resolutions 78/99 of 4 December 2023,\f1 December 2024 and 79/99,\n\n",
    )
    result = parse_text(text, source="doc.txt")
    preamble = result.document.preambular_paragraphs
    assert preamble[0].text == (
        "Recalling its resolutions 78/99 of 4 December 2023, 1 December 2024 and 79/99,"
    )
    assert result.document.footnotes == []

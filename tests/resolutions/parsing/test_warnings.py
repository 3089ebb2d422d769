"""What the parser recovers from is reported as a warning with file and line, not an error."""

from __future__ import annotations

from solidarity.resolutions.parsing import ParseWarning, parse_text
from tests.resolutions.parsing.variants import line_of, replace_once, seed_markdown


def _warnings(text: str) -> list[str]:
    return [str(warning) for warning in parse_text(text, source="doc.md").warnings]


def test_a_warning_reads_like_a_compiler_warning():
    assert str(ParseWarning("doc.md", 7, "something odd")) == "doc.md:7: warning: something odd"
    assert str(ParseWarning("doc.md", None, "something odd")) == "doc.md: warning: something odd"


def test_a_missing_opening_formula_is_a_warning_and_the_preamble_is_still_read():
    text = replace_once(seed_markdown(), "*The Human Rights Council,*", "")
    result = parse_text(text, source="doc.md")
    assert len(result.document.preambular_paragraphs) == 15
    line = line_of(text, "*Reaffirming* all previous")
    assert [str(w) for w in result.warnings] == [
        f"doc.md:{line}: warning: no opening formula ('The Human Rights Council,') "
        "before the preamble"
    ]


def test_a_paragraph_number_alone_on_its_line_after_the_title():
    text = (
        "Resolution adopted by the General Assembly on 19 December 2023\n"
        "78/123. A resolution with no preamble\n"
        "1.\nDecides to remain seized of the matter.\n"
        "50th plenary meeting\n19 December 2023\n"
    )
    result = parse_text(text, source="doc.txt")
    [paragraph] = result.document.operative_paragraphs
    assert paragraph.text == "Decides to remain seized of the matter."
    assert result.document.meeting == "50th plenary meeting"


def test_a_page_header_printing_another_symbol_is_reported():
    text = "A/HRC/RES/56/5\n" + seed_markdown()
    assert _warnings(text) == [
        "doc.md:1: warning: the page header prints A/HRC/RES/56/5 but the resolution is "
        "A/HRC/RES/56/4"
    ]


def test_a_session_in_the_header_that_is_not_the_resolution_s_is_reported():
    text = replace_once(seed_markdown(), "Fifty-sixth session", "Fifty-fifth session")
    line = line_of(text, "56/4. Human rights")
    assert _warnings(text) == [
        f"doc.md:{line}: warning: the header names session 55 but the resolution is numbered 56/4"
    ]


def test_a_meeting_dated_otherwise_than_the_adoption_is_reported():
    text = replace_once(seed_markdown(), "10 July 2024*", "11 July 2024*")
    line = line_of(text, "*34th meeting")
    assert _warnings(text) == [
        f"doc.md:{line}: warning: adopted on 2024-07-10 by the header but the meeting "
        "is dated 2024-07-11"
    ]


def test_a_footnote_whose_marker_is_nowhere_in_the_text_is_kept_unattached():
    text = replace_once(seed_markdown(), "networks;<sup>1</sup>", "networks;")
    result = parse_text(text, source="doc.md")
    assert result.document.footnotes[0].paragraph is None
    line = line_of(text, "<sup>1</sup> A/HRC/56/57.")
    assert [str(w) for w in result.warnings] == [
        f"doc.md:{line}: warning: no marker of footnote 1 in the text"
    ]


def test_a_vote_without_its_closing_bracket_is_still_read():
    text = replace_once(seed_markdown(), "Costa Rica, Morocco]", "Costa Rica, Morocco")
    result = parse_text(text, source="doc.md")
    assert result.document.vote.abstain == 4
    line = line_of(text, "[Adopted by a recorded vote")
    assert [str(w) for w in result.warnings] == [
        f"doc.md:{line}: warning: the vote has no closing bracket"
    ]


def test_an_unnumbered_heading_between_operative_paragraphs_is_left_out():
    text = replace_once(
        seed_markdown(),
        "13. *Requests* all States",
        "Cooperation with the mandate\n\n13. *Requests* all States",
    )
    result = parse_text(text, source="doc.md")
    assert result.document.paragraph("op-12").text.endswith("regional networks;[^1]")
    assert result.document.paragraph("op-13").text.startswith("Requests all States")
    line = line_of(text, "Cooperation with the mandate")
    assert [str(w) for w in result.warnings] == [
        f"doc.md:{line}: warning: heading 'Cooperation with the mandate' inside the operative "
        "part is left out of the paragraphs"
    ]

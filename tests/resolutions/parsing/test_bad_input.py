"""Input that is not a resolution, or contradicts itself, stops the parser with file and line."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import ParseError, parse_bytes, parse_file, parse_text
from tests.resolutions.parsing.variants import line_of, plain_text, replace_once, seed_markdown

SOURCE = "A-HRC-RES-56-4.md"


def _error(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_text(text, source=SOURCE)
    return caught.value


def test_an_error_reads_like_a_compiler_message_with_file_and_line():
    error = ParseError("doc.md", 12, "something is wrong")
    assert str(error) == "doc.md:12: something is wrong"
    assert (error.source, error.line, error.message) == ("doc.md", 12, "something is wrong")
    assert str(ParseError("doc.md", None, "empty input")) == "doc.md: empty input"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\ufeff"])
def test_empty_input_is_refused(text):
    error = _error(text)
    assert error.line is None
    assert str(error) == f"{SOURCE}: empty input"


def test_binary_data_is_refused_whether_given_as_bytes_or_text():
    with pytest.raises(ParseError, match="binary"):
        parse_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), source="image.png")
    assert "binary" in _error("56/4. Title\x00\x00\x01\x02").message


def test_text_that_is_not_utf_8_is_refused_with_the_offset_of_the_bad_byte():
    with pytest.raises(ParseError, match=r"not UTF-8 text \(undecodable byte at offset 3\)"):
        parse_bytes(b"caf\xe9 au lait, the Human Rights Council,", source="latin1.txt")


def test_a_missing_file_is_reported_as_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="cannot read the file") as caught:
        parse_file(tmp_path / "nowhere.md")
    assert caught.value.source.endswith("nowhere.md")


def test_a_news_article_is_not_a_resolution():
    article = (
        "Council adopts text on international solidarity\n\n"
        "GENEVA (10 July 2024) - The Human Rights Council on Wednesday adopted a text\n"
        "on human rights and international solidarity by 29 votes to 14, with 4\n"
        "abstentions. Speakers welcomed the work of the Independent Expert.\n\n"
        "1. The vote followed a long debate.\n"
    )
    error = _error(article)
    assert error.line is None
    assert error.message.startswith("not a resolution")


def test_a_report_of_the_independent_expert_is_not_a_resolution():
    report = (
        "# General Assembly\n\nDistr.: General\n3 May 2024\n\n## Human Rights Council\n\n"
        "### Fifty-sixth session\n\nAgenda item 3\n\n"
        "Report of the Independent Expert on human rights and international solidarity\n\n"
        "Summary\n\nIn the present report, the Independent Expert examines the participation\n"
        "of civil society organizations in transnational solidarity networks.\n\n"
        "I. Introduction\n\n"
        "1. The present report is submitted pursuant to Council resolution 53/5.\n"
    )
    error = _error(report)
    assert "not a resolution" in error.message
    assert "Report of the Independent Expert" in error.message


def test_a_resolution_without_its_title_line_is_refused_at_the_opening_formula():
    text = replace_once(seed_markdown(), "### 56/4. Human rights and international solidarity", "")
    error = _error(text)
    assert error.line == line_of(text, "*The Human Rights Council,*")
    assert error.message.startswith("missing title")


def test_a_resolution_that_names_no_adopting_body_is_refused_at_its_title():
    text = seed_markdown()
    for line in (
        "## Human Rights Council",
        "## Resolution adopted by the Human Rights Council on 10 July 2024",
        "*The Human Rights Council,*",
    ):
        text = replace_once(text, line, "")
    error = _error(text)
    assert error.line == line_of(text, "56/4. Human rights")
    assert error.message.startswith("missing body")


def test_operative_numbering_that_skips_a_number_is_an_error_at_that_line():
    text = replace_once(seed_markdown(), "7. *Acknowledges*", "8. *Acknowledges*")
    error = _error(text)
    assert error.line == line_of(text, "8. *Acknowledges*")
    assert error.message == "operative paragraphs skip from 6 to 8"


def test_operative_numbering_that_repeats_a_number_is_an_error_at_that_line():
    text = replace_once(seed_markdown(), "8. *Recognizes*", "7. *Recognizes*")
    error = _error(text)
    assert error.line == line_of(text, "7. *Recognizes*")
    assert error.message == "operative paragraph 7 is numbered twice"


def test_operative_numbering_that_goes_back_is_an_error_at_that_line():
    text = replace_once(seed_markdown(), "12. *Takes note*", "3. *Takes note*")
    error = _error(text)
    assert error.line == line_of(text, "3. *Takes note*")
    assert error.message == "operative paragraph 3 comes after paragraph 11"


def test_an_operative_part_that_does_not_start_at_1_is_an_error():
    text = replace_once(seed_markdown(), "1. *Reaffirms*", "2. *Reaffirms*")
    error = _error(text)
    assert error.line == line_of(text, "2. *Reaffirms* the recognition")
    assert "starts at paragraph 2, not 1" in error.message


def _cut_points(text: str, first: str, last: str) -> list[int]:
    lines = text.split("\n")
    start, end = line_of(text, first), line_of(text, last)
    return [n for n in range(start, end + 1) if lines[n - 1].strip()]


def _last_line_of_paragraph_text(lines: list[str]) -> int:
    """The last line that is paragraph text: not blank, not a page break, not a footnote."""
    for number in range(len(lines), 0, -1):
        line = lines[number - 1].strip()
        if line and line != "---" and not line.startswith("<sup>"):
            return number
    raise AssertionError("no text")


def test_the_seed_cut_anywhere_in_its_operative_part_is_refused_as_truncated():
    text = seed_markdown()
    lines = text.split("\n")
    for cut in _cut_points(text, "1. *Reaffirms*", "19. *Requests*"):
        truncated = "\n".join(lines[:cut])
        with pytest.raises(ParseError, match="truncated") as caught:
            parse_text(truncated, source=SOURCE)
        assert caught.value.line == _last_line_of_paragraph_text(lines[:cut])


def test_the_seed_cut_in_the_middle_of_a_sentence_is_refused_as_truncated():
    text = seed_markdown()
    cut = text.index("with a view to promoting the importance")
    error = _error(text[:cut])
    assert error.line == line_of(text, "14. *Requests*")
    assert "inside operative paragraph 14" in error.message


def test_the_plain_text_seed_cut_in_its_operative_part_is_refused_too():
    text = plain_text(seed_markdown(), symbol="A/HRC/RES/56/4")
    cut = text.index("the economic, social and climate fields")
    assert "truncated" in _error(text[:cut]).message


def test_the_seed_cut_in_its_preamble_is_refused():
    text = seed_markdown()
    cut = text.index("*Determined*")
    error = _error(text[:cut])
    assert "no operative paragraphs" in error.message


def test_the_seed_cut_after_its_title_is_refused():
    text = seed_markdown()
    cut = text.index("*The Human Rights Council,*")
    assert "no paragraphs follow the title" in _error(text[:cut]).message


def test_the_seed_cut_after_its_last_paragraph_parses_with_a_warning():
    text = seed_markdown()
    cut = text.index("*34th meeting")
    result = parse_text(text[:cut], source=SOURCE)
    assert len(result.document.operative_paragraphs) == 20
    assert result.document.vote is None
    assert [w.message for w in result.warnings] == [
        "no meeting line or adoption formula after the text",
        "no adoption formula ('[Adopted ...]'); no vote recorded",
    ]

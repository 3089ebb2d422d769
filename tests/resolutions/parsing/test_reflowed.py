"""Texts re-flowed from web pages: the closing lines and the vote run on at the end.

Council resolutions often circulate copied from a web page, where the meeting
line, its date and the adoption formula with the vote lists follow the last
operative paragraph on the same line, the lists run together with no line
between them ("... Viet Nam Against: Albania ..."). Copied or re-flowed, the
text has one paragraph a line, and the footnote a page held may stand inside
the sentence that page cut.
"""

from __future__ import annotations

import re

import pytest

from solidarity.resolutions.parsing import parse_text
from tests.resolutions.parsing.variants import plain_text, replace_once, seed_markdown

SYMBOL = "A/HRC/RES/56/4"


def _run_on(markdown: str) -> str:
    """The seed with its closing lines and vote run on after the last paragraph."""
    start = markdown.index("\n\n*34th meeting")
    end = markdown.index("Morocco]") + len("Morocco]")
    closing = " ".join(markdown[start:end].replace("*", "").split())
    return f"{markdown[:start]} {closing}{markdown[end:]}"


def test_a_vote_run_on_after_the_last_paragraph_is_read_as_the_closing_lines():
    seed = parse_text(seed_markdown()).document
    text = _run_on(seed_markdown())
    assert "the same agenda item. 34th meeting 10 July 2024 [Adopted by a recorded vote" in text
    assert "Viet Nam Against: Albania" in text
    result = parse_text(text, source="web.md")
    assert result.warnings == []
    document = result.document
    assert document.operative_paragraphs[-1].text == (
        "Decides to continue its consideration of this matter under the same agenda item."
    )
    assert document.meeting == "34th meeting"
    assert document.adopted_on.isoformat() == "2024-07-10"
    assert document == seed


def test_a_plain_text_with_the_vote_run_on_gives_the_seed_document():
    seed = parse_text(seed_markdown()).document
    text = plain_text(_run_on(seed_markdown()), symbol=SYMBOL)
    assert "agenda item. 34th meeting 10 July 2024 [Adopted" in text
    result = parse_text(text, source="web.txt")
    assert result.warnings == []
    assert result.document == seed


_NOTE = "1 A/HRC/56/57."


def _web_copy(markdown: str, *, separator: str, note: str) -> str:
    """The seed as copied from a web page: no markup, one paragraph a line.

    The header keeps its lines; each paragraph is one line, the one the page
    break cut joined again; the meeting line, its date and the vote with its
    lists run on at the end of the last paragraph. The footnote stands at the
    end (``note="end"``) or where the page broke, inside the sentence of
    paragraph 18 (``note="inside"``: "... meetings in 1 A/HRC/56/57. the
    economic ..."). ``separator`` is "\\n\\n" for a blank line between
    paragraphs, "\\n" for none.
    """
    lines = []
    for raw in markdown.split("\n"):
        text = raw.strip()
        if not text or text == "---" or text.startswith("<!--"):
            continue
        text = re.sub(r"^#{1,6}\s+", "", text)
        text = re.sub(r"<sup>(\w+)</sup>", r"\1", text)
        lines.append(text.replace("*", ""))
    body = lines.index("The Human Rights Council,")
    closing = lines.index("34th meeting")
    paragraphs: list[str] = []
    for text in lines[body:closing]:
        if text == _NOTE:
            if note == "inside":
                paragraphs[-1] += f" {_NOTE}"
        elif text[0].islower():
            paragraphs[-1] += f" {text}"
        else:
            paragraphs.append(text)
    paragraphs[-1] += " " + " ".join(lines[closing:])
    copy = separator.join([*lines[:body], *paragraphs])
    if note == "end":
        copy += separator + _NOTE
    return copy + "\n"


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "no blank lines"])
@pytest.mark.parametrize("note", ["end", "inside"], ids=["note at the end", "note in a sentence"])
def test_the_seed_re_flowed_one_paragraph_a_line_reads_as_the_original(separator, note):
    seed = parse_text(seed_markdown()).document
    text = _web_copy(seed_markdown(), separator=separator, note=note)
    assert (
        "of her mandate; 19. Requests" not in text
        and "\n19. Requests the Independent Expert to report regularly" in text
    )
    assert "same agenda item. 34th meeting 10 July 2024 [Adopted by a recorded vote" in text
    assert "Viet Nam Against: Albania" in text
    if note == "inside":
        assert "ministerial meetings in 1 A/HRC/56/57. the economic, social" in text
    result = parse_text(text, source="web.txt")
    assert result.warnings == []
    document = result.document
    assert len(document.preambular_paragraphs) == 15
    assert [paragraph.number for paragraph in document.operative_paragraphs] == list(range(1, 21))
    assert document.operative_paragraphs[17].text.endswith(
        "ministerial meetings in the economic, social and climate fields and to continue to seek "
        "views and contributions from Governments, United Nations agencies, other relevant "
        "international organizations and non-governmental organizations in the discharge of her "
        "mandate;"
    )
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "op-12", "A/HRC/56/57.")
    ]
    assert document.meeting == "34th meeting"
    assert document.adopted_on.isoformat() == "2024-07-10"
    assert (document.vote.yes, document.vote.no, document.vote.abstain) == (29, 14, 4)
    assert document.preambular_paragraphs == seed.preambular_paragraphs
    assert document.operative_paragraphs == seed.operative_paragraphs
    assert document.vote == seed.vote
    assert document == seed


def test_vote_lists_ending_with_and_read_as_those_ending_with_a_comma():
    seed = parse_text(seed_markdown()).document
    text = _web_copy(seed_markdown(), separator="\n", note="inside")
    text = replace_once(text, "Emirates, Viet Nam Against", "Emirates and Viet Nam Against")
    text = replace_once(text, "Romania, United States", "Romania and United States")
    result = parse_text(text, source="web.txt")
    assert result.warnings == []
    assert result.document.vote == seed.vote
    assert result.document.vote.against[-1].name == "United States of America"
    assert result.document.vote.in_favour[-1].name == "Viet Nam"


@pytest.mark.parametrize(
    ("names", "with_note"),
    [
        ("Viet Nam Against:", "Viet Nam 1 A/HRC/56/57. Against:"),
        ("Cuba, Dominican Republic,", "Cuba, 1 A/HRC/56/57. Dominican Republic,"),
    ],
    ids=["between two lists", "between two names"],
)
def test_a_footnote_set_inside_the_vote_list_is_lifted_out_of_it(names, with_note):
    seed = parse_text(seed_markdown()).document
    text = _web_copy(seed_markdown(), separator="\n", note="end")
    text = replace_once(text, f"\n{_NOTE}\n", "\n")
    text = replace_once(text, names, with_note)
    result = parse_text(text, source="web.txt")
    assert result.warnings == []
    document = result.document
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "op-12", "A/HRC/56/57.")
    ]
    assert [voter.name for voter in document.vote.in_favour][8:10] == [
        "Cuba",
        "Dominican Republic",
    ]
    assert document.vote.in_favour[-1].name == "Viet Nam"
    assert document.vote.against[0].name == "Albania"
    assert document == seed

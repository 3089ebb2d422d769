"""Texts re-flowed from web pages: the closing lines and the vote run on at the end.

Council resolutions often circulate copied from a web page, where the meeting
line, its date and the adoption formula with the vote lists follow the last
operative paragraph on the same line, the lists run together with no line
between them ("... Viet Nam Against: Albania ...").
"""

from __future__ import annotations

from solidarity.resolutions.parsing import parse_text
from tests.resolutions.parsing.variants import plain_text, seed_markdown

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

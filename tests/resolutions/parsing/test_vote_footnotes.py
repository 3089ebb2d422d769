"""The recorded vote of a re-flowed text, with a page's footnotes left inside it.

A Council resolution copied from a web page or re-flowed from its PDF runs the
vote on one line: the lists follow each other with no full stop between them
("... Viet Nam Against: Albania ..."), some end "X and Y", some "X, Y", and the
footnotes of the page that broke inside the vote stand where the page ended,
between two names or two lists. The vote must still be the one printed, and the
footnote a footnote, attached to its marker. The texts here are resolution 56/4
(the seed) in those shapes; its vote and its one footnote were read in the
original.
"""

from __future__ import annotations

import re

import pytest

from solidarity.resolutions.parsing import ParseError, parse_text
from tests.resolutions.parsing.variants import plain_text, replace_once, seed_markdown

SYMBOL = "A/HRC/RES/56/4"
NOTE = "1 A/HRC/56/57."


def _vote_on_one_line() -> str:
    """The seed as plain text, its footnote taken out and its vote run on one line."""
    text = replace_once(plain_text(seed_markdown(), symbol=SYMBOL), f"\n{NOTE}\n", "\n")
    start = text.index("[Adopted")
    end = text.index("Morocco]") + len("Morocco]")
    return text[:start] + re.sub(r"\s+", " ", text[start:end]) + text[end:]


@pytest.fixture(scope="module")
def seed():
    return parse_text(seed_markdown()).document


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ghana, Honduras", f"Ghana, {NOTE} Honduras"),
        ("Viet Nam Against", f"Viet Nam {NOTE} Against"),
        ("Morocco]", f"Morocco] {NOTE}"),
        ("Morocco]", f"Morocco {NOTE}]"),
        ("Ghana, Honduras", f"Ghana,\n\n{NOTE}\n\nHonduras"),
    ],
    ids=[
        "between two names",
        "between two lists",
        "after the closing bracket",
        "before the closing bracket",
        "on its own line inside a list",
    ],
)
def test_a_footnote_left_inside_the_vote_is_lifted_out_and_attached(seed, old, new):
    text = replace_once(_vote_on_one_line(), old, new)
    assert "The voting was as follows: In favour: Algeria" in text
    result = parse_text(text, source="re-flowed.txt")
    assert result.warnings == []
    document = result.document
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "op-12", "A/HRC/56/57.")
    ]
    assert (document.vote.yes, document.vote.no, document.vote.abstain) == (29, 14, 4)
    assert document.vote == seed.vote
    assert document == seed


@pytest.mark.parametrize("between", [" ", ". ", "; "], ids=["nothing", "full stop", "semicolon"])
@pytest.mark.parametrize("last", [", ", " and "], ids=["X, Y", "X and Y"])
def test_vote_lists_read_the_same_whatever_ends_them_with_a_note_inside(seed, between, last):
    text = _vote_on_one_line()
    text = replace_once(
        text, "Emirates, Viet Nam Against", f"Emirates{last}Viet Nam{between}Against"
    )
    text = replace_once(
        text,
        "Romania, United States of America Abstaining",
        (f"Romania{last}United States of America{between}Abstaining"),
    )
    text = replace_once(text, "Costa Rica, Morocco]", f"Costa Rica{last}Morocco]")
    text = replace_once(text, "Ghana, Honduras", f"Ghana, {NOTE} Honduras")
    result = parse_text(text, source="re-flowed.txt")
    assert result.warnings == []
    vote = result.document.vote
    assert vote == seed.vote
    assert [voter.name for voter in vote.in_favour[-2:]] == ["United Arab Emirates", "Viet Nam"]
    assert [voter.name for voter in vote.against[-2:]] == ["Romania", "United States of America"]
    assert [voter.name for voter in vote.abstaining] == [
        "Argentina",
        "Chile",
        "Costa Rica",
        "Morocco",
    ]
    assert [note.paragraph for note in result.document.footnotes] == ["op-12"]


def test_two_footnotes_of_one_page_left_inside_the_vote_are_both_lifted_out(seed):
    text = replace_once(
        _vote_on_one_line(),
        "under the same agenda item.",
        "under the same agenda item.2",
    )
    text = replace_once(text, "Ghana, Honduras", f"Ghana, {NOTE} 2 A/HRC/56/58. Honduras")
    result = parse_text(text, source="re-flowed.txt")
    assert result.warnings == []
    document = result.document
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "op-12", "A/HRC/56/57."),
        ("2", "op-20", "A/HRC/56/58."),
    ]
    assert document.vote == seed.vote


def test_a_number_in_the_vote_that_is_no_footnote_is_still_an_unknown_name():
    text = replace_once(_vote_on_one_line(), "Ghana, Honduras", "Ghana, 7 Honduras")
    with pytest.raises(ParseError, match="unknown country name '7 Honduras'"):
        parse_text(text, source="re-flowed.txt")

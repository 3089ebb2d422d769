"""Reading a declaration from its plain-text layout, and comparing two versions. No database."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from solidarity.declaration.compare import compare, words_diff
from solidarity.declaration.text import DeclarationFormatError, read_declaration

DATA = Path(__file__).parent / "data"


def test_a_declaration_is_read_into_elements_with_their_akoma_ntoso_identifiers():
    """Golden file: the input next to what a reader finds in it, compared whole."""
    declaration = read_declaration((DATA / "two-articles.txt").read_text(encoding="utf-8"))
    expected = json.loads((DATA / "two-articles.expected.json").read_text(encoding="utf-8"))
    got = {
        "title": declaration.title,
        "elements": [dataclasses.asdict(e) for e in declaration.elements],
    }
    assert got == expected


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("", 1, "empty"),
        ("Article 1\nText.\n", 1, "title"),
        ("Title\n\nOnly a preamble.\n", 3, "no article"),
        ("Title\n\nArticle 2\nA.\n\nArticle 2\nB.\n", 6, "increasing order"),
        ("Title\n\nArticle 1\n1. One.\n3. Three.\n", 5, "should be numbered 2"),
        ("Title\n\nArticle 1\n1. One.\n\nUnnumbered.\n", 6, "needs its number (2.)"),
        ("Title\n\nArticle 1\nFirst.\n\nSecond.\n", 6, "more than one paragraph"),
        ("Title\n\nArticle 1\n\nArticle 2\nText.\n", 3, "article 1 has no text"),
        ("Title\n\nArticle one\nText.\n", 3, "not an article heading"),
    ],
)
def test_a_text_that_does_not_follow_the_layout_is_refused_naming_its_line(source, line, words):
    with pytest.raises(DeclarationFormatError) as error:
        read_declaration(source)
    assert error.value.line == line
    assert words in str(error.value)
    assert str(error.value).startswith(f"line {line}: ")


def test_windows_line_ends_and_a_paragraph_that_starts_with_the_word_article_are_read():
    declaration = read_declaration(
        "Title\r\n\r\nArticle 4 of the Declaration on the Right to Development applies,\r\n"
        "\r\nArticle 1\r\nText.\r\n"
    )
    assert [(e.eid, e.text) for e in declaration.elements] == [
        ("preamble__p_1", "Article 4 of the Declaration on the Right to Development applies,"),
        ("art_1", "Text."),
    ]


def test_words_changed_in_a_paragraph_are_shown_as_deleted_and_inserted_words():
    assert [
        (s.op, s.text)
        for s in words_diff("States shall cooperate.", "States must cooperate fully.")
    ] == [
        ("equal", "States "),
        ("delete", "shall"),
        ("insert", "must"),
        ("equal", " "),
        ("delete", "cooperate."),
        ("insert", "cooperate fully."),
    ]


def test_comparing_versions_names_each_article_changed_added_or_removed_in_reading_order():
    old = read_declaration(
        "T\n\nArticle 1\n1. One.\n2. Two.\n\nArticle 2\nKept.\n\nArticle 5\nGone.\n\n"
        "Article 6\nLast.\n"
    )
    new = read_declaration(
        "T\n\nArticle 1\n1. One, changed.\n\nArticle 2\nKept.\n\nArticle 6\nLast.\n\n"
        "Article 7\nNew.\n"
    )
    changes = compare(list(old.elements), list(new.elements))
    assert [(c.eid, c.status) for c in changes] == [
        ("art_1", "changed"),
        ("art_2", "unchanged"),
        ("art_5", "removed"),
        ("art_6", "unchanged"),
        ("art_7", "added"),
    ]
    article_1 = {part.eid: part.status for part in changes[0].elements}
    assert article_1 == {
        "art_1": "unchanged",
        "art_1__para_1": "changed",
        "art_1__para_2": "removed",
    }
    # Words are compared whole: "One." and "One," are different words.
    assert [(s.op, s.text) for s in changes[0].elements[1].segments] == [
        ("delete", "One."),
        ("insert", "One, changed."),
    ]

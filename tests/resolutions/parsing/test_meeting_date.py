"""The meeting's date is the date, never a footnote, even when a note is awaited.

On the last page of a PDF text layer the closing lines come before the page's
footnote block: "22nd plenary meeting" / "29 October 2025" / the rule / "1
A/80/83." (A/RES/80/4, whose one footnote's marker is in operative paragraph 1,
"resolution 79/7;1"). Footnote 1 is then the next awaited and its marker has
been seen when the date line is read. A date line that opens with the number
of the awaited note ("1 December 2025") reads like the note "1 December 2025"
but is the meeting's date.

The text here is A/RES/80/4 with one change: the resolution adopted, and its
meeting held, on 1 December 2025 instead of 29 October 2025 (both places the
document prints that date), as the 52nd plenary meeting of the same session
was. Everything else is the document as it is in tests/resolutions/corpus.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from solidarity.resolutions.parsing import parse_text

CORPUS = Path(__file__).parents[1] / "corpus"


@pytest.fixture(scope="module")
def adopted_on_the_first():
    text = (CORPUS / "A_RES_80_4.txt").read_text("utf-8")
    assert text.count("29 October 2025") == 2  # "adopted ... on" and the meeting's date
    return parse_text(text.replace("29 October 2025", "1 December 2025"), source="A_RES_80_4.txt")


def test_a_meeting_date_opening_with_the_awaited_note_number_is_the_date(adopted_on_the_first):
    document = adopted_on_the_first.document
    assert document.meeting == "22nd plenary meeting"
    assert document.adopted_on == datetime.date(2025, 12, 1)
    assert [(note.marker, note.paragraph, note.text) for note in document.footnotes] == [
        ("1", "op-1", "A/80/83.")
    ]
    assert adopted_on_the_first.warnings == []


def test_the_rest_of_the_document_reads_as_before(adopted_on_the_first):
    original = parse_text((CORPUS / "A_RES_80_4.txt").read_text("utf-8")).document
    document = adopted_on_the_first.document
    assert len(document.preambular_paragraphs) == 8
    assert len(document.operative_paragraphs) == 5
    assert document.preambular_paragraphs == original.preambular_paragraphs
    assert document.operative_paragraphs == original.operative_paragraphs

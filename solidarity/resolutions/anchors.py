"""The public anchors of a resolution's parts: ``pp-4``, ``op-13``, ``fn-1``.

They are a public contract: researchers cite ``/resolutions/A/HRC/RES/56/4/#op-13``,
the JSON names the paragraph carrying each footnote by its anchor, and search
results point at the paragraphs that matched. Every module that writes one
(the page, the search, the JSON, the Akoma Ntoso reader) makes it here, so
they cannot drift apart. Plain Python: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

PREAMBULAR = "pp"
OPERATIVE = "op"
FOOTNOTE = "fn"


def anchor(part: str, number: int | str) -> str:
    """The anchor of a preambular paragraph (its position), an operative one
    (its number) or a footnote (its marker)."""
    if part not in (PREAMBULAR, OPERATIVE, FOOTNOTE):
        raise ValueError(f"no anchors for {part!r}")
    return f"{part}-{number}"


def preambular(index: int | str) -> str:
    return anchor(PREAMBULAR, index)


def operative(number: int | str) -> str:
    return anchor(OPERATIVE, number)


def footnote(marker: int | str) -> str:
    return anchor(FOOTNOTE, marker)


def subparagraph(paragraph: str, label: str) -> str:
    """A sub-paragraph's anchor, under its paragraph's: ``op-7-a``, ``op-7-a-i``."""
    return f"{paragraph}-{label}"


def footnote_reference(marker: int | str, paragraph: str) -> str:
    """Where a footnote's marker stands in a paragraph, for the link back to it."""
    return f"{FOOTNOTE}ref-{marker}-{paragraph}"


def paragraph_anchors(document: Mapping) -> list[str]:
    """The anchors of a parsed document's paragraphs, in reading order."""
    return [
        *(preambular(p["index"]) for p in document["preambular_paragraphs"]),
        *(operative(p["number"]) for p in document["operative_paragraphs"]),
    ]


def with_anchors(paragraphs: Iterable[Mapping], part: str) -> list[dict]:
    """Paragraphs of the document (dicts) with their anchor added, for rendering."""
    key = "index" if part == PREAMBULAR else "number"
    return [{**p, "anchor": anchor(part, p[key])} for p in paragraphs]

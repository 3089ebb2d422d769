"""The public anchors of a resolution's parts: ``pp-4``, ``op-13``, ``fn-1``, ``annex-1-para-3``.

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
ANNEX = "annex"


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


def split(anchor: str) -> tuple[str, str]:
    """The part and number of a paragraph's or a footnote's anchor: ("op", "13") for "op-13"."""
    part, _, number = anchor.partition("-")
    return part, number


def annex(position: int | str) -> str:
    """An annex, by its position among the annexes: ``annex-1``."""
    return f"{ANNEX}-{position}"


def annex_paragraph(annex_position: int | str, number: int | str) -> str:
    """A numbered paragraph of an annex, by its number: ``annex-1-para-3``."""
    return f"{annex(annex_position)}-para-{number}"


def annex_text(annex_position: int | str, position: int | str) -> str:
    """An unnumbered paragraph of an annex, by its position among the unnumbered
    paragraphs of that annex: ``annex-1-text-2``."""
    return f"{annex(annex_position)}-text-{position}"


def annex_heading(annex_position: int | str, position: int | str) -> str:
    """A heading inside an annex, by its position among that annex's headings:
    ``annex-1-heading-2``."""
    return f"{annex(annex_position)}-heading-{position}"


def annex_content_anchors(
    annex_position: int | str, items: Iterable[tuple[str, int | None]]
) -> list[str]:
    """The anchors of an annex's headings and paragraphs, given as (kind, number) pairs in
    reading order: kind "heading" or "paragraph", number None for an unnumbered paragraph."""
    found = []
    headings = unnumbered = 0
    for kind, number in items:
        if kind == "heading":
            headings += 1
            found.append(annex_heading(annex_position, headings))
        elif number is None:
            unnumbered += 1
            found.append(annex_text(annex_position, unnumbered))
        else:
            found.append(annex_paragraph(annex_position, number))
    return found


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


def annexes_with_anchors(annexes: Iterable[Mapping]) -> list[dict]:
    """A document's annexes (dicts) with the anchor of each and of its content, for rendering."""
    found = []
    for position, item in enumerate(annexes, start=1):
        content = item["content"]
        named = annex_content_anchors(
            position, ((part["kind"], part["number"]) for part in content)
        )
        found.append(
            {
                **item,
                "anchor": annex(position),
                "content": [
                    {**part, "anchor": name} for name, part in zip(named, content, strict=True)
                ],
            }
        )
    return found


def with_anchors(paragraphs: Iterable[Mapping], part: str) -> list[dict]:
    """Paragraphs of the document (dicts) with their anchor added, for rendering."""
    key = "index" if part == PREAMBULAR else "number"
    return [{**p, "anchor": anchor(part, p[key])} for p in paragraphs]

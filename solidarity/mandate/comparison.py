"""What a later resolution of a series says that the one before did not. Plain Python.

Paragraphs are compared by their words, not their numbers: a paragraph added
near the top renumbers everything after it, and "Requests the Independent
Expert to report" is the same request as paragraph 19 or 21. Each paragraph of
the later text is paired with the most alike paragraph of the earlier one of
the same part (preambular with preambular, operative with operative), most
alike pairs first, each paragraph used once. A pair with the same words is
unchanged; a pair alike enough (``ALIKE``) is changed, with its word-level
differences; a later paragraph left without a pair is new, and an earlier one
left without a pair is dropped.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from solidarity.mandate.extraction import subparagraph_texts
from solidarity.resolutions import anchors

NEW = "new"
CHANGED = "changed"
DROPPED = "dropped"
UNCHANGED = "unchanged"
# Below this share of words in common, two paragraphs are different paragraphs.
ALIKE = 0.6

_WORD = re.compile(r"\S+")
_MARKER = re.compile(r"\[\^[^\]]+\]")


@dataclass
class Piece:
    """A run of words of a changed paragraph: kept, inserted or deleted."""

    kind: str  # "same", "insert", "delete"
    text: str


@dataclass
class ParagraphChange:
    kind: str  # NEW, CHANGED, DROPPED, UNCHANGED
    part: str  # anchors.PREAMBULAR or anchors.OPERATIVE
    earlier: int | None  # index or number in the earlier resolution
    later: int | None
    earlier_text: str = ""
    later_text: str = ""
    similarity: float = 1.0
    pieces: list[Piece] = field(default_factory=list)

    @property
    def earlier_anchor(self) -> str:
        return anchors.anchor(self.part, self.earlier) if self.earlier is not None else ""

    @property
    def later_anchor(self) -> str:
        return anchors.anchor(self.part, self.later) if self.later is not None else ""

    @property
    def renumbered(self) -> bool:
        return self.earlier is not None and self.later is not None and self.earlier != self.later


@dataclass
class Comparison:
    changes: list[ParagraphChange]

    def of_kind(self, kind: str, part: str | None = None) -> list[ParagraphChange]:
        return [c for c in self.changes if c.kind == kind and (part is None or c.part == part)]

    @property
    def new(self) -> list[ParagraphChange]:
        return self.of_kind(NEW)

    @property
    def changed(self) -> list[ParagraphChange]:
        return self.of_kind(CHANGED)

    @property
    def dropped(self) -> list[ParagraphChange]:
        return self.of_kind(DROPPED)

    @property
    def unchanged(self) -> list[ParagraphChange]:
        return self.of_kind(UNCHANGED)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in (NEW, CHANGED, DROPPED, UNCHANGED)}


def _words(text: str) -> list[str]:
    return _WORD.findall(_MARKER.sub("", text))


def _pieces(earlier: list[str], later: list[str]) -> list[Piece]:
    pieces = []
    matcher = difflib.SequenceMatcher(None, earlier, later, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", " ".join(earlier[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", " ".join(earlier[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", " ".join(later[j1:j2])))
    return pieces


def _compare_part(part: str, earlier: list[tuple[int, str]], later: list[tuple[int, str]]):
    earlier_words = [_words(text) for _, text in earlier]
    later_words = [_words(text) for _, text in later]
    scored = []
    for j, theirs in enumerate(later_words):
        for i, ours in enumerate(earlier_words):
            matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
            # The cheap upper bounds first: most pairs are far apart.
            if matcher.real_quick_ratio() < ALIKE or matcher.quick_ratio() < ALIKE:
                continue
            ratio = matcher.ratio()
            if ratio >= ALIKE:
                # Most alike first; among equals, those at the same place in the text.
                scored.append((-ratio, abs(i - j), i, j))
    scored.sort()
    paired_earlier: dict[int, tuple[int, float]] = {}
    paired_later: set[int] = set()
    for negative, _distance, i, j in scored:
        if i in paired_earlier or j in paired_later:
            continue
        paired_earlier[i] = (j, -negative)
        paired_later.add(j)
    later_of = {j: (i, ratio) for i, (j, ratio) in paired_earlier.items()}
    changes = []
    for j, (number, text) in enumerate(later):
        if j not in later_of:
            changes.append(ParagraphChange(NEW, part, None, number, "", text, 0.0))
            continue
        i, ratio = later_of[j]
        earlier_number, earlier_text = earlier[i]
        if earlier_words[i] == later_words[j]:
            changes.append(
                ParagraphChange(UNCHANGED, part, earlier_number, number, earlier_text, text)
            )
        else:
            changes.append(
                ParagraphChange(
                    CHANGED,
                    part,
                    earlier_number,
                    number,
                    earlier_text,
                    text,
                    round(ratio, 3),
                    _pieces(earlier_words[i], later_words[j]),
                )
            )
    for i, (number, text) in enumerate(earlier):
        if i not in paired_earlier:
            changes.append(ParagraphChange(DROPPED, part, number, None, text, "", 0.0))
    return changes


def _paragraphs(document: dict, part: str) -> list[tuple[int, str]]:
    if part == anchors.PREAMBULAR:
        return [(p["index"], p["text"]) for p in document.get("preambular_paragraphs", [])]
    found = []
    for p in document.get("operative_paragraphs", []):
        text = " ".join([p["text"], *subparagraph_texts(p.get("subparagraphs"))])
        found.append((p["number"], text))
    return found


def compare(earlier: dict, later: dict) -> Comparison:
    """The paragraph-level comparison of two parsed resolutions (``resolution.schema.json``)."""
    changes = []
    for part in (anchors.PREAMBULAR, anchors.OPERATIVE):
        changes += _compare_part(part, _paragraphs(earlier, part), _paragraphs(later, part))
    return Comparison(changes)

"""What changed between two versions of the declaration, article by article, word by word.

Plain Python over :class:`~solidarity.declaration.text.Element` lists: elements are
matched by their eId, the words of each pair compared with :mod:`difflib`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from solidarity.declaration.text import PREAMBLE_EID, Element

UNCHANGED = "unchanged"
CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is the same in both versions (``equal``), only in the new one
    (``insert``) or only in the old one (``delete``)."""

    op: str
    text: str


@dataclass(frozen=True)
class ElementChange:
    eid: str
    kind: str
    number: str
    status: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ArticleChange:
    """The preamble (``eid == "preamble"``) or one article, and the change of each part."""

    eid: str
    number: str
    status: str
    elements: tuple[ElementChange, ...]


def words_diff(old: str, new: str) -> tuple[Segment, ...]:
    """``old`` turned into ``new``, as runs of kept, inserted and deleted words."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []

    def add(op: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return tuple(segments)


def _shown(element: Element) -> str:
    return "\n".join(part for part in (element.heading, element.text) if part)


def _element_change(old: Element | None, new: Element | None) -> ElementChange:
    either = new or old
    assert either is not None
    segments: tuple[Segment, ...]
    if old is None:
        status, segments = ADDED, (Segment("insert", _shown(either)),)
    elif new is None:
        status, segments = REMOVED, (Segment("delete", _shown(either)),)
    else:
        segments = words_diff(_shown(old), _shown(new))
        status = UNCHANGED if all(s.op == "equal" for s in segments) else CHANGED
    segments = tuple(s for s in segments if s.text)
    return ElementChange(either.eid, either.kind, either.number, status, segments)


def _grouped(elements: list[Element]) -> dict[str, list[Element]]:
    groups: dict[str, list[Element]] = {}
    for element in elements:
        groups.setdefault(element.article_eid, []).append(element)
    return groups


def compare(old: list[Element], new: list[Element]) -> list[ArticleChange]:
    """Each article of either version (and the preamble, first), in the new version's order
    with removed articles where they stood, and what happened to it and its parts."""
    old_groups, new_groups = _grouped(old), _grouped(new)
    order: list[str] = []
    for eid in [*new_groups, *old_groups]:
        if eid not in order:
            order.append(eid)
    # A removed article goes back where it stood: after the article before it in the old text.
    old_order = list(old_groups)
    for eid in old_order:
        if eid in new_groups:
            continue
        order.remove(eid)
        position = old_order.index(eid)
        before = [e for e in old_order[:position] if e in order]
        order.insert(order.index(before[-1]) + 1 if before else 0, eid)
    if PREAMBLE_EID in order:
        order.remove(PREAMBLE_EID)
        order.insert(0, PREAMBLE_EID)

    changes = []
    for eid in order:
        olds = {e.eid: e for e in old_groups.get(eid, [])}
        news = {e.eid: e for e in new_groups.get(eid, [])}
        eids = list(news)
        for index, part in enumerate(olds):
            if part not in news:
                earlier = [e for e in list(olds)[:index] if e in eids]
                eids.insert(eids.index(earlier[-1]) + 1 if earlier else 0, part)
        parts = tuple(_element_change(olds.get(p), news.get(p)) for p in eids)
        if not olds:
            status = ADDED
        elif not news:
            status = REMOVED
        elif all(part.status == UNCHANGED for part in parts):
            status = UNCHANGED
        else:
            status = CHANGED
        head = news.get(eid) or olds.get(eid)
        number = head.number if head is not None else ""
        changes.append(ArticleChange(eid, number, status, parts))
    return changes

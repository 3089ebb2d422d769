"""Paragraphs as they are read, before they become the document's.

A paragraph gathers its lines; its sub-paragraphs nest by their labels. A
label continues the innermost list it follows ("(i)" after "(h)" is the ninth
letter), else an outer one; "(a)" or "(i)" after text opens a nested list
("(i)" after "(a)" is roman), and so does "(i)" after "(h) ...:".

``last_mark`` says how a piece of text ends, footnote markers aside: a
preambular paragraph is complete after a comma, an operative one after a
semicolon or, the last, a full stop.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from solidarity.resolutions.parsing.document import Subparagraph
from solidarity.resolutions.parsing.text import join_lines

_ENDS_WITH_MARKER = re.compile(r"(?:\[\^\w+\]|(?<=[,;:.]) ?\d{1,3})$")
_ROMAN_NUMERALS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx"
_ROMAN_NEXT = dict(itertools.pairwise(_ROMAN_NUMERALS.split(" ")))


def last_mark(text: str) -> str:
    """The last character that says whether a paragraph is complete, markers aside."""
    text = text[-40:].rstrip()
    while text and text[-1] in "]0123456789":
        match = _ENDS_WITH_MARKER.search(text)
        if not match:
            break
        text = text[: match.start()].rstrip()
    return text[-1:] if text else ""


def last_part(parts: list[str]) -> str:
    """The last line gathered so far, or nothing."""
    return parts[-1] if parts else ""


def complete(text: str) -> bool:
    """Whether the text ends as a paragraph may: comma, semicolon, colon or full stop."""
    return last_mark(text) in (",", ";", ":", ".")


def _next_label(kind: str, label: str) -> str | None:
    if kind == "roman":
        return _ROMAN_NEXT.get(label)
    if len(label) == 1 and label < "z":
        return chr(ord(label) + 1)
    return None


@dataclass(slots=True)
class SubparagraphDraft:
    """A sub-paragraph being read: its label, kind of list and lines."""

    label: str
    kind: str  # "alpha" or "roman"
    line: int
    parts: list[str]
    children: list[SubparagraphDraft] = field(default_factory=list)

    def build(self) -> Subparagraph:
        return Subparagraph(
            label=self.label,
            text=join_lines(self.parts),
            subparagraphs=[child.build() for child in self.children],
        )


@dataclass(slots=True)
class ParagraphDraft:
    """A paragraph being read: its number (or index), first line and lines."""

    number: int
    line: int
    parts: list[str]
    italic: str | None = None
    subs: list[SubparagraphDraft] = field(default_factory=list)
    # The open sub-paragraph lists, outermost first: (kind, the list).
    stack: list[tuple[str, list[SubparagraphDraft]]] = field(default_factory=list)

    def target(self) -> list[str]:
        """Where a continuation line goes: the latest sub-paragraph, or the paragraph."""
        if self.stack:
            return self.stack[-1][1][-1].parts
        return self.parts

    def place(self, label: str, line: int, text: str) -> bool:
        """Add a sub-paragraph where its label fits; False if it fits nowhere.

        A label continues the innermost list it follows ("(i)" after "(h)" is a
        letter), else an outer one; "(a)" or "(i)" after text opens a nested list
        ("(i)" after "(a)" is roman). "(i)" after "(h) ...:" opens a roman list.
        """
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):
            kind, items = stack[depth]
            last = items[-1]
            if label != _next_label(kind, last.label):
                continue
            innermost = depth == len(stack) - 1
            if label == "i" and innermost and last_mark(last_part(last.parts)) == ":":
                break
            del stack[depth + 1 :]
            items.append(SubparagraphDraft(label, kind, line, [text] if text else []))
            return True
        if label in ("a", "i"):
            kind = "roman" if label == "i" else "alpha"
            items = stack[-1][1][-1].children if stack else self.subs
            if items:
                return False
            items.append(SubparagraphDraft(label, kind, line, [text] if text else []))
            stack.append((kind, items))
            return True
        return False

    def force(self, label: str, line: int, text: str) -> None:
        """An out-of-order label: keep it in the innermost list."""
        if not self.stack:
            kind = "roman" if label in _ROMAN_NEXT else "alpha"
            self.stack.append((kind, self.subs))
        kind, items = self.stack[-1]
        items.append(SubparagraphDraft(label, kind, line, [text] if text else []))

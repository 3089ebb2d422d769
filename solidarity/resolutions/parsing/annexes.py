"""Annexes: what follows the resolution under "Annex" ("Annex I", "Annex II").

An annex (a declaration, a programme of action) prints its heading, a title on
the lines that follow it up to the first blank line or paragraph, then its
body: numbered paragraphs ("1." alone on its line with the text on the next,
or "10. We welcome ..."), their sub-paragraphs "(a)", "(b)" as in the
operative part, headings numbered with a roman numeral or a capital letter
("I." / "Global context and shared commitments", "II. Implementation of ...")
and unnumbered headings ("Partnerships and support mechanisms": a line or
three after a blank line, right before the next numbered paragraph). An annex
with no numbered paragraphs is read as unnumbered paragraphs, a new one after
each blank line that follows a finished sentence.

Footnotes of an annex are placed with the resolution's own (see structure.py):
:meth:`AnnexReader.texts` lists the texts with the anchors of their paragraphs,
and :meth:`AnnexReader.build` takes them back with the markers placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from solidarity.resolutions import anchors
from solidarity.resolutions.parsing.document import Annex, AnnexHeading, AnnexParagraph
from solidarity.resolutions.parsing.errors import Diagnostics
from solidarity.resolutions.parsing.paragraphs import (
    ParagraphDraft,
    complete,
    last_mark,
    last_part,
)
from solidarity.resolutions.parsing.text import RawLine as Line
from solidarity.resolutions.parsing.text import join_lines

ANNEX = re.compile(r"Annex(?:es)?(?:\s+(?:[IVXLC]+|\d{1,2}))?\.?")
_NUMBERED = re.compile(r"(\d{1,3})\.(?:\s+(\S.*))?")
_NUMBERED_HEADING = re.compile(r"([IVXL]{1,6}|[A-H])\.(?:\s+(\S.*))?")
_SUBPARAGRAPH = re.compile(r"\(([a-z]{1,5})\)\s*(.*)")
UNNUMBERED = 0  # the number of a paragraph draft that has none


@dataclass(slots=True)
class HeadingDraft:
    number: str
    line: int
    parts: list[str]


@dataclass(slots=True)
class AnnexDraft:
    heading: str
    line: int
    title_parts: list[str] = field(default_factory=list)
    title_open: bool = True
    items: list[HeadingDraft | ParagraphDraft] = field(default_factory=list)
    last_number: int = 0  # of the numbered paragraphs read so far

    @property
    def current(self) -> HeadingDraft | ParagraphDraft | None:
        return self.items[-1] if self.items else None

    def anchors(self, position: int) -> list[str]:
        return anchors.annex_content_anchors(
            position,
            (
                ("heading", None)
                if isinstance(item, HeadingDraft)
                else ("paragraph", None if item.number == UNNUMBERED else item.number)
                for item in self.items
            ),
        )


def _walk(subs):
    for sub in subs:
        yield sub
        yield from _walk(sub.children)


class AnnexReader:
    """Reads the annexes line by line, once the resolution's own text has ended."""

    def __init__(self, lines: list[Line], diagnostics: Diagnostics):
        self.lines = lines
        self.diagnostics = diagnostics
        self.annexes: list[AnnexDraft] = []

    def start(self, line: Line) -> None:
        """A line "Annex" (or "Annex II") opens an annex."""
        self.annexes.append(AnnexDraft(heading=line.text.rstrip("."), line=line.number))

    def read(self, line: Line, position: int) -> int:
        """Read one line of the current annex; returns the position of the last line used."""
        text = line.text
        if text[0] == "A" and ANNEX.fullmatch(text):
            self.start(line)
            return position
        annex = self.annexes[-1]
        if annex.title_open:
            opens = _NUMBERED.fullmatch(text) or _NUMBERED_HEADING.fullmatch(text)
            if opens is None and not (annex.title_parts and line.gap):
                annex.title_parts.append(text)
                return position
            annex.title_open = False
        return self._body(annex, line, position)

    def _body(self, annex: AnnexDraft, line: Line, position: int) -> int:
        text = line.text
        current = annex.current
        numbered = self._numbered(annex, line, position)
        if numbered is not None:
            number, rest, alone = numbered
            annex.items.append(ParagraphDraft(number, line.number, [rest], line.italic))
            annex.last_number = number
            return position + 1 if alone else position
        finished = current is None or (
            isinstance(current, HeadingDraft)
            or last_mark(last_part(current.target())) in (".", ";", ":")
        )
        heading = self._numbered_heading(line, position) if finished else None
        if heading is not None:
            label, rest, alone = heading
            annex.items.append(HeadingDraft(label, line.number, [rest]))
            return position + 1 if alone else position
        if isinstance(current, ParagraphDraft) and text[0] == "(":
            match = _SUBPARAGRAPH.fullmatch(text)
            if match and self._may_open_subparagraph(current):
                label, rest = match.groups()
                if not current.place(label, line.number, rest):
                    self.diagnostics.warn(
                        line.number,
                        f"sub-paragraph ({label}) of paragraph {current.number} of "
                        f"{annex.heading} is out of order",
                    )
                    current.force(label, line.number, rest)
                return position
        if text[0].isupper() and line.gap and finished and current is not None:
            end = self._heading_end(annex, position)
            if end is not None:
                parts = [item.text for item in self.lines[position:end]]
                annex.items.append(HeadingDraft("", line.number, parts))
                return end - 1
        if isinstance(current, HeadingDraft):
            if line.gap or last_mark(current.parts[-1]) == ".":
                annex.items.append(ParagraphDraft(UNNUMBERED, line.number, [text], line.italic))
            else:
                current.parts.append(text)
            return position
        if current is None or (
            annex.last_number == 0
            and line.gap
            and text[0].isupper()
            and last_mark(last_part(current.target())) == "."
        ):
            annex.items.append(ParagraphDraft(UNNUMBERED, line.number, [text], line.italic))
            return position
        current.target().append(text)
        return position

    def _numbered(
        self, annex: AnnexDraft, line: Line, position: int
    ) -> tuple[int, str, bool] | None:
        """(number, text, whether the text is on the next line) for the next paragraph."""
        text = line.text
        if not text[0].isdigit():
            return None
        match = _NUMBERED.fullmatch(text)
        if match is None:
            return None
        number = int(match.group(1))
        rest = match.group(2)
        if rest is None:
            following = self.lines[position + 1] if position + 1 < len(self.lines) else None
            if following is None or not following.text[0].isupper():
                return None
            rest, alone = following.text, True
        elif rest[0].isupper():
            alone = False
        else:
            return None
        if number != annex.last_number + 1:
            if alone:
                self.diagnostics.warn(
                    line.number,
                    f"paragraph {number} of {annex.heading} comes after paragraph "
                    f"{annex.last_number}; read as text",
                )
            return None
        return number, rest, alone

    def _numbered_heading(self, line: Line, position: int) -> tuple[str, str, bool] | None:
        """(label, text, whether the text is on the next line) for "I." or "II. Title"."""
        text = line.text
        if not text[0].isupper() or "." not in text[:7]:
            return None
        match = _NUMBERED_HEADING.fullmatch(text)
        if match is None:
            return None
        rest = match.group(2)
        if rest is not None:
            return (match.group(1), rest, False) if rest[0].isupper() else None
        following = self.lines[position + 1] if position + 1 < len(self.lines) else None
        if following is None or not following.text[0].isupper():
            return None
        return match.group(1), following.text, True

    def _heading_end(self, annex: AnnexDraft, position: int) -> int | None:
        """Where the numbered paragraphs resume after an unnumbered heading starting here."""
        if annex.last_number == 0 or complete(self.lines[position].text):
            return None
        for ahead in range(position + 1, min(position + 4, len(self.lines))):
            following = self.lines[ahead]
            if self._numbered(annex, following, ahead) is not None:
                return ahead
            if not following.text[0].isupper() or complete(following.text):
                return None
        return None

    @staticmethod
    def _may_open_subparagraph(current: ParagraphDraft) -> bool:
        last = last_part(current.target())
        return last_mark(last) in (":", ";", ",", ".") or last.endswith((" and", " or"))

    # The result, footnote markers placed with the resolution's own.

    def texts(self) -> list[tuple[str, str]]:
        """(anchor, text) of every heading, paragraph and sub-paragraph, in reading order;
        a sub-paragraph carries its paragraph's anchor."""
        found = []
        for position, annex in enumerate(self.annexes, start=1):
            for anchor, item in zip(annex.anchors(position), annex.items, strict=True):
                found.append((anchor, join_lines(item.parts)))
                if isinstance(item, ParagraphDraft):
                    found.extend((anchor, join_lines(sub.parts)) for sub in _walk(item.subs))
        return found

    def first_lines(self) -> list[int]:
        """The first line of each text of :meth:`texts`, in the same order."""
        found = []
        for annex in self.annexes:
            for item in annex.items:
                found.append(item.line)
                if isinstance(item, ParagraphDraft):
                    found.extend(sub.line for sub in _walk(item.subs))
        return found

    def build(self, texts: list[str]) -> list[Annex]:
        """The annexes, with the texts of :meth:`texts` given back (markers placed)."""
        remaining = iter(texts)
        built = []
        for annex in self.annexes:
            content: list[AnnexHeading | AnnexParagraph] = []
            for item in annex.items:
                text = next(remaining)
                if isinstance(item, HeadingDraft):
                    content.append(AnnexHeading(number=item.number, text=text))
                    continue
                for sub in _walk(item.subs):
                    sub.parts = [next(remaining)]
                number = None if item.number == UNNUMBERED else item.number
                subparagraphs = [sub.build() for sub in item.subs]
                content.append(AnnexParagraph(number, text, subparagraphs))
            title = join_lines(annex.title_parts)
            built.append(Annex(heading=annex.heading, title=title, content=content))
        return built

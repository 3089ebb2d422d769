"""The parts of a resolution, read line by line.

A resolution runs: header block (distribution date, adopting body, session,
agenda item, "Resolution adopted by ... on DATE", "56/4. Title"), opening
formula ("The Human Rights Council,"), preamble, numbered operative
paragraphs, closing lines (meeting and date), the adoption formula with the
vote, and perhaps annexes.

Paragraph boundaries are decided by the words, not by the layout, because
converters and text layers break lines anywhere:

- an operative paragraph starts with its expected number and a capitalised
  word ("5. Recognizes", or "5." alone on its line with the verb on the next);
- a preambular paragraph starts after one that ended in a comma or semicolon,
  with a lead word ("Recalling", "Deeply concerned"); after a blank line any
  word of the form of a lead will do;
- anything else continues the paragraph before, including text resumed after
  a page break, whatever its case.

The end is checked: a text that stops inside the operative part, with no
closing line and its last paragraph unterminated, is truncated.
"""

from __future__ import annotations

import bisect
import datetime
import re

from solidarity.resolutions.anchors import footnote as footnote_anchor
from solidarity.resolutions.anchors import operative as operative_anchor
from solidarity.resolutions.anchors import preambular as preambular_anchor
from solidarity.resolutions.parsing import header, leads
from solidarity.resolutions.parsing.addressees import addressees
from solidarity.resolutions.parsing.annexes import ANNEX as _ANNEX
from solidarity.resolutions.parsing.annexes import AnnexReader
from solidarity.resolutions.parsing.document import (
    AnnexParagraph,
    Footnote,
    OperativeParagraph,
    PreambularParagraph,
    RecordedVote,
    ResolutionDocument,
    Subparagraph,
)
from solidarity.resolutions.parsing.errors import Diagnostics
from solidarity.resolutions.parsing.footnotes import place_markers, unplaced
from solidarity.resolutions.parsing.pages import FootnoteText, Line, Pages
from solidarity.resolutions.parsing.paragraphs import (
    ParagraphDraft,
    SubparagraphDraft,
    complete,
    last_mark,
    last_part,
)
from solidarity.resolutions.parsing.references import find_references
from solidarity.resolutions.parsing.symbols import canonical
from solidarity.resolutions.parsing.text import join_lines
from solidarity.resolutions.parsing.votes import STARTS as VOTE_STARTS
from solidarity.resolutions.parsing.votes import notes_in_vote, read_vote

_OPERATIVE_START = re.compile(r"(\d{1,3})\.(?:\s+(\S.*))?")
_SUBPARAGRAPH_START = re.compile(r"\(([a-z]{1,5})\)\s*(.*)")
HEADER, PREAMBLE, OPERATIVE, CLOSING, ANNEX = range(5)


class Reader:
    """Reads one resolution from its content lines and footnotes."""

    def __init__(self, pages: Pages, diagnostics: Diagnostics):
        self.lines = pages.lines
        self.notes = pages.footnotes
        self.diagnostics = diagnostics
        self.head = header.HeaderBlock()
        self.head.printed_symbol = pages.printed_symbol
        self.preamble: list[ParagraphDraft] = []
        self.operative: list[ParagraphDraft] = []
        self.meeting = ""
        self.meeting_line: int | None = None
        self.meeting_date: datetime.date | None = None
        self.vote_lines: list[tuple[int, str]] = []
        self.vote_closed = False
        self.state = HEADER
        self.closing_noted = False
        self.annexes = AnnexReader(self.lines, diagnostics)
        for number, furniture in pages.furniture:
            diagnostics.warn(
                number,
                f"page furniture '{furniture}' is left inside the text "
                "(a running header or job number glued to a line)",
            )

    # The walk over the lines.

    def read(self) -> ResolutionDocument:
        lines = self.lines
        position = 0
        count = len(lines)
        while position < count:
            line = lines[position]
            state = self.state
            if state == HEADER:
                position = self._header(line, position)
            elif state == PREAMBLE:
                position = self._preamble(line, position)
            elif state == OPERATIVE:
                position = self._operative(line, position)
            elif state == CLOSING:
                self._closing(line)
            else:
                position = self.annexes.read(line, position)
            position += 1
        return self._finish()

    def _header(self, line: Line, position: int) -> int:
        text = line.text
        head = self.head
        if head.read_announced_date(text):
            return position
        formula = header.FORMULA.fullmatch(text)
        if formula:
            head.formula = header.BODIES[formula.group(1)]
            head.formula_line = line.number
            if head.title is None:
                raise self.diagnostics.error(
                    line.number,
                    "missing title: no line such as '56/4. Title of the resolution' "
                    f"comes before the opening formula '{text}'",
                )
            self._begin_body(line.number)
            self.state = PREAMBLE
            return position
        if head.title is not None:
            if self._starts_operative(line, position) is not None:
                self._begin_body(line.number, formula_missing=True)
                self.state = OPERATIVE
                return self._operative(line, position)
            if leads.opens_preambular_paragraph(text):
                self._begin_body(line.number, formula_missing=True)
                self.state = PREAMBLE
                return self._preamble(line, position)
            # The title and its line are read together: title_line is set here.
            assert head.title_line is not None
            if not line.gap and line.number - head.title_line <= 3 and not line.heading:
                head.title_parts.append(text)
                return position
        if head.title is None:
            title = header.TITLE.fullmatch(text)
            if title:
                head.read_number(title)
                head.title_parts = [title.group(3)]
                head.title = title.group(3)
                head.title_line = line.number
                return position
        head.read_field(line.number, text)
        return position

    def _begin_body(self, line: int, *, formula_missing: bool = False) -> None:
        head = self.head
        head.title = " ".join(head.title_parts).strip()
        if formula_missing:
            self.diagnostics.warn(
                line, "no opening formula ('The Human Rights Council,') before the preamble"
            )
        if head.formula is None and head.adopted_by is None and head.body_line is None:
            raise self.diagnostics.error(
                head.title_line,
                "missing body: neither an opening formula ('The Human Rights Council,', "
                "'The General Assembly,') nor a line 'Resolution adopted by ...' names "
                "the adopting body",
            )

    # The preamble.

    def _preamble(self, line: Line, position: int) -> int:
        start = self._starts_operative(line, position)
        if start is not None:
            number = start[0]
            if number != 1:
                raise self.diagnostics.error(
                    line.number, f"the operative part starts at paragraph {number}, not 1"
                )
            self.state = OPERATIVE
            return self._operative(line, position)
        text = line.text
        current = self.preamble[-1] if self.preamble else None
        if line.gap and header.MEETING.fullmatch(text) and self._lone_operative(current):
            self.state = CLOSING
            self._closing(line)
            return position
        if current is None or self._opens_preambular(line, current):
            self.preamble.append(
                ParagraphDraft(len(self.preamble) + 1, line.number, [text], line.italic)
            )
        elif line.gap and leads.opens_preambular_paragraph(text):
            # A lead after a paragraph break is a boundary, never text: the paragraph
            # before did not end as one does, which is worth a word, not a merge.
            self.diagnostics.warn(
                line.number,
                f"preambular paragraph {current.number} does not end with a comma or "
                f"semicolon before '{text[:40]}', read as the start of paragraph "
                f"{current.number + 1}",
            )
            self.preamble.append(
                ParagraphDraft(len(self.preamble) + 1, line.number, [text], line.italic)
            )
        else:
            current.parts.append(text)
        return position

    def _lone_operative(self, current: ParagraphDraft | None) -> bool:
        """Take the last paragraph as the one operative paragraph, printed unnumbered.

        A decision (or a resolution) that decides one thing prints its one operative
        paragraph without a number ("Adopts the outcome of the universal periodic
        review ..."): a paragraph ending with a full stop and opening with an operative
        lead, right before the meeting line. It is read as operative paragraph 1, and
        taken from the end of the paragraph before when it was read as its last lines
        (after a line ending with a comma).
        """
        if current is None or last_mark(current.parts[-1]) != ".":
            return False
        parts = current.parts
        start = next(
            (
                at
                for at in range(len(parts) - 1, -1, -1)
                if (at == 0 or last_mark(parts[at - 1]) in (",", ";"))
                and leads.operative_lead(parts[at])[1] != leads.NONE
            ),
            None,
        )
        if start is None:
            return False
        if start == 0 and len(self.preamble) < 2:
            # No preamble at all: the one paragraph must open with a known operative lead.
            known = leads.operative_lead(parts[0])[1] == leads.KNOWN
            if not known or leads.preambular_lead(parts[0])[1] != leads.NONE:
                return False
        if start == 0:
            self.preamble.pop()
            line = current.line
        else:
            current.parts = parts[:start]
            line = next(
                (item.number for item in self.lines if item.text is parts[start]), current.line
            )
        self.operative.append(ParagraphDraft(1, line, parts[start:], None))
        return True

    def _opens_preambular(self, line: Line, current: ParagraphDraft) -> bool:
        text = line.text
        if not text[0].isupper() or not complete(current.parts[-1]):
            return False
        if leads.opens_preambular_paragraph(text):
            return True
        if not line.gap:
            return False
        return line.italic is not None or leads.preambular_lead(text)[1] != leads.NONE

    # The operative part.

    def _starts_operative(self, line: Line, position: int) -> tuple[int, str, bool] | None:
        """(number, text, whether the text is on the next line) if the line opens a paragraph."""
        text = line.text
        if not text[0].isdigit():
            return None
        match = _OPERATIVE_START.fullmatch(text)
        if not match:
            return None
        rest = match.group(2)
        if rest is None:
            following = self.lines[position + 1] if position + 1 < len(self.lines) else None
            if following is None or not following.text[0].isupper():
                return None
            return int(match.group(1)), following.text, True
        if not rest[0].isupper():
            return None
        return int(match.group(1)), rest, False

    def _operative(self, line: Line, position: int) -> int:
        text = line.text
        first = text[0]
        expected = len(self.operative) + 1
        current = self.operative[-1] if self.operative else None
        if first.isdigit():
            start = self._starts_operative(line, position)
            if start is not None:
                number, rest, alone = start
                if number == expected or leads.operative_lead(rest)[1] != leads.NONE:
                    if number != expected:
                        raise self.diagnostics.error(line.number, self._misnumbered(number))
                    if alone:
                        position += 1  # the number stood alone on its line
                    self.operative.append(ParagraphDraft(number, line.number, [rest], line.italic))
                    return position
            if header.MEETING.fullmatch(text):
                self.state = CLOSING
                self._closing(line)
                return position
        elif first == "(" and current is not None:
            match = _SUBPARAGRAPH_START.fullmatch(text)
            if match and self._may_open_subparagraph(current):
                label, rest = match.groups()
                if not current.place(label, line.number, rest):
                    self.diagnostics.warn(
                        line.number,
                        f"sub-paragraph ({label}) of operative paragraph {current.number} "
                        "is out of order",
                    )
                    current.force(label, line.number, rest)
                return position
        elif first == "A" and _ANNEX.fullmatch(text):
            self._annex(line)
            return position
        elif (
            (first == "[" or first == "A")
            and VOTE_STARTS.match(text)
            and (first == "[" or (current is not None and last_mark(current.parts[-1]) == "."))
        ):
            self.state = CLOSING
            self._closing(line)
            return position
        if current is None:
            raise self.diagnostics.error(line.number, "text before operative paragraph 1")
        if first.isupper() and last_mark(last_part(current.target())) in (";", "."):
            heading_end = self._heading_end(position, expected)
            if heading_end is not None:
                heading = " ".join(item.text for item in self.lines[position:heading_end])
                self.diagnostics.warn(
                    line.number,
                    f"heading '{heading}' inside the operative part is left out of the paragraphs",
                )
                return heading_end - 1
        current.target().append(text)
        return position

    def _misnumbered(self, number: int) -> str:
        previous = len(self.operative)
        if previous == 0:
            return f"the operative part starts at paragraph {number}, not 1"
        if number == previous:
            return f"operative paragraph {number} is numbered twice"
        if number < previous:
            return f"operative paragraph {number} comes after paragraph {previous}"
        return f"operative paragraphs skip from {previous} to {number}"

    def _may_open_subparagraph(self, current: ParagraphDraft) -> bool:
        last = last_part(current.target())
        mark = last_mark(last)
        return mark in (":", ";", ",", ".") or last.endswith((" and", " or"))

    def _heading_end(self, position: int, expected: int) -> int | None:
        """Where the operative paragraphs resume after a heading starting here, or None."""
        lines = self.lines
        for ahead in range(position + 1, min(position + 4, len(lines))):
            following = lines[ahead]
            start = self._starts_operative(following, ahead)
            if start is not None and start[0] == expected:
                return ahead
            if not following.text[0].isupper() or complete(following.text):
                return None
        return None

    def _annex(self, line: Line) -> None:
        self.annexes.start(line)
        self.state = ANNEX

    # The closing lines and the vote.

    def _closing(self, line: Line) -> None:
        text = line.text
        if self.vote_lines and not self.vote_closed:
            if _ANNEX.fullmatch(text):
                self.vote_closed = True
                self._annex(line)
                return
            self.vote_lines.append((line.number, text))
            self.vote_closed = text.endswith("]")
            return
        if header.MEETING.fullmatch(text) and not self.meeting:
            self.meeting = text.rstrip(".")
            self.meeting_line = line.number
            return
        if self.meeting and self.meeting_date is None:
            day = header.date_line(text)
            if day is not None:
                self.meeting_date = day
                return
        if VOTE_STARTS.match(text) and not self.vote_lines:
            self.vote_lines.append((line.number, text))
            self.vote_closed = text.endswith("]")
            return
        if _ANNEX.fullmatch(text):
            self._annex(line)
            return
        if not self.closing_noted:
            self.closing_noted = True
            self.diagnostics.warn(
                line.number, f"text after the operative part not understood: '{text[:60]}'"
            )

    # The result.

    def _finish(self) -> ResolutionDocument:
        head = self.head
        diagnostics = self.diagnostics
        last_line = self.lines[-1].number if self.lines else None
        if head.title is None or head.number is None:
            if head.formula_line is not None:
                raise diagnostics.error(head.formula_line, "missing title")
            hint = f" (it looks like another kind of document: '{head.looks_like}')"
            raise diagnostics.error(
                None,
                "not a resolution: no line such as '56/4. Title of the resolution' and "
                "no opening formula such as 'The Human Rights Council,' were found"
                + (hint if head.looks_like else ""),
            )
        if self.state == HEADER:
            raise diagnostics.error(
                last_line,
                "the text ends before the preamble: no paragraphs follow the title "
                "(truncated, or not a resolution)",
            )
        if not self.operative:
            raise diagnostics.error(
                last_line,
                "the text ends in the preamble: no operative paragraphs (truncated?)",
            )
        if self.state == OPERATIVE:
            last = self.operative[-1]
            if last_mark(last_part(last.target())) != ".":
                raise diagnostics.error(
                    last_line,
                    f"the text ends inside operative paragraph {last.number}, with no closing "
                    "meeting line or adoption formula: the document looks truncated",
                )
            diagnostics.warn(last_line, "no meeting line or adoption formula after the text")
        body = self._body()
        numbered = head.symbol(body)
        disagreement = head.session_disagreement(numbered)
        if disagreement:
            diagnostics.warn(head.title_line, disagreement)
        symbol = str(numbered)
        if head.printed_symbol is not None and canonical(head.printed_symbol[1]) != symbol:
            diagnostics.warn(
                head.printed_symbol[0],
                f"the page header prints {head.printed_symbol[1]} but the resolution is {symbol}",
            )
        adopted_on = head.adopted_on
        if self.meeting_date is not None:
            if adopted_on is None:
                adopted_on = self.meeting_date
            elif adopted_on != self.meeting_date:
                diagnostics.warn(
                    self.meeting_line,
                    f"adopted on {adopted_on.isoformat()} by the header but the meeting "
                    f"is dated {self.meeting_date.isoformat()}",
                )
        vote = self._vote(body)
        document = ResolutionDocument(
            symbol=symbol,
            body=body,
            session=numbered.session,
            kind=numbered.kind,
            session_type=numbered.session_type,
            part=numbered.part,
            agenda_item=head.agenda_item,
            title=head.title,
            adopted_on=adopted_on,
            distributed_on=head.distributed_on,
            meeting=self.meeting,
            vote=vote,
        )
        self._paragraphs(document)
        return document

    def _body(self) -> str:
        head = self.head
        evidence = [code for code in (head.formula, head.adopted_by, head.body_line) if code]
        body = evidence[0]
        if any(code != body for code in evidence):
            self.diagnostics.warn(
                head.formula_line or head.title_line,
                "the header and the opening formula name different bodies; "
                f"reading it as a resolution of the {header.BODY_NAMES[body]}",
            )
        return body

    def _vote(self, body: str) -> RecordedVote | None:
        if not self.vote_lines:
            if body == "HRC":
                self.diagnostics.warn(
                    self.meeting_line, "no adoption formula ('[Adopted ...]'); no vote recorded"
                )
            return None
        self.vote_lines, lifted = notes_in_vote(self.vote_lines, [n.marker for n in self.notes])
        for place, marker, line, words in lifted:  # footnotes a re-flowed page left in the vote
            self.notes.insert(place, FootnoteText(marker, line, [words]))
        if lifted:  # "Morocco 1 A/HRC/56/57.]": the bracket closes the vote once the note is out
            self.vote_closed = self.vote_lines[-1][1].endswith("]")
        if not self.vote_closed and self.vote_lines[0][1].startswith("["):
            self.diagnostics.warn(self.vote_lines[0][0], "the vote has no closing bracket")
        return read_vote(self.vote_lines, self.diagnostics)

    def _paragraphs(self, document: ResolutionDocument) -> None:
        diagnostics = self.diagnostics
        anchors: list[str] = []
        texts: list[str] = []
        starts: list[int] = []  # the first line of each text
        for paragraph in self.preamble:
            anchors.append(preambular_anchor(paragraph.number))
            texts.append(join_lines(paragraph.parts))
            starts.append(paragraph.line)
        subs: list[tuple[int, SubparagraphDraft]] = []
        for paragraph in self.operative:
            anchor = operative_anchor(paragraph.number)
            anchors.append(anchor)
            texts.append(join_lines(paragraph.parts))
            starts.append(paragraph.line)
            for sub in _walk(paragraph.subs) if paragraph.subs else ():
                anchors.append(anchor)
                texts.append(join_lines(sub.parts))
                starts.append(sub.line)
                subs.append((len(texts) - 1, sub))
        annexed = len(texts)
        for anchor, text in self.annexes.texts():
            anchors.append(anchor)
            texts.append(text)
        starts.extend(self.annexes.first_lines())
        notes = self.notes
        self._check_footnote_numbers()
        markers = [note.marker for note in notes]
        # A marker is printed on its note's page or before: in a text begun before the note.
        begun = [bisect.bisect_right(starts, note.line) for note in notes]
        texts, where = place_markers(texts, markers, begun)
        for index, sub in subs:
            sub.parts = [texts[index]]
        document.annexes = self.annexes.build(texts[annexed:])
        footnotes = []
        for number, (note, found) in enumerate(zip(notes, where, strict=True)):
            placed_in = anchors[found] if found is not None else None
            if placed_in is None:
                diagnostics.warn(note.line, unplaced(texts, markers, where, number, anchors, begun))
            footnotes.append(Footnote(note.marker, join_lines(note.parts), placed_in))
        document.footnotes = footnotes

        position = 0
        anchors_of_paragraphs: list[str] = []
        preambular: list[PreambularParagraph] = []
        operative: list[OperativeParagraph] = []
        for paragraph in self.preamble:
            text = texts[position]
            anchors_of_paragraphs.append(anchors[position])
            position += 1
            lead = self._lead(paragraph, text, leads.preambular_lead, "preambular")
            preambular.append(PreambularParagraph(index=paragraph.number, lead=lead, text=text))
        document.preambular_paragraphs = preambular
        for paragraph in self.operative:
            text = texts[position]
            anchors_of_paragraphs.append(anchors[position])
            position += 1
            built = []
            if paragraph.subs:
                position += sum(1 for _ in _walk(paragraph.subs))
                built = [sub.build() for sub in paragraph.subs]
            lead = self._lead(paragraph, text, leads.operative_lead, "operative")
            asked = addressees(text, [sub.text for sub in _walk_built(built)] if built else ())
            operative.append(
                OperativeParagraph(
                    number=paragraph.number,
                    lead=lead,
                    text=text,
                    subparagraphs=built,
                    addressees=asked,
                )
            )
        document.operative_paragraphs = operative
        paragraphs: list[PreambularParagraph | OperativeParagraph] = [*preambular, *operative]

        cited_in: list[tuple[str, str]] = []
        by_anchor: dict[str | None, list[Footnote]] = {}
        for footnote in footnotes:
            by_anchor.setdefault(footnote.paragraph, []).append(footnote)
        for anchor, item in zip(anchors_of_paragraphs, paragraphs, strict=True):
            text = item.text
            if isinstance(item, OperativeParagraph) and item.subparagraphs:
                text = " ".join([text, *(sub.text for sub in _walk_built(item.subparagraphs))])
            cited_in.append((anchor, text))
            if by_anchor:
                for footnote in by_anchor.get(anchor, ()):
                    cited_in.append((footnote_anchor(footnote.marker), footnote.text))
        for position, annex in enumerate(document.annexes, start=1):
            for anchor, part in zip(annex.content_anchors(position), annex.content, strict=True):
                if isinstance(part, AnnexParagraph):
                    subtexts = (sub.text for sub in _walk_built(part.subparagraphs))
                    cited_in.append((anchor, " ".join([part.text, *subtexts])))
                    for footnote in by_anchor.get(anchor, ()):
                        cited_in.append((footnote_anchor(footnote.marker), footnote.text))
        for footnote in by_anchor.get(None, ()):
            cited_in.append((footnote_anchor(footnote.marker), footnote.text))
        document.references = find_references(cited_in, document.body)

    def _check_footnote_numbers(self) -> None:
        """Footnotes are numbered 1 to N, each once, in order."""
        previous = 0
        for note in self.notes:
            if not note.marker.isdigit():
                continue
            number = int(note.marker)
            if number == previous + 1:
                pass
            elif number == previous:
                self.diagnostics.warn(note.line, f"footnote {number} is numbered twice")
            elif number < previous:
                self.diagnostics.warn(
                    note.line, f"footnote {number} comes after footnote {previous}"
                )
            elif previous + 1 == number - 1:
                self.diagnostics.warn(
                    note.line, f"footnote {previous + 1} is missing before footnote {number}"
                )
            else:
                self.diagnostics.warn(
                    note.line,
                    f"footnotes {previous + 1} to {number - 1} are missing before "
                    f"footnote {number}",
                )
            previous = max(previous, number)

    def _lead(self, paragraph: ParagraphDraft, text: str, read, kind: str) -> str:
        lead, how = read(text)
        italic = paragraph.italic
        where = paragraph.line
        if how == leads.KNOWN:
            if italic is not None and italic != lead:
                self.diagnostics.warn(
                    where,
                    f"the lead printed in italics, '{italic}', differs from '{lead}' "
                    "read from the words",
                )
            return lead
        if italic is not None:
            return italic
        number = f"{kind} paragraph {paragraph.number}"
        if how == leads.GUESSED:
            self.diagnostics.warn(where, f"{number}: lead '{lead}' is not in the lexicon")
            return lead
        self.diagnostics.warn(where, f"{number} opens with no recognizable lead")
        return ""


def _walk(subs: list[SubparagraphDraft]):
    for sub in subs:
        yield sub
        yield from _walk(sub.children)


def _walk_built(subs: list[Subparagraph]):
    for sub in subs:
        yield sub
        yield from _walk_built(sub.subparagraphs)


def read_document(pages: Pages, diagnostics: Diagnostics) -> ResolutionDocument:
    """The resolution in these pages; raises ParseError if there is none."""
    if not pages.lines:
        raise diagnostics.error(None, "no text: the input is empty or holds only page furniture")
    return Reader(pages, diagnostics).read()

"""Undo the pages: drop their furniture and lift out their footnotes.

What a page of a UN document prints besides the text: the symbol as a running
header ("A/HRC/RES/56/4"), sometimes with the title, the job number
("GE.24-12345(E)"), a bar code, and the page number ("2", "2/7"). A converter
leaves them wherever the page broke, often in the middle of a paragraph. They
are dropped here, anywhere in the text.

Footnotes are lifted out of the flow: explicit Markdown ones (``<sup>1</sup>
A/HRC/56/57.`` or ``[^1]: ...``), the block under a line of underscores, and a
line "1 A/HRC/56/57." when footnote 1 is the next expected and its marker has
been seen glued to the text before it ("networks;1"). A footnote runs to the
next blank line, page break or furniture, or to a line that after its full stop
opens a paragraph with a lead of the lexicon.

Texts re-flowed one paragraph a line keep each page's footnotes where the page
ended: a run of notes between paragraphs ("1 A/77/165." / "2 A/78/165."), read
as a block whatever became of their markers, or notes set inside the sentence
the page cut ("... meetings in 1 A/HRC/56/57. the economic ..."), lifted out.
Notes left inside a recorded vote are the vote reader's to lift (``votes``).

Furniture that cannot be dropped because it is glued to a line of text or of a
footnote (a job number "24-12345", the symbol and title of a running header)
is recorded with its line, to be reported rather than kept in silence.

Closing lines run on at the end of the last paragraph, as in texts re-flowed
from web pages ("... of work. 34th meeting 10 July 2024 [Adopted ..."), or a
meeting line with its date ("52nd plenary meeting 1 December 2025"), are split
back into the meeting line, its date and the adoption formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from solidarity.resolutions.parsing import header, leads
from solidarity.resolutions.parsing.annexes import ANNEX
from solidarity.resolutions.parsing.footnotes import marker_in
from solidarity.resolutions.parsing.paragraphs import complete
from solidarity.resolutions.parsing.text import (
    BLANK,
    PAGE_BREAK,
    RULE,
    TEXT,
    RawLine,
    clean_line,
    clean_plain_line,
    has_markup,
    split_lines,
)

_FURNITURE = re.compile(
    r"A/(?:HRC/)?RES/\d{1,3}/\d{1,4}"
    r"|\bGE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s*\d{6}){0,2}"
    r"|\b\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s*\d{6}){0,2}"
    r"|(?<![\w/.-])\d{2}-\d{5}(?![\w/-])(?:\s*\d{6}){0,2}"
    r"|\*\d{6,}\*|^\d{7}$"
    r"|\bPage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\b"
    r"|\b\d{1,3}\s*/\s*\d{1,3}\b"
    r"|\bPlease recycle\b"
)
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# A job number left inside a line of text: a page's furniture glued to the text.
_JOB_DIGITS = re.compile(r"-\d{5}")  # opens with a literal: a fast first look
_JOB_NUMBER = re.compile(r"(?<![\w/.-])(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?![\w/-])")
# The closing lines run on at the end of the last paragraph, as texts re-flowed
# from web pages give them: "... of work. 34th meeting 10 July 2024 [Adopted ...]".
_RUN_ON_CLOSING = re.compile(
    r"(?:^|(?<=[.;])\s+)(\d{1,4}\s?(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)\.?\s+"
    rf"(\d{{1,2}}\s+(?:{header.MONTH_PATTERN})\s+\d{{4}})\.?(?:\s+(\S.*))?"
)
# Inside a re-flowed line: where the sentence a footnote interrupted resumes, and
# the next footnote of the same place ("1 A/1. 2 A/2. the economic").
_SENTENCE_RESUMES = re.compile(r"\. (?=[a-z])")
_NEXT_NOTE = re.compile(r"(?<=\.) (\d{1,3}) (?=[A-Z])")
_OPERATIVE_START = re.compile(r"\d{1,3}\.\s+([A-Z].*)")
_EXPLICIT_NOTE = re.compile(r"\[\^([0-9A-Za-z*]{1,4})\]:?\s*(.*)")
_NOTE = re.compile(r"(\d{1,3})\s+(\S.*)")
_NOTE_IN_BLOCK = re.compile(r"(\d{1,3})\s*([^\d\s.].*)")


Line = RawLine  # a line of the text proper, once the furniture and footnotes are out


@dataclass(slots=True)
class FootnoteText:
    """A footnote as printed: its marker, first line and lines of text."""

    marker: str
    line: int
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Pages:
    """The text proper, the footnotes lifted out of it, and the symbol the pages print."""

    lines: list[Line]
    footnotes: list[FootnoteText]
    printed_symbol: tuple[int, str] | None  # (line, symbol) of the first running header
    # (line, what) of page furniture left inside a line of text or of a footnote
    furniture: list[tuple[int, str]] = field(default_factory=list)


def _running_title(raw: list[RawLine]) -> str | None:
    """The title as a running header would print it, from the "56/4. Title" line."""
    for position, line in enumerate(raw):
        if line.kind != TEXT:
            continue
        match = header.TITLE.fullmatch(line.text)
        if not match:
            continue
        parts = [match.group(3)]
        for following in raw[position + 1 : position + 4]:
            if following.kind != TEXT or header.FORMULA.fullmatch(following.text):
                break
            parts.append(following.text)
        return " ".join(parts)
    return None


def _wrapped_title_end(raw: list[RawLine], position: int, title: str) -> int:
    """Past the last line of a running title printed over lines from here, or 0 if none is."""
    joined = raw[position].text
    if len(joined) >= len(title) or not title.startswith(joined):
        return 0
    for ahead in range(position + 1, min(position + 3, len(raw))):
        following = raw[ahead]
        if following.kind != TEXT:
            return 0
        joined = f"{joined} {following.text}"
        if joined == title:
            return ahead + 1
        if not title.startswith(joined):
            return 0
    return 0


def _titles_annex(raw: list[RawLine], position: int) -> bool:
    """Whether the line is the first of an annex's title: right under "Annex"."""
    before = raw[position - 1] if position else None
    return (
        before is not None
        and before.kind == TEXT
        and before.text[:5] == "Annex"
        and ANNEX.fullmatch(before.text) is not None
    )


def _is_furniture(raw: list[RawLine], position: int, title: str | None) -> bool:
    text = raw[position].text
    if len(text) <= 3 and _PAGE_NUMBER.fullmatch(text):
        # A bare number is a page number only at the edge of a page or a block.
        for near in (position - 1, position + 1):
            if near < 0 or near >= len(raw) or raw[near].kind != TEXT:
                return True
            if _is_furniture_text(raw[near].text, title):
                return True
        return False
    return _is_furniture_text(text, title)


def _is_furniture_text(text: str, title: str | None) -> bool:
    if title is not None and text == title:
        return True
    if len(text) > 200:
        return False
    if not (
        "/" in text
        or "(" in text
        or "*" in text
        or "GE." in text
        or "Page" in text
        or "recycle" in text
        or (len(text) == 7 and text.isdigit())
        or text[2:3] == "-"
        or text[-6:-5] == "-"
    ):
        return False
    rest = _FURNITURE.sub(" ", text).strip(" |-\u2013\u00b7")
    if not rest:
        return True
    return (len(rest) <= 3 and rest.isdigit()) or (title is not None and rest == title)


def _furniture_inside(text: str, title: str | None) -> str | None:
    """Page furniture glued to text: a job number, or the symbol and title of a running header."""
    if _JOB_DIGITS.search(text):
        match = _JOB_NUMBER.search(text)
        if match:
            return match.group()
    if title is not None and text.startswith("A/"):
        symbol = header.SYMBOL.match(text)
        if symbol and text[symbol.end() :].lstrip().startswith(title):
            return f"{symbol.group()} {title}"
    return None


def _marker_seen(lines: list[Line], marker: str) -> bool:
    """Whether the footnote's marker appears in the text read so far.

    Looked for from the last line back: a note is printed on the page of its
    marker, so the marker is most often a few lines up, and each line costs a
    search of the marker glued, explicit or set apart.
    """
    return any(marker in line.text and marker_in(line.text, marker) for line in reversed(lines))


def _resumes_text(note: FootnoteText, content: str) -> bool:
    """Whether a line after a finished footnote opens the next paragraph of the text.

    A text layer without blank lines or running header between pages runs the
    page's last footnote straight into the next page ("1 See resolution 2200 A
    (XXI), annex." / "Reaffirming also the Convention ..."). A note ends with a
    full stop and goes on with its own words; a lead of the lexicon or a numbered
    operative paragraph after that full stop is the text resumed.
    """
    if not note.parts or not note.parts[-1].endswith("."):
        return False
    first = content[0]
    if first.isdigit():
        match = _OPERATIVE_START.fullmatch(content)
        return match is not None and leads.operative_lead(match.group(1))[1] == leads.KNOWN
    return first.isupper() and leads.preambular_lead(content)[1] == leads.KNOWN


def _notes_inside(text: str, number: int, lines: list[Line]) -> list[tuple[str, str]]:
    """Footnotes set inside a sentence of a re-flowed line, and the line without them.

    A page that broke mid-sentence leaves its footnotes there when the text is
    re-flowed: "... ministerial meetings in 1 A/HRC/56/57. the economic, social
    ...". Footnote ``number`` is taken out of the sentence when its marker was
    seen before it, it stands after a word and opens with a capital, and the
    sentence resumes after its full stop with a lower-case word; the notes that
    follow it in the same place ("1 A/1. 2 A/2. the economic") come with it.
    A vote run on after the text is left as it is: a note between two names of
    its lists is told from a name by the vote reader, which knows the States
    (``votes.notes_in_vote``). Returns [("", text without the notes), (marker,
    note), ...], or [] when there is none.
    """
    marker = str(number)
    votes = text.find("In favour:")
    limit = len(text) if votes == -1 else votes
    at = text.find(f" {marker} ", 0, limit)
    while at != -1:
        start = at + len(marker) + 2
        if (
            text[at - 1 : at].isalpha()
            and text[start : start + 1].isupper()
            and (marker_in(text[:at], marker) is not None or _marker_seen(lines, marker))
        ):
            resumes = _SENTENCE_RESUMES.search(text, start, min(start + 600, limit))
            if resumes is None:
                return []
            end = resumes.start() + 1
            pieces = [marker, *_NEXT_NOTE.split(text[start:end])]
            notes = list(zip(pieces[::2], pieces[1::2], strict=True))
            if any(int(mark) != number + offset for offset, (mark, _) in enumerate(notes)):
                return []
            return [("", text[:at] + text[end:]), *notes]
        at = text.find(f" {marker} ", at + 1, limit)
    return []


def _text_run_on(words: str) -> tuple[str, str | None]:
    """A footnote's words, and the text run on after them if any.

    A Markdown conversion may put the text that followed a page's footnotes into
    the last footnote's definition: "[^1]: ... sect. III.A. 9. Decides to include
    ... context”. 52nd plenary meeting 1 December 2025". After the note's full stop,
    a numbered paragraph opening with an operative verb of the lexicon, or the
    meeting line with its date, is the text resumed.
    """
    at = words.find(". ")
    while at != -1:
        rest = words[at + 2 :]
        if rest[:1].isdigit():
            match = _OPERATIVE_START.match(rest)
            if match is not None and leads.operative_lead(match.group(1))[1] == leads.KNOWN:
                return words[: at + 1], rest
        elif "meeting" in rest[:30] and _RUN_ON_CLOSING.match(rest):
            return words[: at + 1], rest
        at = words.find(". ", at + 2)
    return words, None


def _opens_note_run(raw: list[RawLine], position: int, number: int) -> bool:
    """Whether footnote ``number`` opens a block of notes set between paragraphs.

    Texts re-flowed one paragraph a line keep each page's footnotes where the page
    ended, one note a line between blank lines ("1 A/77/165." / "2 A/78/165."),
    their markers often set apart or lost. Such a block is told from a paragraph
    resumed with a number ("1 January 2020 ...") by its own order: the line stands
    apart (a blank line or a page break before it) and the next note follows it,
    or the text before it ended as a paragraph does (no paragraph opens with a
    bare number: "8 Albania, Andorra, ..." after "... its universalization;") and
    the line does not open with a date, as a list of resolutions resumed on the
    next page may ("12 December 2019, 75/37 of ...").
    """
    if position == 0 or raw[position - 1].kind == TEXT:
        return False
    behind = position - 1
    while behind > 0 and raw[behind].kind != TEXT:
        behind -= 1
    if (
        raw[behind].kind == TEXT
        and complete(raw[behind].text)
        and header.DATE.match(raw[position].text) is None
    ):
        return True
    ahead = position + 1
    end = min(len(raw), position + 12)
    while ahead < end and raw[ahead].kind == TEXT:  # the note's own lines
        ahead += 1
    while ahead < end and raw[ahead].kind == BLANK:
        ahead += 1
    if ahead >= end or raw[ahead].kind != TEXT:
        return False
    following = _NOTE.fullmatch(raw[ahead].text)
    return following is not None and following.group(1) == str(number + 1)


def read_pages(text: str) -> Pages:
    """Content lines and footnotes of the input text."""
    clean = clean_line if has_markup(text) else clean_plain_line
    raw = [clean(number, content) for number, content in split_lines(text)]
    title = _running_title(raw)
    initial = title[0] if title else ""
    skip_until = 0  # past the lines of a running title wrapped over lines

    lines: list[Line] = []
    notes: list[FootnoteText] = []
    printed_symbol = None
    expected = 1
    # " 1 ", the next note's number set apart, as looked for in long lines: made
    # once per number rather than once per line.
    apart, apart_of = " 1 ", 1
    in_block = False  # under a rule of underscores, until the page ends
    note: FootnoteText | None = None  # the footnote now being read
    gap = False
    furniture: list[tuple[int, str]] = []
    for position, line in enumerate(raw):
        kind = line.kind
        if kind == BLANK:
            gap = True
            note = None
            continue
        if kind == PAGE_BREAK:
            in_block = False
            note = None
            continue
        if kind == RULE:
            in_block = True
            note = None
            continue
        content = line.text
        # An annex's title under its "Annex" line may repeat the resolution's.
        if (
            content[0] == initial
            and title
            and position >= skip_until
            and not _titles_annex(raw, position)
        ):
            skip_until = _wrapped_title_end(raw, position, title)
        if (
            len(content) <= 200
            and (position < skip_until or _is_furniture(raw, position, title))
            and not _titles_annex(raw, position)
        ):
            if printed_symbol is None:
                symbol = header.SYMBOL.search(content)
                if symbol:
                    printed_symbol = (line.number, symbol.group())
            in_block = False
            note = None
            continue
        if content.startswith("[^"):
            match = _EXPLICIT_NOTE.fullmatch(content)
            if match:
                words, resumed = _text_run_on(match.group(2))
                note = FootnoteText(match.group(1), line.number, [words])
                notes.append(note)
                if match.group(1).isdigit():
                    expected = int(match.group(1)) + 1
                if resumed is None:
                    continue
                note = None
                content = line.text = resumed
        if content[0].isdigit():
            match = _NOTE.fullmatch(content)
            if in_block and match is None:  # under a rule the number may be glued: "1See"
                match = _NOTE_IN_BLOCK.fullmatch(content)
            # A line that is only a date is the meeting's ("1 December 2025"), never a
            # note: the closing lines come before the last page's footnote block.
            if match and header.DATE_LINE.fullmatch(content) is None:
                number = int(match.group(1))
                if (
                    (in_block and expected <= number <= expected + 2)
                    or (
                        number == expected
                        and (note is not None or _marker_seen(lines, match.group(1)))
                    )
                    or (number == expected and _opens_note_run(raw, position, number))
                ):
                    in_block = in_block or note is None
                    note = FootnoteText(match.group(1), line.number, [match.group(2)])
                    notes.append(note)
                    expected = number + 1
                    _check(furniture, line.number, match.group(2), title)
                    continue
        if ("-" in content and _JOB_DIGITS.search(content)) or content[:2] == "A/":
            _check(furniture, line.number, content, title)
        if note is not None:
            if not _resumes_text(note, content):
                note.parts.append(content)
                continue
            note = None
        in_block = False
        line.gap = gap
        gap = False
        if apart_of != expected:
            apart, apart_of = f" {expected} ", expected
        if len(content) > 80 and apart in content:
            inside = _notes_inside(content, expected, lines)
            if inside:
                content = line.text = inside[0][1]
                notes.extend(FootnoteText(mark, line.number, [words]) for mark, words in inside[1:])
                expected += len(inside) - 1
        meeting = content.find("meeting")
        if meeting != -1:
            # The meeting line's number and "plenary" stand within a few words before it.
            run_on = _RUN_ON_CLOSING.search(content, max(0, meeting - 40))
            if run_on is not None:
                if run_on.start():  # else the line opens with the meeting
                    line.text = content[: run_on.start()]
                    lines.append(line)
                for piece in run_on.groups():
                    if piece:
                        lines.append(RawLine(line.number, TEXT, piece))
                continue
        lines.append(line)
    return Pages(lines, notes, printed_symbol, furniture)


def _check(
    furniture: list[tuple[int, str]],
    number: int,
    text: str,
    title: str | None,
) -> None:
    found = _furniture_inside(text, title)
    if found is not None:
        furniture.append((number, found))

"""From the input as given to clean lines of words.

The parser reads Markdown converted from the UN PDF, plain text and the text
layer of a PDF with the same rules. This module removes what is only
presentation: Markdown markup (headings, emphasis, escapes, ``<sup>`` footnote
markers, which become ``[^n]``), HTML entities, irregular spacing and line
endings. It remembers the one piece of markup that carries meaning, the
italic phrase opening a paragraph, so the lead can be cross-checked.

Joining the lines of a paragraph repairs line-end hyphenation: a word broken
by the typesetter ("recog-" + "nizing") is mended, while a compound broken at
its own hyphen ("decision-" + "making") keeps it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

SOFT_HYPHEN = "\u00ad"

# Kinds of raw line.
BLANK = 0
TEXT = 1
PAGE_BREAK = 2  # Markdown thematic break or form feed: a new page of the original
RULE = 3  # a line of underscores: the footnote block of the page follows

_BREAK = re.compile(r"(?:-{3,}|\*{3,}|(?:\* ?){3,}|_{3,4}|={3,})")
_RULE = re.compile(r"_{5,}")
_HEADING = re.compile(r"#{1,6}\s+")
_SUP = re.compile(r"<sup>\s*([0-9a-z*]{1,4})\s*</sup>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ITALIC_OPENING = re.compile(r"(?:\d{1,3}\\?\.\s+)?(\*{1,3}|_{1,3})([^*_]+?)\1")
_EMPHASIS = re.compile(r"(?<!\\)\*+|(?<![\w\\])_+(?=\S)|(?<=\S)(?<!\\)_+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_BAR_CODE = re.compile(r"\*\d{6,}\*")
_LINK = re.compile(r"\[([^\]\^][^\]]*)\]\([^)\s]*\)")
_INVISIBLE = re.compile("[\u200b\ufeff\u2060]")
# Control characters that text does not hold (\x02 is the PDF's line-end hyphen).
_CONTROL_BYTES = bytes([*range(0, 2), *range(3, 9), 11, *range(14, 32)])


def word_set(words: str) -> frozenset[str]:
    """A lexicon written as words separated by white space."""
    return frozenset(words.split())


def phrase_pattern(phrases: dict[str, str]) -> str:
    """An expression matching any of the phrases, each followed by its own suffix expression.

    Phrases share their prefixes ("re" for "reaffirms", "recalls", "recognizes"), so
    the expression tries a few letters rather than every word in turn; at each point
    the longer phrase is tried first.
    """
    root: dict = {}
    for phrase, suffix in phrases.items():
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = suffix

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char != ""
        ]
        if "" in node:
            branches.append(node[""])
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


@dataclass(slots=True)
class RawLine:
    """One line of the input: its 1-based number, kind and text without markup."""

    number: int
    kind: int
    text: str = ""
    italic: str | None = None  # the italic phrase opening the line, from Markdown
    heading: int = 0  # Markdown heading level, 0 for none
    gap: bool = False  # a blank line comes before it (set when the pages are read)


def has_markup(text: str) -> bool:
    # A chain of substring tests: far quicker than a regular expression on long lines.
    return (
        "*" in text
        or "_" in text
        or "#" in text
        or "<" in text
        or ">" in text
        or "&" in text
        or "[" in text
        or "\\" in text
        or "\t" in text
        or "\u00a0" in text
        or "\u200b" in text
        or "\ufeff" in text
        or "\u2060" in text
    )


def _italic_opening(text: str) -> str | None:
    """The phrase in italics (or bold) opening the line, after a paragraph number if any."""
    if text[0] == "*" and text[1:2] != "*":  # "*Reaffirming* ...", the usual case
        end = text.find("*", 1)
        if end < 2 or "_" in text[1:end]:
            return None
        phrase = text[1:end]
    else:
        match = _ITALIC_OPENING.match(text)
        if match is None:
            return None
        phrase = match.group(2)
    if "  " in phrase or "\n" in phrase or "\t" in phrase:
        phrase = " ".join(phrase.split())
    return phrase.strip().rstrip(",:;") or None


PAGE_BREAK_MARK = "\f"


def split_lines(text: str) -> list[tuple[int, str]]:
    """The lines as numbered by an editor; a page break is an entry of its own, "\\f".

    CRLF and lone CR count as line ends; a form feed is a page break that does
    not start a line of its own, as pdftotext writes it.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = list(enumerate(text.split("\n"), start=1))
    if "\f" not in text:
        return lines
    result = []
    for number, line in lines:
        if "\f" in line:
            pieces = line.split("\f")
            if pieces[0].strip():
                result.append((number, pieces[0]))
            for piece in pieces[1:]:
                result.append((number, PAGE_BREAK_MARK))
                result.append((number, piece))
        else:
            result.append((number, line))
    return result


def looks_binary(text: str) -> bool:
    """Text with NULs, or many control characters, is not a document."""
    if "\x00" in text:
        return True
    sample = text[:2048].encode("utf-8", "replace")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(sample) // 100)


_BLANK_LINE = RawLine(0, BLANK)  # blank lines are all alike


def clean_plain_line(number: int, raw: str) -> RawLine:
    """Classify one line of a document without markup: no more than spacing to mend."""
    if raw == PAGE_BREAK_MARK:
        return RawLine(number, PAGE_BREAK)
    text = raw.strip()
    if not text:
        return _BLANK_LINE
    if len(text) <= 80 and text[0] in "-=_" and text[0] * 3 in text:
        return clean_line(number, raw)
    if "  " in text or "\t" in text:
        text = " ".join(text.split())
    if "\x02" in text:
        text = text.replace("\x02", SOFT_HYPHEN)
    return RawLine(number, TEXT, text)


def clean_line(number: int, raw: str) -> RawLine:
    """Classify one line and strip its markup."""
    if raw == PAGE_BREAK_MARK:
        return RawLine(number, PAGE_BREAK)
    text = raw.strip()
    if not text:
        return _BLANK_LINE
    short = len(text) <= 80
    if short and text[0] in "-*_=" and _BREAK.fullmatch(text):
        return RawLine(number, PAGE_BREAK)
    if text[0] == "_" and _RULE.fullmatch(text.replace(" ", "")):
        return RawLine(number, RULE)
    if not has_markup(text):
        if "  " in text:
            text = " ".join(text.split())
        if "\x02" in text:
            text = text.replace("\x02", SOFT_HYPHEN)
        return RawLine(number, TEXT, text)
    if text.startswith("<!--") and text.endswith("-->"):
        return RawLine(number, BLANK)
    if short and text[0] == "*" and _BAR_CODE.fullmatch(text):
        return RawLine(number, TEXT, text)
    heading = 0
    if text[0] == "#":
        match = _HEADING.match(text)
        if match:
            heading = len(match.group().rstrip())
            text = text[match.end() :].rstrip("# ")
    if text.startswith(">"):
        text = text.lstrip("> ")
    if "<" in text:
        text = _SUP.sub(r"[^\1]", text)
        text = _BR.sub(" ", text)
        text = _TAG.sub("", text)
    italic = None
    if "*" in text or "_" in text:
        italic = _italic_opening(text)
        if "\\" in text:
            text = _EMPHASIS.sub("", text)
        else:
            text = text.replace("*", "")
            if "_" in text:
                text = _EMPHASIS.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    if "\x02" in text:
        text = text.replace("\x02", SOFT_HYPHEN)
    if "\u200b" in text or "\ufeff" in text or "\u2060" in text:
        text = _INVISIBLE.sub("", text)
    if (
        "  " in text
        or "\u00a0" in text
        or "\t" in text
        or text[:1].isspace()
        or text[-1:].isspace()
    ):
        text = " ".join(text.split())
    if not text:
        return RawLine(number, BLANK)
    return RawLine(number, TEXT, text, italic or None, heading)


# Line-end hyphens that belong to the word: the compound keeps them.
_KEEP_PREFIXES = word_set(
    """non self well multi cross anti post pre ex socio long short medium high low small
    large full part decision policy follow peace people gender child state evidence results
    community country climate twenty thirty forty fifty sixty seventy eighty ninety so
    south north east west sub-saharan far life"""
)
_KEEP_SUFFIXES = word_set(
    """making maker makers building based related oriented centred centered responsive
    sensitive specific led owned driven term level scale wide being up off out down on in
    free friendly bound resilient mandated governmental sponsor sponsors sponsored
    chair chairs facilitator facilitators first second third fourth fifth sixth seventh
    eighth ninth one two three four five six seven eight nine affected dependent keeping
    agency generation step year years party parties like"""
)
_WORD_EDGE = re.compile(r"[\w\u00c0-\u024f]+$")
_WORD_START = re.compile(r"^[\w\u00c0-\u024f]+")


def _keeps_hyphen(before: str, after: str) -> bool:
    head = _WORD_EDGE.search(before)
    tail = _WORD_START.match(after)
    first = head.group().lower() if head else ""
    second = tail.group().lower() if tail else ""
    return first in _KEEP_PREFIXES or second in _KEEP_SUFFIXES


def join_lines(parts: list[str]) -> str:
    """The lines of one paragraph as one string, line-end hyphenation repaired."""
    if len(parts) == 1:
        text = parts[0]
        return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text
    if not parts:
        return ""
    if not any(part.endswith(("-", SOFT_HYPHEN)) for part in parts):
        return " ".join(part for part in parts if part)
    text = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if not text:
            text = part
            continue
        last = text[-1]
        if last == SOFT_HYPHEN:
            text = text[:-1] + part
        elif last == "-" and len(text) > 1 and text[-2].isalpha():
            if part[0].islower() and not _keeps_hyphen(text[:-1], part):
                text = text[:-1] + part
            else:
                text += part
        else:
            text += " " + part
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    return text

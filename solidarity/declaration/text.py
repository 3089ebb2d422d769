"""The draft declaration as structured text, read from a plain-text layout. Plain Python.

The layout a drafter types::

    Draft declaration on the right to international solidarity      <- the title: first line

    Preamble                                                         <- optional heading
    The first preambular paragraph, on one or more lines.            <- paragraphs are
                                                                        separated by blank lines
    The second preambular paragraph.

    Article 1: Definitions                                           <- "Article N", and a
    1. The first paragraph of article 1.                                heading after ":", "." or
    2. The second paragraph, which may run                              a dash, if any
       over several lines.

    Article 2
    An article of one paragraph needs no number.

Every element gets the identifier Akoma Ntoso gives it (its eId): ``preamble__p_4``
for the fourth preambular paragraph, ``art_3`` for article 3, ``art_3__para_2`` for
its second paragraph. Identifiers follow the printed numbers, so a comment made on
``art_6`` still finds article 6 after article 5 is deleted, as long as the
drafters do not renumber. A layout that cannot be read is refused with a
:class:`DeclarationFormatError` naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREAMBLE_EID = "preamble"
PREAMBLE_PARAGRAPH = "preamble_paragraph"
ARTICLE = "article"
PARAGRAPH = "paragraph"

_ARTICLE = re.compile(
    r"^Article\s+(?P<number>[0-9]+)\s*(?:[:.\u2013\u2014-]\s*(?P<heading>.*))?$", re.IGNORECASE
)
_ARTICLE_LIKE = re.compile(r"^article\s+\S+$", re.IGNORECASE)  # "Article one", "Article 2a"
_NUMBERED = re.compile(r"^(?P<number>[0-9]+)\.\s+(?P<text>\S.*)$")
_PREAMBLE = re.compile(r"^preamble$", re.IGNORECASE)


class DeclarationFormatError(ValueError):
    """The text does not follow the layout; ``line`` is where (1-based)."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Element:
    """One identifiable part of the declaration: a preambular paragraph, an article or one
    of its paragraphs. An article holds its own ``text`` only when it has no numbered
    paragraphs."""

    eid: str
    kind: str
    number: str = ""
    heading: str = ""
    text: str = ""

    @property
    def article_eid(self) -> str:
        """The article this element belongs to (``preamble`` for the preamble)."""
        return self.eid.split("__", 1)[0] if self.kind != PREAMBLE_PARAGRAPH else PREAMBLE_EID


@dataclass(frozen=True)
class DeclarationText:
    title: str
    elements: tuple[Element, ...]

    @property
    def eids(self) -> list[str]:
        return [element.eid for element in self.elements]


def article_eid(number: int | str) -> str:
    return f"art_{number}"


def paragraph_eid(article_number: int | str, number: int | str) -> str:
    return f"art_{article_number}__para_{number}"


def preamble_eid(number: int) -> str:
    return f"preamble__p_{number}"


@dataclass
class _Block:
    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(" ".join(line.split()) for line in self.lines)


@dataclass
class _Article:
    number: int
    heading: str
    line: int
    blocks: list[_Block]


def read_declaration(source: str) -> DeclarationText:
    """The declaration laid out in ``source`` (see the module's description)."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(index + 1, line.strip()) for index, line in enumerate(lines)]
    content = [(number, line) for number, line in numbered if line]
    if not content:
        raise DeclarationFormatError(1, "the file is empty: the first line must be the title")
    title_line, title = content[0]
    if _ARTICLE.match(title) or _PREAMBLE.match(title):
        raise DeclarationFormatError(title_line, "the first line must be the title")

    preamble: list[_Block] = []
    articles: list[_Article] = []
    current: list[_Block] = preamble
    block: _Block | None = None
    seen_preamble_heading = False
    for number, line in numbered:
        if number <= title_line:
            continue
        if not line:
            block = None
            continue
        heading = _ARTICLE.match(line)
        if heading:
            article_number = int(heading["number"])
            if articles and article_number <= articles[-1].number:
                raise DeclarationFormatError(
                    number,
                    f"article {article_number} comes after article {articles[-1].number}: "
                    "articles must be numbered in increasing order, each once",
                )
            articles.append(
                _Article(article_number, (heading["heading"] or "").strip(), number, [])
            )
            current, block = articles[-1].blocks, None
            continue
        if _ARTICLE_LIKE.match(line) and block is None:
            raise DeclarationFormatError(
                number,
                f"“{line[:40]}” is not an article heading: "
                "write “Article 1” or “Article 1: Heading”",
            )
        if _PREAMBLE.match(line) and not articles and not preamble and not seen_preamble_heading:
            seen_preamble_heading = True
            continue
        starts_numbered = bool(_NUMBERED.match(line)) and current is not preamble
        if block is None or starts_numbered:
            block = _Block(number, [line])
            current.append(block)
        else:
            block.lines.append(line)

    if not articles:
        raise DeclarationFormatError(
            content[-1][0], "no article found: each article starts with a line “Article N”"
        )
    elements = [
        Element(eid=preamble_eid(index), kind=PREAMBLE_PARAGRAPH, number=str(index), text=b.text)
        for index, b in enumerate(preamble, start=1)
    ]
    for article in articles:
        elements.extend(_article_elements(article))
    return DeclarationText(title=" ".join(title.split()), elements=tuple(elements))


def _article_elements(article: _Article) -> list[Element]:
    eid = article_eid(article.number)
    if not article.blocks:
        raise DeclarationFormatError(article.line, f"article {article.number} has no text")
    numbers = [_NUMBERED.match(block.lines[0]) for block in article.blocks]
    if not any(numbers):
        if len(article.blocks) > 1:
            raise DeclarationFormatError(
                article.blocks[1].line,
                f"article {article.number} has more than one paragraph: number them “1.”, “2.”…",
            )
        text = article.blocks[0].text
        return [Element(eid, ARTICLE, str(article.number), article.heading, text)]
    elements = [Element(eid, ARTICLE, str(article.number), article.heading, "")]
    for expected, (block, match) in enumerate(zip(article.blocks, numbers, strict=True), start=1):
        if match is None:
            raise DeclarationFormatError(
                block.line,
                f"article {article.number} has numbered paragraphs: this one needs its number "
                f"({expected}.)",
            )
        if int(match["number"]) != expected:
            raise DeclarationFormatError(
                block.line,
                f"paragraph {match['number']} of article {article.number} should be numbered "
                f"{expected}",
            )
        text = " ".join([match["text"], *block.lines[1:]])
        elements.append(
            Element(
                paragraph_eid(article.number, expected),
                PARAGRAPH,
                str(expected),
                "",
                " ".join(text.split()),
            )
        )
    return elements

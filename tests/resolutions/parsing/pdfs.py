"""A small typesetter that makes UN-style PDFs from a Markdown resolution (test helper).

Tests build their own PDFs rather than ship downloaded ones. The layout copies
what matters in a UN resolution's PDF: the header block on the first page, a
running header with the symbol (and, if asked, the title) on the others, the
job number and "page/pages" at the foot, leads in italics, footnote markers
set as superscripts with their footnotes at the foot of the page where the
marker falls, under a drawn rule (or, as some producers leave it in the text
layer, a rule of underscores).

fpdf2's core fonts are Latin-1, so typographic dashes and quotes are set as
their plain equivalents.
"""

from __future__ import annotations

import re

from fpdf import FPDF

_PLAIN = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}
)
_FORMULA = re.compile(r"\*?The (?:Human Rights Council|General Assembly),\*?")
_NOTE = re.compile(r"<sup>(\w+)</sup>\s+(.*)")
_OPERATIVE = re.compile(r"(\d{1,3})\.\s+(.*)")
_SUBPARAGRAPH = re.compile(r"\(([a-z]{1,5})\)\s+(.*)")
_SEGMENT = re.compile(r"(<sup>\w+</sup>|\*[^*]+\*)")

LEFT = 20
INDENT = 10
LINE = 5


def _latin(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def _strip(text: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", text).replace("**", "").replace("*", "").strip()


class _Resolution(FPDF):
    def __init__(self, symbol: str, job: str, running_title: str | None, rule: str):
        super().__init__(format="A4", unit="mm")
        self.symbol = symbol
        self.job = job
        self.running_title = running_title
        self.rule = rule
        self.notes: dict[str, str] = {}
        self.notes_on_page: dict[int, list[str]] = {}
        self.alias_nb_pages()
        self.set_margins(LEFT, 20, LEFT)
        self.set_auto_page_break(True, margin=55)

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Times", size=9)
        self.set_xy(LEFT, 10)
        self.cell(0, 4, self.symbol)
        if self.running_title and self.page_no() % 2 == 0:
            self.set_xy(LEFT, 14)
            self.cell(0, 4, self.running_title)
        self.set_xy(LEFT, 24)

    def footer(self):
        notes = self.notes_on_page.get(self.page_no(), [])
        self.set_font("Times", size=8)
        if notes:
            self.set_y(-50)
            if self.rule == "underscores":
                self.set_x(LEFT)
                self.cell(0, 4, "_" * 20, new_x="LMARGIN", new_y="NEXT")
            else:
                self.line(LEFT, self.get_y(), LEFT + 40, self.get_y())
                self.ln(2)
            for marker in notes:
                self.set_x(LEFT)
                self.multi_cell(0, 4, _latin(f"{marker} {self.notes[marker]}"))
        self.set_xy(LEFT, -14)
        self.cell(80, 4, self.job)
        self.cell(0, 4, f"{self.page_no()}/{{nb}}", align="R")

    def flow(self, text: str, *, first_x: float) -> None:
        """Write running text with italics and superscript markers, wrapping at the margin."""
        self.set_x(first_x)
        for segment in _SEGMENT.split(text):
            if not segment:
                continue
            if segment.startswith("<sup>"):
                marker = segment[5:-6]
                self.notes_on_page.setdefault(self.page_no(), []).append(marker)
                self.char_vpos = "SUP"
                self.write(LINE, marker)
                self.char_vpos = "LINE"
            elif _SEGMENT.fullmatch(segment):
                self.set_font("Times", "I", 10)
                self.write(LINE, _latin(segment[1:-1]))
                self.set_font("Times", "", 10)
            else:
                self.write(LINE, _latin(segment.replace("*", "")))
        self.ln(LINE + 2)


def typeset(
    markdown: str,
    *,
    symbol: str,
    job: str,
    running_title: str | None = None,
    rule: str = "line",
) -> bytes:
    """A PDF of the Markdown resolution, laid out as the UN prints one.

    ``rule`` is "line" (drawn, as the UN does) or "underscores" (text).
    """
    pdf = _Resolution(symbol, job, running_title, rule)
    lines = [line.strip() for line in markdown.split("\n")]
    body = []
    in_header = True
    for line in lines:
        if not line or line == "---" or line.startswith("<!--"):
            continue
        note = _NOTE.fullmatch(line)
        if note:
            pdf.notes[note.group(1)] = note.group(2)
            continue
        if in_header and _FORMULA.fullmatch(line):
            in_header = False
        body.append((in_header, line))

    pdf.add_page()
    pdf.set_font("Times", size=10)
    pdf.set_xy(LEFT, 12)
    pdf.cell(0, 4, "United Nations")
    pdf.set_xy(140, 12)
    pdf.cell(0, 4, symbol)
    pdf.set_xy(LEFT, 22)
    for in_header, line in body:
        if in_header:
            pdf.set_font("Times", "B" if line.startswith(("#", "**")) else "", 10)
            pdf.set_x(LEFT)
            pdf.multi_cell(0, LINE, _latin(_strip(line)))
            pdf.set_font("Times", "", 10)
            continue
        operative = _OPERATIVE.fullmatch(line)
        subparagraph = _SUBPARAGRAPH.fullmatch(line)
        if operative:
            pdf.set_x(LEFT + INDENT)
            pdf.write(LINE, f"{operative.group(1)}.")
            pdf.flow(operative.group(2), first_x=LEFT + 2 * INDENT)
        elif subparagraph:
            pdf.set_x(LEFT + 2 * INDENT)
            pdf.write(LINE, f"({subparagraph.group(1)})")
            pdf.flow(subparagraph.group(2), first_x=LEFT + 3 * INDENT)
        else:
            pdf.flow(line.rstrip(), first_x=LEFT + INDENT)
    return bytes(pdf.output())

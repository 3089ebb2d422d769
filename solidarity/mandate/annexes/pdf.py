"""The annexes of a report written as PDF with fpdf2, in DejaVu Sans (shipped beside
this module with its licence), so any Latin, Greek or Cyrillic text prints."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from solidarity.mandate.annexes.content import Annexes

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSans"
SIZES = {0: 16, 1: 14, 2: 12, 3: 11}
TEXT = 10
LINE = 5.5


class _Writer:
    def __init__(self, annexes: Annexes):
        pdf = FPDF(format="A4")
        pdf.set_title(annexes.title)
        pdf.set_creator("Solidarity")
        pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_page()
        self.pdf = pdf

    def heading(self, text: str, level: int) -> None:
        self.pdf.ln(2 if level > 1 else 4)
        self.pdf.set_font(FAMILY, "B", SIZES[level])
        self.pdf.multi_cell(0, SIZES[level] * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def text(self, text: str, *, bold: bool = False) -> None:
        self.pdf.set_font(FAMILY, "B" if bold else "", TEXT)
        for line in text.splitlines() or [""]:
            self.pdf.multi_cell(0, LINE, line, new_x="LMARGIN", new_y="NEXT")

    def facts(self, rows: list[tuple[str, str]]) -> None:
        for label, value in rows:
            if not value:
                continue
            if label:
                self.pdf.set_font(FAMILY, "B", TEXT)
                self.pdf.multi_cell(0, LINE, label, new_x="LMARGIN", new_y="NEXT")
            self.text(value)


def render(annexes: Annexes) -> bytes:
    labels = annexes.labels
    out = _Writer(annexes)
    out.heading(annexes.title, 0)
    out.text(annexes.subtitle)
    out.text(annexes.period)
    out.text(annexes.note)

    out.heading(annexes.submissions_section.heading, 1)
    if not annexes.groups:
        out.text(annexes.submissions_section.empty)
    for group in annexes.groups:
        out.heading(group.heading, 2)
        for entry in group.submissions:
            out.heading(entry.heading, 3)
            out.facts(
                [
                    (labels["call"], entry.call),
                    (labels["reference"], entry.reference),
                    (labels["submitted"], entry.submitted_on),
                    ("", labels["example"] if entry.example else ""),
                ]
            )
            for answer in entry.answers:
                out.pdf.ln(1)
                out.text(answer.question, bold=True)
                out.text(answer.answer)

    out.heading(annexes.visits_section.heading, 1)
    if not annexes.visits:
        out.text(annexes.visits_section.empty)
    for visit in annexes.visits:
        state = f"{visit.state} ({labels['example']})" if visit.example else visit.state
        out.text(f"{visit.on}: {state}, {visit.event}", bold=True)
        out.facts(
            [(labels["visit_dates"], visit.visit_dates), (labels["report"], visit.report_url)]
        )

    out.heading(annexes.engagements_section.heading, 1)
    if not annexes.engagements:
        out.text(annexes.engagements_section.empty)
    for engagement in annexes.engagements:
        out.heading(engagement.title, 2)
        out.facts(
            [
                (labels["dates"], engagement.dates),
                (labels["kind"], engagement.kind),
                (labels["place"], engagement.place),
                (labels["organizer"], engagement.organizer),
                (labels["role"], engagement.role),
                (labels["outcome"], engagement.outcome),
                ("", labels["example"] if engagement.example else ""),
            ]
        )
    return bytes(out.pdf.output())

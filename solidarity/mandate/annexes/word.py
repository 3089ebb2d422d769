"""The annexes of a report written as DOCX with python-docx."""

from __future__ import annotations

import io

from docx import Document

from solidarity.mandate.annexes.content import Annexes


def _facts(document, rows: list[tuple[str, str]]) -> None:
    """A two-column table of the facts given, leaving out the empty ones."""
    rows = [(label, value) for label, value in rows if value]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


def render(annexes: Annexes) -> bytes:
    labels = annexes.labels
    document = Document()
    document.core_properties.title = annexes.title
    document.add_heading(annexes.title, level=0)
    document.add_paragraph(annexes.subtitle)
    document.add_paragraph(annexes.period)
    document.add_paragraph(annexes.note)

    document.add_heading(annexes.submissions_section.heading, level=1)
    if not annexes.groups:
        document.add_paragraph(annexes.submissions_section.empty)
    for group in annexes.groups:
        document.add_heading(group.heading, level=2)
        for entry in group.submissions:
            document.add_heading(entry.heading, level=3)
            _facts(
                document,
                [
                    (labels["call"], entry.call),
                    (labels["reference"], entry.reference),
                    (labels["submitted"], entry.submitted_on),
                    ("", labels["example"] if entry.example else ""),
                ],
            )
            for answer in entry.answers:
                document.add_paragraph().add_run(answer.question).bold = True
                for line in answer.answer.splitlines() or [""]:
                    document.add_paragraph(line)

    document.add_heading(annexes.visits_section.heading, level=1)
    if not annexes.visits:
        document.add_paragraph(annexes.visits_section.empty)
    else:
        columns = [labels["state"], labels["event"], labels["date"], labels["visit_dates"]]
        table = document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, columns, strict=True):
            cell.text = label
        for visit in annexes.visits:
            cells = table.add_row().cells
            state = f"{visit.state} ({labels['example']})" if visit.example else visit.state
            cells[0].text = state
            cells[1].text = visit.event
            cells[2].text = visit.on
            cells[3].text = " ".join(part for part in (visit.visit_dates, visit.report_url) if part)

    document.add_heading(annexes.engagements_section.heading, level=1)
    if not annexes.engagements:
        document.add_paragraph(annexes.engagements_section.empty)
    for engagement in annexes.engagements:
        document.add_heading(engagement.title, level=2)
        _facts(
            document,
            [
                (labels["dates"], engagement.dates),
                (labels["kind"], engagement.kind),
                (labels["place"], engagement.place),
                (labels["organizer"], engagement.organizer),
                (labels["role"], engagement.role),
                (labels["outcome"], engagement.outcome),
                ("", labels["example"] if engagement.example else ""),
            ],
        )

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""A call for input on resolution 56/4, op. 15 and 18, and the documents people answer with."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile

import pytest
from fpdf import FPDF

from solidarity.calls import services
from solidarity.calls.models import Call

DAY = dt.timedelta(days=1)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def pdf_with(text: str) -> bytes:
    """A one-page PDF whose text layer holds ``text``."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def docx_with(text: str) -> bytes:
    """A Word document (the parts a DOCX needs) with one paragraph per line of ``text``."""
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in text.split("\n")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>',
        )
    return out.getvalue()


QUESTIONS = [
    {
        "text": "How does your State cooperate internationally against poverty?",
        "kind": "text",
        "word_limit": 50,
        "required": True,
    },
    {
        "text": "Which levels of solidarity do you work at?",
        "kind": "multiple",
        "choices": ["National", "Regional", "International"],
    },
    {"text": "Have you pledged 0.7 per cent of GNI?", "kind": "single", "choices": ["Yes", "No"]},
]


def call_fields(**changes) -> dict:
    fields = {
        "slug": "solidarity-2026",
        "title": "Call for input: international solidarity and the fight against poverty",
        "purpose": "For the Independent Expert's next report to the Human Rights Council.",
        "report": "Report to the Human Rights Council, sixty-second session",
        "invited": ["state", "ngo", "academic", "individual"],
        "languages": ["en", "fr", "es"],
        "opens_at": now() - DAY,
        "closes_at": now() + 10 * DAY,
        "publication_policy": "with_consent",
        "confidentiality_note": "Do not include personal data of third parties.",
    }
    fields.update(changes)
    return fields


@pytest.fixture
def open_call(secretariat, resolution_56_4) -> Call:
    return services.call_create(
        actor=secretariat,
        fields=call_fields(),
        questions=QUESTIONS,
        resolution="A/HRC/RES/56/4",
        paragraphs=[15, 18],
    )


def time_passes_beyond_deadline(call: Call) -> Call:
    """The deadline is behind us: the call's dates as if it had opened and closed earlier."""
    Call.objects.filter(pk=call.pk).update(
        opens_at=now() - 20 * DAY,
        closes_at=now() - DAY,
        original_closes_at=now() - DAY,
    )
    call.refresh_from_db()
    return call


def answers(**changes) -> dict:
    value = {
        "q1": "Through South-South cooperation on social protection.",
        "q2": ["Regional", "International"],
        "q3": "No",
    }
    value.update(changes)
    return value

"""pdfium is called by one thread at a time: each reader of PDFs waits for the shared lock.

Two job-queue threads reading PDFs together once corrupted pdfium's memory and
killed the consumer ("double free or corruption"). Each entry point that reads
or copies a PDF must wait while another thread holds ``core.pdf.LOCK``.
"""

from __future__ import annotations

import threading

import pytest
from fpdf import FPDF

from solidarity.calls import copies, extraction
from solidarity.core.pdf import LOCK
from solidarity.mandate import drafts
from solidarity.resolutions.parsing import pdf as resolution_pdf


def _pdf() -> bytes:
    document = FPDF()
    document.set_author("Someone Named")
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="International solidarity")
    return bytes(document.output())


READERS = {
    "resolution parser": lambda data: resolution_pdf.pdf_text(data, source="x.pdf"),
    "text of a submission": extraction.pdf_text,
    "copy without authors": lambda data: copies.without_authors(copies.PDF, data),
    "words of a report draft": lambda data: drafts.draft_text("draft.pdf", data),
}


@pytest.mark.parametrize("read", READERS.values(), ids=READERS.keys())
def test_a_pdf_reader_waits_while_another_thread_uses_pdfium(read):
    data = _pdf()
    done = threading.Event()
    worker = threading.Thread(target=lambda: (read(data), done.set()))
    with LOCK:
        worker.start()
        # Held here, the lock keeps the reader out of pdfium: it cannot finish.
        assert not done.wait(0.5)
    worker.join(timeout=30)
    assert done.is_set()

"""The text layer of a PDF, read with pdfium, one thread at a time.

pdfium keeps global state and is not safe to call from several threads of a
process at once: two job-queue threads building archives or reading uploads
together corrupted its memory and killed the consumer. Every use of pypdfium2
in the platform holds :data:`LOCK` (re-entrant, so a caller may hold it around
several calls). Plain Python: the resolution parser uses it too.
"""

from __future__ import annotations

import threading

import pypdfium2

LOCK = threading.RLock()


def page_texts(data: bytes, *, limit: int | None = None) -> list[str]:
    """The text of each page, in order; after ``limit`` characters the rest is not read.

    Raises ``pypdfium2.PdfiumError`` when the bytes are not a readable PDF.
    """
    with LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            pages: list[str] = []
            read = 0
            for index in range(len(document)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_bounded()
                    finally:
                        textpage.close()
                finally:
                    page.close()
                pages.append(text)
                read += len(text)
                if limit is not None and read > limit:
                    break
            return pages
        finally:
            document.close()

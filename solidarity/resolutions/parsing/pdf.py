"""The text layer of a PDF, page by page (``core.pdf``, pdfium one thread at a time).

Pages are joined with a form feed, which the text reader takes for a page
break; lines are numbered as in the extracted text. A PDF without text (a scan)
is refused with a message saying so.
"""

from __future__ import annotations

import pypdfium2

from solidarity.core.pdf import page_texts
from solidarity.resolutions.parsing.errors import ParseError

_DROP = str.maketrans({"\ufffe": None, "\x00": None, "\r": None})


def pdf_text(data: bytes, *, source: str) -> str:
    """The text of every page, pages separated by form feeds."""
    try:
        pages = [page.translate(_DROP) for page in page_texts(data)]
    except pypdfium2.PdfiumError as error:
        raise ParseError(source, None, f"not a readable PDF ({error})") from None
    if not any(page.strip() for page in pages):
        raise ParseError(
            source, None, "the PDF has no text layer (a scanned image?); run OCR on it first"
        )
    return "\n\f".join(pages)

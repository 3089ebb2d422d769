"""Downloads of lists as CSV, streamed so a long list never sits whole in memory.

Every CSV the platform gives (pages, API, ``solidarity practices search``) is
written here, so every one is safe to open in a spreadsheet: a text cell that
would start a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is prefixed with a
single quote (:func:`solidarity.core.text.spreadsheet_safe`). Numbers are given
as numbers and written as they are, so a negative figure stays a number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import StreamingHttpResponse

from solidarity.core.text import spreadsheet_safe


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence]
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

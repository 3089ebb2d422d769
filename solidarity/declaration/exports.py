"""The comments on one article, for the report: CSV for spreadsheets, DOCX for the text."""

from __future__ import annotations

import io

from django.utils import formats
from django.utils.translation import gettext as _

from solidarity.declaration.presentation import label_of, speaker_of

CSV_HEADER = [
    "on",
    "eid",
    "made_on_version",
    "stakeholder_type",
    "speaks_for",
    "made_at",
    "comment",
    "proposed_wording",
]


def comments_docx(version, article, comments) -> bytes:
    """A Word document: the article as this version words it, then each published comment
    with its proposed wording, in the order they were made."""
    from docx import Document  # python-docx: pinned, see docs/architecture.md

    document = Document()
    document.core_properties.title = _("Comments on %(article)s") % {
        "article": label_of(article.eid)
    }
    document.add_heading(version.title, level=0)
    document.add_paragraph(
        _("Version %(number)s (%(label)s)") % {"number": version.number, "label": version.label}
    )
    document.add_heading(label_of(article.eid), level=1)
    for part in article.parts:
        if part.heading:
            document.add_paragraph(part.heading, style="Heading 3")
        if part.text:
            prefix = f"{part.number}. " if part.kind == "paragraph" else ""
            document.add_paragraph(prefix + part.text)
    document.add_heading(_("Comments"), level=1)
    if not comments:
        document.add_paragraph(_("No comments."))
    for comment in comments:
        meta = _("%(on)s · %(type)s · %(speaker)s · %(date)s") % {
            "on": label_of(comment.eid),
            "type": comment.get_stakeholder_type_display(),
            "speaker": speaker_of(comment),
            "date": formats.date_format(comment.created_at, "DATE_FORMAT"),
        }
        if comment.version_id != version.pk:
            meta += " · " + _("made on version %(number)s") % {"number": comment.version.number}
        document.add_paragraph(meta, style="Heading 3")
        for paragraph in comment.body.split("\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
        if comment.proposed_wording:
            document.add_paragraph(_("Proposed wording:"), style="Intense Quote")
            document.add_paragraph(comment.proposed_wording, style="Quote")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

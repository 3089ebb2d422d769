"""The annexes of a report compiled and written in both formats, and stored for its page."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone, translation

from solidarity.mandate.annexes import collect, pdf, word
from solidarity.mandate.annexes.content import Annexes
from solidarity.mandate.models import AnnexFormat, Deliverable, DeliverableAnnex

RENDERERS: dict[str, Callable[[Annexes], bytes]] = {
    AnnexFormat.DOCX: word.render,
    AnnexFormat.PDF: pdf.render,
}
MEDIA_TYPES = {
    AnnexFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AnnexFormat.PDF: "application/pdf",
}


def compile_annexes(deliverable: Deliverable, *, language: str) -> Annexes:
    with translation.override(language):
        return collect.annexes_of(deliverable, language=language)


def render(deliverable: Deliverable, file_format: str, *, language: str) -> bytes:
    """One file of the annexes, written now (the command line writes it to a file)."""
    return RENDERERS[file_format](compile_annexes(deliverable, language=language))


def build(deliverable_id: int, *, language: str) -> list[DeliverableAnnex]:
    """Compile the annexes once and store them as DOCX and PDF, replacing earlier ones."""
    deliverable = Deliverable.objects.filter(pk=deliverable_id).select_related("mandate").first()
    if deliverable is None:
        return []
    annexes = compile_annexes(deliverable, language=language)
    built = []
    for file_format, renderer in RENDERERS.items():
        data = renderer(annexes)
        stored, _created = DeliverableAnnex.objects.update_or_create(
            deliverable=deliverable,
            format=file_format,
            defaults={
                "language": language,
                "data": data,
                "size": len(data),
                "counts": dict(annexes.counts),
                "built_at": timezone.now(),
            },
        )
        built.append(stored)
    return built

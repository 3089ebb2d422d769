"""What the search index holds of a published submission: its answers and its files' text."""

from __future__ import annotations

from solidarity.core import search

SEARCH_KIND = "call_submission"


def document_of(submission) -> search.Document:
    questions = {q.key: q.text for q in submission.call.questions.all()}
    parts = [submission.public_label]
    for key, answer in submission.answers.items():
        parts.append(questions.get(key, ""))
        parts.append(" ".join(answer) if isinstance(answer, list) else str(answer))
    parts += [f"{name}\n{f.text}" for f, name in submission.public_documents()]
    return search.Document(
        object_id=str(submission.pk),
        title=f"{submission.call.title}: {submission.public_label}",
        body="\n".join(part for part in parts if part),
        language=submission.language or "en",
        sorted_at=submission.published_at,
        facets={
            "call": [submission.call.slug],
            "stakeholder_type": [t for t in [submission.public_stakeholder_type] if t],
        },
    )


def index(submission) -> None:
    """Put a published submission in the index, or take an unpublished one out."""
    if submission.is_published:
        search.index_documents(kind=SEARCH_KIND, documents=[document_of(submission)])
    else:
        search.remove_documents(kind=SEARCH_KIND, object_ids=[submission.pk])


def reindex_all() -> int:
    from solidarity.calls.models import Submission

    search.remove_documents(kind=SEARCH_KIND)
    published = (
        Submission.objects.filter(published_at__isnull=False)
        .select_related("call", "state", "organization", "created_by")
        .prefetch_related("call__questions", "files")
    )
    documents = [document_of(s) for s in published]
    search.index_documents(kind=SEARCH_KIND, documents=documents)
    return len(documents)

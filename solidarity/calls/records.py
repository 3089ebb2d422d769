"""A call and a published submission as open data: one shape for pages, API and exports."""

from __future__ import annotations

from django.urls import reverse

from solidarity.calls.models import Call, Consent, Submission
from solidarity.resolutions import anchors

CALL_CSV_HEADER = [
    "id",
    "slug",
    "title",
    "status",
    "opens_at",
    "closes_at",
    "extended",
    "resolution",
    "paragraphs",
    "invited",
    "languages",
    "publication_policy",
    "example",
    "url",
]


def paragraph_links(call: Call, *, base_url: str = "") -> list[dict]:
    if call.resolution is None:
        return []
    page = base_url + call.resolution.get_absolute_url()
    return [
        {"number": p.number, "url": f"{page}#{anchors.operative(p.number)}"}
        for p in sorted(call.paragraphs.all(), key=lambda p: p.number)
    ]


def call_record(call: Call, *, base_url: str = "", questions: bool = True) -> dict:
    record = {
        "id": call.pk,
        "slug": call.slug,
        "title": call.title,
        "purpose": call.purpose,
        "report": call.report,
        "status": str(call.status.value),
        "opens_at": call.opens_at.isoformat(),
        "closes_at": call.closes_at.isoformat(),
        "original_closes_at": call.original_closes_at.isoformat(),
        "extended": call.extended,
        "resolution": call.resolution.symbol if call.resolution else None,
        "paragraphs": paragraph_links(call, base_url=base_url),
        "invited": list(call.invited),
        "languages": list(call.languages),
        "publication_policy": call.publication_policy,
        "confidentiality_note": call.confidentiality_note,
        "example": call.example,
        "url": base_url + call.get_absolute_url(),
    }
    if questions:
        record["questions"] = [
            {
                "number": q.number,
                "text": q.text,
                "kind": q.kind,
                "choices": list(q.choices),
                "word_limit": q.word_limit,
                "required": q.required,
            }
            for q in call.questions.all()
        ]
    return record


def call_csv_row(call: Call, *, base_url: str = "") -> list:
    record = call_record(call, base_url=base_url, questions=False)
    return [
        record["id"],
        record["slug"],
        record["title"],
        record["status"],
        record["opens_at"],
        record["closes_at"],
        "yes" if record["extended"] else "no",
        record["resolution"] or "",
        " ".join(str(p["number"]) for p in record["paragraphs"]),
        " ".join(record["invited"]),
        " ".join(record["languages"]),
        record["publication_policy"],
        "yes" if record["example"] else "no",
        record["url"],
    ]


def public_country(submission: Submission) -> str | None:
    """A State's code, unless its submission is published without its name: then the
    code would name it."""
    if submission.state_id is None or submission.consent == Consent.PUBLISH_ANONYMOUSLY:
        return None
    return submission.state.iso3


def submission_record(submission: Submission, *, base_url: str = "") -> dict:
    """A published submission as the public sees it (no name if its authors asked so)."""
    call = submission.call
    return {
        "id": submission.pk,
        "reference": submission.reference or "",
        "call": call.slug,
        "submitted_by": submission.public_label,
        "stakeholder_type": submission.public_stakeholder_type,
        "country": public_country(submission),
        "language": submission.language,
        "submitted_at": submission.submitted_at.isoformat() if submission.submitted_at else None,
        "published_at": submission.published_at.isoformat() if submission.published_at else None,
        "answers": [
            {"question": q.number, "answer": submission.answers.get(q.key)}
            for q in call.questions.all()
            if submission.answers.get(q.key) not in (None, "", [])
        ],
        "files": [
            {
                "name": name,
                "media_type": f.media_type,
                "size": f.size,
                "url": base_url
                + reverse(
                    "calls:file",
                    kwargs={"slug": call.slug, "pk": submission.pk, "file_id": f.pk},
                ),
            }
            for f, name in submission.public_documents()
        ],
        "url": base_url + submission.get_absolute_url(),
    }

"""The mandate and its tasks as plain records: one shape for the API and the command line."""

from __future__ import annotations

from solidarity.mandate.models import Mandate, Task


def task_record(task: Task, *, base_url: str = "") -> dict:
    return {
        "id": task.pk,
        "resolution": task.resolution.symbol,
        "paragraph": task.paragraph_number,
        "paragraph_url": base_url + task.paragraph_url,
        "addressees": list(task.addressees),
        "action": task.action,
        "text": task.text,
        "target_session": task.target_session,
        "target_date": task.target_date,
        "frequency": task.frequency,
        "status": task.status,
        "evidence": list(task.evidence),
        "confirmed": task.is_confirmed,
        "corrected": list(task.corrected),
        "withdrawn": task.withdrawn,
        "url": base_url + task.get_absolute_url(),
    }


def _date(value) -> str | None:
    return value.isoformat() if value else None


def mandate_record(mandate: Mandate, page: dict, *, base_url: str = "") -> dict:
    return {
        "name": mandate.name,
        "asks": mandate.asks,
        "current_term": {
            "start": _date(mandate.current_term_start),
            "end": _date(mandate.current_term_end),
        },
        "next_renewal": mandate.next_renewal,
        "contact_email": mandate.contact_email,
        "contact_note": mandate.contact_note,
        "source_url": mandate.source_url,
        "holders": [
            {
                "name": h.name,
                "from_year": h.from_year,
                "until_year": h.until_year,
                "source_url": h.source_url,
            }
            for h in page["holders"]
        ],
        "resolutions": [
            {
                "symbol": r.symbol,
                "body": r.body,
                "year": r.year,
                "adopted_on": _date(r.adopted_on),
                "title": r.title,
                "role": r.role,
                "source_url": r.source_url,
                "url": base_url + r.resolution.get_absolute_url() if r.resolution else None,
            }
            for r in page["series"]
        ],
        "documents": [
            {
                "symbol": d.symbol,
                "title": d.title,
                "body": d.body,
                "session": d.session,
                "date": _date(d.issued_on),
                "url": base_url + d.get_absolute_url(),
                "files": [
                    {
                        "name": f.name,
                        "language": f.language,
                        "media_type": f.media_type,
                        "size": f.size,
                    }
                    for f in d.files.all()
                ],
            }
            for d in page["documents"]
        ],
        "deliverables": [
            {
                "body": d.body,
                "session": d.session,
                "symbol": d.symbol,
                "title": d.title,
                "due_on": d.due_on.isoformat(),
                "status": d.status,
                "word_limit": d.word_limit,
                "draft_words": d.draft_words,
                "example": d.example,
            }
            for d in page["deliverables"]
        ],
        "url": base_url + mandate.get_absolute_url(),
    }

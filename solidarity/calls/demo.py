"""Demonstration calls for input: one open, one closed with published submissions.

Every call and submission here is an example, marked as such on its page and in
the API: none reproduces a call the Independent Expert made.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.accounts.models import User
from solidarity.calls import archive, services
from solidarity.calls.models import Call
from solidarity.core.roles import Role
from solidarity.practices.files import check_attachment

QUESTIONS = [
    {
        "text": "What does your State or organization do to advance international "
        "solidarity in the fight against poverty?",
        "kind": "text",
        "word_limit": 800,
        "required": True,
    },
    {
        "text": "At which levels does this work take place?",
        "kind": "multiple",
        "choices": ["National", "Regional", "International"],
    },
    {
        "text": "Would you take part in a consultation on the draft declaration?",
        "kind": "single",
        "choices": ["Yes", "No", "Not yet decided"],
    },
]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer holding ``lines`` (Latin-1 text, Helvetica)."""
    content = (
        "BT /F1 11 Tf 56 780 Td 14 TL "
        + " ".join(f"({_escape(line)}) Tj T*" for line in lines)
        + " ET"
    )
    stream = content.encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def load(*, now: dt.datetime | None = None) -> int:
    """Add the demonstration calls once; returns how many were added."""
    if Call.objects.exists():
        return 0
    now = now or timezone.now()
    secretariat = User.objects.filter(role=Role.SECRETARIAT, is_active=True).first()
    focal_point = User.objects.filter(role=Role.FOCAL_POINT, is_active=True).first()
    contributor = User.objects.filter(
        role=Role.CONTRIBUTOR, is_active=True, organization_confirmed_at__isnull=False
    ).first()
    base = {
        "report": "Example: a report of the Independent Expert to the Human Rights Council",
        "invited": ["state", "un_entity", "igo", "ngo", "nhri", "academic", "individual"],
        "languages": ["en", "fr", "es"],
        "publication_policy": "with_consent",
        "confidentiality_note": (
            "Submissions are published only as their authors agree. Do not include "
            "personal data of other people."
        ),
        "example": True,
    }
    services.call_create(
        actor=secretariat,
        fields={
            **base,
            "slug": "example-solidarity-and-poverty",
            "title": (
                "Example call for input: international solidarity and the fight against poverty"
            ),
            "purpose": (
                "An example of a call for input, as the Independent Expert makes under "
                "operative paragraphs 15 and 18 of resolution 56/4. It is demonstration "
                "data: no report will use the answers."
            ),
            "opens_at": now - dt.timedelta(days=7),
            "closes_at": now + dt.timedelta(days=45),
        },
        questions=QUESTIONS,
        resolution="A/HRC/RES/56/4",
        paragraphs=[15, 18],
    )
    closed = services.call_create(
        actor=secretariat,
        fields={
            **base,
            "slug": "example-solidarity-and-pandemics",
            "title": "Example call for input: international solidarity in responding to pandemics",
            "purpose": (
                "An example of a closed call for input with published submissions. It is "
                "demonstration data: the submissions below are examples too."
            ),
            "opens_at": now - dt.timedelta(days=90),
            "closes_at": now + dt.timedelta(hours=1),
        },
        questions=QUESTIONS,
        resolution="A/HRC/RES/56/4",
        paragraphs=[15],
    )
    examples = [
        (focal_point, "anonymous", "Example submission of a State on vaccine sharing."),
        (contributor, "publish", "Example submission of a civil society alliance."),
    ]
    for person, consent, text in examples:
        if person is None:
            continue
        document = simple_pdf(
            [
                text,
                "This document is an example made for the demonstration data.",
                "It mentions pandemic preparedness and technology transfer.",
            ]
        )
        draft, _ = services.submission_save(
            actor=person,
            call=closed,
            answers={"q1": text, "q2": ["Regional", "International"], "q3": "Yes"},
            consent=consent,
            language="en",
            files=[check_attachment("example-submission.pdf", document)],
        )
        submission = services.submission_submit(actor=person, submission=draft)
        services.submission_publish(actor=secretariat, submission=submission)
    # The deadline passed long ago: the call is shown as it is once closed.
    Call.objects.filter(pk=closed.pk).update(
        closes_at=now - dt.timedelta(days=30), original_closes_at=now - dt.timedelta(days=30)
    )
    services.calls_close_due(now=now)
    archive.build(closed.pk)
    return 2

"""The annexes of a report read from the records: the submissions its calls received
(only those whose authors agreed to publication, without the name where they asked),
and the visit-request events and engagements of its period.

Strings are translated and dates formatted in the language active when it runs.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from solidarity.countries.localized import state_name
from solidarity.mandate.annexes.content import (
    Annexes,
    Answer,
    EngagementEntry,
    Period,
    Section,
    StakeholderGroup,
    SubmissionEntry,
    VisitEntry,
    period_of,
)
from solidarity.mandate.models import Body, Deliverable

WITHHELD = ""


def _date(day: dt.date | dt.datetime | None) -> str:
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return date_format(day, "DATE_FORMAT")


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None:
        return ""
    if last is None or last == first:
        return _date(first)
    return _("%(first)s to %(last)s") % {"first": _date(first), "last": _date(last)}


def period_for(deliverable: Deliverable) -> Period:
    previous = (
        Deliverable.objects.filter(
            mandate=deliverable.mandate, body=deliverable.body, due_on__lt=deliverable.due_on
        )
        .order_by("-due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    return period_of(deliverable.due_on, previous)


def _answer_text(value) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value or "").strip()


def submission_groups(deliverable: Deliverable) -> tuple[StakeholderGroup, ...]:
    from solidarity.calls.models import (
        Consent,
        PublicationPolicy,
        StakeholderType,
        Submission,
        SubmissionStatus,
    )

    submissions = (
        Submission.objects.filter(
            call__deliverable=deliverable,
            status=SubmissionStatus.SUBMITTED,
            consent__in=[Consent.PUBLISH, Consent.PUBLISH_ANONYMOUSLY],
        )
        .exclude(call__publication_policy=PublicationPolicy.NOT_PUBLISHED)
        .select_related("call", "state", "organization", "created_by")
        .prefetch_related("call__questions")
        .order_by("submitted_at", "pk")
    )
    by_type: dict[str, list[SubmissionEntry]] = {}
    withheld_label = ""
    for submission in submissions:
        call = submission.call
        written = {q: _answer_text(submission.answers.get(q.key)) for q in call.questions.all()}
        answers = tuple(
            Answer(question=f"{q.number}. {q.text}", answer=text)
            for q, text in written.items()
            if text
        )
        # Published without the name, its stakeholder type is withheld too (it could
        # narrow who wrote it): such submissions come last, under a group of their own.
        key = submission.public_stakeholder_type or WITHHELD
        if key == WITHHELD:
            withheld_label = submission.public_stakeholder_type_label
        by_type.setdefault(key, []).append(
            SubmissionEntry(
                heading=submission.public_label,
                call=call.title,
                reference=submission.reference or "",
                submitted_on=_date(submission.submitted_at),
                answers=answers,
                example=call.example,
            )
        )
    groups = [
        StakeholderGroup(heading=str(label), submissions=tuple(by_type[value]))
        for value, label in StakeholderType.choices
        if value in by_type
    ]
    if WITHHELD in by_type:
        groups.append(
            StakeholderGroup(heading=withheld_label, submissions=tuple(by_type[WITHHELD]))
        )
    return tuple(groups)


def visit_entries(
    deliverable: Deliverable, period: Period, language: str
) -> tuple[VisitEntry, ...]:
    from solidarity.visits.models import VisitEvent

    events = (
        VisitEvent.objects.filter(
            request__mandate=deliverable.mandate.slug, on__gte=period.start, on__lte=period.end
        )
        .select_related("request")
        .order_by("on", "pk")
    )
    return tuple(
        VisitEntry(
            state=state_name(event.request.country_id, language),
            event=event.label,
            on=_date(event.on),
            visit_dates=_span(event.starts_on, event.ends_on),
            report_url=event.report_url,
            example=event.request.example,
        )
        for event in events
    )


def engagement_entries(period: Period) -> tuple[EngagementEntry, ...]:
    from django.db.models import Q

    from solidarity.engagements.models import Engagement, EngagementKind, ExpertRole

    engagements = Engagement.objects.filter(starts_on__lte=period.end).filter(
        Q(ends_on__gte=period.start) | Q(ends_on__isnull=True, starts_on__gte=period.start)
    )
    entries = []
    for item in engagements.order_by("starts_on", "pk"):
        place = item.place
        if item.online:
            place = _("%(place)s and online") % {"place": place} if place else _("Online")
        entries.append(
            EngagementEntry(
                title=item.title,
                dates=_span(item.starts_on, item.ends_on),
                kind=str(EngagementKind(item.kind).label),
                place=place,
                organizer=item.organizer,
                role=str(ExpertRole(item.role).label),
                outcome=item.outcome,
                example=item.example,
            )
        )
    return tuple(entries)


def annexes_of(deliverable: Deliverable, *, language: str) -> Annexes:
    """The annexes of a report, in the active language (``language`` names the States)."""
    period = period_for(deliverable)
    groups = submission_groups(deliverable)
    visits = visit_entries(deliverable, period, language)
    engagements = engagement_entries(period)
    session = _("%(body)s, session %(session)s") % {
        "body": Body(deliverable.body).label,
        "session": deliverable.session,
    }
    return Annexes(
        title=_("Annexes to the report: %(title)s") % {"title": deliverable.title},
        subtitle=f"{session} · {deliverable.symbol}" if deliverable.symbol else session,
        period=_("Period covered: %(span)s") % {"span": _span(period.start, period.end)},
        note=_(
            "Submissions are included only when their authors agreed to their publication, "
            "without the name where they asked."
        ),
        labels={
            "call": _("Call for input"),
            "reference": _("Reference"),
            "submitted": _("Submitted on"),
            "state": _("State"),
            "event": _("Event"),
            "date": _("Date"),
            "visit_dates": _("Visit dates"),
            "report": _("Report"),
            "dates": _("Dates"),
            "kind": _("Kind"),
            "place": _("Place"),
            "organizer": _("Organizer"),
            "role": _("The Expert's role"),
            "outcome": _("Outcome"),
            "example": _("Example, not a real record"),
        },
        submissions_section=Section(
            heading=_("Annex I: Submissions received in answer to the calls for input"),
            empty=_("No submission that may be published was received."),
        ),
        groups=groups,
        visits_section=Section(
            heading=_("Annex II: Country visits"),
            empty=_("No country-visit request changed during the period."),
        ),
        visits=visits,
        engagements_section=Section(
            heading=_("Annex III: Forums, major events and summits"),
            empty=_("No engagement during the period."),
        ),
        engagements=engagements,
        counts={
            "submissions": sum(len(group.submissions) for group in groups),
            "visits": len(visits),
            "engagements": len(engagements),
        },
    )

"""Changes of state of country-visit requests: one function per change.

Each runs in one transaction, checks its policy, checks what it stores itself,
replays the request's log through ``lifecycle`` so that no step the history
does not allow is ever stored, writes the audit trail, and sends its e-mail
once committed.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.accounts.models import User
from solidarity.core import audit, mail, pagecache
from solidarity.core.permissions import require
from solidarity.core.roles import Role
from solidarity.core.text import clean_text
from solidarity.countries.models import Country
from solidarity.visits import lifecycle
from solidarity.visits.models import MANDATE, StandingInvitation, VisitEvent, VisitRequest
from solidarity.visits.permissions import can_answer_for_state, can_manage_visits

MAX_NOTE = 5_000
_AUDITED = ("status", "status_since", "source", "example")


def _require(policy, actor, obj=None) -> None:
    """``actor=None`` is the operator at the command line, whose shell access is the authority."""
    if actor is not None:
        require(policy, actor, obj)


def _today() -> dt.date:
    return timezone.localdate()


def _check_date(on: dt.date | None, field: str = "on") -> dt.date:
    if not isinstance(on, dt.date):
        raise ValidationError({field: _("Give the date of the event.")})
    if on > _today():
        raise ValidationError({field: _("An event cannot be recorded before it happens.")})
    return on


def _check_note(note: str) -> str:
    note = clean_text(note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("A note holds at most 5,000 characters.")})
    return note


def _check_url(url: str) -> str:
    url = clean_text(url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError({"report_url": _("Give the report's web address.")}) from None
    return url


def _append(
    *,
    actor,
    visit: VisitRequest,
    kind: str,
    on: dt.date,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    note: str = "",
    report_url: str = "",
    by_state: bool = False,
) -> VisitEvent:
    """Add one event to a locked request, if its history allows it, and store the status."""
    on = _check_date(on)
    note = _check_note(note)
    report_url = _check_url(report_url)
    if report_url and kind != lifecycle.COMPLETED:
        raise ValidationError({"report_url": _("A report is linked to a completed visit.")})
    if kind not in lifecycle.WITH_DATES:
        starts_on = ends_on = None
    before = audit.snapshot(visit, _AUDITED)
    steps = visit.events_as_steps()
    try:
        history = lifecycle.replay([*steps, lifecycle.Event(kind, on, starts_on, ends_on)])
    except lifecycle.StepRefused as refusal:
        raise ValidationError({"kind": str(refusal)}) from None
    event = VisitEvent.objects.create(
        request=visit,
        kind=kind,
        on=on,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        report_url=report_url,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        by_state=by_state,
    )
    visit.status, visit.status_since = history.status, history.status_since
    visit.save(update_fields=["status", "status_since"])
    pagecache.changed(pagecache.state(visit.country_id))  # the visits section of its page
    audit.record(
        actor=actor,
        action=f"visit.{kind}",
        target=visit,
        before=before,
        after={
            **audit.snapshot(visit, _AUDITED),
            "event": {"kind": kind, "on": on.isoformat(), "note": note},
        },
    )
    return event


def _locked(visit: VisitRequest) -> VisitRequest:
    return VisitRequest.objects.select_for_update().select_related("country").get(pk=visit.pk)


@transaction.atomic
def visit_request_create(
    *,
    actor,
    country: Country,
    on: dt.date,
    kind: str = lifecycle.REQUESTED,
    note: str = "",
    source: str = "",
    example: bool = False,
    mandate: str = MANDATE,
) -> VisitRequest:
    """Record the mandate's request to visit a State (or the State's invitation).

    A State has one record per mandate: a new request to a State already on
    record opens a new round on that record, if its history allows it.
    """
    _require(can_manage_visits, actor)
    if kind not in (lifecycle.REQUESTED, lifecycle.INVITED):
        raise ValidationError({"kind": _("A record starts with a request or an invitation.")})
    visit, created = VisitRequest.objects.get_or_create(
        country=country,
        mandate=mandate,
        defaults={"source": _check_note(source), "example": example},
    )
    if created:
        audit.record(
            actor=actor,
            action="visit.create",
            target=visit,
            after=audit.snapshot(visit, _AUDITED),
        )
    _append(actor=actor, visit=_locked(visit), kind=kind, on=on, note=note)
    return VisitRequest.objects.get(pk=visit.pk)


@transaction.atomic
def visit_event_record(
    *,
    actor,
    visit: VisitRequest,
    kind: str,
    on: dt.date,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    note: str = "",
    report_url: str = "",
) -> VisitEvent:
    """The secretariat records a step: the mandate's own (a reminder sent by letter too),
    or the State's reply received by letter."""
    _require(can_manage_visits, actor)
    return _append(
        actor=actor,
        visit=_locked(visit),
        kind=kind,
        on=on,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        report_url=report_url,
    )


@transaction.atomic
def visit_answer_record(
    *,
    actor,
    visit: VisitRequest,
    kind: str,
    on: dt.date,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    note: str = "",
) -> VisitEvent:
    """The State's focal point records their State's answer; the secretariat is told."""
    require(can_answer_for_state, actor, visit)
    if kind not in lifecycle.STATE_ANSWERS:
        raise ValidationError({"kind": _("This is not one of a State's answers.")})
    visit = _locked(visit)
    event = _append(
        actor=actor,
        visit=visit,
        kind=kind,
        on=on,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        by_state=not can_manage_visits(actor),
    )
    if event.by_state:
        mail.send(
            to=list(User.objects.filter(role=Role.SECRETARIAT, is_active=True)),
            template="visits/email/answer",
            context={"visit": visit, "event": event, "actor": actor},
        )
    return event


@transaction.atomic
def visit_reminder_send(*, actor, visit: VisitRequest, note: str = "") -> int:
    """Send the State's focal points a reminder of the request, from the template, and log it.

    Returns how many people were written to (the reminder is logged even when
    the State has no focal point on the platform: it may have gone by letter).
    """
    require(can_manage_visits, actor)
    visit = _locked(visit)
    event = _append(actor=actor, visit=visit, kind=lifecycle.REMINDER_SENT, on=_today(), note=note)
    history = visit.history()
    recipients = list(
        User.objects.filter(role=Role.FOCAL_POINT, country=visit.country, is_active=True)
    )
    return mail.send(
        to=recipients,
        template="visits/email/reminder",
        context={
            "visit": visit,
            "event": event,
            "requested_on": history.requested_on,
            "reminders": history.reminders,
        },
    )


@transaction.atomic
def standing_invitation_record(
    *, actor, country: Country, since: dt.date | None, source: str = "", example: bool = False
) -> StandingInvitation:
    """Record (or correct) a State's standing invitation to the special procedures."""
    _require(can_manage_visits, actor)
    if since is not None:
        _check_date(since, "since")
    invitation = StandingInvitation.objects.filter(country=country).first()
    before = audit.snapshot(invitation) if invitation else None
    invitation = invitation or StandingInvitation(country=country)
    invitation.since, invitation.source, invitation.example = since, _check_note(source), example
    invitation.save()
    pagecache.changed(pagecache.state(country.iso3))
    audit.record(
        actor=actor,
        action="visit.standing_invitation",
        target=invitation,
        before=before,
        after=audit.snapshot(invitation),
    )
    return invitation


def reminders_due_notice() -> int:
    """E-mail the secretariat the list of requests due a reminder, if any; return how many."""
    from solidarity.visits import selectors

    due = selectors.reminders_due()
    if due:
        with transaction.atomic():
            mail.send(
                to=list(User.objects.filter(role=Role.SECRETARIAT, is_active=True)),
                template="visits/email/reminders_due",
                context={
                    "due": [
                        {"state": row.country.un_name, "since": row.last_contact} for row in due
                    ],
                    "days": selectors.REMINDER_AFTER_DAYS,
                },
            )
    return len(due)

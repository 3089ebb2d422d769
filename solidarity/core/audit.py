"""Recording changes in the audit trail.

Service functions take a snapshot of a record before they change it and call
:func:`record` after, inside the same transaction, so the trail and the data
never disagree.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.core.bulk import insert_rows
from solidarity.core.models import AuditEntry

# What each recorded action means, in words: the audit trail shows these and
# offers them in its filter. Every code passed to :func:`record` anywhere in
# the platform has its label here (a test reads the code to make sure).
ACTIONS = {
    # Accounts and organizations
    "user.create": _("Created an account"),
    "user.update": _("Changed an account"),
    "user.set_role": _("Changed a person's role"),
    "user.sign_up": _("Signed up"),
    "user.sign_up_again": _("Signed up again with an existing address"),
    "user.verify_email": _("Confirmed an e-mail address"),
    "user.confirm_organization": _("Confirmed that a person acts for an organization"),
    "user.refuse_organization": _("Refused that a person acts for an organization"),
    "user.change_password": _("Changed their password"),
    "user.change_password (admin)": _("Changed a person's password"),
    "user.reset_password": _("Reset a password"),
    "organization.create": _("Created an organization"),
    "organization.update": _("Changed an organization"),
    "organization.verify": _("Verified an organization"),
    "countries.sync": _("Updated the list of States"),
    # Resolutions and votes
    "resolution.ingest": _("Added a resolution"),
    "resolution.update": _("Updated a resolution"),
    "votes.import_unvotes": _("Imported the General Assembly's votes"),
    "votes.import_csv": _("Imported roll calls from a file"),
    "votes.sync_resolutions": _("Took the votes of stored resolutions"),
    "votes.series_move": _("Moved a roll call to another series"),
    # Good practices
    "practice.create": _("Created a practice"),
    "practice.update": _("Changed a practice"),
    "practice.submit": _("Sent a practice for review"),
    "practice.comment": _("Commented on a practice"),
    "practice.request_changes": _("Asked for changes to a practice"),
    "practice.publish": _("Published a practice"),
    "practice.reject": _("Rejected a practice"),
    "practice.retract": _("Retracted a practice"),
    "practice.import": _("Imported a practice"),
    "theme.create": _("Added a theme"),
    "theme.update": _("Relabelled a theme"),
    # Calls for input
    "call.create": _("Opened a call for input"),
    "call.update": _("Changed a call for input"),
    "call.extend_deadline": _("Extended the deadline of a call"),
    "call.close": _("Closed a call for input"),
    "submission.create": _("Started a submission"),
    "submission.update": _("Changed a submission"),
    "submission.submit": _("Sent a submission"),
    "submission.mark_read": _("Marked a submission as read"),
    "submission.mark_unread": _("Marked a submission as unread"),
    "submission.tag": _("Tagged a submission"),
    "submission.publish": _("Published a submission"),
    "submission.unpublish": _("Withdrew a submission from publication"),
    # The draft declaration
    "declaration.import": _("Imported a version of the declaration"),
    "declaration.publish": _("Published a version of the declaration"),
    "declaration.comments_open": _("Opened the declaration for comments"),
    "declaration.comments_close": _("Closed the declaration for comments"),
    "declaration.comment": _("Commented on the declaration"),
    "declaration.comment_hide": _("Hid a comment on the declaration"),
    # The mandate
    "mandate.create": _("Created the mandate's record"),
    "mandate.update": _("Changed the mandate's record"),
    "mandate.holder": _("Recorded a holder of the mandate"),
    "mandate.series": _("Recorded a resolution of the mandate's series"),
    "mandate.document.create": _("Added a document of the mandate"),
    "mandate.document.update": _("Changed a document of the mandate"),
    "mandate.task.create": _("Found a task in a resolution"),
    "mandate.task.update": _("Changed a task of the mandate"),
    "mandate.task.confirm": _("Confirmed a task of the mandate"),
    "mandate.task.status": _("Changed the status of a task"),
    "mandate.task.withdrawn": _("Marked a task as withdrawn"),
    "mandate.task.delete": _("Removed a task"),
    "mandate.deliverable.create": _("Added a report due"),
    "mandate.deliverable.update": _("Changed a report due"),
    "mandate.deliverable.draft": _("Uploaded a draft report"),
    "mandate.deliverable.annexes": _("Compiled a report's annexes"),
    # Country visits and engagements
    "visit.create": _("Opened a country visit record"),
    "visit.requested": _("Recorded a visit request"),
    "visit.invited": _("Recorded a State's invitation"),
    "visit.reminder_sent": _("Recorded a reminder sent"),
    "visit.acknowledged": _("Recorded that a State acknowledged a request"),
    "visit.accepted": _("Recorded that a State accepted a visit"),
    "visit.dates_proposed": _("Recorded proposed dates of a visit"),
    "visit.declined": _("Recorded that a State declined a visit"),
    "visit.postponed": _("Recorded that a visit was postponed"),
    "visit.underway": _("Recorded that a visit is underway"),
    "visit.completed": _("Recorded that a visit was completed"),
    "visit.cancelled": _("Recorded that a visit was cancelled"),
    "visit.standing_invitation": _("Recorded a standing invitation"),
    "engagement.create": _("Added an engagement"),
    "engagement.update": _("Changed an engagement"),
    # Indicators
    "indicators.oda_import": _("Imported official development assistance figures"),
    "indicators.contributions_import": _("Imported voluntary contributions"),
}


def action_label(code: str) -> str:
    """The words for an action code (a generic phrase for a code without a label)."""
    label = ACTIONS.get(code)
    return str(label) if label is not None else str(_("Changed a record"))


# How to read the recorded values of a field that keeps codes a model cannot
# label by itself (JSON lists of codes, statuses without choices): the app
# that owns the model registers a reader, so this module imports no app above it.
ValueReader = Callable[[Any], str]
_READERS: dict[tuple[str, str], ValueReader] = {}


def register_reader(target_type: str, field: str, reader: ValueReader) -> None:
    """Say how the trail shows ``field`` of ``target_type`` (a model's ``label_lower``)."""
    _READERS[(target_type, field)] = reader


def reader_for(target_type: str, field: str) -> ValueReader | None:
    return _READERS.get((target_type, field))


# Values a reader needs for every entry of a page (a vocabulary's labels), made once
# per page: the trail sets a fresh memo while it renders one.
_MEMO: ContextVar[dict[str, Any] | None] = ContextVar("audit_reading_memo", default=None)


def once_per_page(key: str, make: Callable[[], Any]) -> Any:
    """``make()``, kept while one page of the trail is read (made anew outside one)."""
    memo = _MEMO.get()
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]


@contextmanager
def reading_page() -> Iterator[None]:
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


_TITLES: dict[str, Callable[[Any], str]] = {}
_TITLE_NEEDS: dict[str, tuple[str, ...]] = {}


def register_title(
    target_type: str, title: Callable[[Any], str], *, needs: tuple[str, ...] = ()
) -> None:
    """Say how the trail names a record whose ``str()`` holds codes; ``needs`` are the
    related records the title reads, fetched with the records."""
    _TITLES[target_type] = title
    _TITLE_NEEDS[target_type] = needs


def title_needs(target_type: str) -> tuple[str, ...]:
    return _TITLE_NEEDS.get(target_type, ())


def title_of(target_type: str, record: Any) -> str:
    title = _TITLES.get(target_type)
    return title(record) if title is not None else str(record)


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The current values of an instance's concrete fields (or the named ones)."""
    names = list(fields) if fields is not None else None
    values = {}
    for field in instance._meta.concrete_fields:
        if names is not None and field.name not in names:
            continue
        if field.name in {"password"}:
            continue
        values[field.name] = _plain(getattr(instance, field.attname))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for each field whose value changed."""
    changed = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old != new:
            changed[name] = [old, new]
    return changed


def record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    target_type: str | None = None,
    target_label: str | None = None,
) -> None:
    """Write one audit entry. ``actor`` may be None for the system itself.

    Written as one plain INSERT: services call this on every change, bulk
    imports thousands of times, and the entry is never read back here.
    """
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = str(target.pk)
        target_label = target_label or str(target)[:300]
    else:
        target_id = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_id, actor_label = actor.pk, actor.get_username()
    else:
        actor_id, actor_label = None, "system"
    insert_rows(
        AuditEntry,
        [
            "created_at",
            "actor",
            "actor_label",
            "action",
            "target_type",
            "target_id",
            "target_label",
            "changes",
        ],
        [
            (
                timezone.now(),
                actor_id,
                actor_label,
                action,
                target_type or "",
                target_id,
                target_label or "",
                diff(before or {}, after or {}),
            )
        ],
    )

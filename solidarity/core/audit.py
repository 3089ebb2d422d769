"""Recording changes in the audit trail.

Service functions take a snapshot of a record before they change it and call
:func:`record` after, inside the same transaction, so the trail and the data
never disagree.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from solidarity.core.bulk import insert_rows
from solidarity.core.models import AuditEntry


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

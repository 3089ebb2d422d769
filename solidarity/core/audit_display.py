"""The audit trail as people read it: who, what in words, the record by its title, and each
changed field by its label with readable values.

Entries keep what services recorded (codes, ISO dates, primary keys, stored HTML);
this module turns them into text at render time, in the reader's language: a choice by
its label, a related record by its name, a date in the language's format, HTML as its
text, long text shortened. Fields whose codes only their app can label are read by the
readers apps register in :mod:`solidarity.core.audit`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from solidarity.core import audit
from solidarity.core.models import AuditEntry

LONGEST = 160  # characters of a value shown; the rest is left to the record itself
EMPTY = "—"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
# Fields an entry records that say nothing to a reader: internal keys.
_HIDDEN = {"id", "pk", "password", "submission_key", "sha256"}
# Keys services record beside a model's fields (counts of an import, an event).
EXTRA_LABELS = {
    "event": gettext_lazy("event"),
    "roll_calls": gettext_lazy("roll calls"),
    "votes": gettext_lazy("votes"),
    "unmapped_rows": gettext_lazy("rows without a State"),
    "rows": gettext_lazy("rows"),
    "figures": gettext_lazy("figures"),
    "labels": gettext_lazy("labels"),
    "code": gettext_lazy("code"),
    "source": gettext_lazy("source"),
    "files": gettext_lazy("files"),
}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    when: dt.datetime
    who: str
    who_email: str
    action: str
    record_kind: str
    record_title: str
    record_url: str
    changes: list[Change] = field(default_factory=list)


def _model(target_type: str) -> type[models.Model] | None:
    try:
        app_label, name = target_type.split(".", 1)
        return apps.get_model(app_label, name)
    except (ValueError, LookupError):
        return None


def _field(model, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def label_of(model, name: str) -> str:
    """A field's label: the model's verbose name, else the trail's own, else its words."""
    found = _field(model, name)
    if found is not None:
        label = str(found.verbose_name)
    elif name in EXTRA_LABELS:
        label = str(EXTRA_LABELS[name])
    else:
        label = name.replace("_", " ")
    return label[:1].upper() + label[1:]


def plain_text(value: str) -> str:
    """Stored text as a reader sees it: HTML reduced to its words, shortened."""
    if _TAG.search(value):
        value = html.unescape(strip_tags(value))
    value = " ".join(value.split())
    return Truncator(value).chars(LONGEST)


def readable(value: Any) -> str:
    """Any recorded value as text, with no field to say more about it."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        return ", ".join(readable(item) for item in value) or EMPTY
    if isinstance(value, dict):
        parts = [readable(item) for item in value.values()]
        return " · ".join(part for part in parts if part != EMPTY) or EMPTY
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            day = parse_date(value)
            if day is not None:
                return formats.date_format(day, "DATE_FORMAT")
        if _ISO_DATETIME.match(value):
            moment = parse_datetime(value)
            if moment is not None:
                return formats.date_format(moment, "DATETIME_FORMAT")
        return plain_text(value)
    return formats.localize(value)


def _languages() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


class _Related:
    """Related records named once per page, however many entries mention them."""

    def __init__(self) -> None:
        self.names: dict[tuple[type[models.Model], str], str] = {}

    def name(self, model: type[models.Model], pk: Any) -> str:
        key = (model, str(pk))
        if key not in self.names:
            found = model._default_manager.filter(pk=pk).first()
            self.names[key] = str(found) if found is not None else _("a record since removed")
        return self.names[key]


def _value(target_type, model, name, value, related: _Related) -> str:
    reader = audit.reader_for(target_type, name)
    if reader is not None and value not in (None, "", [], {}):
        return Truncator(str(reader(value))).chars(LONGEST)
    found = _field(model, name)
    if name == "language" and isinstance(value, str) and value in _languages():
        return _languages()[value]
    if found is None or value in (None, "", [], {}):
        return readable(value)
    if found.is_relation and found.related_model is not None:
        if isinstance(value, list):
            return ", ".join(related.name(found.related_model, pk) for pk in value) or EMPTY
        return related.name(found.related_model, value)
    if found.choices:
        labels = {str(code): str(label) for code, label in found.flatchoices}
        if isinstance(value, list):
            return ", ".join(labels.get(str(item), readable(item)) for item in value)
        return labels.get(str(value), readable(value))
    return readable(value)


def _records(entries: list[AuditEntry]) -> dict[tuple[str, str], models.Model]:
    """The records the entries name that still exist: one query per kind of record."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.target_id:
            wanted.setdefault(entry.target_type, set()).add(entry.target_id)
    found: dict[tuple[str, str], models.Model] = {}
    for target_type, ids in wanted.items():
        model = _model(target_type)
        if model is None:
            continue
        try:
            needs = audit.title_needs(target_type)
            rows = model._default_manager.select_related(*needs).in_bulk(list(ids))
        except (ValueError, TypeError):
            continue
        found.update({(target_type, str(pk)): row for pk, row in rows.items()})
    return found


def _record_link(target_type: str, record: models.Model | None) -> tuple[str, str | None]:
    """The record's current title and address, when it still exists and has a page."""
    if record is None:
        return "", None
    url = None
    title = audit.title_of(target_type, record)
    if getattr(record, "is_public", True) is False and hasattr(record, "get_workspace_url"):
        url = record.get_workspace_url()
    elif hasattr(record, "get_absolute_url"):
        url = record.get_absolute_url()
    return title, url


def entries_for_reading(entries: list[AuditEntry]) -> list[Entry]:
    with audit.reading_page():
        return _entries_for_reading(entries)


def _entries_for_reading(entries: list[AuditEntry]) -> list[Entry]:
    related = _Related()
    records = _records(entries)
    shown = []
    for entry in entries:
        model = _model(entry.target_type)
        record = records.get((entry.target_type, entry.target_id))
        title, url = _record_link(entry.target_type, record)
        if entry.actor is not None:
            who, email = entry.actor.full_name or entry.actor.email, entry.actor.email
        elif entry.actor_label == "system":
            who, email = _("The platform (a command or a scheduled job)"), ""
        else:
            who, email = entry.actor_label, ""
        kind = str(model._meta.verbose_name) if model is not None else ""
        changes = []
        for name, values in (entry.changes or {}).items():
            if name in _HIDDEN or not isinstance(values, list) or len(values) != 2:
                continue
            before = _value(entry.target_type, model, name, values[0], related)
            after = _value(entry.target_type, model, name, values[1], related)
            if before == after:
                continue  # e.g. nothing to empty on creation: no change to read
            changes.append(Change(label=label_of(model, name), before=before, after=after))
        shown.append(
            Entry(
                when=entry.created_at,
                who=who,
                who_email=email if email != who else "",
                action=audit.action_label(entry.action),
                record_kind=kind[:1].upper() + kind[1:],
                record_title=plain_text(title or entry.target_label),
                record_url=url or "",
                changes=changes,
            )
        )
    return shown


def action_choices() -> list[tuple[str, str]]:
    """The filter's choices: every action by its words, in the reader's alphabetical order."""
    return sorted(((code, str(label)) for code, label in audit.ACTIONS.items()), key=lambda c: c[1])

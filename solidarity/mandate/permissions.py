"""Who may do what with the mandate's record, tasks and reports."""

from __future__ import annotations

from solidarity.core.permissions import is_secretariat


def can_manage_mandate(user, obj=None) -> bool:
    """Change the record, its documents and deliverables; confirm and correct tasks."""
    return is_secretariat(user)


def can_read_drafts(user, obj=None) -> bool:
    """A report's draft is the secretariat's working file until the report is issued."""
    return is_secretariat(user)


def can_use_desk(user, obj=None) -> bool:
    """The desk: anyone signed in starts there."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)

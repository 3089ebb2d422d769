"""Who may do what with country-visit requests."""

from __future__ import annotations

from solidarity.core.permissions import has_role, is_secretariat
from solidarity.core.roles import Role


def can_manage_visits(user, obj=None) -> bool:
    """Open requests, record any step, send reminders: the secretariat."""
    return is_secretariat(user)


def can_answer_for_state(user, visit=None) -> bool:
    """Record the State's answer: its own focal point (and the secretariat, from a letter)."""
    if is_secretariat(user):
        return True
    if not has_role(user, Role.FOCAL_POINT) or user.country_id is None:
        return False
    return visit is None or visit.country_id == user.country_id

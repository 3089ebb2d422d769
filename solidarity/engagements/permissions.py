"""Who may do what with engagements."""

from solidarity.core.permissions import is_secretariat


def can_manage_engagements(user, obj=None) -> bool:
    """Record and correct the Expert's engagements: the secretariat."""
    return is_secretariat(user)

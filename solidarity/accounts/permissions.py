"""Who may manage people and organizations, and read the audit trail."""

from solidarity.core.permissions import is_secretariat


def can_manage_users(user, obj=None) -> bool:
    return is_secretariat(user)


def can_manage_organizations(user, obj=None) -> bool:
    return is_secretariat(user)


def can_read_audit_trail(user, obj=None) -> bool:
    return is_secretariat(user)

"""Who may manage people and organizations."""

from solidarity.core.permissions import is_secretariat


def can_manage_users(user, obj=None) -> bool:
    return is_secretariat(user)


def can_manage_organizations(user, obj=None) -> bool:
    return is_secretariat(user)

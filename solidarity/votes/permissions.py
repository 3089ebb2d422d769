"""Who may import roll calls."""

from solidarity.core.permissions import is_secretariat


def can_import_votes(user, obj=None) -> bool:
    return is_secretariat(user)

"""Who may do what with the indicators. Reading them needs no account."""

from solidarity.core.permissions import is_secretariat


def can_import_indicators(user, obj=None) -> bool:
    """Add figures (next year's ODA, a newer vintage, contributions): the secretariat."""
    return is_secretariat(user)

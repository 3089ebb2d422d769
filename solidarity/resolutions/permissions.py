"""Who may ingest resolutions."""

from solidarity.core.permissions import is_secretariat


def can_ingest_resolutions(user, obj=None) -> bool:
    return is_secretariat(user)

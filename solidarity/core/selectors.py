from solidarity.core.audit import ACTIONS
from solidarity.core.models import AuditEntry


def audit_entries(*, action: str = "", target_type: str = "", actor: str = ""):
    """Entries newest first; ``action`` is one action's code (or, from older links, a prefix)."""
    entries = AuditEntry.objects.select_related("actor")
    if action in ACTIONS:
        entries = entries.filter(action=action)
    elif action:
        entries = entries.filter(action__startswith=action)
    if target_type:
        entries = entries.filter(target_type=target_type)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    return entries

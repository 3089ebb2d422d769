from solidarity.core.models import AuditEntry


def audit_entries(*, action: str = "", target_type: str = "", actor: str = ""):
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action__startswith=action)
    if target_type:
        entries = entries.filter(target_type=target_type)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    return entries

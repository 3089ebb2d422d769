"""Jobs of country-visit requests, run by the platform's one queue (see core/tasks.py)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task(retries=2, retry_delay=60)
def send_visit_reminder(visit_id: int, actor_id: int) -> int:
    """Write the reminder of a request to the State's focal points and log it."""
    from solidarity.accounts.models import User
    from solidarity.visits import services
    from solidarity.visits.models import VisitRequest

    visit = VisitRequest.objects.get(pk=visit_id)
    actor = User.objects.get(pk=actor_id)
    return services.visit_reminder_send(actor=actor, visit=visit)

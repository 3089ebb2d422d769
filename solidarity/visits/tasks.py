"""Jobs of country-visit requests, run by the platform's one queue (see core/tasks.py)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task(retries=2, retry_delay=60)
def send_visit_reminder(visit_id: int, actor_id: int) -> int:
    """Write the reminder of a request to the State's focal points and log it."""
    from solidarity.accounts.models import User
    from solidarity.visits import services
    from solidarity.visits.models import VisitRequest

    visit = VisitRequest.objects.get(pk=visit_id)
    actor = User.objects.get(pk=actor_id)
    return services.visit_reminder_send(actor=actor, visit=visit)


@db_periodic_task(crontab(day_of_week="1", hour="6", minute="5"))
def tell_secretariat_of_reminders_due() -> int:
    """Each Monday morning, tell the secretariat which requests are due a reminder."""
    from solidarity.visits import services

    return services.reminders_due_notice()

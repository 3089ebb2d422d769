"""Reads of the mandate that pages, the API and the command line share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from solidarity.mandate import comparison
from solidarity.mandate.models import (
    Deliverable,
    DeliverableAnnex,
    Document,
    Mandate,
    SeriesResolution,
    Task,
    TaskStatus,
)
from solidarity.resolutions.models import Resolution


def mandate_get() -> Mandate | None:
    """The mandate the platform serves (the first one recorded)."""
    return Mandate.objects.order_by("pk").first()


def mandate_for_page(mandate: Mandate) -> dict:
    return {
        "holders": list(mandate.holders.all()),
        "series": list(mandate.series.select_related("resolution")),
        "documents": list(mandate.documents.prefetch_related("files")),
        "deliverables": list(mandate.deliverables.all()),
    }


def series_of(mandate: Mandate) -> QuerySet[SeriesResolution]:
    return mandate.series.select_related("resolution")


def document_get(symbol: str) -> Document:
    return Document.objects.select_related("mandate").prefetch_related("files").get(symbol=symbol)


def documents_linked(symbols: list[str]) -> dict[str, str]:
    """{symbol: page} for the cited symbols the platform holds a document for."""
    return {
        document.symbol: document.get_absolute_url()
        for document in Document.objects.filter(symbol__in=symbols).only("symbol")
    }


@dataclass(frozen=True)
class TaskFilters:
    status: str = ""
    addressee: str = ""
    resolution: str = ""
    confirmed: bool | None = None


def tasks_list(filters: TaskFilters = TaskFilters()) -> QuerySet[Task]:
    tasks = Task.objects.select_related("resolution", "confirmed_by").order_by(
        "-resolution__adopted_on", "resolution__symbol", "paragraph_number"
    )
    if filters.status:
        tasks = tasks.filter(status=filters.status)
    if filters.resolution:
        tasks = tasks.filter(resolution__symbol=filters.resolution)
    if filters.confirmed is not None:
        tasks = tasks.filter(confirmed_at__isnull=not filters.confirmed)
    if filters.addressee:
        # JSON lists: filtered in Python, since the lists are short and few.
        ids = [
            pk
            for pk, who in tasks.values_list("pk", "addressees")
            if filters.addressee in (who or [])
        ]
        tasks = tasks.filter(pk__in=ids)
    return tasks


def task_get(pk: int) -> Task:
    return Task.objects.select_related("resolution", "paragraph", "confirmed_by").get(pk=pk)


def tasks_by_status(tasks: QuerySet[Task] | None = None) -> list[dict]:
    counts = dict(
        (tasks if tasks is not None else Task.objects.filter(withdrawn=False))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in TaskStatus.choices
    ]


def deliverables_list(mandate: Mandate | None = None) -> QuerySet[Deliverable]:
    deliverables = Deliverable.objects.select_related("task__resolution").defer("draft_data")
    if mandate is not None:
        deliverables = deliverables.filter(mandate=mandate)
    return deliverables.order_by("due_on", "pk")


def deliverable_get(pk: int) -> Deliverable:
    return Deliverable.objects.select_related("mandate", "task__resolution").get(pk=pk)


def annexes_of(deliverable: Deliverable) -> list[DeliverableAnnex]:
    """The compiled annex files of a report, without their bytes."""
    return list(DeliverableAnnex.objects.filter(deliverable=deliverable).defer("data"))


def annex_get(deliverable: Deliverable, file_format: str) -> DeliverableAnnex:
    return DeliverableAnnex.objects.select_related("deliverable").get(
        deliverable=deliverable, format=file_format
    )


def due_within(days: int = 90, *, today: dt.date | None = None) -> dict:
    """What falls due from today to ``days`` ahead: reports, and tasks with a target date."""
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=days)
    deliverables = list(
        deliverables_list().filter(due_on__gte=today, due_on__lte=until).exclude(status="issued")
    )
    tasks = []
    for task in (
        Task.objects.select_related("resolution")
        .filter(withdrawn=False)
        .exclude(target_date="")
        .exclude(status__in=[TaskStatus.DONE, TaskStatus.NOT_APPLICABLE])
    ):
        try:
            due = dt.date.fromisoformat(task.target_date)
        except ValueError:
            continue
        if today <= due <= until:
            tasks.append((due, task))
    return {
        "deliverables": deliverables,
        "tasks": [task for _due, task in sorted(tasks, key=lambda item: item[0])],
        "until": until,
    }


def previous_in_series(resolution: Resolution) -> Resolution | None:
    """The stored resolution of the same series adopted just before this one (one query)."""
    if resolution.adopted_on is None:
        return None
    earlier = (
        SeriesResolution.objects.filter(
            mandate__series__resolution=resolution,
            resolution__isnull=False,
            resolution__adopted_on__lt=resolution.adopted_on,
        )
        .select_related("resolution")
        .order_by("-resolution__adopted_on")
        .first()
    )
    return earlier.resolution if earlier else None


def comparison_with_previous(resolution: Resolution) -> dict | None:
    """What is new, changed and dropped since the previous resolution of the series."""
    previous = previous_in_series(resolution)
    if previous is None:
        return None
    result = comparison.compare(previous.document, resolution.document)
    return {"previous": previous, "resolution": resolution, "comparison": result}


def for_resolution_page(resolution: Resolution) -> dict | None:
    """The section of a resolution's page: its tasks and the comparison with the previous
    resolution of its series. One query for a resolution of no series (storing one of a
    series always makes its tasks), three for one of a series."""
    tasks = tasks_of_resolution(resolution)
    if not tasks:
        return None
    return {"tasks": tasks, "comparison": comparison_with_previous(resolution)}


def _call_items() -> list[dict]:
    from solidarity.calls.models import Call

    now = timezone.now()
    calls = Call.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")[:10]
    return [
        {"label": call.title, "url": call.get_absolute_url(), "due": call.closes_at}
        for call in calls
    ]


def _visit_section(user) -> dict | None:
    from solidarity.visits import selectors as visits
    from solidarity.visits.lifecycle import STATUS_LABELS
    from solidarity.visits.permissions import can_manage_visits

    if can_manage_visits(user):
        rows = visits.reminders_due()
        return {
            "title": _("Visit requests: reminders due"),
            "url": reverse("visits:desk"),
            "items": [
                {
                    "label": row.country.un_name,
                    "url": reverse("visits:detail", kwargs={"iso3": row.country.iso3}),
                }
                for row in rows[:20]
            ],
        }
    country = getattr(user, "country", None)
    if country is not None:
        row = visits.country_row(country)
        return {
            "title": _("Your State's visit requests"),
            "url": reverse("visits:detail", kwargs={"iso3": country.iso3}),
            "items": [
                {
                    "label": f"{country.un_name}: {STATUS_LABELS.get(row.history.status, '')}",
                    "url": reverse("visits:detail", kwargs={"iso3": country.iso3}),
                }
            ]
            if row.visit is not None
            else [],
        }
    return None


def _engagement_section(user, until: dt.date) -> dict:
    from solidarity.engagements.selectors import engagements

    upcoming = engagements(when="upcoming").filter(starts_on__lte=until)[:10]
    return {
        "title": _("Engagements in the next 90 days"),
        "url": reverse("engagements:list"),
        "items": [
            {"label": str(item), "url": item.get_absolute_url(), "due": item.starts_on}
            for item in upcoming
        ],
    }


def desk_extras(user, *, days: int = 90) -> list[dict]:
    """What the other areas of the work offer the desk, for those installed."""
    until = timezone.localdate() + dt.timedelta(days=days)
    extras = []
    if apps.is_installed("solidarity.calls"):
        extras.append(
            {
                "title": _("Open calls for input"),
                "url": reverse("calls:list"),
                "items": _call_items(),
            }
        )
    if apps.is_installed("solidarity.visits"):
        section = _visit_section(user)
        if section is not None:
            extras.append(section)
    if apps.is_installed("solidarity.engagements"):
        extras.append(_engagement_section(user, until))
    return extras


def tasks_of_resolution(resolution: Resolution) -> list[Task]:
    """For the resolution's page: the tasks made from its paragraphs."""
    return list(
        Task.objects.filter(resolution=resolution, withdrawn=False)
        .select_related("resolution")
        .order_by("paragraph_number")
    )

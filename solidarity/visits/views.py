"""Pages of country-visit requests: the public table, a State's log, the secretariat's desk,
and the forms that call the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.countries.models import RegionalGroup
from solidarity.visits import lifecycle, records, selectors, services, tasks
from solidarity.visits.forms import AnswerForm, EventForm, RequestForm
from solidarity.visits.models import VisitRequest
from solidarity.visits.permissions import can_answer_for_state, can_manage_visits

VIEW_LABELS = {
    "": gettext_lazy("All States"),
    "forthcoming": gettext_lazy("Forthcoming"),
    "underway": gettext_lazy("Underway"),
    "pending": gettext_lazy("Pending"),
    "completed": gettext_lazy("Completed"),
    "standing": gettext_lazy("Standing invitations"),
    "never": gettext_lazy("Never visited"),
}


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def visit_table(request):
    view = request.GET.get("view", "")
    view = view if view in selectors.VIEWS else ""
    group = request.GET.get("group", "")
    group = group if group in RegionalGroup.values else ""
    rows = selectors.table(view=view, group=group)
    today = timezone.localdate()
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        return csv_response(
            "visits.csv",
            records.CSV_HEADER,
            (records.csv_row(r, today=today, base_url=_base(request)) for r in rows),
        )
    if fmt == "json":
        return JsonResponse(
            [records.country_record(r, today=today, base_url=_base(request)) for r in rows],
            safe=False,
            json_dumps_params={"ensure_ascii": False},
        )
    by_group, overall = selectors.group_figures(selectors.table(), today)
    return render(
        request,
        "visits/table.html",
        {
            "rows": rows,
            "today": today,
            "view": view,
            "group": group,
            "views": [(key, str(label)) for key, label in VIEW_LABELS.items()],
            "groups": RegionalGroup.choices,
            "by_group": by_group,
            "overall": overall,
            "group_labels": dict(RegionalGroup.choices),
            "query_string": request.GET.urlencode(),
            "may_manage": allowed(can_manage_visits, request.user),
        },
    )


def _visit(iso3: str) -> VisitRequest:
    try:
        return selectors.visit_get(iso3)
    except VisitRequest.DoesNotExist:
        raise Http404(_("The mandate has no visit request on record for this State.")) from None


def visit_detail(request, iso3: str):
    visit = _visit(iso3)
    row = selectors.country_row(visit.country)
    may_manage = allowed(can_manage_visits, request.user)
    may_answer = allowed(can_answer_for_state, request.user, visit) and not may_manage
    return render(
        request,
        "visits/detail.html",
        {
            "visit": visit,
            "row": row,
            "today": timezone.localdate(),
            "next_events": [
                str(lifecycle.EVENT_LABELS[k])
                for k in lifecycle.next_events(row.history)
                if k != lifecycle.REMINDER_SENT  # the reminder has its own button
            ],
            "may_manage": may_manage,
            "may_answer": may_answer,
            "event_form": EventForm() if may_manage else None,
            "reminder_due": may_manage
            and lifecycle.reminder_due(
                row.history, row.last_contact, timezone.localdate(), selectors.REMINDER_AFTER_DAYS
            ),
        },
    )


def _event_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "on": data["on"],
        "starts_on": data.get("starts_on"),
        "ends_on": data.get("ends_on"),
        "note": data.get("note", ""),
    }


def _refusal(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_http_methods(["GET", "POST"])
def visit_create(request):
    if not allowed(can_manage_visits, request.user):
        raise PermissionDenied
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = services.visit_request_create(
                actor=request.user,
                country=data["country"],
                kind=data["kind"],
                on=data["on"],
                note=data["note"],
                source=data["source"],
            )
        except ValidationError as error:
            _refusal(request, error)
        else:
            messages.success(request, _("The request is recorded."))
            return redirect(visit.get_absolute_url())
    return render(request, "visits/form.html", {"form": form, "title": _("Record a visit request")})


@login_required
@require_POST
def visit_event(request, iso3: str):
    visit = _visit(iso3)
    if not allowed(can_manage_visits, request.user):
        raise PermissionDenied
    form = EventForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the event and its date."))
        return redirect(visit.get_absolute_url())
    try:
        services.visit_event_record(
            actor=request.user,
            visit=visit,
            report_url=form.cleaned_data.get("report_url", ""),
            **_event_fields(form),
        )
    except ValidationError as error:
        _refusal(request, error)
    else:
        messages.success(request, _("The event is recorded."))
    return redirect(visit.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def visit_answer(request, iso3: str):
    """The State's focal point records their State's answer (their own State only)."""
    visit = _visit(iso3)
    if not allowed(can_answer_for_state, request.user, visit):
        raise PermissionDenied(_("You may answer only for your own State."))
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_answer_record(actor=request.user, visit=visit, **_event_fields(form))
        except ValidationError as error:
            _refusal(request, error)
        else:
            messages.success(
                request, _("Your State's answer is recorded; the secretariat sees it.")
            )
            return redirect(visit.get_absolute_url())
    return render(
        request,
        "visits/form.html",
        {
            "form": form,
            "visit": visit,
            "title": _("Record your State's answer"),
        },
    )


@login_required
@require_POST
def visit_remind(request, iso3: str):
    visit = _visit(iso3)
    if not allowed(can_manage_visits, request.user):
        raise PermissionDenied
    try:
        # Refused at once if the history does not allow a reminder today; the job
        # (run by the queue's consumer) sends it and logs it through the service.
        lifecycle.step(
            visit.history(), lifecycle.Event(lifecycle.REMINDER_SENT, timezone.localdate())
        )
    except lifecycle.StepRefused as refusal:
        messages.error(request, str(refusal))
    else:
        tasks.send_visit_reminder(visit.pk, request.user.pk)
        messages.success(request, _("The reminder is on its way to the State's focal points."))
    return redirect(visit.get_absolute_url())


@login_required
def desk(request):
    """The secretariat's view: reminders due and the States' latest answers."""
    if not allowed(can_manage_visits, request.user):
        raise PermissionDenied
    return render(
        request,
        "visits/desk.html",
        {
            "due": selectors.reminders_due(),
            "days": selectors.REMINDER_AFTER_DAYS,
            "answers": selectors.recent_state_answers(),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def remind_due(request):
    """Send every reminder due, each as its own job."""
    if not allowed(can_manage_visits, request.user):
        raise PermissionDenied
    due = selectors.reminders_due()
    for row in due:
        tasks.send_visit_reminder(row.visit.pk, request.user.pk)
    messages.success(
        request,
        ngettext(
            "%(count)d reminder is on its way.", "%(count)d reminders are on their way.", len(due)
        )
        % {"count": len(due)},
    )
    return redirect("visits:desk")

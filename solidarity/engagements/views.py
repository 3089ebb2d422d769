"""Pages of the Expert's engagements, and the calendar feed of engagements and visits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.engagements import calendar, records, selectors, services
from solidarity.engagements.forms import EngagementForm
from solidarity.engagements.models import Engagement
from solidarity.engagements.permissions import can_manage_engagements


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def engagement_list(request):
    when = request.GET.get("when", "")
    when = when if when in ("upcoming", "past") else ""
    found = selectors.engagements(when=when)
    fmt = request.GET.get("format", "")
    if fmt == "json":
        return JsonResponse(
            [records.engagement_record(e, base_url=_base(request)) for e in found],
            safe=False,
            json_dumps_params={"ensure_ascii": False},
        )
    if fmt == "csv":
        return csv_response(
            "engagements.csv",
            records.CSV_HEADER,
            (records.csv_row(e, base_url=_base(request)) for e in found),
        )
    return render(
        request,
        "engagements/list.html",
        {
            "engagements": found,
            "when": when,
            "may_manage": allowed(can_manage_engagements, request.user),
        },
    )


def engagement_detail(request, pk: int):
    engagement = get_object_or_404(Engagement, pk=pk)
    return render(
        request,
        "engagements/detail.html",
        {
            "engagement": engagement,
            "may_manage": allowed(can_manage_engagements, request.user),
        },
    )


def _save(request, form, engagement=None):
    fields = dict(form.cleaned_data)
    try:
        if engagement is None:
            engagement = services.engagement_create(actor=request.user, **fields)
        else:
            engagement = services.engagement_update(
                actor=request.user, engagement=engagement, **fields
            )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error)
        return None
    return engagement


@login_required
@require_http_methods(["GET", "POST"])
def engagement_create(request):
    if not allowed(can_manage_engagements, request.user):
        raise PermissionDenied
    form = EngagementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        engagement = _save(request, form)
        if engagement is not None:
            messages.success(request, _("The engagement is recorded."))
            return redirect(engagement.get_absolute_url())
    return render(request, "engagements/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def engagement_edit(request, pk: int):
    engagement = get_object_or_404(Engagement, pk=pk)
    if not allowed(can_manage_engagements, request.user):
        raise PermissionDenied
    form = EngagementForm(request.POST or None, initial=EngagementForm.initial_from(engagement))
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, engagement) is not None
    ):
        messages.success(request, _("The engagement is saved."))
        return redirect(engagement.get_absolute_url())
    return render(request, "engagements/form.html", {"form": form, "engagement": engagement})


def calendar_feed(request):
    since, _until = selectors.calendar_window()
    body = calendar.build(selectors.engagements(), base_url=_base(request), since=since)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response

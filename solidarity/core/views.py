from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from solidarity.core import audit_display, selectors
from solidarity.core.permissions import allowed, can_read_audit_trail


def home(request):
    return render(request, "core/home.html")


@login_required
def audit_trail(request):
    if not allowed(can_read_audit_trail, request.user):
        raise PermissionDenied
    entries = selectors.audit_entries(
        action=request.GET.get("action", "").strip(),
        target_type=request.GET.get("type", "").strip(),
        actor=request.GET.get("who", "").strip(),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_trail.html",
        {
            "page": page,
            "entries": audit_display.entries_for_reading(list(page)),
            "actions": audit_display.action_choices(),
            "chosen_action": request.GET.get("action", "").strip(),
        },
    )


def health(request):
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})

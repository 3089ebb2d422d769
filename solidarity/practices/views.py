from __future__ import annotations

import html
import json
import uuid
from urllib.parse import quote_plus, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import numberformat
from django.utils.formats import get_format, localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.core import pagecache, search
from solidarity.core.downloads import uploaded_file_response
from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.practices import selectors, services
from solidarity.practices.content import content_of, diff_contents
from solidarity.practices.forms import DecisionForm, PracticeForm, ReasonForm
from solidarity.practices.models import Practice, PracticeVersion
from solidarity.practices.permissions import (
    can_decide_on_practice,
    can_edit_practice,
    can_retract_practice,
    can_review_practices,
    can_see_workspace,
    can_submit_practices,
)
from solidarity.practices.presentation import facet_titles, labelled, labelled_content
from solidarity.practices.records import CSV_HEADER, csv_rows, public_record

PER_PAGE = 20
MAX_PAGE = 50_000  # a million results deep; exports and the API give the rest


class _Window:
    """What Paginator needs of a result set it does not hold: its size."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        return []


# The first page of each language, for anonymous visitors (a query string is never kept).
@pagecache.public_page(lambda: [pagecache.PRACTICES, pagecache.STATES])
def catalogue(request):
    query = selectors.CatalogueQuery.from_params(request.GET)
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "json"):
        return _export(request, query, fmt)
    query_error, result = "", None
    try:
        number = min(max(1, int(request.GET.get("page") or 1)), MAX_PAGE)
    except ValueError:
        number = 1
    try:
        result = selectors.catalogue(query, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
    except search.QueryError as error:
        query_error = str(error)
    total = result.total if result else 0
    paginator = Paginator(_Window(total), PER_PAGE)
    page = paginator.get_page(number)
    if result is not None and page.number != number:  # beyond the last page
        result = selectors.catalogue(query, offset=(page.number - 1) * PER_PAGE, limit=PER_PAGE)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "practices/catalogue.html",
        {
            "query": query,
            "query_error": query_error,
            "total": total,
            "page": page,
            "practices": labelled(
                *(result.practices if result else []), themes=result.themes if result else None
            ),
            "facets": [
                _facet_block(name, _facet_links(params, name, values, number))
                for number in [whole_number_format()]
                for name, values in (result.facets.items() if result else [])
                if values
            ],
            "query_string": params.urlencode(),
            "active_filters": _active_filters(params, result),
            "clear_filters": urlencode(
                [
                    (key, v)
                    for key, listed in params.lists()
                    if key not in query.filters
                    for v in listed
                ]
            ),
            "may_submit": allowed(can_submit_practices, request.user),
            "sorts": [("relevance", _("Relevance")), ("newest", _("Newest"))],
        },
    )


FACET_VALUES_SHOWN = 8


def _active_filters(params, result) -> list[dict]:
    """The values ticked in the facets, each with its facet's title and the search without it."""
    if result is None:
        return []
    titles = facet_titles()
    active = []
    for name, values in result.facets.items():
        for value in values:
            if value.selected:
                kept = [
                    (key, v)
                    for key, listed in params.lists()
                    for v in listed
                    if not (key == name and v == value.value)
                ]
                active.append(
                    {"facet": titles[name], "label": str(value.label), "without": urlencode(kept)}
                )
    return active


def _facet_block(name: str, links: list) -> dict:
    """A facet's first values, and the rest behind "More" (chosen ones always shown)."""
    shown = [
        html for n, (value, html) in enumerate(links) if n < FACET_VALUES_SHOWN or value.selected
    ]
    more = [
        html
        for n, (value, html) in enumerate(links)
        if n >= FACET_VALUES_SHOWN and not value.selected
    ]
    return {
        "name": name,
        "title": facet_titles()[name],
        "shown": mark_safe("".join(shown)),  # each item escaped by _facet_links
        "more": mark_safe("".join(more)),
        "more_count": len(more),
    }


def whole_number_format():
    """``localize`` for whole numbers, with the language's separators read once.

    A catalogue page writes some 300 counts; reading the three separators
    again for each cost more than writing the links.
    """
    decimal, grouping, thousands = (
        get_format(name) for name in ("DECIMAL_SEPARATOR", "NUMBER_GROUPING", "THOUSAND_SEPARATOR")
    )
    return lambda n: numberformat.format(n, decimal, None, grouping, thousands)


def _facet_links(params, name: str, values, number=localize):
    """Each value as a list item linking to the search with it ticked or unticked.

    Written here rather than by an included template: a page shows about 300
    values, and an include each cost more than finding and counting them.
    """
    others = [(key, v) for key, listed in params.lists() if key != name for v in listed]
    chosen = params.getlist(name)
    adding = urlencode([*others, *((name, v) for v in chosen)])
    adding += "&" if adding else ""
    adding += quote_plus(name) + "="
    facet = html.escape(name)
    remove = html.escape(_("Remove filter:"))
    links = []
    for value in values:
        code, label = html.escape(value.value), html.escape(str(value.label))
        if value.selected:
            kept = urlencode([*others, *((name, v) for v in chosen if v != value.value)])
            item = (
                f'<li><a href="?{html.escape(kept)}" aria-current="true" class="selected" '
                f'data-facet="{facet}" data-value="{code}"><span class="visually-hidden">'
                f"{remove} </span>{label}</a> "
            )
        else:
            query = adding + quote_plus(value.value)
            item = (
                f'<li><a href="?{html.escape(query)}" data-facet="{facet}" data-value="{code}">'
                f"{label}</a> "
            )
        count = number(value.count)
        links.append((value, mark_safe(f'{item}<span class="facet-count">{count}</span></li>')))
    return links


def _export(request, query, fmt: str):
    base = request.build_absolute_uri("/").rstrip("/")
    try:
        practices = selectors.catalogue_for_export(query)
        first = next(practices, None)
    except search.QueryError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")

    def all_practices():
        if first is not None:
            yield first
            yield from practices

    if fmt == "csv":
        return csv_response("practices.csv", CSV_HEADER, csv_rows(all_practices(), base_url=base))

    def chunks():
        yield "[\n"
        for n, practice in enumerate(all_practices()):
            yield (",\n" if n else "") + json.dumps(
                public_record(practice, base_url=base), ensure_ascii=False
            )
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practices.json"'
    return response


def _public(pk: int) -> Practice:
    try:
        return selectors.public_practice(pk)
    except Practice.DoesNotExist:
        raise Http404(_("No published good practice has this number.")) from None


def _working_copy(request, pk: int) -> Practice:
    """The working copy, for those who may see it; to anyone else it does not exist."""
    try:
        return selectors.practice_get_for_user(request.user, pk)
    except Practice.DoesNotExist:
        raise Http404(_("No good practice has this number.")) from None


# A practice's page lists related practices: any published change may touch it.
@pagecache.public_page(lambda pk: [pagecache.PRACTICES, pagecache.STATES])
def detail(request, pk: int):
    practice = _public(pk)
    may_see_all = allowed(can_see_workspace, request.user, practice)
    if practice.retracted_at is not None and not may_see_all:
        return render(request, "practices/retracted.html", {"practice": practice}, status=410)
    return render(
        request,
        "practices/detail.html",
        {
            "practice": labelled(practice)[0],
            "content": practice.published,
            "related": labelled(*selectors.related_practices(practice)),
            "may_see_workspace": may_see_all,
            "may_retract": allowed(can_retract_practice, request.user, practice),
            "retract_form": ReasonForm(),
        },
    )


def history(request, pk: int):
    practice = _public(pk)
    if practice.retracted_at is not None and not allowed(can_see_workspace, request.user, practice):
        raise Http404(_("This practice was retracted."))
    return render(
        request,
        "practices/history.html",
        {"practice": practice, "versions": selectors.versions_of(practice)},
    )


def version(request, pk: int, number: int):
    practice = _public(pk)
    if practice.retracted_at is not None and not allowed(can_see_workspace, request.user, practice):
        raise Http404(_("This practice was retracted."))
    try:
        current = selectors.version_of(practice, number)
    except PracticeVersion.DoesNotExist:
        raise Http404(_("This practice has no such version.")) from None
    previous = selectors.version_of(practice, number - 1) if number > 1 else None
    return render(
        request,
        "practices/version.html",
        {
            "practice": practice,
            "version": current,
            "previous": previous,
            "changes": diff_contents(previous.data, current.data) if previous else [],
        },
    )


def attachment(request, pk: int, file_id: int):
    practice = get_object_or_404(Practice, pk=pk)
    document = get_object_or_404(practice.attachments, pk=file_id)
    published_ids = {
        item["id"]
        for version in practice.versions.all()
        for item in version.data.get("attachments", [])
    }
    if not (practice.is_public and document.pk in published_ids):
        _working_copy(request, pk)  # a document of the working copy only: theirs to see, or 404
    # Saved, not shown, unless it is an image; sandboxed either way. The same for
    # documents stored before they were checked for active content.
    return uploaded_file_response(
        bytes(document.data), name=document.name, media_type=document.media_type
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not allowed(can_submit_practices, request.user):
        raise PermissionDenied
    form = PracticeForm(
        request.POST or None,
        request.FILES or None,
        initial={"submission_key": uuid.uuid4(), "language": request.LANGUAGE_CODE},
        rows=_posted_rows(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            practice, _created = services.practice_create(
                actor=request.user,
                fields=form.content_fields,
                files=form.checked_files,
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _after_save(request, practice)
    return render(request, "practices/form.html", {"form": form, "practice": None})


def _posted_rows(request) -> dict[str, int]:
    """How many rows of actors, countries and sources a posted form holds."""
    if request.method != "POST":
        return {}

    def count(prefix: str) -> int:
        numbers = [
            int(key.rsplit("_", 1)[1])
            for key in request.POST
            if key.startswith(prefix) and key.rsplit("_", 1)[1].isdigit()
        ]
        return min(max(numbers, default=0), 60)

    return {
        "actors": max(0, count("actor_name_") - 2),
        "countries": max(0, count("country_") - 3),
        "sources": max(0, count("source_url_") - 2),
    }


def _after_save(request, practice):
    if request.POST.get("action") == "submit":
        try:
            services.practice_submit(actor=request.user, practice=practice)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("practices:edit", pk=practice.pk)
        messages.success(request, _("Sent for review. You will hear by e-mail."))
    else:
        messages.success(request, _("Draft saved."))
    return redirect(practice.get_workspace_url())


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    practice = _working_copy(request, pk)
    if not allowed(can_edit_practice, request.user, practice):
        raise PermissionDenied
    attachments = list(practice.attachments.filter(removed=False))
    initial, rows = PracticeForm.initial_from(practice)
    form = PracticeForm(
        request.POST or None,
        request.FILES or None,
        initial={**initial, "submission_key": practice.submission_key},
        rows=_posted_rows(request) or rows,
        attachments=attachments,
    )
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.practice_update(
                actor=request.user,
                practice=practice,
                fields=form.content_fields,
                files=form.checked_files,
                remove=form.cleaned_data.get("remove_attachments") or [],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _after_save(request, practice)
    return render(request, "practices/form.html", {"form": form, "practice": practice})


@login_required
@require_http_methods(["GET", "POST"])
def workspace(request, pk: int):
    """The working copy with its review thread; reviewers decide here."""
    practice = _working_copy(request, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("decision") == "submit":
            return _submit(request, practice)
        if form.is_valid():
            try:
                _decide(request, practice, form.cleaned_data)
            except ValidationError as error:
                form.add_error("message", error)
            else:
                return redirect(practice.get_workspace_url())
    return render(
        request,
        "practices/workspace.html",
        {
            "practice": practice,
            "view": labelled_content(content_of(practice)),
            "attachments": practice.attachments.filter(removed=False),
            "events": practice.events.all(),
            "form": form,
            "may_edit": allowed(can_edit_practice, request.user, practice),
            "may_decide": allowed(can_decide_on_practice, request.user, practice),
            "is_reviewer": allowed(can_review_practices, request.user),
        },
    )


def _submit(request, practice):
    try:
        services.practice_submit(actor=request.user, practice=practice)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Sent for review. You will hear by e-mail."))
    return redirect(practice.get_workspace_url())


def _decide(request, practice, data) -> None:
    decision, message = data["decision"], data.get("message") or ""
    actor = request.user
    if decision == "comment":
        services.practice_comment(actor=actor, practice=practice, message=message)
        messages.success(request, _("Comment added."))
    elif decision == "changes":
        services.practice_request_changes(actor=actor, practice=practice, message=message)
        messages.success(request, _("Changes requested; the submitter is told by e-mail."))
    elif decision == "publish":
        version = services.practice_publish(
            actor=actor, practice=practice, message=message, note=data.get("note") or ""
        )
        messages.success(
            request, _("Published as version %(number)d.") % {"number": version.number}
        )
    elif decision == "reject":
        services.practice_reject(actor=actor, practice=practice, reason=message)
        messages.success(request, _("Rejected; the submitter is told why by e-mail."))


@login_required
@require_POST
def retract(request, pk: int):
    practice = _public(pk)  # never published: nothing to retract, and nothing to tell
    if not allowed(can_retract_practice, request.user, practice):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why, for the readers and the submitter."))
        services.practice_retract(
            actor=request.user, practice=practice, reason=form.cleaned_data["message"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(practice.get_absolute_url())
    messages.success(request, _("Retracted. The page now says why."))
    return redirect(practice.get_absolute_url())


@login_required
def mine(request):
    return render(
        request,
        "practices/mine.html",
        {
            "practices": selectors.practices_of(request.user),
            "may_submit": allowed(can_submit_practices, request.user),
        },
    )


@login_required
def review_queue(request):
    if not allowed(can_review_practices, request.user):
        raise PermissionDenied
    return render(
        request,
        "practices/review_queue.html",
        {"practices": selectors.review_queue()},
    )

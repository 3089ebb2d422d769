"""Pages of the mandate: its record and documents, tasks, reports, and the desk."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from solidarity.core.downloads import uploaded_file_response
from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.mandate import selectors, services
from solidarity.mandate.annexes.build import MEDIA_TYPES
from solidarity.mandate.forms import DeliverableForm, DraftForm, TaskConfirmForm, TaskStatusForm
from solidarity.mandate.models import (
    Deliverable,
    DeliverableAnnex,
    Document,
    DocumentFile,
    Task,
    TaskStatus,
)
from solidarity.mandate.permissions import can_manage_mandate, can_read_drafts
from solidarity.practices.permissions import can_review_practices
from solidarity.practices.selectors import status_counts_of


def _mandate():
    mandate = selectors.mandate_get()
    if mandate is None:
        raise Http404(_("No mandate is recorded yet."))
    return mandate


def _refusal_to_form(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@require_safe
def mandate_detail(request):
    mandate = _mandate()
    return render(
        request,
        "mandate/detail.html",
        {
            "mandate": mandate,
            **selectors.mandate_for_page(mandate),
            "task_counts": selectors.tasks_by_status(),
            "may_manage": allowed(can_manage_mandate, request.user),
        },
    )


@require_safe
def document_detail(request, symbol: str):
    try:
        document = selectors.document_get(symbol)
    except Document.DoesNotExist:
        raise Http404(_("No document with the symbol %(symbol)s.") % {"symbol": symbol}) from None
    return render(request, "mandate/document.html", {"document": document})


@require_safe
def document_file(request, symbol: str, file_id: int):
    try:
        document = selectors.document_get(symbol)
        file = document.files.get(pk=file_id)
    except (Document.DoesNotExist, DocumentFile.DoesNotExist):
        raise Http404(_("No such file.")) from None
    return uploaded_file_response(bytes(file.data), name=file.name, media_type=file.media_type)


def _task_filters(params) -> selectors.TaskFilters:
    status = params.get("status", "")
    confirmed = {"yes": True, "no": False}.get(params.get("confirmed", ""))
    return selectors.TaskFilters(
        status=status if status in TaskStatus.values else "",
        addressee=params.get("addressee", "").strip()[:100],
        resolution=params.get("resolution", "").strip()[:60],
        confirmed=confirmed,
    )


TASK_CSV_HEADER = [
    "resolution",
    "paragraph",
    "addressees",
    "action",
    "target_session",
    "target_date",
    "frequency",
    "status",
    "confirmed",
    "url",
]


@require_safe
def task_list(request):
    filters = _task_filters(request.GET)
    tasks = selectors.tasks_list(filters)
    if request.GET.get("format") == "csv":
        base = request.build_absolute_uri("/").rstrip("/")
        return csv_response(
            "tasks.csv",
            TASK_CSV_HEADER,
            (
                [
                    t.resolution.symbol,
                    t.paragraph_number,
                    "; ".join(t.addressees),
                    t.action,
                    t.target_session or "",
                    t.target_date,
                    t.frequency,
                    t.status,
                    "yes" if t.is_confirmed else "no",
                    base + t.paragraph_url,
                ]
                for t in tasks.iterator(chunk_size=500)
            ),
        )
    return render(
        request,
        "mandate/tasks.html",
        {
            "tasks": list(tasks[:500]),
            "filters": filters,
            "statuses": TaskStatus.choices,
            "counts": selectors.tasks_by_status(),
            "query_string": request.GET.urlencode(),
            "may_manage": allowed(can_manage_mandate, request.user),
        },
    )


def _task(pk: int) -> Task:
    try:
        return selectors.task_get(pk)
    except Task.DoesNotExist:
        raise Http404(_("No such task.")) from None


def _task_page(request, task: Task, *, confirm_form=None, status_form=None, status=200):
    may_manage = allowed(can_manage_mandate, request.user)
    if may_manage and confirm_form is None:
        confirm_form = TaskConfirmForm(
            initial={
                "addressees": ", ".join(task.addressees),
                "action": task.action,
                "target_session": task.target_session,
                "target_date": task.target_date,
                "frequency": task.frequency,
            }
        )
    if may_manage and status_form is None:
        status_form = TaskStatusForm(
            initial={
                "status": task.status,
                "evidence": "\n".join(f"{e['label']} | {e['url']}" for e in task.evidence),
            }
        )
    return render(
        request,
        "mandate/task.html",
        {
            "task": task,
            "may_manage": may_manage,
            "confirm_form": confirm_form,
            "status_form": status_form,
            "read": task.extracted,
        },
        status=status,
    )


@require_safe
def task_detail(request, pk: int):
    return _task_page(request, _task(pk))


@require_POST
def task_confirm(request, pk: int):
    task = _task(pk)
    if not allowed(can_manage_mandate, request.user):
        raise PermissionDenied
    form = TaskConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.task_confirm(actor=request.user, task=task, corrections=form.corrections())
        except ValidationError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(
                request,
                _("The task of paragraph %(number)s is confirmed.")
                % {"number": task.paragraph_number},
            )
            return redirect(task.get_absolute_url())
    return _task_page(request, task, confirm_form=form, status=400)


@require_POST
def task_status(request, pk: int):
    task = _task(pk)
    if not allowed(can_manage_mandate, request.user):
        raise PermissionDenied
    form = TaskStatusForm(request.POST)
    if form.is_valid():
        try:
            services.task_set_status(
                actor=request.user,
                task=task,
                status=form.cleaned_data["status"],
                evidence=form.evidence_items(),
            )
        except ValidationError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(request, _("The status is saved."))
            return redirect(task.get_absolute_url())
    return _task_page(request, task, status_form=form, status=400)


@require_safe
def deliverable_list(request):
    mandate = _mandate()
    return render(
        request,
        "mandate/deliverables.html",
        {
            "mandate": mandate,
            "deliverables": list(selectors.deliverables_list(mandate)),
            "may_manage": allowed(can_manage_mandate, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def deliverable_create(request):
    mandate = _mandate()
    if not allowed(can_manage_mandate, request.user):
        raise PermissionDenied
    form = DeliverableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            deliverable = services.deliverable_save(
                actor=request.user,
                mandate=mandate,
                body=data["body"],
                session=data["session"],
                title=data["title"],
                symbol=data["symbol"],
                due_on=data["due_on"],
                status=data["status"],
                word_limit=data["word_limit"],
            )
        except ValidationError as error:
            _refusal_to_form(form, error)
        else:
            return redirect(deliverable.get_absolute_url())
    return render(request, "mandate/deliverable_form.html", {"form": form})


def _deliverable(pk: int) -> Deliverable:
    try:
        return selectors.deliverable_get(pk)
    except Deliverable.DoesNotExist:
        raise Http404(_("No such report.")) from None


def _deliverable_page(request, deliverable: Deliverable, *, form=None, status=200):
    may_manage = allowed(can_manage_mandate, request.user)
    return render(
        request,
        "mandate/deliverable.html",
        {
            "deliverable": deliverable,
            "may_manage": may_manage,
            "may_read_draft": allowed(can_read_drafts, request.user),
            "form": form or (DraftForm() if may_manage else None),
            "annexes": selectors.annexes_of(deliverable) if may_manage else [],
        },
        status=status,
    )


@require_safe
def deliverable_detail(request, pk: int):
    return _deliverable_page(request, _deliverable(pk))


@require_POST
def deliverable_draft(request, pk: int):
    deliverable = _deliverable(pk)
    if not allowed(can_manage_mandate, request.user):
        raise PermissionDenied
    form = DraftForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["draft"]
        try:
            deliverable = services.deliverable_upload_draft(
                actor=request.user, deliverable=deliverable, name=upload.name, data=upload.read()
            )
        except ValidationError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s: %(words)s words counted, against a limit of %(limit)s.")
                % {
                    "name": deliverable.draft_name,
                    "words": deliverable.draft_words,
                    "limit": deliverable.word_limit,
                },
            )
            return redirect(deliverable.get_absolute_url())
    return _deliverable_page(request, deliverable, form=form, status=400)


@require_safe
def deliverable_draft_file(request, pk: int):
    deliverable = _deliverable(pk)
    if not allowed(can_read_drafts, request.user):
        raise Http404(_("No such file."))
    if not deliverable.draft_data:
        raise Http404(_("No draft is kept for this report."))
    return uploaded_file_response(
        bytes(deliverable.draft_data),
        name=deliverable.draft_name,
        media_type=deliverable.draft_media_type,
    )


@require_POST
def deliverable_annexes(request, pk: int):
    """Compile the report's annexes as DOCX and PDF, by a job of the queue."""
    deliverable = _deliverable(pk)
    if not allowed(can_manage_mandate, request.user):
        raise PermissionDenied
    services.deliverable_compile_annexes(
        actor=request.user, deliverable=deliverable, language=request.LANGUAGE_CODE
    )
    messages.success(
        request,
        _("The annexes are being compiled; their files appear on this page when they are ready."),
    )
    return redirect(deliverable.get_absolute_url())


@require_safe
def deliverable_annex_file(request, pk: int, file_format: str):
    deliverable = _deliverable(pk)
    if not allowed(can_manage_mandate, request.user):
        raise Http404(_("No such file."))
    try:
        annex = selectors.annex_get(deliverable, file_format)
    except DeliverableAnnex.DoesNotExist:
        raise Http404(_("The annexes have not been compiled in this format yet.")) from None
    return uploaded_file_response(
        bytes(annex.data), name=annex.file_name, media_type=MEDIA_TYPES[annex.format]
    )


@login_required
@require_safe
def desk(request):
    user = request.user
    review = None
    if allowed(can_review_practices, user):
        from solidarity.practices.selectors import review_queue

        queue = review_queue()
        review = {
            "total": queue.count(),
            "revisions": queue.filter(published_version__isnull=False).count(),
        }
    return render(
        request,
        "mandate/desk.html",
        {
            "due": selectors.due_within(90),
            "task_counts": selectors.tasks_by_status(),
            "review": review,
            "extras": selectors.desk_extras(user),
            "may_manage": allowed(can_manage_mandate, user),
            "own_practices": status_counts_of(user),
            "organization_pending": user.organization_id is not None
            and user.organization_confirmed_at is None,
        },
    )

"""Pages of calls for input: the list, a call, answering it, reviewing and publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.calls import copies, selectors, services
from solidarity.calls.forms import AnswerForm, CallForm, ExtendForm, ReviewActionForm
from solidarity.calls.models import (
    Call,
    CallStatus,
    PublishedArchive,
    StakeholderType,
    Submission,
    SubmissionStatus,
)
from solidarity.calls.permissions import (
    can_answer_call,
    can_edit_submission,
    can_manage_calls,
    can_publish_submission,
    can_review_submissions,
    speaks_for,
)
from solidarity.calls.records import (
    CALL_CSV_HEADER,
    call_csv_row,
    call_record,
    paragraph_links,
)
from solidarity.core import search
from solidarity.core.downloads import uploaded_file_response
from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.countries.models import RegionalGroup


def _call(slug: str) -> Call:
    try:
        return selectors.call_get(slug)
    except Call.DoesNotExist:
        raise Http404(_("No call for input has this name.")) from None


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def call_list(request):
    filters = selectors.CallFilters.from_params(request.GET)
    found = selectors.calls(filters)
    fmt = request.GET.get("format", "")
    if fmt == "json":
        return JsonResponse(
            [call_record(c, base_url=_base(request)) for c in found.prefetch_related("questions")],
            safe=False,
            json_dumps_params={"ensure_ascii": False},
        )
    if fmt == "csv":
        return csv_response(
            "calls.csv", CALL_CSV_HEADER, (call_csv_row(c, base_url=_base(request)) for c in found)
        )
    return render(
        request,
        "calls/list.html",
        {
            "calls": found,
            "filters": filters,
            "statuses": CallStatus.choices,
            "years": selectors.call_years(),
            "query_string": request.GET.urlencode(),
            "may_manage": allowed(can_manage_calls, request.user),
        },
    )


def call_detail(request, slug: str):
    call = _call(slug)
    if request.GET.get("format") == "json":
        return JsonResponse(
            call_record(call, base_url=_base(request)), json_dumps_params={"ensure_ascii": False}
        )
    own = selectors.submission_of_party(request.user, call)
    return render(
        request,
        "calls/detail.html",
        {
            "call": call,
            "paragraphs": paragraph_links(call),
            "invited": [
                StakeholderType(v).label for v in call.invited if v in StakeholderType.values
            ],
            "published": selectors.published_submissions(call),
            "archive": PublishedArchive.objects.filter(call=call)
            .only("built_at", "submissions")
            .first(),
            "own": own,
            "may_answer": allowed(can_answer_call, request.user, call),
            "may_manage": allowed(can_manage_calls, request.user),
            "may_review": allowed(can_review_submissions, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_create(request):
    if not allowed(can_manage_calls, request.user):
        raise PermissionDenied
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(
                actor=request.user,
                fields=form.call_fields,
                questions=form.questions,
                resolution=form.cleaned_data["resolution"],
                paragraphs=form.cleaned_data["paragraphs"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect(call.get_absolute_url())
    return render(request, "calls/form.html", {"form": form, "call": None})


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
def call_edit(request, slug: str):
    call = _call(slug)
    if not allowed(can_manage_calls, request.user):
        raise PermissionDenied
    form = CallForm(request.POST or None, initial=CallForm.initial_from(call))
    if call.status != "upcoming":
        # Once open, a deadline only moves later, by an extension (below the form).
        form.fields["closes_at"].disabled = True
        form.fields["closes_at"].help_text = _("Geneva time. Extend the deadline below.")
    if request.method == "POST" and form.is_valid():
        try:
            fields = form.call_fields
            if form.fields["closes_at"].disabled:
                del fields["closes_at"]  # the form shows it to the minute: it is not changed
            call = services.call_update(
                actor=request.user,
                call=call,
                fields=fields,
                questions=form.questions,
                resolution=form.cleaned_data["resolution"],
                paragraphs=form.cleaned_data["paragraphs"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect(call.get_absolute_url())
    return render(
        request, "calls/form.html", {"form": form, "call": call, "extend_form": ExtendForm()}
    )


@login_required
@require_POST
def call_extend(request, slug: str):
    call = _call(slug)
    if not allowed(can_manage_calls, request.user):
        raise PermissionDenied
    form = ExtendForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the new deadline."))
        services.call_extend_deadline(
            actor=request.user,
            call=call,
            closes_at=form.cleaned_data["closes_at"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("calls:edit", slug=call.slug)
    messages.success(request, _("The deadline is extended."))
    return redirect(call.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, slug: str):
    """The draft of the person's party: saved as often as they like, sent once."""
    call = _call(slug)
    if not allowed(can_answer_call, request.user, call):
        raise PermissionDenied(_("This call does not invite you to answer."))
    submission = selectors.submission_of_party(request.user, call)
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        return redirect(submission.get_absolute_url())
    initial = (
        AnswerForm.initial_from(submission) if submission else {"language": request.LANGUAGE_CODE}
    )
    form = AnswerForm(
        request.POST or None,
        request.FILES or None,
        call=call,
        submission=submission,
        initial=initial,
    )
    refusal, status = "", 200
    if not call.is_open:
        refusal = str(services._closed_refusal(call).messages[0])
    if request.method == "POST" and form.is_valid():
        try:
            submission, _created = services.submission_save(
                actor=request.user,
                call=call,
                answers=form.answers,
                consent=form.cleaned_data.get("consent") or "",
                language=form.cleaned_data["language"],
                files=form.checked_files,
                remove=form.cleaned_data.get("remove_files") or [],
                submission_key=form.cleaned_data["submission_key"],
            )
            if request.POST.get("action") == "submit":
                submission = services.submission_submit(actor=request.user, submission=submission)
                return redirect(submission.get_absolute_url())
        except services.CallClosed as closed:
            refusal, status = " ".join(closed.messages), 409
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Draft saved. You can change it until the deadline."))
            return redirect("calls:answer", slug=call.slug)
    elif request.method == "POST" and not call.is_open:
        status = 409
    submission = selectors.submission_of_party(request.user, call)
    return render(
        request,
        "calls/answer.html",
        {
            "call": call,
            "form": form,
            "submission": submission,
            "refusal": refusal,
            "may_edit": submission is None
            or allowed(can_edit_submission, request.user, submission),
        },
        status=status,
    )


def _submission(request, call: Call, pk: int) -> Submission:
    try:
        return selectors.submission_get_for_user(request.user, call, pk)
    except Submission.DoesNotExist:
        raise Http404(_("No submission has this number.")) from None


def _sees_original(user, submission: Submission) -> bool:
    """The secretariat, reviewers and the submitters read what was sent, as it was sent."""
    return allowed(can_review_submissions, user) or allowed(speaks_for, user, submission)


def submission_detail(request, slug: str, pk: int):
    call = _call(slug)
    submission = _submission(request, call, pk)
    may_review = allowed(can_review_submissions, request.user)
    show_name = _sees_original(request.user, submission)
    return render(
        request,
        "calls/submission.html",
        {
            "call": call,
            "submission": submission,
            "answers": [
                (q, submission.answers.get(q.key))
                for q in call.questions.all()
                if submission.answers.get(q.key) not in (None, "", [])
            ],
            # The public reads a published submission as its authors agreed to it.
            "show_name": show_name,
            "documents": [(f, f.name) for f in submission.files.all()]
            if show_name
            else submission.public_documents(),
            "may_review": may_review,
            "may_publish": allowed(can_publish_submission, request.user, submission),
        },
    )


def submission_file(request, slug: str, pk: int, file_id: int):
    call = _call(slug)
    submission = _submission(request, call, pk)
    if _sees_original(request.user, submission):
        document = submission.files.filter(pk=file_id).first()
        if document is None:
            raise Http404(_("This submission has no such document."))
        return uploaded_file_response(
            bytes(document.data), name=document.name, media_type=document.media_type
        )
    # The public: the copy its authors agreed to (without their name, if they asked so).
    named = {document.pk: (document, name) for document, name in submission.public_documents()}
    if file_id not in named:
        raise Http404(_("This submission has no such document."))
    document, name = named[file_id]
    try:
        data = copies.public_copy(submission, document)
    except copies.CannotClean:
        raise Http404(_("This submission has no such document.")) from None
    return uploaded_file_response(data, name=name, media_type=document.media_type)


@login_required
def review(request, slug: str):
    call = _call(slug)
    if not allowed(can_review_submissions, request.user):
        raise PermissionDenied
    filters = selectors.ReviewFilters.from_params(request.GET)
    return render(
        request,
        "calls/review.html",
        {
            "call": call,
            "submissions": selectors.submissions_for_review(call, filters),
            "filters": filters,
            "stakeholder_types": StakeholderType.choices,
            "regions": RegionalGroup.choices,
            "languages": call.languages,
            "drafts": call.submissions.filter(status=SubmissionStatus.DRAFT).count(),
        },
    )


@login_required
@require_POST
def review_action(request, slug: str, pk: int):
    call = _call(slug)
    if not allowed(can_review_submissions, request.user):
        raise PermissionDenied
    submission = _submission(request, call, pk)
    form = ReviewActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an action."))
        return redirect("calls:review", slug=call.slug)
    action = form.cleaned_data["action"]
    try:
        if action in ("read", "unread"):
            services.submission_mark_read(
                actor=request.user, submission=submission, read=action == "read"
            )
        elif action == "publish":
            services.submission_publish(actor=request.user, submission=submission)
            messages.success(request, _("Published on the call's page."))
        elif action == "unpublish":
            services.submission_unpublish(actor=request.user, submission=submission)
        else:
            tags = form.cleaned_data["tags"].split(",")
            services.submission_tag(actor=request.user, submission=submission, tags=tags)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.POST.get("next") == "submission":
        return redirect(submission.get_absolute_url())
    return redirect("calls:review", slug=call.slug)


def _archive(slug: str) -> PublishedArchive:
    call = _call(slug)
    archive = PublishedArchive.objects.filter(call=call).first()
    if archive is None:
        raise Http404(_("Nothing of this call is published yet."))
    return archive


def published_zip(request, slug: str):
    archive = _archive(slug)
    response = HttpResponse(bytes(archive.zip_data), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive.call.slug}-submissions.zip"'
    return response


def published_csv(request, slug: str):
    archive = _archive(slug)
    response = HttpResponse(bytes(archive.csv_data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{archive.call.slug}-submissions.csv"'
    return response


def search_submissions(request):
    words = request.GET.get("q", "").strip()[:300]
    results, error = [], ""
    if words:
        try:
            results = selectors.search_published(words)
        except search.QueryError as problem:
            error = str(problem)
    return render(
        request,
        "calls/search.html",
        {"q": words, "results": results, "query_error": error},
    )


@login_required
def mine(request):
    return render(
        request, "calls/mine.html", {"submissions": selectors.submissions_of(request.user)}
    )

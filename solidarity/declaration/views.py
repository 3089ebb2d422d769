from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.declaration import akomantoso, exports, selectors, services
from solidarity.declaration.compare import compare as compare_versions
from solidarity.declaration.forms import CommentForm, HideForm, ImportForm, StakeholderFilter
from solidarity.declaration.permissions import (
    can_comment_on_version,
    can_manage_declaration,
    can_moderate_declaration_comments,
    speaks_in_consultation,
)
from solidarity.declaration.presentation import label_of, speaker_of
from solidarity.declaration.text import PREAMBLE_EID


def _messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


def _counts(comments) -> dict[str, int]:
    counts: dict[str, int] = {}
    for comment in comments:
        key = comment.eid.split("__", 1)[0] if comment.eid.startswith("art_") else PREAMBLE_EID
        counts[key] = counts.get(key, 0) + 1
    return counts


def _render_version(request, version):
    comments = selectors.comments_shown_on(version)
    counts = _counts(comments)
    articles = selectors.articles_of(version)
    for article in articles:
        article.comment_count = counts.get(article.eid, 0)
    return render(
        request,
        "declaration/version.html",
        {
            "version": version,
            "articles": articles,
            "current": selectors.current_version(),
            "may_manage": allowed(can_manage_declaration, request.user),
            "may_comment": allowed(can_comment_on_version, request.user, version),
        },
    )


@require_safe
def home(request):
    version = selectors.current_version()
    if version is None:
        return render(
            request,
            "declaration/none.html",
            {"may_manage": allowed(can_manage_declaration, request.user)},
        )
    return _render_version(request, version)


@require_safe
def versions(request):
    visible = list(selectors.versions_visible_to(request.user))
    return render(
        request,
        "declaration/versions.html",
        {
            "versions": visible,
            "published": [v for v in visible if v.is_published],
            "may_manage": allowed(can_manage_declaration, request.user),
        },
    )


@require_safe
def version(request, number: int):
    return _render_version(request, selectors.version_get_for_user(request.user, number))


@login_required
@require_http_methods(["GET", "POST"])
def import_version(request):
    if not allowed(can_manage_declaration, request.user):
        raise PermissionDenied
    initial = {}
    if request.method == "GET" and request.GET.get("from"):
        # Editing: the text of an earlier version, to change and import as the next one.
        start = selectors.version_get_for_user(request.user, request.GET["from"])
        initial = {"text": start.source_text}
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            imported = services.version_import(
                actor=request.user,
                source=form.cleaned_data["source"],
                label=form.cleaned_data["label"],
                source_name=form.cleaned_data["source_name"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError as error:
            for message in _messages_of(error):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Version %(number)s imported.") % {"number": imported.number},
            )
            return redirect(imported.get_absolute_url())
    return render(request, "declaration/import.html", {"form": form})


@login_required
@require_POST
def publish(request, number: int):
    target = selectors.version_get_for_user(request.user, number)
    if not allowed(can_manage_declaration, request.user):
        raise PermissionDenied
    if services.version_publish(actor=request.user, version=target):
        messages.success(
            request,
            _("Version %(number)s is published and open for comments.") % {"number": target.number},
        )
    return redirect(target.get_absolute_url())


def _article_context(request, version, eid: str):
    article = selectors.article_of(version, eid)
    filters = StakeholderFilter(request.GET or None)
    stakeholder = filters.cleaned_data["stakeholder"] if filters.is_valid() else ""
    may_moderate = allowed(can_moderate_declaration_comments, request.user)
    comments = selectors.comments_shown_on(
        version, eids=article.eids, stakeholder=stakeholder, with_hidden=True
    )
    for comment in comments:
        comment.on_label = label_of(comment.eid)
        comment.speaker = speaker_of(comment)
    return {
        "version": version,
        "article": article,
        "title": label_of(article.eid),
        "comments": comments,
        "filters": filters,
        "stakeholder": stakeholder,
        "may_moderate": may_moderate,
        "may_comment": allowed(can_comment_on_version, request.user, version),
        "speaks": allowed(speaks_in_consultation, request.user),
        "later": selectors.published_versions().filter(number__gt=version.number).last(),
        "targets": [(part.eid, label_of(part.eid)) for part in article.parts],
    }


@require_http_methods(["GET", "POST"])
def article(request, number: int, eid: str):
    version = selectors.version_get_for_user(request.user, number)
    if eid != PREAMBLE_EID and "__" in eid:
        owner = eid.split("__", 1)[0]
        url = reverse("declaration:article", kwargs={"number": number, "eid": owner})
        return redirect(f"{url}#{eid}")
    context = _article_context(request, version, eid)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        targets=context["targets"],
        initial={"key": uuid.uuid4(), "eid": request.GET.get("on", "")},
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if not context["may_comment"]:
            raise PermissionDenied
        if form.is_valid():
            try:
                comment, _created = services.comment_create(
                    actor=request.user,
                    version=version,
                    eid=form.cleaned_data["eid"],
                    body=form.cleaned_data["body"],
                    proposed_wording=form.cleaned_data["proposed_wording"],
                    submission_key=form.cleaned_data["key"],
                )
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your comment is published."))
                return redirect(f"{request.path}#comment-{comment.pk}")
    context["form"] = form
    return render(request, "declaration/article.html", context)


def _export_rows(comments):
    for comment in comments:
        yield [
            label_of(comment.eid),
            comment.eid,
            comment.version.number,
            comment.get_stakeholder_type_display(),
            speaker_of(comment),
            comment.created_at.isoformat(),
            comment.body,
            comment.proposed_wording,
        ]


@require_safe
def comments_csv(request, number: int, eid: str):
    version = selectors.version_get_for_user(request.user, number)
    article = selectors.article_of(version, eid)
    comments = selectors.comments_shown_on(version, eids=article.eids)
    return csv_response(
        f"declaration-v{version.number}-{eid}-comments.csv",
        exports.CSV_HEADER,
        _export_rows(comments),
    )


@require_safe
def comments_docx(request, number: int, eid: str):
    version = selectors.version_get_for_user(request.user, number)
    article = selectors.article_of(version, eid)
    comments = selectors.comments_shown_on(version, eids=article.eids)
    data = exports.comments_docx(version, article, comments)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"declaration-v{version.number}-{eid}-comments.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def hide(request, pk: int):
    comment = selectors.comment_get_for_moderator(request.user, pk)
    form = HideForm(request.POST)
    url = reverse(
        "declaration:article",
        kwargs={
            "number": comment.version.number,
            "eid": comment.eid.split("__", 1)[0]
            if comment.eid.startswith("art_")
            else PREAMBLE_EID,
        },
    )
    if not form.is_valid():
        messages.error(request, _("Say why the comment is hidden."))
        return redirect(f"{url}#comment-{comment.pk}")
    try:
        services.comment_hide(
            actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(request, _("The comment is hidden; it stays in the record."))
    return redirect(f"{url}#comment-{comment.pk}")


@require_safe
def compare(request):
    visible = list(selectors.versions_visible_to(request.user))
    numbers = [v.number for v in visible]
    try:
        old_number = int(request.GET.get("from") or (numbers[-2] if len(numbers) > 1 else 0))
        new_number = int(request.GET.get("to") or (numbers[-1] if numbers else 0))
    except ValueError:
        raise Http404(_("Choose two versions to compare.")) from None
    old = selectors.version_get_for_user(request.user, old_number)
    new = selectors.version_get_for_user(request.user, new_number)
    changes = [
        (change, label_of(change.eid))
        for change in compare_versions(selectors.plain_elements(old), selectors.plain_elements(new))
    ]
    return render(
        request,
        "declaration/compare.html",
        {
            "old": old,
            "new": new,
            "versions": visible,
            "changes": changes,
            "changed": [c for c, _label in changes if c.status != "unchanged"],
        },
    )


@require_safe
def akn(request, number: int):
    target = selectors.version_get_for_user(request.user, number)
    response = HttpResponse(
        akomantoso.to_akn(target, selectors.plain_elements(target)),
        content_type="application/akn+xml",
    )
    response["Content-Disposition"] = (
        f'inline; filename="draft-declaration-v{target.number}.akn.xml"'
    )
    return response

"""Reads of the declaration that pages, exports and the API share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from solidarity.declaration.models import DeclarationComment, DeclarationElement, DeclarationVersion
from solidarity.declaration.permissions import (
    can_manage_declaration,
    can_moderate_declaration_comments,
)
from solidarity.declaration.text import PREAMBLE_EID, Element


def versions_visible_to(user) -> QuerySet[DeclarationVersion]:
    versions = DeclarationVersion.objects.order_by("number")
    if can_manage_declaration(user):
        return versions
    return versions.filter(published_at__isnull=False)


def published_versions() -> QuerySet[DeclarationVersion]:
    return DeclarationVersion.objects.filter(published_at__isnull=False).order_by("number")


def version_get_for_user(user, number) -> DeclarationVersion:
    """The version numbered ``number``, if ``user`` may see it; else 404 (a version not yet
    published does not exist for the public)."""
    try:
        return versions_visible_to(user).get(number=int(number))
    except (DeclarationVersion.DoesNotExist, TypeError, ValueError):
        raise Http404("No such version of the declaration.") from None


def current_version() -> DeclarationVersion | None:
    """The latest published version: the one under consultation."""
    return published_versions().order_by("-number").first()


def elements_of(version: DeclarationVersion) -> list[DeclarationElement]:
    return list(version.elements.order_by("position"))


def plain_elements(version: DeclarationVersion) -> list[Element]:
    return [row.as_element() for row in elements_of(version)]


@dataclass
class ArticleView:
    """The preamble or one article of a version, with its parts in reading order."""

    eid: str
    head: DeclarationElement | None  # the article's own element; None for the preamble
    parts: list[DeclarationElement]  # the article (when it has text) and its paragraphs
    comment_count: int = 0

    @property
    def eids(self) -> list[str]:
        return [part.eid for part in self.parts]


def articles_of(version: DeclarationVersion) -> list[ArticleView]:
    views: dict[str, ArticleView] = {}
    for element in elements_of(version):
        key = element.article_eid
        if key not in views:
            head = element if key != PREAMBLE_EID else None
            views[key] = ArticleView(key, head, [])
        views[key].parts.append(element)
    return list(views.values())


def article_of(version: DeclarationVersion, eid: str) -> ArticleView:
    for article in articles_of(version):
        if article.eid == eid:
            return article
    raise Http404("This version has no such article.")


def _alive_since(version: DeclarationVersion) -> dict[int, set[str]]:
    """For this version and each earlier published one, by version id: the eIds that exist
    in it and in every version after it up to ``version``. A comment made on version k
    about one of those is shown on ``version``; an element removed on the way takes its
    comments no further, even if an element of the same eId comes back later."""
    earlier = list(
        published_versions().filter(number__lt=version.number).order_by("-number").only("pk")
    )
    chain = [version.pk, *(v.pk for v in earlier)]
    eids: dict[int, set[str]] = {pk: set() for pk in chain}
    for version_id, eid in DeclarationElement.objects.filter(version_id__in=chain).values_list(
        "version_id", "eid"
    ):
        eids[version_id].add(eid)
    alive: dict[int, set[str]] = {}
    still = eids[version.pk]
    for pk in chain:
        still = still & eids[pk]
        alive[pk] = still
    return alive


def comments_shown_on(
    version: DeclarationVersion,
    *,
    eids: list[str] | None = None,
    stakeholder: str = "",
    with_hidden: bool = False,
) -> list[DeclarationComment]:
    """The comments shown on ``version``: those made on it, and those made on earlier
    versions about elements that are still there (``carried`` is set on these). Hidden
    comments are left out unless ``with_hidden``: the page lists them, to show that a
    comment was hidden and why, and what it said only to the moderators."""
    alive = _alive_since(version)
    where = Q()
    for version_id, kept in alive.items():
        if eids is not None:
            kept = kept & set(eids)
        if kept:
            where |= Q(version_id=version_id, eid__in=sorted(kept))
    if not where:
        return []
    comments = DeclarationComment.objects.filter(where).select_related(
        "version", "author", "country", "organization"
    )
    if stakeholder:
        comments = comments.filter(stakeholder_type=stakeholder)
    if not with_hidden:
        comments = comments.filter(hidden_at__isnull=True)
    shown = list(comments.order_by("created_at", "pk"))
    for comment in shown:
        comment.carried = comment.version_id != version.pk
    return shown


def comment_get_for_moderator(user, pk) -> DeclarationComment:
    if not can_moderate_declaration_comments(user):
        raise Http404("No such comment.")
    try:
        return DeclarationComment.objects.select_related("version").get(pk=int(pk))
    except (DeclarationComment.DoesNotExist, TypeError, ValueError):
        raise Http404("No such comment.") from None

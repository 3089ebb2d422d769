"""Atom feeds of newly published practices: all of them, or those of any search."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from solidarity.core import search
from solidarity.practices import selectors

FEED_LENGTH = 50


class PracticesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        query = selectors.CatalogueQuery.from_params(request.GET)
        return query, request.GET.urlencode()

    def title(self, obj):
        query, _params = obj
        if query.q or query.filters:
            return _("Good practices of international solidarity: %(search)s") % {
                "search": query.q or _("filtered")
            }
        return _("Good practices of international solidarity")

    def subtitle(self, obj):
        return _("Newly published good practices, newest first.")

    def link(self, obj):
        _query, params = obj
        return reverse("practices:catalogue") + (f"?{params}" if params else "")

    def feed_url(self, obj):
        _query, params = obj
        return reverse("practices:feed") + (f"?{params}" if params else "")

    def items(self, obj):
        query, _params = obj
        newest = selectors.CatalogueQuery(q=query.q, filters=query.filters, sort="newest")
        try:
            return selectors.catalogue(newest, limit=FEED_LENGTH, snippets=False).practices
        except search.QueryError as error:
            raise Http404(str(error)) from error

    def item_title(self, item):
        return item.published["title"]

    def item_description(self, item):
        return item.published["summary"]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return item.published["themes"]

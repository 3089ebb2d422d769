"""Atom feeds of newly published practices: all of them, or those of any search.

Every text is written as text (a summary is ``type="text"``, never markup a
reader would render) and cleaned of what XML 1.0 cannot carry, so text stored
before services cleaned it, or a search for a control character, still gives a
well-formed feed.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from solidarity.core import search
from solidarity.core.text import clean_text
from solidarity.practices import selectors

FEED_LENGTH = 50


class _CleanXMLGenerator(SimplerXMLGenerator):
    """Writes every text and attribute value without the characters XML 1.0 forbids."""

    def characters(self, content):
        super().characters(clean_text(content))

    def startElement(self, name, attrs):
        attrs = {key: clean_text(str(value)) for key, value in (attrs or {}).items()}
        super().startElement(name, attrs)


class TextAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text, written through :class:`_CleanXMLGenerator`."""

    def write(self, outfile, encoding):
        handler = _CleanXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        # Django writes the description as type="html": readers would render it.
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PracticesFeed(Feed):
    feed_type = TextAtomFeed

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

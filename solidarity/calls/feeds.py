"""An Atom feed of calls for input, newest deadline first."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from solidarity.calls import selectors
from solidarity.calls.services import geneva
from solidarity.practices.feeds import TextAtomFeed

FEED_LENGTH = 50


class CallsFeed(Feed):
    feed_type = TextAtomFeed

    def title(self):
        return _("Solidarity: calls for input")

    def link(self):
        return reverse("calls:list")

    def subtitle(self):
        return _("Calls for input of the Independent Expert on international solidarity.")

    def items(self):
        return list(selectors.calls()[:FEED_LENGTH])

    def item_title(self, call):
        return call.title

    def item_description(self, call):
        return (
            _("%(status)s. Deadline: %(when)s.")
            % {
                "status": call.status.label,
                "when": geneva(call.closes_at),
            }
            + "\n\n"
            + call.purpose
        )

    def item_link(self, call):
        return call.get_absolute_url()

    def item_pubdate(self, call):
        return call.opens_at

    def item_updateddate(self, call):
        return call.updated_at

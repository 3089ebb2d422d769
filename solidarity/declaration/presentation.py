"""Names of the declaration's parts as readers see them, in their language."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

_PARAGRAPH = re.compile(r"^art_([0-9]+)__para_([0-9]+)$")
_ARTICLE = re.compile(r"^art_([0-9]+)$")
_PREAMBLE_PARAGRAPH = re.compile(r"^preamble__p_([0-9]+)$")


def label_of(eid: str) -> str:
    """“Article 3, paragraph 2” for ``art_3__para_2``, and so on."""
    if match := _PARAGRAPH.match(eid):
        return _("Article %(article)s, paragraph %(paragraph)s") % {
            "article": match[1],
            "paragraph": match[2],
        }
    if match := _ARTICLE.match(eid):
        return _("Article %(article)s") % {"article": match[1]}
    if match := _PREAMBLE_PARAGRAPH.match(eid):
        return _("Preambular paragraph %(number)s") % {"number": match[1]}
    if eid == "preamble":
        return _("Preamble")
    return eid


def speaker_of(comment) -> str:
    """For whom a comment speaks, as the public sees it: the State or the organization;
    an individual's name is not shown."""
    if comment.country_id is not None:
        return comment.country.un_name
    if comment.organization_id is not None:
        return comment.organization.name
    return _("An individual")

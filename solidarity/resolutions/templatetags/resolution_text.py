import re
from urllib.parse import quote

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from solidarity.resolutions import anchors, labels
from solidarity.resolutions.parsing.document import FOOTNOTE_MARKER

register = template.Library()


@register.simple_tag
def paragraph_html(text: str, lead: str, anchor: str) -> str:
    """A paragraph's text, escaped, its lead words in italics and footnote markers linked."""
    body = text
    lead_html = ""
    if lead and text.startswith(lead):
        lead_html = format_html("<em class='para-lead'>{}</em>", lead)
        body = text[len(lead) :]
    escaped = escape(body)

    def link(match):
        marker = match.group(1)
        return (
            f'<sup class="fn-ref"><a href="#{anchors.footnote(marker)}" '
            f'id="{anchors.footnote_reference(marker, anchor)}" '
            f'aria-describedby="footnotes-heading">{marker}</a></sup>'
        )

    return mark_safe(lead_html + FOOTNOTE_MARKER.sub(link, escaped))


@register.filter
def footnote_anchor(marker) -> str:
    return anchors.footnote(marker)


@register.simple_tag
def footnote_reference_anchor(marker, paragraph: str) -> str:
    return anchors.footnote_reference(marker, paragraph)


@register.simple_tag
def subparagraph_anchor(paragraph: str, label: str) -> str:
    return anchors.subparagraph(paragraph, label)


@register.simple_tag
def linked_symbols(text: str, links: dict[str, str]) -> str:
    """Text, escaped, with each cited document symbol the platform has a page for linked to it."""
    if not links:
        return escape(text)
    pattern = re.compile("|".join(re.escape(symbol) for symbol in sorted(links, key=len)[::-1]))
    pieces, at = [], 0
    for match in pattern.finditer(text):
        end = match.end()
        if end < len(text) and (text[end].isalnum() or text[end] == "/"):
            continue  # "A/HRC/56/57" inside "A/HRC/56/57/Add.1"
        pieces.append(escape(text[at : match.start()]))
        pieces.append(format_html('<a href="{}">{}</a>', links[match.group()], match.group()))
        at = end
    pieces.append(escape(text[at:]))
    return mark_safe("".join(pieces))


@register.simple_tag
def annexes_with_anchors(document) -> list[dict]:
    """The document's annexes, each and each of its parts with its anchor."""
    return anchors.annexes_with_anchors(document.get("annexes", []) if document else [])


@register.simple_tag
def anchor_label(anchor: str) -> str:
    """How a search hit names the paragraph it found: "para. 13", "preamble 4"."""
    part, number = anchors.split(anchor)
    label = gettext("para.") if part == anchors.OPERATIVE else gettext("preamble")
    return f"{label} {number}"


# The UN's documents system answers a symbol in each official language at this address.
OFFICIAL_TEXT = "https://docs.un.org/{language}/{symbol}"


@register.simple_tag
def official_text_url(symbol: str) -> str:
    """Where the UN publishes the official text of ``symbol`` in the reader's language."""
    language = (get_language() or "en").split("-")[0]
    return OFFICIAL_TEXT.format(language=language, symbol=quote(symbol, safe="/"))


@register.filter
def addressee_label(term: str) -> str:
    return labels.addressee_label(term)


@register.filter
def meeting_label(text: str) -> str:
    return labels.meeting_label(text)

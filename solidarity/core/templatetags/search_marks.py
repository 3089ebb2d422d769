from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from solidarity.core.search import MARK_END, MARK_START

register = template.Library()


@register.filter
def highlight(snippet: str) -> str:
    """A search snippet with its matched words in <mark>, everything else escaped."""
    text = escape(snippet or "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language_info

from solidarity.core.navigation import SECTIONS

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each UN language with the address of this same page in it."""
    request = context["request"]
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": translate_url(path, code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def navigation(context):
    request = context["request"]
    items = []
    for url_name, label in SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return items

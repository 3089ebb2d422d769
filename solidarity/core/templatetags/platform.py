import datetime as dt

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import escape, format_html
from django.utils.translation import get_language, get_language_info

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


def _direction(code: str) -> str:
    return "rtl" if code.split("-")[0].lower() in settings.LANGUAGES_BIDI else "ltr"


@register.simple_tag
def content_language(code: str | None) -> str:
    """` lang=".." dir=".."` for a piece of content written in ``code``, whatever the page's.

    Content keeps its own language on a page in another: a screen reader reads it
    with the right voice, and an English sentence on an Arabic page keeps its
    full stop and its "13.a" in place instead of being laid out right to left.
    """
    code = code or settings.LANGUAGE_CODE
    return format_html(' lang="{}" dir="{}"', code, _direction(code))


@register.inclusion_tag("includes/written_in.html")
def written_in(code: str | None, official_url: str = ""):
    """A note, on a page in another language, that the text below exists only in ``code``.

    ``official_url`` leads to the official text in the reader's language where
    one is published (the UN publishes its resolutions in its six languages).
    """
    code = code or settings.LANGUAGE_CODE
    page = get_language() or settings.LANGUAGE_CODE
    try:
        name = get_language_info(code)["name_translated"]
    except KeyError:
        name = code
    if not page.startswith("en"):
        name = name.lower()  # other UN languages write it without a capital mid-sentence
    return {
        "shown": code.split("-")[0].lower() != page.split("-")[0].lower(),
        "language_name": name,
        "official_url": official_url,
    }


@register.filter
def iso_date(value):
    """A date kept as ISO text in a record ("2023-11-30") as a date, for the ``date`` filter.

    Pages print every date in their language's format; ISO stays in the data
    (JSON, API, CSV) and in forms' inputs. Text that is not a date is left as is.
    """
    if isinstance(value, dt.date) or not value:
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return value


@register.simple_tag
def linked_phrase(text: str, url: str, *phrases: str) -> str:
    """``text``, escaped, with the first of ``phrases`` found in it a link to ``url``.

    For a translated sentence that names something with a page ("résolution
    56/4"): the sentence stays whole for translators, and the phrase is looked
    for as the language writes it, then in a shorter form ("56/4") that every
    language writes alike.
    """
    text = str(text)
    for phrase in phrases:
        at = text.find(phrase)
        if at >= 0:
            return format_html(
                '{}<a href="{}">{}</a>{}', text[:at], url, phrase, text[at + len(phrase) :]
            )
    return escape(text)

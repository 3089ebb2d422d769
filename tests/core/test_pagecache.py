"""Public pages are rendered once and then served from the cache, to anonymous visitors only.

What is kept must be right for everyone who gets it: the same page in the same
language, never a signed-in person's page, never a page holding one visitor's
form token or message, and never after what it shows has changed.
"""

from __future__ import annotations

import contextlib

import pytest
from django.test import Client, RequestFactory
from django.test.signals import template_rendered

from solidarity.core import pagecache
from solidarity.core.models import PageRevision
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGE = "/resolutions/A/HRC/RES/56/4/"


@contextlib.contextmanager
def templates_rendered():
    names: list[str] = []

    def seen(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    try:
        yield names
    finally:
        template_rendered.disconnect(seen)


def test_a_second_visitor_gets_the_page_without_it_being_rendered_again(
    resolution_56_4, django_assert_num_queries
):
    first = Client().get(PAGE)
    assert first.status_code == 200
    with templates_rendered() as rendered, django_assert_num_queries(1):  # the revision tokens
        second = Client().get(PAGE)
    assert rendered == []
    assert second.content == first.content
    # Everything the middleware says is said again: CSP, Vary, Content-Language, framing.
    assert sorted(second.headers.items()) == sorted(first.headers.items())
    assert second["Content-Security-Policy"] and second["Content-Language"] == "en"
    assert "Cookie" in second["Vary"]


def test_a_head_request_is_answered_from_the_same_page(resolution_56_4):
    Client().get(PAGE)
    with templates_rendered() as rendered:
        head = Client().head(PAGE)
    assert head.status_code == 200 and rendered == []


def test_each_language_has_its_own_page(resolution_56_4):
    english = Client().get(PAGE).content.decode()
    french = Client().get("/fr" + PAGE).content.decode()
    arabic = Client().get("/ar" + PAGE).content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert '<html lang="fr" dir="ltr">' in french
    assert '<html lang="ar" dir="rtl">' in arabic
    # Asked again, each language still gets its own.
    assert Client().get("/fr" + PAGE).content.decode() == french
    assert Client().get(PAGE).content.decode() == english


def test_a_signed_in_reviewer_gets_their_own_page_never_the_anonymous_one(
    resolution_56_4, reviewer, secretariat
):
    anonymous = Client().get(PAGE).content.decode()
    assert "Sign in" in anonymous

    as_reviewer = client_for(reviewer).get(PAGE)
    page = as_reviewer.content.decode()
    assert reviewer.email in page or reviewer.full_name in page
    assert "Sign out" in page and "csrfmiddlewaretoken" in page
    assert "no-store" in as_reviewer["Cache-Control"]

    # Nor does another signed-in person get the reviewer's page.
    page = client_for(secretariat).get(PAGE).content.decode()
    assert secretariat.full_name in page and reviewer.full_name not in page

    # And an anonymous visitor afterwards still gets the anonymous page.
    again = Client().get(PAGE).content.decode()
    assert again == anonymous and "Sign out" not in again


def test_a_signed_in_page_is_never_kept_for_anonymous_visitors(resolution_56_4, reviewer):
    client_for(reviewer).get(PAGE)
    with templates_rendered() as rendered:
        page = Client().get(PAGE).content.decode()
    assert rendered  # rendered for the visitor, not taken from the reviewer's
    assert "Sign in" in page and reviewer.full_name not in page


def test_a_visitor_with_a_message_waiting_gets_a_page_rendered_for_them(resolution_56_4):
    Client().get(PAGE)
    visitor = Client()
    visitor.cookies["messages"] = "anything"
    with templates_rendered() as rendered:
        visitor.get(PAGE)
    assert rendered


def test_a_page_with_a_query_string_is_rendered_each_time(resolution_56_4):
    Client().get(PAGE + "?utm_source=mail")
    with templates_rendered() as rendered:
        Client().get(PAGE + "?utm_source=mail")
    assert rendered


def test_a_missing_page_is_not_kept_and_appears_once_stored(seed_document):
    from solidarity.resolutions import services

    assert Client().get(PAGE).status_code == 404
    services.resolution_ingest(actor=None, document=seed_document)
    assert Client().get(PAGE).status_code == 200


def test_a_page_holding_the_visitors_form_token_or_a_cookie_is_not_kept():
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    request = RequestFactory().get("/")
    assert pagecache.keepable(request, HttpResponse("page"))
    get_token(request)  # a form on the page holds this visitor's token
    assert not pagecache.keepable(request, HttpResponse("page"))

    request = RequestFactory().get("/")
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("something", "for this visitor")
    assert not pagecache.keepable(request, with_cookie)
    private = HttpResponse("page", headers={"Cache-Control": "private"})
    assert not pagecache.keepable(request, private)
    assert not pagecache.keepable(request, HttpResponse("gone", status=410))


def test_a_change_renews_only_the_subjects_it_names():
    pagecache.changed(pagecache.state("CUB"), pagecache.PRACTICES)
    tokens = dict(PageRevision.objects.values_list("subject", "token"))
    pagecache.changed(pagecache.state("CUB"))
    after = dict(PageRevision.objects.values_list("subject", "token"))
    assert after["state:CUB"] != tokens["state:CUB"]
    assert after["practices"] == tokens["practices"]


def test_a_new_set_of_static_files_gives_pages_new_keys(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    before = pagecache.release()
    (tmp_path / "staticfiles.json").write_text('{"paths": {"a.css": "a.123.css"}}')
    pagecache._release.cache_clear()
    with_manifest = pagecache.release()
    (tmp_path / "staticfiles.json").write_text('{"paths": {"a.css": "a.456.css"}}')
    pagecache._release.cache_clear()
    assert len({before, with_manifest, pagecache.release()}) == 3


def test_after_records_changed_by_hand_the_operator_renews_every_kept_page(resolution_56_4):
    from django.core.management import call_command

    from solidarity.resolutions.models import Resolution

    Client().get(PAGE)
    Resolution.objects.filter(pk=resolution_56_4.pk).update(title="Changed by hand in SQL")
    assert "Changed by hand in SQL" not in Client().get(PAGE).content.decode()  # kept
    call_command("renew_pages")
    assert "Changed by hand in SQL" in Client().get(PAGE).content.decode()

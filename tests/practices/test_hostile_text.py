"""Hostile text in practices: control characters and markup never break or run in a
feed, a page or the API, whatever was stored and whatever is searched for."""

import pytest
from lxml import etree

from solidarity.practices import services
from solidarity.practices.models import Practice
from tests.conftest import practice_content

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_URLS = [
    "/practices/feed/",
    "/practices/feed/?q=seed",
    "/practices/feed/?theme=food_insecurity",
    "/practices/feed/?country=KEN&sort=newest",
    "/fr/practices/feed/?q=seed",
]
HOSTILE_QUERIES = ["%01", "%0B", "%07seed", "%EF%BF%BE", "%EF%BF%BF", "%C2%85", "%ED%A0%80"]


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return etree.fromstring(response.content)  # raises on malformed XML


@pytest.fixture
def published(secretariat):
    [practice] = services.practices_import(actor=secretariat, records=[practice_content()])
    return practice


def test_a_feed_survives_control_characters_stored_before_they_were_refused(client, published):
    content = dict(published.published)
    content["title"] = "Seed banks\x0bfor farmers\x07"
    content["summary"] = "Shared\x01 after\x1f droughts\ufffe\x85and floods\x9b."
    content["themes"] = [*content["themes"], "bell\x07"]
    Practice.objects.filter(pk=published.pk).update(published=content)

    for url in FEED_URLS:
        [entry] = feed(client, url).findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == "Seed banks\nfor farmers"
        assert entry.find(f"{ATOM}summary").text == "Shared after droughts\nand floods."


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_a_search_with_control_characters_gets_a_normal_answer_everywhere(client, published, q):
    root = feed(client, f"/practices/feed/?q={q}")
    assert root.find(f"{ATOM}title").text.startswith("Good practices")
    assert client.get(f"/practices/?q={q}").status_code == 200
    assert client.get(f"/api/v1/practices?q={q}").status_code in (200, 400)


def test_a_summary_reaches_feed_readers_as_text_not_markup(client, secretariat):
    summary = '"><img src=x onerror=alert(document.cookie)> <b>bold</b> & more'
    title = "Seeds <b>&amp;</b> farmers"
    services.practices_import(
        actor=secretariat, records=[practice_content(title=title, summary=summary)]
    )

    [entry] = feed(client, "/practices/feed/").findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").get("type") in (None, "text")
    assert entry.find(f"{ATOM}title").text == title
    element = entry.find(f"{ATOM}summary")
    assert element.get("type") == "text"
    assert element.text == summary
    assert len(element) == 0  # no child elements: nothing a reader would render

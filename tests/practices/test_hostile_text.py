"""Hostile text in practices: control characters and markup never break or run in a
feed, a page or the API, whatever was stored and whatever is searched for."""

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from solidarity.practices import services
from solidarity.practices.models import Practice
from solidarity.practices.validation import clean_content
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


BELL_FIELDS = {
    "title": "Seed\x07 banks\x0bfor farmers\ufffe",
    "summary": "Shared\x01 after droughts\x9b.",
    "description": "<p>Run by&#7; cooperatives&#x0B;\x1b.</p>",
    "actors": [{"name": "Organization\x00 X", "type": "ngo"}],
    "sources": [{"title": "Page\x08", "url": "https://example.org/seeds"}],
}
CLEAN = {
    "title": "Seed banks\nfor farmers",
    "summary": "Shared after droughts.",
    "actors": [{"name": "Organization X", "type": "ngo"}],
    "sources": [{"title": "Page", "url": "https://example.org/seeds"}],
}


def test_the_services_store_practices_without_control_characters(contributor_x, reviewer):
    # Fields as a caller that skipped the form's cleaning would pass them.
    complete = clean_content(
        practice_content(),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    practice, _ = services.practice_create(
        actor=contributor_x, fields={**complete, **BELL_FIELDS, "description": "<p>x</p>"}
    )
    practice.refresh_from_db()
    assert {name: getattr(practice, name) for name in CLEAN} == CLEAN

    services.practice_update(actor=contributor_x, practice=practice, fields=BELL_FIELDS)
    practice.refresh_from_db()
    assert practice.title == CLEAN["title"] and practice.actors == CLEAN["actors"]

    services.practice_submit(actor=contributor_x, practice=practice)
    services.practice_comment(actor=contributor_x, practice=practice, message="Ready\x07\ufffe")
    with pytest.raises(ValidationError):
        services.practice_reject(actor=reviewer, practice=practice, reason="\x07\x08")
    services.practice_request_changes(actor=reviewer, practice=practice, message="Dates\x1b?")
    messages = practice.events.exclude(message="").values_list("message", flat=True)
    assert list(messages.order_by("pk")) == ["Ready", "Dates?"]


def test_publishing_and_retracting_store_notes_without_control_characters(
    published_by_review, reviewer, secretariat
):
    practice, version = published_by_review
    assert version.note == "Checked twice."
    services.practice_retract(actor=secretariat, practice=practice, reason="Dup\x07licate\x85.")
    practice.refresh_from_db()
    assert practice.retraction_reason == "Duplicate\n."


@pytest.fixture
def published_by_review(contributor_x, reviewer):
    fields = clean_content(
        practice_content(**BELL_FIELDS),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    practice, _ = services.practice_create(actor=contributor_x, fields=fields)
    services.practice_submit(actor=contributor_x, practice=practice)
    version = services.practice_publish(
        actor=reviewer, practice=practice, note="Checked\x07 twice."
    )
    practice.refresh_from_db()
    return practice, version


def test_a_practice_published_with_control_characters_is_in_every_feed(client, published_by_review):
    practice, _version = published_by_review
    assert practice.published["description"] == "<p>Run by cooperatives\n.</p>"
    for url in FEED_URLS:
        [entry] = feed(client, url).findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == CLEAN["title"]


def test_imported_practices_are_stored_without_control_characters(secretariat):
    [practice] = services.practices_import(
        actor=secretariat, records=[practice_content(**BELL_FIELDS)]
    )
    assert {name: practice.published[name] for name in CLEAN} == CLEAN
    assert practice.published["description"] == "<p>Run by cooperatives\n.</p>"


def test_a_theme_label_is_stored_without_control_characters(secretariat):
    theme = services.theme_create(
        actor=secretariat, code="water", labels={"en": "Wa\x07ter", "fr": "Eau\ufffe"}
    )
    assert theme.labels == {"en": "Water", "fr": "Eau"}


def test_an_attachment_name_is_stored_without_control_characters(contributor_x):
    from solidarity.practices.files import check_attachment
    from tests.conftest import PDF_BYTES

    practice, _ = services.practice_create(
        actor=contributor_x,
        fields={"title": "A draft"},
        files=[check_attachment("evalu\x07ation\x1b.pdf", PDF_BYTES)],
    )
    assert [a.name for a in practice.attachments.all()] == ["evaluation.pdf"]

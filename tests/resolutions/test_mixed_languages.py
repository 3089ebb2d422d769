"""English content on a page in another language keeps its own language and direction."""

import re

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/resolutions/A/HRC/RES/56/4/"


def _opening_tags(html: str, element_id_prefix: str) -> list[str]:
    return re.findall(rf'<[a-z]+ id="{element_id_prefix}-\d+"[^>]*>', html)


def test_each_paragraph_of_the_arabic_resolution_page_is_marked_english_left_to_right(
    client, resolution_56_4
):
    html = client.get(f"/ar{URL}").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    preambular = _opening_tags(html, "pp")
    operative = _opening_tags(html, "op")
    # 56/4 as printed: 15 preambular and 20 operative paragraphs.
    assert (len(preambular), len(operative)) == (15, 20)
    for tag in preambular + operative:
        assert 'lang="en" dir="ltr"' in tag, tag
    title = re.search(r"<h1[^>]*>", html).group()
    assert 'lang="en" dir="ltr"' in title
    footnotes = re.findall(r'<li id="fn-[^"]+"[^>]*>', html)
    assert footnotes and all('lang="en" dir="ltr"' in tag for tag in footnotes)


def test_a_reader_in_french_is_told_the_text_is_english_and_led_to_the_official_french(
    client, resolution_56_4
):
    html = client.get(f"/fr{URL}").content.decode()
    note = re.search(r'<p class="message written-in">(.*?)</p>', html, re.S).group(1)
    assert "anglais" in note  # the language named in the reader's own
    assert 'href="https://docs.un.org/fr/A/HRC/RES/56/4"' in note


def test_a_reader_in_english_is_not_told_the_text_is_english(client, resolution_56_4):
    html = client.get(URL).content.decode()
    assert "written-in" not in html
    assert "docs.un.org" not in html


def test_a_practice_written_in_english_keeps_its_language_on_an_arabic_page(
    client, contributor_x, reviewer
):
    from solidarity.practices import services
    from solidarity.practices.validation import clean_content
    from tests.conftest import practice_content

    fields = clean_content(
        practice_content(title="Seed banks shared across borders.", sdg_targets=["13.a"]),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    practice, _ = services.practice_create(actor=contributor_x, fields=fields, files=[])
    services.practice_submit(actor=contributor_x, practice=practice)
    services.practice_publish(actor=reviewer, practice=practice)

    html = client.get(f"/ar/practices/{practice.pk}/").content.decode()
    assert re.search(r'<h1 lang="en" dir="ltr">Seed banks shared across borders.</h1>', html)
    assert re.search(r'<p class="lead" lang="en" dir="ltr">', html)
    assert '<bdi dir="ltr">13.a</bdi>' in html
    assert "written-in" in html
    catalogue = client_for(None).get("/ar/practices/").content.decode()
    assert re.search(r'<h2 class="result-title" lang="en" dir="ltr">', catalogue)

"""A reader opens resolution 56/4, jumps to a paragraph, sees the vote, downloads the data."""

import json

from lxml import etree

from e2e.conftest import screenshot


def test_a_reader_opens_56_4_jumps_to_op_13_and_sees_the_vote_map(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resolutions").click()
    page.get_by_role("link", name="56/4. Human rights and international solidarity").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "56/4. Human rights and international solidarity"
    )

    page.get_by_role("navigation", name="Operative paragraphs").get_by_role(
        "link", name="13", exact=True
    ).click()
    page.wait_for_url("**#op-13")
    paragraph = page.locator("#op-13")
    assert paragraph.is_visible()
    assert paragraph.inner_text().startswith("13. Requests all States")
    assert "States" in paragraph.locator(".addressee").all_inner_texts()
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < 300  # scrolled to the top of the window

    vote_map = page.get_by_role("img", name="World map of the recorded vote")
    vote_map.scroll_into_view_if_needed()
    assert vote_map.evaluate("img => img.complete && img.naturalWidth > 0")
    table = page.locator("table.vote-table")
    assert "Netherlands (Kingdom of the)" in table.inner_text()
    assert table.locator("tfoot").inner_text().split() == ["Total", "29", "14", "4"]
    screenshot(page, "resolution-56-4")
    assert page.console_errors == []


def test_a_researcher_downloads_the_json_and_the_akoma_ntoso(page):
    page.goto("/resolutions/A/HRC/RES/56/4/")
    json_link = page.get_by_role("link", name="JSON", exact=True)
    data = json.loads(page.request.get(json_link.get_attribute("href")).body())
    assert data["symbol"] == "A/HRC/RES/56/4"
    assert (data["vote"]["yes"], data["vote"]["no"], data["vote"]["abstain"]) == (29, 14, 4)

    akn_link = page.get_by_role("link", name="Akoma Ntoso XML")
    response = page.request.get(akn_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/akn+xml"
    root = etree.fromstring(response.body())
    assert root.tag == "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}akomaNtoso"

    # Following the link shows the document in the browser.
    json_link.click()
    page.wait_for_url("**/resolution.json")
    assert '"symbol": "A/HRC/RES/56/4"' in page.content()


def test_a_reader_searches_paragraphs_with_a_stemmed_word(page):
    page.goto("/resolutions/")
    page.get_by_label("Words in the paragraphs").fill("pandemic")
    page.get_by_role("button", name="Search").click()
    hits = page.locator(".hits a")
    assert "para. 8" in hits.all_inner_texts()  # "pandemics" in op. 8
    assert "preamble 13" in hits.all_inner_texts()  # "pandemic" in pp. 13
    assert page.locator(".hits mark").first.inner_text().lower().startswith("pandemic")
    page.get_by_role("link", name="para. 8", exact=True).click()
    page.wait_for_url("**#op-8")

"""Getting around as a visitor and a member of the secretariat, in English, French and Arabic:
sign-in when a page needs it, the home page's ways in, English content on Arabic pages, dates
in the page's language and the API documentation inside the site."""

import re

from e2e.conftest import screenshot


def test_an_anonymous_visitor_is_asked_to_sign_in_and_lands_on_the_page_asked_for(page, platform):
    email, password = platform["accounts"]["secretariat"]
    for path in ("/audit/", "/resolutions/ingest/", "/accounts/pending/"):
        response = page.goto(path)
        assert response.status == 200
        assert page.url.endswith(f"/accounts/login/?next={path}")
        assert page.get_by_role("button", name="Sign in").is_visible()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/pending/")
    assert page.locator("h1").is_visible()
    assert page.console_errors == []


def test_the_home_page_leads_to_good_practices_and_to_resolution_56_4(page):
    page.goto("/")
    page.get_by_role("link", name="resolution 56/4").first.click()
    page.wait_for_url("**/resolutions/A/HRC/RES/56/4/")
    page.go_back()
    page.locator(".cards").get_by_role("link", name="Good practices").click()
    page.wait_for_url("**/practices/")
    # A visitor is invited to take part, and the invitation leads to the form after signing in.
    page.locator(".invitation").get_by_role("link", name="Sign in").click()
    page.wait_for_url("**/accounts/login/?next=/practices/new/")
    screenshot(page, "invitation-to-submit")


def test_english_paragraphs_on_the_arabic_resolution_page_read_left_to_right(page):
    page.goto("/ar/resolutions/A/HRC/RES/56/4/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    paragraphs = page.locator(".paragraph.preambular, .paragraph.operative")
    assert paragraphs.count() == 35  # 15 preambular and 20 operative paragraphs in 56/4
    directions = paragraphs.evaluate_all(
        "nodes => nodes.map(n => [n.lang, getComputedStyle(n).direction])"
    )
    assert set(map(tuple, directions)) == {("en", "ltr")}
    # The full stop ends the paragraph on the right, where English puts it.
    last = page.locator("#op-20 > p")
    box = last.bounding_box()
    text_end = last.evaluate(
        "p => { const r = document.createRange(); r.selectNodeContents(p);"
        " const rects = r.getClientRects(); return rects[rects.length - 1].right; }"
    )
    assert text_end > box["x"] + box["width"] / 2
    assert page.locator(".written-in").get_by_role("link").get_attribute("href") == (
        "https://docs.un.org/ar/A/HRC/RES/56/4"
    )
    screenshot(page, "resolution-56-4-ar")


def test_a_practices_dates_are_printed_in_the_pages_language(page):
    page.goto("/practices/?sort=newest")
    page.locator(".results .result-title a").first.click()
    period = page.locator("dt:has-text('Period') + dd")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", period.inner_text())
    practice_url = page.url
    page.goto(practice_url.replace("/practices/", "/fr/practices/", 1))
    french = page.locator("dd time").first.inner_text()
    assert re.fullmatch(
        r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
        r"novembre|décembre) \d{4}",
        french,
    ), french


def test_the_api_documentation_is_a_page_of_the_site_with_its_explorer(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Open data and API"
    ).click()
    assert page.get_by_role("heading", level=1, name="API documentation").is_visible()
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert page.get_by_text("GET /api/v1/resolutions/{symbol}", exact=True).is_visible()
    page.get_by_text("Open the interactive explorer").click()
    page.locator("#swagger-ui").get_by_role("heading", name="resolutions").wait_for()
    assert page.get_by_text("Unable to render this definition").count() == 0
    screenshot(page, "api-docs")
    page.locator(".brand").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.console_errors == []

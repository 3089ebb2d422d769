"""A researcher searches the resolutions, with scripts off, and sees every paragraph that matches.

What each paragraph of 56/4 holds was read in solidarity/demo/data/A-HRC-RES-56-4.md:
operative paragraph 13 speaks of solidarity and not of development; preambular
paragraph 5 and operative paragraphs 9, 14 and 16 speak of both.
"""

from e2e.conftest import screenshot


def test_a_word_left_out_drops_paragraphs_not_the_resolution_and_all_matches_open(
    browser, platform
):
    context = browser.new_context(
        base_url=platform["url"], viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/resolutions/")
    page.get_by_label("Words in the paragraphs").fill("solidarity NOT development")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**q=solidarity*")
    result = page.locator("ol.results > li").filter(
        has=page.get_by_role("link", name="56/4. Human rights and international solidarity")
    )
    assert "No paragraph matches" not in page.content()
    all_hits = result.locator("details.all-hits")
    op_13 = all_hits.locator('a[href="/resolutions/A/HRC/RES/56/4/#op-13"]')
    assert not op_13.is_visible()
    all_hits.locator("summary").click()
    assert op_13.is_visible()
    note = result.locator("p.left-out")
    assert note.inner_text().startswith("Not shown: 6 paragraphs hold the words searched for")
    for anchor in ("pp-5", "op-9", "op-14", "op-16"):
        assert note.locator(f'a[href="/resolutions/A/HRC/RES/56/4/#{anchor}"]').count() == 1
        assert all_hits.locator(f'a[href="/resolutions/A/HRC/RES/56/4/#{anchor}"]').count() == 0
    screenshot(page, "resolution-search-not")
    op_13.click()
    page.wait_for_url("**#op-13")
    assert page.locator("#op-13").inner_text().startswith("13. Requests all States")
    context.close()

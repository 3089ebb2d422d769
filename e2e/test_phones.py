"""On a phone 390 pixels wide: the recorded vote of resolution 56/4 and the good-practice
catalogue, in English and Arabic, fit the screen; the catalogue's results come before its
filters, which open behind a "Filters" control; and the keyboard's focus ring stands out on
every background it is drawn over."""

import pytest

from e2e.conftest import screenshot

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, platform):
    context = browser.new_context(base_url=platform["url"], viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_recorded_vote_of_56_4_fits_a_phone_and_its_abstaining_column_can_be_read(phone):
    phone.goto("/resolutions/A/HRC/RES/56/4/")
    assert page_width(phone) <= PHONE["width"]
    table = phone.locator("table.vote-table")
    abstaining = table.get_by_role("columnheader", name="Abstaining")
    # The table scrolls inside its own frame: the last column comes into view there.
    abstaining.scroll_into_view_if_needed()
    box = abstaining.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert abstaining.is_visible()
    assert page_width(phone) <= PHONE["width"]
    screenshot(phone, "phone-56-4-vote")


@pytest.mark.parametrize("language", ["", "/ar"])
def test_the_catalogue_fits_a_phone_in_english_and_arabic(phone, language):
    phone.goto(f"{language}/practices/")
    assert page_width(phone) <= PHONE["width"]
    search_box = phone.locator("#id_q")
    box = search_box.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(phone, f"phone-catalogue{language.replace('/', '-')}")


def test_on_a_phone_the_results_come_first_and_the_filters_open_on_demand(phone):
    phone.goto("/practices/")
    first_result = phone.locator("ol.results > li").first.get_by_role("link").first
    result_top = first_result.bounding_box()["y"]
    assert result_top < 2 * PHONE["height"], result_top
    theme_links = phone.locator('.facets a[data-facet="theme"]')
    assert not theme_links.first.is_visible()

    filters = phone.locator(".filters-toggle > summary")
    assert filters.inner_text() == "Filters"
    filters.click()
    assert theme_links.first.is_visible()
    theme = theme_links.first
    label = theme.inner_text().strip()
    theme.click()
    phone.wait_for_load_state()

    # The chosen filter is named above the results, and the filters stay folded.
    active = phone.locator(".active-filters")
    assert label in active.inner_text()
    assert "1" in phone.locator(".filters-toggle > summary").inner_text()
    assert not phone.locator('.facets a[data-facet="theme"]').first.is_visible()
    assert page_width(phone) <= PHONE["width"]
    active.get_by_role("link", name="Clear all filters").click()
    phone.wait_for_url("**/practices/")
    assert phone.locator(".active-filters").count() == 0

    # Open in Arabic, the filters are not cut off on either side.
    phone.goto("/ar/practices/")
    phone.locator(".filters-toggle > summary").click()
    assert phone.locator('.facets a[data-facet="theme"]').first.is_visible()
    assert page_width(phone) <= PHONE["width"]


def test_at_desktop_width_the_filters_are_shown_without_opening_anything(page):
    page.goto("/practices/")
    assert page.locator('.facets a[data-facet="theme"]').first.is_visible()


def test_the_keyboard_reaches_the_first_result_through_two_skip_links(phone):
    phone.goto("/practices/")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Skip to main content"
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Skip to the results"
    assert phone.locator(":focus").is_visible()
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    first_result = phone.locator("ol.results > li").first.get_by_role("link").first
    assert first_result.evaluate("link => link === document.activeElement")


# The colour the ring is drawn in, and the colour just outside the focused element, where
# the ring lies; the contrast ratio as WCAG 2 defines it.
RING_AND_BACKGROUND = """element => {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const gap = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
  const x = box.left + Math.min(box.width / 2, 8), y = box.top - gap;
  const behind = document.elementsFromPoint(x, Math.max(y, 0))
    .filter(other => other !== element && !element.contains(other));
  let node = behind[0];
  const clear = node => getComputedStyle(node).backgroundColor === 'rgba(0, 0, 0, 0)';
  while (node && clear(node)) node = node.parentElement;
  return {
    ring: style.outlineColor, width: parseFloat(style.outlineWidth), style: style.outlineStyle,
    background: node ? getComputedStyle(node).backgroundColor : 'rgb(255, 255, 255)',
  };
}"""


def luminance(css: str) -> float:
    parts = css[css.index("(") + 1 : css.index(")")].replace(",", " ").split()
    channels = []
    for part in parts[:3]:
        c = float(part) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 2) == 21.0
    assert round(contrast("rgb(180, 83, 9)", "rgb(11, 79, 138)"), 2) == 1.67


def test_the_focus_ring_reaches_3_to_1_on_every_background(page):
    page.goto("/practices/")
    seen = {}
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        if focused.count() == 0 or not focused.is_visible():
            continue
        found = focused.evaluate(RING_AND_BACKGROUND)
        name = focused.evaluate(
            "e => e.tagName + ' ' + (e.textContent || e.id).trim().slice(0, 30)"
        )
        assert found["style"] != "none" and found["width"] >= 2, (name, found)
        ratio = contrast(found["ring"], found["background"])
        assert ratio >= 3, (name, found, round(ratio, 2))
        seen[found["background"]] = name
    # The walk crossed the blue header, the darker menu, the page and the grey search form.
    assert len(seen) >= 4, seen


@pytest.mark.parametrize("language", ["", "/ar"])
def test_on_a_phone_the_navigation_folds_behind_menu_and_the_page_starts_on_the_first_screen(
    phone, language
):
    phone.goto(f"{language}/resolutions/A/HRC/RES/56/4/")
    heading = phone.get_by_role("heading", level=1)
    assert heading.bounding_box()["y"] < PHONE["height"] / 2
    navigation = phone.get_by_role("navigation", name="Main" if not language else "التنقل الرئيسي")
    menu = navigation.get_by_role("button")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not navigation.get_by_role("link").first.is_visible()

    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    practices = navigation.locator('a[href$="/practices/"]')
    assert practices.is_visible()
    practices.click()
    phone.wait_for_url(f"**{language}/practices/")
    assert page_width(phone) <= PHONE["width"]


def test_on_a_wide_screen_the_navigation_is_open_and_has_no_menu_button(page):
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    assert not navigation.get_by_role("button").is_visible()
    assert navigation.get_by_role("link", name="Good practices").is_visible()


def test_without_script_the_navigation_stays_open_on_a_phone(browser, platform):
    context = browser.new_context(
        base_url=platform["url"], viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    assert navigation.get_by_role("link", name="Good practices").is_visible()
    assert not navigation.get_by_role("button").is_visible()
    context.close()

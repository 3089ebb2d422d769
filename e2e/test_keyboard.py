"""The main flows with the keyboard alone: a contributor submits a good practice, a reviewer
publishes it and it shows in the catalogue, a State focal point answers an open call.

No mouse: only Tab, Enter, Space, arrow keys and typing. A page is opened by its address only
where a flow starts; locators only say what has focus and what the page shows.
"""

from __future__ import annotations

import re

from e2e.conftest import screenshot
from e2e.keyboard import (
    activate,
    assert_focus_visible,
    choose,
    focused,
    has_focus,
    tab_through,
    tab_to,
)

TITLE = "Keyboard-built seed banks for drought-hit villages"
WORD = "seedkeepers"  # found nowhere else on the platform
CALL = "/calls/example-solidarity-and-poverty/"


def sign_in(page, platform, role: str) -> None:
    """From the home page to the desk: the header's Sign in link, the form, Enter."""
    email, password = platform["accounts"][role]
    page.goto("/")
    account = page.get_by_role("navigation", name="Your account")
    tab_to(page, "link", "Sign in", within=account)
    assert_focus_visible(page)  # on the blue header
    activate(page, url="**/accounts/login/")
    # The e-mail field has the focus on arrival.
    assert focused(page) == 'input[email] "E-mail address *"'
    page.keyboard.type(email)
    tab_to(page, "textbox", "Password")
    page.keyboard.type(password)
    tab_to(page, "button", "Sign in", within=page.get_by_role("main"))
    activate(page, url="**/desk/")


def sign_out(page) -> None:
    page.goto("/desk/")
    tab_to(page, "button", "Sign out", within=page.get_by_role("navigation", name="Your account"))
    activate(page)
    assert (
        page.get_by_role("navigation", name="Your account")
        .get_by_role("link", name="Sign in")
        .is_visible()
    )


def test_a_good_practice_is_submitted_reviewed_and_found_with_the_keyboard_alone(page, platform):
    # A contributor signs in and goes from the header to the submission form.
    sign_in(page, platform, "contributor")
    tab_to(page, "link", "Good practices", within=page.get_by_role("navigation", name="Main"))
    activate(page, url="**/practices/")
    tab_to(page, "link", "Submit a good practice")
    activate(page, url="**/practices/new/")

    tab_to(page, "textbox", "Title")
    assert_focus_visible(page)
    page.keyboard.type(TITLE)
    tab_to(page, "textbox", "Summary")
    page.keyboard.type(f"Villages keep their own seed in shared banks run by {WORD}.")
    tab_to(page, "textbox", "Description")
    page.keyboard.type("Each village stores the seed of its best harvest.")
    page.keyboard.press("Enter")  # a new paragraph: Enter in a text area does not send
    page.keyboard.press("Enter")
    page.keyboard.type("After a drought the fields are sown again within weeks.")
    tab_to(page, "textbox", "Started on")
    page.keyboard.type("03012021")  # month, day, year: the field moves on by itself
    assert page.get_by_label("Started on").input_value() == "2021-03-01"

    who = page.get_by_role("group", name="Who did it")
    tab_to(page, "textbox", "Actor 1: name", within=who)
    page.keyboard.type("Kitui Seed Savers")
    tab_to(page, "combobox", "Actor 1: type", within=who)
    choose(page, "Non-governmental organization")
    where = page.get_by_role("group", name="Countries involved")
    tab_to(page, "combobox", "Country 1", within=where)
    choose(page, "Kenya")
    tab_to(page, "combobox", "Country 1: role", within=where)
    choose(page, "Beneficiary")

    tab_to(page, "combobox", "Level")
    choose(page, "National")
    themes = page.get_by_role("group", name="Themes")
    tab_to(page, "checkbox", "Food insecurity", within=themes)
    assert_focus_visible(page)
    page.keyboard.press("Space")
    assert themes.get_by_role("checkbox", name="Food insecurity").is_checked()
    modalities = page.get_by_role("group", name="Modalities")
    tab_to(page, "checkbox", "South-South cooperation", within=modalities)
    page.keyboard.press("Space")
    assert modalities.get_by_role("checkbox", name="South-South cooperation").is_checked()

    tab_to(page, "button", "Save and send for review")
    assert_focus_visible(page)
    activate(page, url="**/workspace/")
    assert page.get_by_role("status").inner_text() == "Sent for review. You will hear by e-mail."
    assert page.locator(".status-line .tag").inner_text() == "In review"
    sign_out(page)

    # A reviewer finds it through the desk and the review queue, and publishes it.
    sign_in(page, platform, "reviewer")
    tab_to(page, "link", re.compile(r"waiting for a decision"), exact=False)
    activate(page, url="**/practices/review/")
    tab_to(page, "link", TITLE)
    activate(page, url="**/workspace/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    tab_to(page, "button", "Publish")
    assert_focus_visible(page)
    activate(page)
    assert page.locator(".status-line .tag").inner_text() == "Published"
    sign_out(page)

    # Anyone finds it in the catalogue: search, skip to the results, open it.
    tab_to(page, "link", "Good practices", within=page.get_by_role("navigation", name="Main"))
    activate(page, url="**/practices/")
    tab_to(page, "searchbox", "Words")
    page.keyboard.type(WORD)
    activate(page, url=re.compile(rf"q={WORD}"))
    tab_to(page, "link", "Skip to the results")
    page.keyboard.press("Enter")
    tab_to(page, "link", TITLE, limit=3)  # the results come next, not the filters
    activate(page)
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    screenshot(page, "keyboard-published-practice")
    assert page.console_errors == []


def test_a_state_answers_an_open_call_with_the_keyboard_alone(page, platform):
    sign_in(page, platform, "focal_point")
    calls = page.get_by_role("region", name="Open calls for input")
    tab_to(page, "link", re.compile("^Example call for input"), within=calls)
    activate(page, url=f"**{CALL}")
    tab_to(page, "link", "Answer this call")
    activate(page, url=f"**{CALL}answer/")

    tab_to(page, "textbox", re.compile(r"^1\. What does your State"))
    page.keyboard.type("Our brigades share seed and water with neighbouring States.")
    levels = page.get_by_role("group", name="2. At which levels does this work take place?")
    tab_to(page, "checkbox", "Regional", within=levels)
    page.keyboard.press("Space")
    assert levels.get_by_role("checkbox", name="Regional").is_checked()
    consultation = page.get_by_role(
        "group", name="3. Would you take part in a consultation on the draft declaration?"
    )
    tab_to(page, "radio", "Yes", within=consultation)
    page.keyboard.press("ArrowDown")  # arrows move within a group of options and choose
    assert consultation.get_by_role("radio", name="No", exact=True).is_checked()
    consent = page.get_by_role("group", name="May we publish your submission?")
    tab_to(page, "radio", "Publish my submission with my name", within=consent)
    page.keyboard.press("Space")
    assert consent.get_by_role("radio", name="Publish my submission with my name").is_checked()
    tab_to(page, "button", "Send the submission")
    assert_focus_visible(page)
    activate(page)

    receipt = page.locator("#receipt")
    assert re.search(r"CFI-\d{4}-\d{3}-\d{5}", receipt.inner_text())
    assert page.console_errors == []


def test_the_skip_link_takes_the_focus_past_the_header(page, platform):
    page.goto("/practices/")
    tab_to(page, "link", "Skip to main content", limit=1)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    # The next Tab lands on the first control of the page's own content, not the header.
    tab_to(page, "link", "Skip to the results", limit=1)


def test_on_a_phone_the_folded_menu_opens_with_enter_and_closes_with_space(browser, platform):
    context = browser.new_context(base_url=platform["url"], viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    menu = tab_to(page, "button", re.compile("^Menu"), within=navigation, exact=False)
    assert_focus_visible(page)
    assert menu.get_attribute("aria-expanded") == "false"
    # Folded, its links are out of the way: the next Tab goes on to the page.
    page.keyboard.press("Tab")
    assert not has_focus(navigation.get_by_role("link"))
    page.keyboard.press("Shift+Tab")
    assert has_focus(menu)
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    tab_to(page, "link", "Good practices", within=navigation)
    assert_focus_visible(page)
    activate(page, url="**/practices/")
    context.close()


def test_every_control_of_the_forms_shows_its_focus_and_lets_it_go(page, platform):
    sign_in(page, platform, "contributor")
    for path in ("/desk/", "/practices/new/", f"{CALL}answer/", "/practices/"):
        page.goto(path)
        stops = tab_through(page)
        # Focus went through the header, the whole page and out past the footer's last link.
        assert stops[0] == 'a "Skip to main content"', path
        assert stops[-1] == 'a "OpenAPI"', (path, stops)

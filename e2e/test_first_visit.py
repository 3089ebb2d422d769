"""A visitor's first steps, and the secretariat signing in."""

from e2e.conftest import screenshot, sign_in


def test_a_visitor_switches_to_arabic_and_the_layout_turns_right_to_left(page):
    page.goto("/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Human rights and international solidarity"
    )
    brand_ltr = page.locator(".brand").bounding_box()
    screenshot(page, "home-en")

    page.locator("nav.languages a[lang=ar]").click()
    page.wait_for_url("**/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    brand_rtl = page.locator(".brand").bounding_box()
    # The brand moves from the left edge to the right edge of the page.
    assert brand_ltr["x"] < 200
    assert brand_rtl["x"] > 1280 - 400
    screenshot(page, "home-ar")
    assert page.console_errors == []


def test_a_secretariat_member_signs_in_and_reads_the_audit_trail(page, platform):
    sign_in(page, platform, "secretariat")
    assert page.get_by_text("Mandate secretariat").first.is_visible()

    page.get_by_role("link", name="Audit trail").click()
    assert page.get_by_role("heading", name="Audit trail").is_visible()
    # The demonstration writes more than a page of entries; the filter finds the first ones.
    page.get_by_label("Action").select_option(label="Created an organization")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/audit/?action=organization.create*")
    assert page.get_by_role("cell", name="Created an organization").first.is_visible()
    screenshot(page, "audit-trail")


def test_a_wrong_password_is_refused_with_a_message(page, platform):
    email, _ = platform["accounts"]["reviewer"]
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("Please enter a correct")


def test_a_developer_reads_the_api_documentation_served_locally(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Open data and API"
    ).click()
    # The reference is written in the page; Swagger UI opens below it, from our own files.
    page.get_by_text("Open the interactive explorer").click()
    page.get_by_text("/api/v1/resolutions/{symbol}", exact=True).first.wait_for()
    assert page.locator("#swagger-ui").get_by_role("heading", name="resolutions").is_visible()
    assert page.get_by_text("Unable to render this definition").count() == 0
    assert page.console_errors == []

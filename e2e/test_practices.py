"""A contributor submits a good practice; a reviewer asks for changes, then publishes it;
a visitor finds it in the catalogue and in the Atom feed."""

import re
import xml.etree.ElementTree as ET

from e2e.conftest import screenshot, sign_in, sign_out

TITLE = "Rainwater harvesting cisterns for schools"
SUMMARY = "Rural schools in Kenya collect the rain from their roofs in shared cisterns."
ADDED = "Every pupil now has drinking water through the dry season."
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ATOM = "{http://www.w3.org/2005/Atom}"


def open_from_review_queue(page):
    page.goto("/practices/review/")
    assert page.get_by_role("heading", name="Review queue").is_visible()
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url("**/workspace/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.locator(".status-line .tag").inner_text() == "In review"


def test_a_good_practice_goes_from_submission_through_review_to_the_catalogue(
    page, platform, tmp_path
):
    # A contributor submits the practice, with a document.
    sign_in(page, platform, "contributor")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Good practices").click()
    page.get_by_role("link", name="Submit a good practice").click()
    page.wait_for_url("**/practices/new/")
    page.get_by_role("textbox", name="Title", exact=True).fill(TITLE)
    page.get_by_label("Summary").fill(SUMMARY)
    page.get_by_label("Description").fill(
        "Twelve schools built cisterns fed by their roofs.\n\n"
        "Harvesting the rain freed the pupils from the long walk to the river."
    )
    page.get_by_label("What was done").fill("Roofs were guttered and cisterns were built.")
    page.get_by_label("Started on").fill("2021-03-01")
    page.get_by_label("Level", exact=True).select_option(label="National")
    page.get_by_label("Water and sanitation", exact=True).check()
    page.get_by_label("South-South cooperation", exact=True).check()
    who = page.get_by_role("group", name="Who did it")
    assert who.get_by_label("Actor 1: name").is_visible()
    who.get_by_label("Actor 1: name").fill("Kitui Schools Water Association")
    who.get_by_label("Actor 1: type").select_option(label="Non-governmental organization")
    where = page.get_by_role("group", name="Countries involved")
    assert where.get_by_label("Country 1", exact=True).is_visible()
    where.get_by_label("Country 1", exact=True).select_option(label="Kenya")
    where.get_by_label("Country 1: role").select_option(label="Beneficiary")
    pdf = tmp_path / "cistern-plans.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("Add documents").set_input_files(pdf)
    page.get_by_role("button", name="Save and send for review").click()
    page.wait_for_url("**/workspace/")
    assert page.get_by_role("status").inner_text() == "Sent for review. You will hear by e-mail."
    assert page.locator(".status-line .tag").inner_text() == "In review"
    assert page.get_by_role("link", name="cistern-plans.pdf").is_visible()
    sign_out(page)

    # A reviewer asks for changes.
    sign_in(page, platform, "reviewer")
    open_from_review_queue(page)
    page.get_by_label("Message").fill("Please say what the cisterns changed for the pupils.")
    page.get_by_role("button", name="Request changes").click()
    assert page.get_by_role("status").inner_text().startswith("Changes requested")
    sign_out(page)

    # The contributor reads the request and changes the summary.
    sign_in(page, platform, "contributor")
    page.goto("/practices/mine/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE))
    assert row.get_by_role("cell").first.inner_text() == "Changes requested"
    row.get_by_role("link", name=TITLE).click()
    assert page.locator(".status-line .tag").inner_text() == "Changes requested"
    assert page.get_by_text("Please say what the cisterns changed for the pupils.").is_visible()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_url("**/edit/")
    assert page.get_by_label("Summary").input_value() == SUMMARY
    page.get_by_label("Summary").fill(f"{SUMMARY} {ADDED}")
    page.get_by_role("button", name="Save and send for review").click()
    page.wait_for_url("**/workspace/")
    assert page.locator(".status-line .tag").inner_text() == "In review"
    assert page.get_by_text(ADDED).is_visible()
    sign_out(page)

    # The reviewer publishes it.
    sign_in(page, platform, "reviewer")
    open_from_review_queue(page)
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_role("status").inner_text() == "Published as version 1."
    assert page.locator(".status-line .tag").inner_text() == "Published"
    sign_out(page)

    # A visitor narrows the catalogue by theme and finds it with another form of the word.
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Good practices").click()
    page.wait_for_url("**/practices/")
    everything = page.get_by_role("status").inner_text()
    water = page.get_by_role("complementary", name="Narrow the results").get_by_role(
        "link", name="Water and sanitation", exact=True
    )
    assert water.get_attribute("data-facet") == "theme"
    assert water.get_attribute("data-value") == "water_sanitation"
    water.click()
    page.wait_for_url(re.compile(r"theme=water_sanitation"))
    assert page.get_by_role("status").inner_text() != everything
    assert page.locator("a.selected[data-value=water_sanitation]").is_visible()
    page.get_by_label("Words").fill("harvested")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=harvested"))
    assert "theme=water_sanitation" in page.url  # the filter is kept
    result = page.locator(".results li").filter(has=page.get_by_role("link", name=TITLE))
    assert result.count() == 1
    assert result.locator("mark").first.inner_text().lower().startswith("harvest")
    screenshot(page, "practices-catalogue")

    result.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_text(ADDED).is_visible()
    document = page.get_by_role("link", name="cistern-plans.pdf")
    assert document.is_visible()
    response = page.request.get(document.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body() == PDF
    assert page.console_errors == []

    # The Atom feed announces it.
    feed = page.request.get("/practices/feed/")
    assert feed.ok
    entries = ET.fromstring(feed.body()).findall(f"{ATOM}entry")
    assert TITLE in [entry.findtext(f"{ATOM}title") for entry in entries]
